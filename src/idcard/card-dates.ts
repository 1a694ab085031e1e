/**
 * Calendar dates as the card prints them and as the API carries them.
 *
 * The portrait side prints the birth date as `1990 年 3 月 6 日` (unpadded, spaced); the emblem
 * side prints its validity period as `2015.03.06-2025.03.06`; the API carries `1990-03-06`.
 * Dates are plain proleptic Gregorian calendar days, with no time zone: the card has none.
 */

/** A calendar day in the API's form `YYYY-MM-DD`, always a real date when produced here. */
export type IsoDate = string;

/** Birth dates in ID numbers start at 1900 (GB 11643-1999 encodes the century in full). */
export const EARLIEST_BIRTH: IsoDate = '1900-01-01';

const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const DOTTED_DATE = /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` for a real calendar day with a four-digit year, else null (2023-02-29, 1990-13-01). */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate | null {
  const isReal =
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month);
  if (!isReal) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Year, month and day of an ISO date; throws on text that is not one (a caller's mistake). */
export function isoDateParts(iso: IsoDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || isoDateFromParts(Number(match[1]), Number(match[2]), Number(match[3])) === null) {
    throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(iso)}`);
  }
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseCardDate(text) === text;
}

/**
 * Reads a date in any form the card or the API uses: `1990 年 3 月 6 日`, `1990年3月6日`,
 * `2015.03.06`, `1990-03-06` (month and day padded or not). Surrounding spaces are ignored.
 * Returns null for anything else and for days that do not exist.
 */
export function parseCardDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  const match =
    CHINESE_DATE.exec(trimmed) ?? DOTTED_DATE.exec(trimmed) ?? ISO_DATE.exec(trimmed) ?? null;
  if (!match) return null;
  return isoDateFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The birth date as the portrait side prints it: `1990 年 3 月 6 日`. */
export function formatPrintedBirth(iso: IsoDate): string {
  const { year, month, day } = isoDateParts(iso);
  return `${year} 年 ${month} 月 ${day} 日`;
}

/** A date as the emblem side prints it in the validity period: `2015.03.06`. */
export function formatPrintedDate(iso: IsoDate): string {
  const { year, month, day } = isoDateParts(iso);
  return `${pad(year, 4)}.${pad(month, 2)}.${pad(day, 2)}`;
}

/** Today's calendar day in the local time zone of whoever runs this (the counter's clock). */
export function isoDateOf(date: Date): IsoDate {
  const iso = isoDateFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
  if (iso === null) throw new RangeError(`not a valid Date: ${String(date)}`);
  return iso;
}

/**
 * Whole years from `birth` to `on`. The years turn on the day whose month and day are not
 * before the birth's, so someone born on 29 February turns a year older on 1 March in common
 * years. Negative when `on` is before `birth`.
 */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const b = isoDateParts(birth);
  const o = isoDateParts(on);
  const reachedBirthday = o.month > b.month || (o.month === b.month && o.day >= b.day);
  return o.year - b.year - (reachedBirthday ? 0 : 1);
}

/**
 * The same month and day `years` later. When that day does not exist (29 February in a common
 * year) both neighbours are returned: 28 February first, then 1 March.
 */
export function anniversaries(iso: IsoDate, years: number): IsoDate[] {
  const { year, month, day } = isoDateParts(iso);
  const exact = isoDateFromParts(year + years, month, day);
  if (exact !== null) return [exact];
  const lastOfFebruary = isoDateFromParts(year + years, 2, 28);
  const firstOfMarch = isoDateFromParts(year + years, 3, 1);
  return [lastOfFebruary, firstOfMarch].filter((d): d is IsoDate => d !== null);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
