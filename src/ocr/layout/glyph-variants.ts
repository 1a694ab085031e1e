import type { Glyph } from './glyphs.ts';

/** Maps a recognised character to the character it stands for in a field, or null. */
export type CharMapping = (char: string) => string | null;

const asIs: CharMapping = (char) => char;

/**
 * Alternatives below this probability are noise of the decoder's softmax, not a reading: a
 * check that is satisfied only by such a character says nothing about the card.
 */
export const MIN_ALTERNATIVE_PROB = 0.02;

/**
 * A check picks a variant only when it is this many times likelier than the next one that also
 * passes; otherwise the choice would be a coin toss dressed as a correction.
 */
export const DOMINANCE_RATIO = 4;

/** Pairs of changes are only tried among this many most doubtful positions (15 pairs). */
const PAIR_POSITIONS = 6;

/** A reading of a glyph run: one character per glyph, and how likely the recogniser found it. */
export type Variant = { chars: string[]; probs: number[]; changed: number[] };

/** The probability the recogniser gave to `char` at this glyph (0 if it never offered it). */
export function charProbability(glyph: Glyph, char: string, mapping: CharMapping = asIs): number {
  let best = mapping(glyph.char) === char ? glyph.prob : 0;
  for (const alternative of glyph.alternatives) {
    if (mapping(alternative.char) === char) best = Math.max(best, alternative.prob);
  }
  return best;
}

/** The recogniser's first choice for each glyph. */
export function firstReading(glyphs: readonly Glyph[], mapping: CharMapping = asIs): Variant {
  return {
    chars: glyphs.map((g) => mapping(g.char) ?? g.char),
    probs: glyphs.map((g) => g.prob),
    changed: [],
  };
}

export function likelihood(variant: Variant): number {
  return variant.probs.reduce((product, p) => product * p, 1);
}

function alternativesAt(glyph: Glyph, current: string, mapping: CharMapping) {
  const seen = new Map<string, number>();
  for (const alternative of glyph.alternatives) {
    const char = mapping(alternative.char);
    if (char === null || char === current || alternative.prob < MIN_ALTERNATIVE_PROB) continue;
    seen.set(char, Math.max(seen.get(char) ?? 0, alternative.prob));
  }
  return [...seen].map(([char, prob]) => ({ char, prob }));
}

export function withChange(
  variant: Variant,
  position: number,
  char: string,
  prob: number,
): Variant {
  const chars = [...variant.chars];
  const probs = [...variant.probs];
  chars[position] = char;
  probs[position] = prob;
  return { chars, probs, changed: [...variant.changed, position].sort((a, b) => a - b) };
}

/**
 * Readings with one character (or two, among the most doubtful) replaced by one of the
 * recogniser's alternatives that `accept` takes, likeliest first. The first reading is not
 * among them.
 */
export function acceptedVariants(
  glyphs: readonly Glyph[],
  accept: (chars: readonly string[]) => boolean,
  mapping: CharMapping = asIs,
): Variant[] {
  const first = firstReading(glyphs, mapping);
  const found: Variant[] = [];
  const singles = glyphs.flatMap((glyph, position) =>
    alternativesAt(glyph, first.chars[position] ?? '', mapping).map(({ char, prob }) =>
      withChange(first, position, char, prob),
    ),
  );
  found.push(...singles.filter((v) => accept(v.chars)));
  const doubtful = glyphs
    .map((glyph, position) => ({ position, prob: glyph.prob }))
    .filter(({ position }) => singles.some((v) => v.changed[0] === position))
    .sort((a, b) => a.prob - b.prob)
    .slice(0, PAIR_POSITIONS)
    .map(({ position }) => position);
  for (const [i, p] of doubtful.entries()) {
    for (const q of doubtful.slice(i + 1)) {
      const glyphP = glyphs[p];
      const glyphQ = glyphs[q];
      if (glyphP === undefined || glyphQ === undefined) continue;
      for (const a of alternativesAt(glyphP, first.chars[p] ?? '', mapping)) {
        const once = withChange(first, p, a.char, a.prob);
        for (const b of alternativesAt(glyphQ, first.chars[q] ?? '', mapping)) {
          const twice = withChange(once, q, b.char, b.prob);
          if (accept(twice.chars)) found.push(twice);
        }
      }
    }
  }
  return found.sort((a, b) => likelihood(b) - likelihood(a));
}

/**
 * The variant a check may choose: the only one, or one that clearly dominates the rest.
 * `share` is its part of the total likelihood of all the variants that pass.
 */
export function dominantVariant(
  variants: readonly Variant[],
): { variant: Variant; share: number } | null {
  const [best, second] = variants;
  if (best === undefined) return null;
  if (second !== undefined && likelihood(best) < DOMINANCE_RATIO * likelihood(second)) return null;
  const total = variants.reduce((sum, v) => sum + likelihood(v), 0);
  return { variant: best, share: likelihood(best) / total };
}
