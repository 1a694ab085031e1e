import { FRONT_VALUE_LEFT } from './card-geometry.ts';
import type { FaceFrame } from './face-frame.ts';
import type { Glyph } from './glyphs.ts';
import { extentOf } from './quad-geometry.ts';

/**
 * How far (share of the face's width) a value's start may lie from the specimen's value column
 * and still tell where this card's column is: print runs and makers set the values a few percent
 * further from their labels than the specimen, while a start further off is a stray mark or a
 * value that lost its first characters.
 */
const COLUMN_TOLERANCE = 0.07;

/** Starts that must agree before the card's own column replaces the specimen's. */
const MIN_STARTS = 2;

/**
 * Where the portrait side's value column starts on this face (pixels). Name, sex, birth and
 * address all start at that column, but the specimen's place for it (`FRONT_VALUE_LEFT`) is only
 * a prior: a card whose values sit 2 % of the width further right would have every name taken
 * for one that lost its first character. So it is measured on the card, from the first glyphs
 * of the other values (`starts`: sex, birth, the address's first line), each within
 * `COLUMN_TOLERANCE` of the prior. Their median stands, or of two the left one: a lost first
 * character moves a start a character to the right, a glyph's box may reach a few pixels into
 * the label's gap; with fewer than `MIN_STARTS` of them, the prior does.
 */
export function valueColumnLeft(starts: readonly (Glyph | undefined)[], frame: FaceFrame): number {
  const prior = frame.x(FRONT_VALUE_LEFT);
  const tolerance = Math.abs(frame.x(FRONT_VALUE_LEFT + COLUMN_TOLERANCE) - prior);
  const lefts = starts
    .filter((glyph): glyph is Glyph => glyph !== undefined)
    .map((glyph) => extentOf([glyph.box]).left)
    .filter((left) => Math.abs(left - prior) <= tolerance);
  if (lefts.length < MIN_STARTS) return prior;
  lefts.sort((a, b) => a - b);
  return lefts[Math.floor((lefts.length - 1) / 2)] as number;
}
