import { EARLIEST_BIRTH, type IsoDate, isoDateFromParts } from './card-dates.ts';
import { lookupRegion, type RegionLookup } from './regions.ts';
import type { Sex } from './sex.ts';

/**
 * The citizen identity number of GB 11643-1999: six digits of region (GB/T 2260), eight of birth
 * date (YYYYMMDD), three of sequence (the last of them odd for men, even for women), and a check
 * character computed with ISO 7064 MOD 11-2.
 */

export const ID_NUMBER_LENGTH = 18;

/** Where the birth date (YYYYMMDD) stands in the number: positions 7-14. */
export const BIRTH_DIGITS = { from: 6, to: 14 } as const;

/** ISO 7064 MOD 11-2 weights, 2^(17-i) mod 11 for positions i = 0..16. */
const WEIGHTS = Array.from({ length: ID_NUMBER_LENGTH - 1 }, (_, i) => 2 ** (17 - i) % 11);

/** The check character for each value of (weighted sum mod 11), per GB 11643-1999 table 1. */
const CHECK_CHARACTERS = '10X98765432';

const DIGIT_RUN = /^\d+$/;
const NUMBER_SHAPE = /^\d{17}[\dX]$/;

/** Full-width digits and X that OCR and some input methods produce, with their ASCII forms. */
const FULL_WIDTH_OFFSET = 0xfee0;
const FULL_WIDTH_DIGIT_OR_X = /[０-９Ｘｘ]/g;

/**
 * The number as the card prints it: whitespace removed (OCR often splits the 18 characters into
 * groups), full-width digits made ASCII and the check character `x` made uppercase.
 */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(FULL_WIDTH_DIGIT_OR_X, (ch) =>
      String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET),
    )
    .toUpperCase();
}

