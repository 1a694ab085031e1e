import { type IsoDate, isoDateFromParts } from '../../idcard/card-dates.ts';
import {
  DATED_TERMS,
  fitsValidityRule,
  LONG_TERM,
  type ValidTo,
} from '../../idcard/validity-period.ts';
import type { FieldReading } from './card-reading.ts';
import {
  afterPassedCheck,
  allRightProbability,
  CONFIDENCE,
  capped,
  FALSE_PASS_RATE,
} from './confidence.ts';
import { digitOf } from './digit-glyphs.ts';
import {
  acceptedVariants,
  type CharMapping,
  dominantVariant,
  firstReading,
  type Variant,
} from './glyph-variants.ts';
import { boxOfGlyphs, type Glyph, textOf } from './glyphs.ts';

/**
 * The validity period of the emblem side (有效期限): its two dates checked against the validity
 * rule (居民身份证法 第五条), repaired where one reading of doubtful digits fits it, and what a
 * mark over the row leaves legible where none does.
 */

/** Digits of a date as printed on this side (YYYY.MM.DD, dots often lost by the recogniser). */
const DATE_DIGITS = 8;

/** 长期 is told apart by either of its characters after the start date. */
const LONG_TERM_CHARS = new Set(Array.from(LONG_TERM));

const validityMapping: CharMapping = (char) => digitOf(char) ?? char;

type Period = { from: IsoDate; to: ValidTo; fromGlyphs: number[]; toGlyphs: number[] };

function dateOf(digits: string): IsoDate | null {
  return isoDateFromParts(
    Number(digits.slice(0, 4)),
    Number(digits.slice(4, 6)),
    Number(digits.slice(6, 8)),
  );
}

/** Where the row's digits stand, in order. */
function digitPositions(chars: readonly string[]): number[] {
  return chars.flatMap((char, i) => (/^\d$/.test(char) ? [i] : []));
}

/**
 * The period from the row's characters: the first eight digits are the start, the next eight
 * the end, or 长期 after the start. Dots and the dash only separate and may be lost or misread.
 */
function periodOf(chars: readonly string[]): Period | null {
  const digits = digitPositions(chars);
  const fromGlyphs = digits.slice(0, DATE_DIGITS);
  if (fromGlyphs.length < DATE_DIGITS) return null;
  const from = dateOf(fromGlyphs.map((i) => chars[i]).join(''));
  if (from === null) return null;
  const afterFrom = (fromGlyphs.at(-1) ?? 0) + 1;
  const rest = digits.slice(DATE_DIGITS);
  if (rest.length === 0) {
    const longTerm = chars.flatMap((char, i) =>
      i >= afterFrom && LONG_TERM_CHARS.has(char) ? [i] : [],
    );
    if (longTerm.length === 0) return null;
    return { from, to: LONG_TERM, fromGlyphs, toGlyphs: longTerm };
  }
  if (rest.length !== DATE_DIGITS) return null;
  const to = dateOf(rest.map((i) => chars[i]).join(''));
  if (to === null || to < from) return null;
  return { from, to, fromGlyphs, toGlyphs: rest };
}

/** The dash between the two dates, as printed or as the recogniser misreads it. */
export const PERIOD_DASHES = '-－—–~一';
const PERIOD_DASH = new RegExp(`^[${PERIOD_DASHES}]$`, 'u');

/** Part of a period: either date (and its glyph positions) where it still reads. */
type PartialPeriod = {
  from: IsoDate | null;
  to: ValidTo | null;
  fromGlyphs: number[];
  toGlyphs: number[];
  /** Whether the start is the one the end allows to have begun, not read (`onlyBegunStart`). */
  fromBegun?: true;
};

/** A whole date from exactly the digits at `positions`, or null. */
function dateAt(chars: readonly string[], positions: readonly number[]): IsoDate | null {
  return positions.length === DATE_DIGITS ? dateOf(positions.map((i) => chars[i]).join('')) : null;
}

/**
 * The digits of each date a lawful length before (-1) or after (1) `date`, on its month and day
 * (YYYYMMDD): the starts an end allows, or the ends a start does.
 */
function lawfulDigits(date: IsoDate, direction: -1 | 1): string[] {
  return DATED_TERMS.map(
    (years) =>
      `${Number(date.slice(0, 4)) + direction * years}${date.slice(5, 7)}${date.slice(8, 10)}`,
  );
}

/**
 * A start read one digit short (2021.1.22 for 2021.11.22) completed from the end: the one start
 * a lawful length before it, on the same month and day, that the digits read spell with one lost.
 */
