import type { VerificationResult } from './api-contract.ts';
import { EARLIEST_BIRTH, type IsoDate, parseCardDate } from './card-dates.ts';
import type { BackFields, FrontFields } from './card-fields.ts';
import { normalizeField } from './card-fields.ts';
import { birthDateFromIdNumber, hasValidCheckCharacter, sexFromIdNumber } from './id-number.ts';
import { fitsValidityRule, isWithinPeriod, validityPeriodOf } from './validity-period.ts';

/**
 * The API's `verification_result` for the faces at hand (API.md). Each check is true only when
 * its face is present and its rule holds; checks of a missing face are false.
 *
 * `valid_validity_period` with the emblem side alone means the period has a lawful length (5, 10
 * or 20 years to the month and day, or 长期); with both sides it must also be the length for the
 * holder's age on the first day of the period, taking the birth date printed on the portrait
 * side, or the one in the number when the printed one does not read as a date.
 */
export function verify(
  front: FrontFields | undefined,
  back: BackFields | undefined,
  today: IsoDate,
): VerificationResult {
  const number = front ? normalizeField('number', front.number) : '';
  const printedBirth = front ? parseCardDate(front.birth) : null;
  const numberBirth = front ? birthDateFromIdNumber(number) : null;
  const period = back ? validityPeriodOf(back.valid_from, back.valid_to) : null;

  return {
    valid_number: front !== undefined && hasValidCheckCharacter(number),
    valid_birth:
      printedBirth !== null &&
      printedBirth === numberBirth &&
      printedBirth >= EARLIEST_BIRTH &&
      printedBirth <= today,
    valid_sex: front !== undefined && normalizeField('sex', front.sex) === sexFromIdNumber(number),
    valid_date: period !== null && isWithinPeriod(period, today),
    valid_validity_period:
      period !== null && fitsValidityRule(printedBirth ?? numberBirth, period.from, period.to),
  };
}
