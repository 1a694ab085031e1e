import type { RecognizedChar, RecognizedLine } from './recognized-line.ts';

/**
 * One line read from several crops, merged character by character. A blurred character is read
 * differently from crops only a little apart (段忝刚 as 段添刚 from the detector's box, as 段忝刚
 * from a taller one; 吕 as 昌 under motion blur, as 吕 with more margin), and no single crop is
 * best on every line, so each position takes the character the readings give the most
 * probability in sum.
 */

/** Runners-up kept per merged character: one more than the decoder keeps, since several crops offer more. */
const MERGED_ALTERNATIVES = 3;

function isBlank(char: RecognizedChar): boolean {
  return char.char.trim() === '';
}

/**
 * The readings merged position by position. `readings[0]` is the line as first read: its box,
 * spans and blanks stay; every other reading counts only when it has as many characters (blanks
 * aside), since one that dropped or split a character cannot be lined up with it. Each
 * character's probability is its mean over the counted readings (0 where a reading did not
 * offer it at all), so a character the crops disagree on comes out at about half, never surer
 * than the readings were.
 */
export function voteLineReadings(readings: readonly RecognizedLine[]): RecognizedLine {
  const [first, ...others] = readings;
  if (first === undefined) throw new Error('voteLineReadings needs at least one reading');
  const printed = first.chars.filter((char) => !isBlank(char));
  const counted = [
    printed,
    ...others
      .map((line) => line.chars.filter((char) => !isBlank(char)))
      .filter((chars) => chars.length === printed.length),
  ];
  if (counted.length === 1) return first;
  const merged = printed.map((char, i) => mergeAt(char, counted, i));
  let next = 0;
  const chars = first.chars.map((char) =>
    isBlank(char) ? char : (merged[next++] as RecognizedChar),
  );
  const text = chars.map((char) => char.char).join('');
  const score = merged.reduce((sum, char) => sum + char.prob, 0) / Math.max(merged.length, 1);
  return { ...first, text, score, chars };
}

function mergeAt(
  original: RecognizedChar,
  readings: readonly (readonly RecognizedChar[])[],
  index: number,
): RecognizedChar {
  const sums = new Map<string, number>();
  for (const chars of readings) {
    const char = chars[index] as RecognizedChar;
    for (const choice of [{ char: char.char, prob: char.prob }, ...char.alternatives]) {
      sums.set(choice.char, (sums.get(choice.char) ?? 0) + choice.prob);
    }
  }
  const ranked = [...sums]
    .map(([char, sum]) => ({ char, prob: sum / readings.length }))
    .sort((a, b) => b.prob - a.prob);
  const [best, ...rest] = ranked as [{ char: string; prob: number }, ...typeof ranked];
  const merged: RecognizedChar = {
    char: best.char,
    prob: best.prob,
    alternatives: rest.slice(0, MERGED_ALTERNATIVES),
  };
  if (original.span !== undefined) merged.span = original.span;
  return merged;
}