function startMissingADigit(
  chars: readonly string[],
  positions: readonly number[],
  to: IsoDate,
): IsoDate | null {
  if (positions.length !== DATE_DIGITS - 1) return null;
  const read = positions.map((i) => chars[i]).join('');
  const starts = lawfulDigits(to, -1).filter((digits) =>
    Array.from(digits).some((_, i) => digits.slice(0, i) + digits.slice(i + 1) === read),
  );
  return starts.length === 1 ? dateOf(starts[0] as string) : null;
}

/**
 * Fewest digits of a date, read before a mark hid the rest, that tie it to the one lawful date
 * of the other end read whole: its year, as the lawful lengths differ in years.
 */
const MIN_BEGUN_DIGITS = 4;

/**
 * An end whose last digits a mark hid (2016.10.24-2036.1 of 2016.10.24-2036.10.24), completed
 * from the start read whole: the one end a lawful length after it, on the same month and day,
 * that the digits read begin.
 */
function endCutShort(
  chars: readonly string[],
  positions: readonly number[],
  from: IsoDate,
): IsoDate | null {
  if (positions.length < MIN_BEGUN_DIGITS || positions.length >= DATE_DIGITS) return null;
  const read = positions.map((i) => chars[i]).join('');
  const ends = lawfulDigits(from, 1).filter((end) => end.startsWith(read));
  return ends.length === 1 ? dateOf(ends[0] as string) : null;
}

/**
 * A start of which a mark left its year and perhaps more (2019徳-2039.10.23 of
 * 2019.10.23-2039.10.23), completed from the end read whole: the one start a lawful length before
 * it, on its month and day, that the digits read spell with one run hidden after the year
 * (`spellsWithRunHidden`), and that has begun by `today`.
 */
function startCutShort(
  chars: readonly string[],
  positions: readonly number[],
  to: IsoDate,
  today: IsoDate,
): IsoDate | null {
  if (positions.length < MIN_BEGUN_DIGITS || positions.length >= DATE_DIGITS) return null;
  const from = startSpelledBy(positions.map((i) => chars[i]).join(''), to);
  return from !== null && from <= today ? from : null;
}

/** A year of this century or the last at the start of a date's digits as read. */
const READ_YEAR = /^(?:19|20)\d{2}/u;

/**
 * The one start a lawful length before a whole end, on its month and day, that has begun by
 * `today`, for a start not read as a date (a usage line across it, 1292593.18-2045.03.18 of
 * 2025.03.18-2045.03.18): an end more than ten years off leaves only the twenty-year term. Null
 * where more than one has begun, or where the digits read (`read`) begin with another year.
 */
function onlyBegunStart(read: string, to: IsoDate, today: IsoDate): IsoDate | null {
  const year = READ_YEAR.exec(read)?.[0];
  const begun = lawfulDigits(to, -1)
    .map(dateOf)
    .filter((start): start is IsoDate => start !== null && start <= today);
  const [start] = begun;
  if (begun.length !== 1 || start === undefined) return null;
  return year === undefined || start.startsWith(year) ? start : null;
}

/**
 * What a row partly hidden under a stamp still shows, split at its dash: the start where the
 * eight digits before the dash make a date, the end where the eight after it do or 长期 stands
 * there (2011.01.22-203 keeps its start; 印E1-长期 its end), a start one digit short or cut
 * short completed from the end (`startMissingADigit`, `startCutShort`) or, unread, the one the
 * end allows to have begun (`onlyBegunStart`), an end begun after a whole start completed from
 * it (`endCutShort`). Without a dash, the start as `periodOf` reads it, or the end
 * (`withoutDash`).
 */
function partialPeriodOf(chars: readonly string[], today: IsoDate): PartialPeriod {
  const digitsIn = (from: number, to: number) =>
    digitPositions(chars).filter((i) => i >= from && i < to);
  const dash = chars.findIndex((char) => PERIOD_DASH.test(char));
  const split = dash === -1 ? chars.length : dash;
  const before = digitsIn(0, split).slice(0, DATE_DIGITS);
  const after = digitsIn(split + 1, chars.length);
  const toDate = dash === -1 ? null : dateAt(chars, after);
  const read =
    dateAt(chars, before) ??
    (toDate &&
      (startMissingADigit(chars, before, toDate) ?? startCutShort(chars, before, toDate, today)));
  const begun =
    read === null && toDate !== null
      ? onlyBegunStart(before.map((i) => chars[i]).join(''), toDate, today)
      : null;
  const from = read ?? begun;
  const longTerm =
    dash === -1
      ? []
      : chars.flatMap((char, i) => (i > dash && LONG_TERM_CHARS.has(char) ? [i] : []));
  const endDate = toDate ?? (from === null ? null : endCutShort(chars, after, from));
  const to: ValidTo | null = endDate ?? (longTerm.length > 0 ? LONG_TERM : null);
  const part: PartialPeriod = {
    from,
    to,
    fromGlyphs: from === null ? [] : before,
    toGlyphs: endDate !== null ? after : to === null ? [] : longTerm,
    ...(begun !== null ? { fromBegun: true as const } : {}),
  };
  if (dash === -1) return withoutDash(part, chars, today);
  // A dash that splits the row into no date on either side is a dot misread where the mark hid
  // the real one (2005192025-05.19 of 2005.05.19-2025.05.19): the row is read as without it.
  if (part.from === null && part.to === null) return begunStartBy(chars, today) ?? part;
  return part;
}

