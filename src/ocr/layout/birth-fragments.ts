import type { IsoDate } from '../../idcard/card-dates.ts';

/**
 * The parts of a birth row still legible where a stamp or seal hides the rest (19?7年 … 7日). A
 * month or day counts only with nothing but its own digits before it: in 19721月, 年 was lost and
 * the 1 may be the year's. The year is the row's one group of four digits, with its 年 or
 * without (2002 alone, the rest of the row boxed with a mark over it), or the four digits the row
 * begins with, as the card prints its year first (20041 of 2004年3月6日, a seal's stroke over 年
 * read as a 1 and the rest lost under it).
 */
const PARTS: readonly { pattern: RegExp; slice: [number, number] }[] = [
  { pattern: /^(\d{4})|(?<!\d)(\d{4})(?!\d)/u, slice: [0, 4] },
  { pattern: /(?<!\d)(\d{1,2})月/u, slice: [5, 7] },
  { pattern: /(?<!\d)(\d{1,2})日/u, slice: [8, 10] },
];

/**
 * Whether the legible parts of a birth row that does not read as a whole date (a seal over the
 * month, 1972年1 16日 with its 月 lost) agree with `date`: at least one of its year, month and
 * day, each as printed before its 年/月/日, and none that disagrees.
 */
export function fragmentsAgree(printed: string, date: IsoDate): boolean {
  let agreeing = 0;
  for (const { pattern, slice } of PARTS) {
    const match = pattern.exec(printed);
    if (!match) continue;
    if (Number(match[1] ?? match[2]) !== Number(date.slice(...slice))) return false;
    agreeing++;
  }
  return agreeing > 0;
}

/** The digits a birth row prints for `date`: the year, then month and day without leading 0. */
function printedDigits(date: IsoDate): string {
  return `${date.slice(0, 4)}${Number(date.slice(5, 7))}${Number(date.slice(8, 10))}`;
}

/** Whether `longer` is `shorter` with one character put in somewhere. */
function oneInserted(shorter: string, longer: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  return Array.from(longer).some((_, i) => longer.slice(0, i) + longer.slice(i + 1) === shorter);
}

/**
 * Whether a birth row's digits are those `date` prints, where the row spells no date of its own:
 * all of them with a 年, 月 or 日 lost (20016月21 for 2001-06-21), or with exactly one digit lost
 * (2001年2月18日 for 2001-12-18: a mark's stroke over the 1 of 12, and the recogniser closes the
 * row up without a trace) or one more (1990年14月12日 for 1990-04-12: a stroke of a shadow's edge
 * or a mark read as a 1). Years, months and days do not come within a digit of each other by
 * chance, so with a valid number its date is the row's, though shown to the clerk.
 */
export function digitsWithinOne(printed: string, date: IsoDate): boolean {
  const read = printed.replace(/\D/gu, '');
  const full = printedDigits(date);
  return read === full || oneInserted(read, full) || oneInserted(full, read);
}

/**
 * Whether a birth row holds no digit at all: a usage line or a stamp read in the date's place
 * (公司办 of 仅供本公司办理开户使用 written across the row) shows nothing of the date, and nothing
 * legible disagrees with the number's, so the row counts as unread.
 */
export function showsNoDigit(printed: string): boolean {
  return !/\d/u.test(printed);
}