/** The check character for the first 17 digits; throws when they are not 17 digits. */
export function computeCheckCharacter(first17: string): string {
  if (first17.length !== ID_NUMBER_LENGTH - 1 || !DIGIT_RUN.test(first17)) {
    throw new RangeError(`expected 17 digits, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) sum += Number(first17.charAt(i)) * weight;
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** Whether the (normalised) number has 17 digits and the check character that fits them. */
export function hasValidCheckCharacter(number: string): boolean {
  const normalized = normalizeIdNumber(number);
  if (!NUMBER_SHAPE.test(normalized)) return false;
  return computeCheckCharacter(normalized.slice(0, 17)) === normalized.charAt(17);
}

/** The birth date in positions 7-14 when it is a real calendar day, else null. */
export function birthDateFromIdNumber(number: string): IsoDate | null {
  const digits = normalizeIdNumber(number).slice(BIRTH_DIGITS.from, BIRTH_DIGITS.to);
  if (digits.length !== 8 || !DIGIT_RUN.test(digits)) return null;
  return isoDateFromParts(
    Number(digits.slice(0, 4)),
    Number(digits.slice(4, 6)),
    Number(digits.slice(6, 8)),
  );
}

/** Sex from the 17th character's parity: odd is 男, even is 女; null when it is not a digit. */
export function sexFromIdNumber(number: string): Sex | null {
  const digit = normalizeIdNumber(number).charAt(16);
  if (!/^\d$/.test(digit)) return null;
  return Number(digit) % 2 === 1 ? '男' : '女';
}

export type IdNumberIssueCode =
  | 'length'
  | 'characters'
  | 'check-character'
  | 'birth-not-a-date'
  | 'birth-before-1900'
  | 'birth-in-future'
  | 'province-unknown'
  | 'region-unknown';

export type IdNumberIssue = { code: IdNumberIssueCode; message: string };

export type IdNumberCheck = {
  /** The normalised number the checks ran on. */
  number: string;
  /** Rules the number breaks: such a number cannot be on a genuine card as read. */
  problems: IdNumberIssue[];
  /** Things worth a look that genuine cards can show (a region code no longer in use). */
  warnings: IdNumberIssue[];
  birth: IsoDate | null;
  sex: Sex | null;
  region: RegionLookup;
};

/**
 * Every rule of the number, in words a clerk can act on. `today` bounds the birth date: a birth
 * on today's date is allowed, one after it is not.
 */
export function checkIdNumber(raw: string, today: IsoDate): IdNumberCheck {
  const number = normalizeIdNumber(raw);
  const problems: IdNumberIssue[] = [];
  const warnings: IdNumberIssue[] = [];

  if (number.length !== ID_NUMBER_LENGTH) {
    problems.push({
      code: 'length',
      message: `号码应为 18 位，现为 ${number.length} 位`,
    });
  } else if (!NUMBER_SHAPE.test(number)) {
    problems.push({
      code: 'characters',
      message: '号码前 17 位应为数字，末位应为数字或 X',
    });
  } else if (!hasValidCheckCharacter(number)) {
    problems.push({
      code: 'check-character',
      message: `校验码不符：按前 17 位应为 ${computeCheckCharacter(number.slice(0, 17))}`,
    });
  }

  const birth = birthDateFromIdNumber(number);
  const birthDigits = number.slice(BIRTH_DIGITS.from, BIRTH_DIGITS.to);
  if (birth === null) {
    if (birthDigits.length === 8) {
      problems.push({
        code: 'birth-not-a-date',
        message: `号码中的出生日期 ${birthDigits} 不是真实日期`,
      });
    }
  } else if (birth < EARLIEST_BIRTH) {
    problems.push({ code: 'birth-before-1900', message: `号码中的出生日期 ${birth} 早于 1900 年` });
  } else if (birth > today) {
    problems.push({ code: 'birth-in-future', message: `号码中的出生日期 ${birth} 晚于今天` });
  }

  const region = lookupRegion(number.slice(0, 6));
  if (number.length >= 6) {
    if (region.province === null) {
      problems.push({
        code: 'province-unknown',
        message: `号码前两位 ${number.slice(0, 2)} 不是省级行政区代码`,
      });
    } else if (!region.isCurrent) {
      warnings.push({
        code: 'region-unknown',
        message: `地址码 ${number.slice(0, 6)} 不在现行区划中，可能是已撤销的旧区划代码`,
      });
    }
  }

  return { number, problems, warnings, birth, sex: sexFromIdNumber(number), region };
}

/**
 * Every number that satisfies the check character when the characters at `positions` (0-based,
 * in the normalised number) are doubtful: each doubtful digit position is tried with 0-9, the
 * check position (17) with its computed character. The other positions are kept as read. One
 * doubtful digit gives at most one candidate, because every weight is invertible mod 11; the
 * recognition engine picks among the candidates with its own character alternatives.
 */
export function candidatesForPositions(number: string, positions: readonly number[]): string[] {
  const normalized = normalizeIdNumber(number);
  const doubtful = new Set(positions);
  const isOutOfRange = [...doubtful].some(
    (p) => !Number.isInteger(p) || p < 0 || p >= ID_NUMBER_LENGTH,
  );
  if (normalized.length !== ID_NUMBER_LENGTH || isOutOfRange) return [];

  const firstDigits = [...normalized.slice(0, 17)];
  const knownAreDigits = firstDigits.every((ch, i) => doubtful.has(i) || /^\d$/.test(ch));
  const checkDoubtful = doubtful.has(17);
  if (!knownAreDigits || (!checkDoubtful && !/^[\dX]$/.test(normalized.charAt(17)))) return [];

  const candidates: string[] = [];
  const fill = (index: number, prefix: string): void => {
    if (index === 17) {
      const check = computeCheckCharacter(prefix);
      if (checkDoubtful || check === normalized.charAt(17)) candidates.push(prefix + check);
      return;
    }
    if (!doubtful.has(index)) {
      fill(index + 1, prefix + firstDigits[index]);
      return;
    }
    for (let digit = 0; digit <= 9; digit += 1) fill(index + 1, prefix + digit);
  };
  fill(0, '');
  return candidates;
}

/** `candidatesForPositions` for a single doubtful position: zero or one number. */
export function candidatesForPosition(number: string, position: number): string[] {
  return candidatesForPositions(number, [position]);
}