/**
 * Whether `read` is `start` with one run of its digits hidden after its year: its first four or
 * more digits begin `start` and the rest, if any, end it (20069 of 20060729, .07.2 under a mark).
 */
function spellsWithRunHidden(start: string, read: string): boolean {
  for (let kept = MIN_BEGUN_DIGITS; kept <= read.length; kept++) {
    if (start.startsWith(read.slice(0, kept)) && start.endsWith(read.slice(kept))) return true;
  }
  return false;
}

/**
 * The one start a lawful length before `to`, on its month and day, that the digits `read` spell
 * with one run hidden after its year (`spellsWithRunHidden`); null when none or more than one do.
 */
function startSpelledBy(read: string, to: IsoDate): IsoDate | null {
  const starts = lawfulDigits(to, -1).filter((start) => spellsWithRunHidden(start, read));
  return starts.length === 1 ? dateOf(starts[0] as string) : null;
}

/**
 * A row whose dash a mark hid together with the start's last digits (20181理2038.11.18 of
 * 2018.11.18-2038.11.18), or with a run of them (200692026.07.29 of 2006.07.29-2026.07.29): the
 * last eight digits are a whole end, and the digits before them spell exactly one start a lawful
 * length before it, on its month and day (`spellsWithRunHidden`), which is taken. Null when the
 * row holds no such pair.
 */
function endAfterBegunStart(chars: readonly string[]): PartialPeriod | null {
  const digits = digitPositions(chars);
  const begun = digits.slice(0, -DATE_DIGITS);
  if (begun.length < MIN_BEGUN_DIGITS || begun.length >= DATE_DIGITS) return null;
  const toGlyphs = digits.slice(-DATE_DIGITS);
  const to = dateAt(chars, toGlyphs);
  if (to === null) return null;
  const from = startSpelledBy(begun.map((i) => chars[i]).join(''), to);
  return from === null ? null : { from, to, fromGlyphs: begun, toGlyphs };
}

/** `endAfterBegunStart` where its start has begun by `today`, else null. */
function begunStartBy(chars: readonly string[], today: IsoDate): PartialPeriod | null {
  const begun = endAfterBegunStart(chars);
  return begun?.from != null && begun.from <= today ? begun : null;
}

/**
 * A row without its dash that shows one end only, the rest under a mark: a lone date after
 * today is the end, since a card's period has begun by the day it is read (印2030.02.15 of
 * 2010.02.15-2030.02.15); a lone 长期 is the end too (印长期 of 2017.05.21-长期); a whole end
 * after the start's first digits completes the start (`endAfterBegunStart`), and the first
 * digits of an end after a whole start are completed from it (`endCutShort`: 2018.06.272038.06
 * of 2018.06.27-2038.06.27, a usage line's 他用无效 over the day and the dash lost).
 */
function withoutDash(part: PartialPeriod, chars: readonly string[], today: IsoDate): PartialPeriod {
  const begun = begunStartBy(chars, today);
  if (begun !== null) return begun;
  if (part.from !== null && part.from > today) {
    return { from: null, to: part.from, fromGlyphs: [], toGlyphs: part.fromGlyphs };
  }
  const endBegun = digitPositions(chars).slice(DATE_DIGITS);
  const cutEnd = part.from === null ? null : endCutShort(chars, endBegun, part.from);
  if (cutEnd !== null) return { ...part, to: cutEnd, toGlyphs: endBegun };
  const longTerm = chars.join('').indexOf(LONG_TERM);
  if (part.from === null && longTerm !== -1) {
    const toGlyphs = Array.from(LONG_TERM, (_, i) => longTerm + i);
    return { from: null, to: LONG_TERM, fromGlyphs: [], toGlyphs };
  }
  return part;
}

function fits(period: Period | null, today: IsoDate): period is Period {
  return period !== null && period.from <= today && fitsValidityRule(null, period.from, period.to);
}

function pick<T>(items: readonly T[], positions: readonly number[]): T[] {
  return positions.flatMap((i) => (items[i] === undefined ? [] : [items[i]]));
}

type ChosenPeriod = { variant: Variant; period: Period; share: number; changed: boolean };

/**
 * The period of a row whose dash was read as a digit (201801:04720230104 of
 * 2018.01.04-2023.01.04, a mark's stroke across it): seventeen digits, the ninth where the dash
 * stands between the two dates.
 */
