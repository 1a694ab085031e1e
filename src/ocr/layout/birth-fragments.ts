import type { IsoDate } from '../../idcard/card-dates.ts';

/**
 * The parts of a birth row still legible where a stamp or seal hides the rest (19?7年 … 7日). A
 * month or day counts only with nothing but its own digits before it: in 19661月, 年 was lost and
 * the 1 may be the year's.
 */
const PARTS: readonly { pattern: RegExp; slice: [number, number] }[] = [
  { pattern: /(\d{4})年/u, slice: [0, 4] },
  { pattern: /(?<!\d)(\d{1,2})月/u, slice: [5, 7] },
  { pattern: /(?<!\d)(\d{1,2})日/u, slice: [8, 10] },
];

/**
 * Whether the legible parts of a birth row that does not read as a whole date (a seal over the
 * month, 1966年1 19日 with its 月 lost) agree with `date`: at least one of its year, month and
 * day, each as printed before its 年/月/日, and none that disagrees.
 */
export function fragmentsAgree(printed: string, date: IsoDate): boolean {
  let agreeing = 0;
  for (const { pattern, slice } of PARTS) {
    const match = pattern.exec(printed);
    if (!match) continue;
    if (Number(match[1]) !== Number(date.slice(...slice))) return false;
    agreeing++;
  }
  return agreeing > 0;
}
