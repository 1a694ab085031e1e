import { parseCardDate } from '../../idcard/card-dates.ts';
import { normalizeField } from '../../idcard/card-fields.ts';
import {
  fitsValidityRule,
  LONG_TERM,
  parseValidTo,
  validityLengthOf,
  validityYearsForAge,
} from '../../idcard/validity-period.ts';
import { type Person, personValues } from './person.ts';

/** A doubt about the person as a whole, shown above both faces. */
export type PersonWarning = { kind: 'duplicate' | 'mismatched-faces'; message: string };

/**
 * What speaks against filing each person as is: the same number on another person (the same
 * card dropped twice), or an emblem side whose period cannot be the holder's (居民身份证法 第五条:
 * the length follows the age at issue), which is what a back filed with the wrong front looks
 * like. All people at once, so a desk of 200 costs one pass, not one per person.
 */
export function warningsByPerson(people: readonly Person[]): Map<string, PersonWarning[]> {
  const numbers = people.map((person) =>
    normalizeField('number', personValues(person).number ?? ''),
  );
  const firstHolder = new Map<string, number>();
  numbers.forEach((number, index) => {
    if (number !== '' && !firstHolder.has(number)) firstHolder.set(number, index);
  });
  const byPerson = new Map<string, PersonWarning[]>();
  people.forEach((person, index) => {
    const warnings: PersonWarning[] = [];
    const number = numbers[index] ?? '';
    const twin =
      firstHolder.get(number) === index
        ? numbers.indexOf(number, index + 1)
        : (firstHolder.get(number) ?? -1);
    if (number !== '' && twin >= 0) {
      warnings.push({
        kind: 'duplicate',
        message: `与第 ${twin + 1} 人的公民身份号码相同：同一张证件可能放入了两次`,
      });
    }
    const mismatch = periodAgeMismatch(person);
    if (mismatch) warnings.push(mismatch);
    byPerson.set(person.id, warnings);
  });
  return byPerson;
}

function periodAgeMismatch(person: Person): PersonWarning | null {
  const values = personValues(person);
  const birth = person.front ? parseCardDate(values.birth ?? '') : null;
  const from = person.back ? parseCardDate(values.valid_from ?? '') : null;
  const to = person.back ? parseValidTo(values.valid_to ?? '') : null;
  if (!birth || !from || !to || !validityLengthOf(from, to) || fitsValidityRule(birth, from, to)) {
    return null;
  }
  const expected = validityYearsForAge(birth, from);
  const wording = expected === LONG_TERM ? '长期' : `${expected} 年`;
  return {
    kind: 'mismatched-faces',
    message: `有效期限与出生日期对不上（按签发时年龄应为${wording}）：国徽面可能不是此人的，请核对`,
  };
}