function periodWithDashAsDigit(chars: readonly string[]): Period | null {
  const digits = digitPositions(chars);
  if (digits.length !== 2 * DATE_DIGITS + 1) return null;
  const dash = digits[DATE_DIGITS];
  return periodOf(chars.map((char, i) => (i === dash ? '-' : char)));
}

/**
 * The period the glyphs spell as read, or as the one reading of them that fits the rule, or with
 * a digit read where the dash stands (`periodWithDashAsDigit`) where the rest fits the rule:
 * the two dates a lawful length apart on the same month and day say where the dash was, but
 * what made the recogniser read a digit there may have touched the digits beside it.
 */
function choosePeriod(glyphs: readonly Glyph[], today: IsoDate): ChosenPeriod | null {
  const first = firstReading(glyphs, validityMapping);
  const read = periodOf(first.chars);
  if (fits(read, today)) return { variant: first, period: read, share: 1, changed: false };
  const repaired = dominantVariant(
    acceptedVariants(glyphs, (chars) => fits(periodOf(chars), today), validityMapping),
  );
  const period = repaired && periodOf(repaired.variant.chars);
  if (repaired && period) return { ...repaired, period, changed: true };
  const dashed = periodWithDashAsDigit(first.chars);
  return fits(dashed, today) ? { variant: first, period: dashed, share: 1, changed: true } : null;
}

/**
 * The one line of the row whose glyphs alone spell a period that fits the rule, when the row's
 * lines together do not: a mark's box read onto the row (Z18 of a watermark above the dates)
 * adds digits of its own. Chosen, so not vouched for.
 */
function periodOfOneLine(
  glyphs: readonly Glyph[],
  today: IsoDate,
): { glyphs: Glyph[]; chosen: ChosenPeriod } | null {
  const lines = [...new Set(glyphs.map((glyph) => glyph.line))];
  if (lines.length < 2) return null;
  const fitting = lines.flatMap((line) => {
    const own = glyphs.filter((glyph) => glyph.line === line);
    const chosen = choosePeriod(own, today);
    return chosen === null ? [] : [{ glyphs: own, chosen: { ...chosen, changed: true } }];
  });
  return fitting.length === 1 ? (fitting[0] ?? null) : null;
}

/** The period's two fields in the API's form. */
export function validityFields(
  row: readonly Glyph[],
  today: IsoDate,
): { valid_from: FieldReading; valid_to: FieldReading } {
  const whole = choosePeriod(row, today);
  const oneLine = whole === null ? periodOfOneLine(row, today) : null;
  const glyphs = oneLine?.glyphs ?? row;
  const first = firstReading(glyphs, validityMapping);
  const read = periodOf(first.chars);
  const chosen = oneLine?.chosen ?? whole;
  if (chosen === null) {
    // Returned as read: the two dates where they parse, either one that still reads where the
    // other is hidden, the row's text otherwise.
    const text = textOf(glyphs);
    const cap = CONFIDENCE.failedCheck;
    const p = allRightProbability(first.probs);
    const part: PartialPeriod = read ?? partialPeriodOf(first.chars, today);
    const fromRead = part.from !== null;
    return {
      valid_from: {
        // A start the rule chose is no reading: the row is still looked at again for one.
        ...(part.fromBegun ? { incomplete: true } : {}),
        value: part.from ?? (part.to === null ? text : ''),
        confidence: fromRead || part.to === null ? capped(p, cap) : 0,
        box: fromRead
          ? boxOfGlyphs(pick(glyphs, part.fromGlyphs))
          : part.to === null
            ? boxOfGlyphs(glyphs)
            : null,
      },
      valid_to: {
        value: part.to ?? '',
        confidence: part.to !== null ? capped(p, cap) : 0,
        box: part.to !== null ? boxOfGlyphs(pick(glyphs, part.toGlyphs)) : null,
      },
    };
  }
  const { variant, period, share } = chosen;
  const cap = chosen.changed ? CONFIDENCE.changedByCheck : CONFIDENCE.ceiling;
  const fromP = allRightProbability(pick(variant.probs, period.fromGlyphs));
  const toP = allRightProbability(pick(variant.probs, period.toGlyphs));
  // A dated end is tied to the start by the rule, so both rest on the check; 长期 only on itself.
  const isDated = period.to !== LONG_TERM;
  const checked = (p: number) =>
    isDated ? afterPassedCheck(p, FALSE_PASS_RATE.validityRule) * share : p * share;
  return {
    valid_from: {
      value: period.from,
      confidence: capped(checked(isDated ? fromP * toP : fromP), cap),
      box: boxOfGlyphs(pick(glyphs, period.fromGlyphs)),
    },
    valid_to: {
      value: period.to,
      confidence: capped(checked(isDated ? fromP * toP : toP), cap),
      box: boxOfGlyphs(pick(glyphs, period.toGlyphs)),
    },
  };
}
