import type { IsoDate } from '../../idcard/card-dates.ts';
import {
  BIRTH_DIGITS,
  candidatesForPosition,
  candidatesForPositions,
  checkIdNumber,
  ID_NUMBER_LENGTH,
} from '../../idcard/id-number.ts';
import {
  afterPassedCheck,
  allRightProbability,
  CONFIDENCE,
  capped,
  FALSE_PASS_RATE,
} from './confidence.ts';
import { digitOf } from './digit-glyphs.ts';
import {
  charProbability,
  dominantVariant,
  firstReading,
  likelihood,
  MIN_ALTERNATIVE_PROB,
  type Variant,
  withChange,
} from './glyph-variants.ts';
import type { Glyph } from './glyphs.ts';

/** Pairs of doubtful digits are tried among this many least certain positions (6 pairs). */
const PAIR_POSITIONS = 4;

export type IdNumberReading = {
  value: string;
  /** Whether the value passes every rule of the number (check character, birth date, region). */
  valid: boolean;
  /** Whether a check chose a recogniser alternative over its first choice. */
  changed: boolean;
  confidence: number;
};

/** `variant` with the characters of `candidate` where they differ, if the recogniser offered them. */
function supported(glyphs: readonly Glyph[], first: Variant, candidate: string): Variant | null {
  let variant = first;
  for (const [position, char] of Array.from(candidate).entries()) {
    if (char === first.chars[position]) continue;
    const glyph = glyphs[position];
    if (glyph === undefined) return null;
    const prob = charProbability(glyph, char, digitOf);
    if (prob < MIN_ALTERNATIVE_PROB) return null;
    variant = withChange(variant, position, char, prob);
  }
  return variant;
}

/**
 * Candidates for one doubtful position anywhere, or two among the least certain, that satisfy
 * the check character (GB 11643-1999) and that the recogniser offered as alternatives.
 */
function checkedVariants(glyphs: readonly Glyph[], first: Variant): Variant[] {
  const read = first.chars.join('');
  const singles = glyphs.flatMap((_, position) => candidatesForPosition(read, position));
  const leastCertain = first.probs
    .map((prob, position) => ({ prob, position }))
    .sort((a, b) => a.prob - b.prob)
    .slice(0, PAIR_POSITIONS)
    .map(({ position }) => position);
  const pairs = leastCertain.flatMap((p, i) =>
    leastCertain.slice(i + 1).flatMap((q) => candidatesForPositions(read, [p, q])),
  );
  const unique = [...new Set([...singles, ...pairs])].filter((c) => c !== read);
  return unique
    .map((candidate) => supported(glyphs, first, candidate))
    .filter((v): v is Variant => v !== null)
    .sort((a, b) => likelihood(b) - likelihood(a));
}

/**
 * A number with one digit hidden under a mark (460理07196407242144, a usage line's 理 over the
 * 1): the one digit there that the check character, the birth date and the region accept. The
 * check is spent on finding the digit, so nothing checks the rest: never vouched for.
 */
function hiddenDigitSolved(
  first: Variant,
  passes: (number: string) => boolean,
): IdNumberReading | null {
  const hidden = first.chars.flatMap((char, i) =>
    i < ID_NUMBER_LENGTH - 1 && !/^\d$/.test(char) ? [i] : [],
  );
  const [position] = hidden;
  if (position === undefined || hidden.length > 1) return null;
  const solved = candidatesForPosition(first.chars.join(''), position).filter(passes);
  const [value] = solved;
  if (value === undefined || solved.length > 1) return null;
  const legible = allRightProbability(first.probs.filter((_, i) => i !== position));
  return {
    value,
    valid: true,
    changed: true,
    confidence: capped(legible, CONFIDENCE.changedByCheck),
  };
}

/**
 * A number that passes every rule as `value`, its reading right with probability `p` (times
 * `share`, a repair's share of all that pass); one the checks changed is never vouched for.
 */
function passedReading(value: string, p: number, changed: boolean, share = 1): IdNumberReading {
  return {
    value,
    valid: true,
    changed,
    confidence: capped(
      afterPassedCheck(p, FALSE_PASS_RATE.checkCharacter) * share,
      changed ? CONFIDENCE.changedByCheck : CONFIDENCE.ceiling,
    ),
  };
}

/**
 * The number as the first eighteen characters read, where they pass and no digit follows them:
 * what does is a mark's remains read onto the number's end (用话 of a usage line's 他用无效, its
 * ink lifted off the digits). The end was cut, so the number is not vouched for.
 */
function numberBeforeNoDigits(
  first: Variant,
  passes: (number: string) => boolean,
): IdNumberReading | null {
  const rest = first.chars.slice(ID_NUMBER_LENGTH);
  if (rest.length === 0 || rest.some((char) => digitOf(char) !== null)) return null;
  const value = first.chars.slice(0, ID_NUMBER_LENGTH).join('');
  if (!passes(value)) return null;
  return passedReading(value, allRightProbability(first.probs.slice(0, ID_NUMBER_LENGTH)), true);
}

