import type { RecognizedChar } from '../recognized-line.ts';

/**
 * Whole values other than the one read, built from the recogniser's runner-up characters: for a
 * doubtful name (侯 read as 候, 彧 as 或) the clerk picks the right spelling in one click instead
 * of typing a rare character. Each candidate value's weight is the product of its characters'
 * probabilities, as `allRightProbability` weighs the value read.
 */

/** How many alternatives a field offers at most. */
export const MAX_ALTERNATIVES = 3;

type Partial = { chars: string[]; weight: number };

/**
 * Up to `max` values, most likely first, each differing from the value read in at least one
 * character, every character taken from the reading's own choices (the character read or one of
 * its alternatives) and accepted by `allowed`. Exact top-k: a value among the k best has its
 * prefix among the k best prefixes, since every character's weight is at most 1.
 */
export function alternativeValues(
  chars: readonly RecognizedChar[],
  allowed: (char: string) => boolean,
  max = MAX_ALTERNATIVES,
): string[] {
  if (chars.length === 0) return [];
  const read = chars.map((c) => c.char).join('');
  // One more than asked: the value read itself is among the best and is dropped at the end.
  const keep = max + 1;
  let beam: Partial[] = [{ chars: [], weight: 1 }];
  for (const char of chars) {
    const choices = [{ char: char.char, prob: char.prob }, ...char.alternatives].filter(
      (choice, i) => i === 0 || allowed(choice.char),
    );
    beam = beam
      .flatMap((partial) =>
        choices.map((choice) => ({
          chars: [...partial.chars, choice.char],
          weight: partial.weight * choice.prob,
        })),
      )
      .sort((a, b) => b.weight - a.weight)
      .slice(0, keep);
  }
  const values = beam.map((partial) => partial.chars.join('')).filter((value) => value !== read);
  return [...new Set(values)].slice(0, max);
}
