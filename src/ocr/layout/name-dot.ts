import type { Glyph } from './glyphs.ts';

/** Characters each part of a transliterated name has at least (艾力·努尔, 阿依古丽·买买提). */
const MIN_PART = 2;

/**
 * `name` with the middle dot put back where it most likely stood: between the two neighbouring
 * characters read furthest apart (`glyphs`, one per character of `name`), since the dot takes a
 * character's cell or part of one, with at least `MIN_PART` characters on either side. Null when
 * the characters carry no positions or lie on more than one line, or when no gap is the widest.
 */
export function withMiddleDot(name: string, glyphs: readonly Glyph[]): string | null {
  const chars = Array.from(name);
  if (chars.length !== glyphs.length) return null;
  const centres = glyphs.map((glyph) => glyph.along?.centre);
  if (centres.some((centre) => centre === undefined)) return null;
  if (new Set(glyphs.map((glyph) => glyph.line)).size > 1) return null;
  const gaps = (centres as number[]).slice(1).map((centre, i) => centre - (centres[i] as number));
  const candidates = gaps
    .map((gap, i) => ({ gap, at: i + 1 }))
    .filter(({ at }) => at >= MIN_PART && glyphs.length - at >= MIN_PART);
  const widest = candidates.reduce<(typeof candidates)[number] | null>(
    (best, candidate) => (best === null || candidate.gap > best.gap ? candidate : best),
    null,
  );
  if (widest === null || gaps.some((gap, i) => i + 1 !== widest.at && gap >= widest.gap)) {
    return null;
  }
  return [...chars.slice(0, widest.at), '·', ...chars.slice(widest.at)].join('');
}
