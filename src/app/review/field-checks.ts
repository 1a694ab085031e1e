import type { CardField } from '../../idcard/api-contract.ts';
import { type IsoDate, parseCardDate } from '../../idcard/card-dates.ts';
import { isEthnicGroup } from '../../idcard/ethnic-groups.ts';
import { birthDateFromIdNumber, checkIdNumber, sexFromIdNumber } from '../../idcard/id-number.ts';
import { isSex } from '../../idcard/sex.ts';
import {
  fitsValidityRule,
  isExpired,
  LONG_TERM,
  parseValidTo,
  validityLengthOf,
  validityYearsForAge,
} from '../../idcard/validity-period.ts';
import type { FieldValues } from '../people/person.ts';

/** A remark next to a field: a `problem` cannot be on a genuine card, a `warning` deserves a look. */
export type FieldNote = { level: 'problem' | 'warning'; message: string };
export type FieldNotes = Partial<Record<CardField, FieldNote[]>>;

const problem = (message: string): FieldNote => ({ level: 'problem', message });
const warning = (message: string): FieldNote => ({ level: 'warning', message });

/**
 * Checks a person's fields against the card rules as the clerk edits them; `present` names the
 * fields of the faces on the desk, so a missing face raises nothing.
 */
export function checkFields(
  values: FieldValues,
  present: readonly CardField[],
  today: IsoDate,
): FieldNotes {
  const notes: FieldNotes = {};
  const add = (field: CardField, note: FieldNote) => {
    notes[field] = [...(notes[field] ?? []), note];
  };
  for (const field of present) {
    if ((values[field] ?? '').trim() === '') add(field, warning('未识别到内容，请对照证件填写'));
  }
  const has = (field: CardField) => present.includes(field) && (values[field] ?? '').trim() !== '';

  const number = values.number ?? '';
  const numberBirth = has('number') ? birthDateFromIdNumber(number) : null;
  if (has('number')) {
    const check = checkIdNumber(number, today);
    for (const issue of check.problems) add('number', problem(issue.message));
    for (const issue of check.warnings) add('number', warning(issue.message));
  }

  if (has('birth')) {
    const birth = parseCardDate(values.birth ?? '');
    if (birth === null) add('birth', problem('不是有效日期，格式如 1990-03-06'));
    else if (numberBirth !== null && birth !== numberBirth) {
      add('birth', problem(`与公民身份号码中的出生日期 ${numberBirth} 不符`));
    }
  }

  if (has('sex')) {
    const sex = (values.sex ?? '').trim();
    const numberSex = has('number') ? sexFromIdNumber(number) : null;
    if (!isSex(sex)) add('sex', problem('应为“男”或“女”'));
    else if (numberSex !== null && sex !== numberSex) {
      add('sex', problem(`与公民身份号码第 17 位不符（按号码应为${numberSex}）`));
    }
  }

  if (has('ethnicity') && !isEthnicGroup(values.ethnicity ?? '')) {
    add('ethnicity', problem('不是证件上会印的民族名称（如“汉”“蒙古”）'));
  }

  const from = has('valid_from') ? parseCardDate(values.valid_from ?? '') : null;
  const to = has('valid_to') ? parseValidTo(values.valid_to ?? '') : null;
  if (has('valid_from') && from === null)
    add('valid_from', problem('不是有效日期，格式如 2015-03-06'));
  if (has('valid_to') && to === null) {
    add('valid_to', problem(`不是有效日期，格式如 2035-03-06，或“${LONG_TERM}”`));
  }
  if (to !== null && isExpired(to, today)) add('valid_to', problem(`证件已于 ${to} 过期`));
  if (from !== null && to !== null) {
    const birth = has('birth') ? parseCardDate(values.birth ?? '') : null;
    if (validityLengthOf(from, to) === null) {
      add('valid_to', problem('有效期限应为 5、10、20 年或长期'));
    } else if (!fitsValidityRule(birth, from, to) && birth !== null) {
      const expected = validityYearsForAge(birth, from);
      const wording = expected === LONG_TERM ? '长期' : `${expected} 年`;
      add('valid_to', problem(`与持证人年龄不符：签发时应为${wording}有效`));
    }
  }

  return notes;
}
