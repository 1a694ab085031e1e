import {
  ageOn,
  anniversaries,
  formatPrintedDate,
  type IsoDate,
  isIsoDate,
  parseCardDate,
} from './card-dates.ts';

/**
 * The emblem side's 有效期限: `2015.03.06-2025.03.06`, or `2015.03.06-长期` for a card that never
 * expires.
 *
 * Its length follows the age at issue (居民身份证法 第五条): under 16, 5 years; 16 to 25, 10 years;
 * 26 to 45, 20 years; 46 and over, 长期. The period ends on the same month and day as it starts.
 * A period starting on 29 February ends in a common year on 28 February by some issuing offices
 * and on 1 March by others; both are accepted, since no published rule settles it and genuine
 * cards must never be flagged.
 */

export const LONG_TERM = '长期';

/** The end of a period: a date, or 长期. */
export type ValidTo = IsoDate | typeof LONG_TERM;

export type ValidityPeriod = { from: IsoDate; to: ValidTo };

/** The lawful lengths of a period, in years, or 长期. */
export type ValidityLength = 5 | 10 | 20 | typeof LONG_TERM;

/** Lengths in years with the age up to which each applies (居民身份证法 第五条). */
const TERMS_BY_AGE: readonly { maxAge: number; years: 5 | 10 | 20 }[] = [
  { maxAge: 15, years: 5 },
  { maxAge: 25, years: 10 },
  { maxAge: 45, years: 20 },
];

/** The lawful lengths of a dated period, in years (居民身份证法 第五条). */
export const DATED_TERMS: readonly number[] = TERMS_BY_AGE.map((term) => term.years);

const PRINTED_PERIOD = /^(\d{4}\.\d{1,2}\.\d{1,2})[-‐–—－~～至](\d{4}\.\d{1,2}\.\d{1,2}|长期)$/;

/** The end of a period as the API carries it (`2025-03-06`) or the card prints it; null if neither. */
export function parseValidTo(text: string): ValidTo | null {
  const trimmed = text.trim();
  return trimmed === LONG_TERM ? LONG_TERM : parseCardDate(trimmed);
}

/**
 * Reads the printed period (`2015.03.06-2025.03.06`, `2015.03.06-长期`; spaces and any dash or
 * tilde between the dates allowed). Null when either end is not a real date or the end comes
 * before the start.
 */
export function parseValidityPeriod(text: string): ValidityPeriod | null {
  const match = PRINTED_PERIOD.exec(text.replace(/\s+/g, ''));
  return match ? validityPeriodOf(match[1] ?? '', match[2] ?? '') : null;
}

/**
 * The period from its two ends in any form (the API's `valid_from` / `valid_to`, or printed);
 * null when either end is not a real date or the end comes before the start.
 */
export function validityPeriodOf(fromText: string, toText: string): ValidityPeriod | null {
  const from = parseCardDate(fromText);
  const to = parseValidTo(toText);
  if (from === null || to === null || (to !== LONG_TERM && to < from)) return null;
  return { from, to };
}

/** The period as the emblem side prints it: `2015.03.06-2025.03.06` or `2015.03.06-长期`. */
export function formatValidityPeriod(from: IsoDate, to: ValidTo): string {
  return `${formatPrintedDate(from)}-${to === LONG_TERM ? LONG_TERM : formatPrintedDate(to)}`;
}

/**
 * The length the law gives a card issued on `issueDate` to someone born on `birth`, by whole
 * years of age on the issue date (the day before the 16th birthday is still under 16). Null when
 * the issue date is before the birth.
 */
export function validityYearsForAge(birth: IsoDate, issueDate: IsoDate): ValidityLength | null {
  const age = ageOn(birth, issueDate);
  if (age < 0) return null;
  return TERMS_BY_AGE.find((term) => age <= term.maxAge)?.years ?? LONG_TERM;
}

/**
 * Which lawful length a period has, or null when it has none: an end that is not 5, 10 or 20
 * years after the start to the month and day, and not 长期.
 */
export function validityLengthOf(from: IsoDate, to: ValidTo): ValidityLength | null {
  if (!isIsoDate(from)) return null;
  if (to === LONG_TERM) return LONG_TERM;
  if (!isIsoDate(to)) return null;
  return (
    TERMS_BY_AGE.map((term) => term.years).find((years) =>
      anniversaries(from, years).includes(to),
    ) ?? null
  );
}

/**
 * Whether a period is lawful. Without a birth date (the emblem side alone) it must have one of
 * the lawful lengths; with one it must have the length for the age on its first day.
 */
export function fitsValidityRule(birth: IsoDate | null, from: IsoDate, to: ValidTo): boolean {
  const length = validityLengthOf(from, to);
  if (length === null) return false;
  if (birth === null) return true;
  if (!isIsoDate(birth)) return false;
  return validityYearsForAge(birth, from) === length;
}

/** Whether the card has run out on `today`; it is still valid on its end date itself. */
export function isExpired(to: ValidTo, today: IsoDate): boolean {
  return to !== LONG_TERM && today > to;
}

/** Whether `today` lies within the period, both ends included. */
export function isWithinPeriod(period: ValidityPeriod, today: IsoDate): boolean {
  return period.from <= today && !isExpired(period.to, today);
}