/**
 * Reads the number from its glyphs. A number that passes as read is vouched for by its check
 * character; one that fails may be repaired only with the recogniser's own alternatives, when
 * exactly one repair (or one far likelier than the rest) satisfies every rule, or, with one
 * digit hidden under a mark, by the check (`hiddenDigitSolved`); otherwise it comes back as read
 * with a low confidence.
 */
export function readIdNumber(glyphs: readonly Glyph[], today: IsoDate): IdNumberReading {
  const first = firstReading(glyphs, digitOf);
  const read = first.chars.join('');
  const passes = (number: string) => checkIdNumber(number, today).problems.length === 0;
  if (passes(read)) return passedReading(read, allRightProbability(first.probs), false);
  const asRead = {
    value: read,
    valid: false,
    changed: false,
    confidence: capped(allRightProbability(first.probs), CONFIDENCE.failedCheck),
  };
  const number = numberBeforeNoDigits(first, passes);
  if (number !== null) return number;
  if (read.length !== ID_NUMBER_LENGTH) return asRead;
  const chosen = dominantVariant(
    checkedVariants(glyphs, first).filter((v) => passes(v.chars.join(''))),
  );
  if (chosen === null) return hiddenDigitSolved(first, passes) ?? asRead;
  const { variant, share } = chosen;
  return passedReading(variant.chars.join(''), likelihood(variant), true, share);
}

/**
 * The number printed as its region, the birth date and the sequence (GB 11643), read with a
 * mark over its middle: six digits, then what the mark left up to its last character that is no
 * digit, then the last three or four.
 */
const MARKED_MIDDLE = /^(\d{6})(.*\D)(\d{3}[\dX]?)$/u;

/** Whether `digits` appear in `date` in the order read (the legible digits of a hidden date). */
export function inOrderWithin(digits: string, date: string): boolean {
  let from = 0;
  for (const digit of digits) {
    const at = date.indexOf(digit, from);
    if (at < 0) return false;
    from = at + 1;
  }
  return true;
}

/**
 * A number whose date a mark hid (320583卵8元2效146): its region and sequence read as digits
 * around what the mark left, the legible digits among them in the order of the printed birth
 * date, which then stands in for the hidden ones. The birth row, not the number, is what was
 * read there, so the result is never vouched for: at most `changedByCheck` when the check
 * character accepts it, else as a failed check.
 */
export function numberAroundBirthDate(
  reading: IdNumberReading,
  birth: IsoDate,
  today: IsoDate,
): IdNumberReading | null {
  if (reading.valid) return null;
  const match = MARKED_MIDDLE.exec(reading.value);
  if (!match) return null;
  const [, region, middle, sequence] = match as unknown as [string, string, string, string];
  const date = birth.replaceAll('-', '');
  const legible = middle.replace(/\D/gu, '');
  // A mark that left the whole date legible hid something else.
  if (legible.length >= date.length || !inOrderWithin(legible, date)) return null;
  const value = `${region}${date}${sequence}`;
  const valid = checkIdNumber(value, today).problems.length === 0;
  return {
    value,
    valid,
    changed: true,
    confidence: valid ? CONFIDENCE.changedByCheck : CONFIDENCE.failedCheck,
  };
}

/**
 * A number read with all its eighteen characters: the region's six digits and the sequence's
 * last four (the check character possibly X) around eight characters where the date stands.
 */
const WHOLE_NUMBER = /^\d{6}.{8}\d{3}[\dX]$/u;

/**
 * How many of a whole number's characters may differ from what the card prints elsewhere (the
 * birth date, the address's region) for that to stand in for them: a misread digit or two (0 as
 * 3, 9 as 2 under a handwritten line, 94 as %/, 370162 of 370102), not another date or region.
 */
export const MISREAD_CHARACTERS = 2;

/** How many positions of `read` hold another character than `printed` does there. */
export function charactersApart(read: string, printed: string): number {
  const printedChars = Array.from(printed);
  return Array.from(read).filter((char, i) => char !== printedChars[i]).length;
}

/**
 * A number read whole (`WHOLE_NUMBER`) that fails its check, its date one or two characters
 * apart from the printed birth date (410421201324167934 beside 2010年4月16日): the printed date
 * stands in for them where the check character then accepts the number. The birth row, not the
 * number, was read there, so the result is never vouched for: at most `changedByCheck`.
 */
export function numberWithBirthDigits(
  reading: IdNumberReading,
  birth: IsoDate,
  today: IsoDate,
): IdNumberReading | null {
  if (reading.valid || !WHOLE_NUMBER.test(reading.value)) return null;
  const chars = Array.from(reading.value);
  const date = birth.replaceAll('-', '');
  const apart = charactersApart(chars.slice(BIRTH_DIGITS.from, BIRTH_DIGITS.to).join(''), date);
  if (apart === 0 || apart > MISREAD_CHARACTERS) return null;
  const value = [...chars.slice(0, BIRTH_DIGITS.from), date, ...chars.slice(BIRTH_DIGITS.to)].join(
    '',
  );
  if (checkIdNumber(value, today).problems.length > 0) return null;
  return { value, valid: true, changed: true, confidence: CONFIDENCE.changedByCheck };
}
