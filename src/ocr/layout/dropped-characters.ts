import { ENGINE_REC } from '../ocr-params.ts';
import { type Glyph, HAN_CHAR } from './glyphs.ts';
import { type Extent, extentOf } from './quad-geometry.ts';

/**
 * Neighbouring characters of one printed row further apart than this many of the row's pitches
 * have a character between them, or are not of one row.
 */
export const CHARACTER_BETWEEN = 1.6;

/**
 * A character missing from the recogniser's dictionary (or one it doubts enough) can vanish
 * without a trace in the probabilities: 邓明 for 邓铖明, both characters at 0.99. It leaves a
 * hole in the line, though, since the card sets a value's Han characters at a steady pitch.
 * Measured on the committed card set in heights of the line's box: neighbouring characters of one
 * value sit 0.7-1.4 apart (digits closer); a line's first and last character sit at most 0.85
 * from its ends; a dropped character opens a gap of about 1.9, or an end of about 1.2-1.5.
 */
const GAP = {
  /**
   * The pitch of a value too short to measure its own: the median distance between neighbouring
   * Han characters of names, addresses and issuing authorities read whole, 0.82-0.83 on the
   * committed set and two generated sets (0.42-1.23 in all).
   */
  typicalPitch: 0.83,
  /** Bounds on the pitch taken from the value's own closest pair of Han neighbours. */
  minPitch: 0.8,
  maxPitch: 1.4,
  /** Neighbours further apart than this many pitches have a character between them. */
  between: CHARACTER_BETWEEN,
  /** A line end further than this many pitches from its outer character has lost one. */
  atEnd: 1,
  /**
   * A value whose first character's centre lies further than this many pitches right of its
   * printed column has lost its first character: measured up to 0.6 for names read whole, 0.94
   * for 斌颖 read for 殳斌颖 and 1.3 for 欣磊 read for 逯欣磊.
   */
  lateStart: 0.75,
} as const;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/**
 * Whether the line stops at a mark (`marks`, face pixels) after `glyph`, its last character: a
 * mark that begins past the character's centre and within a character's advance (the line's
 * height) of its end, on its rows. The detector's box ends where the mark's ink begins, and the
 * line may go on under the mark, which hides what it covers without a trace: on a line the value
 * wraps after as on its last (和平 | 道12号 read for 和平街 | 道12号, 街 under a 复印无效 stamp).
 */
function stopsAtMark(glyph: Glyph, marks: readonly Extent[]): boolean {
  const end = extentOf([glyph.box]);
  const advance = end.bottom - end.top;
  return marks.some(
    (mark) =>
      mark.top < end.bottom &&
      mark.bottom > end.top &&
      mark.left > (end.left + end.right) / 2 &&
      mark.left <= end.right + advance,
  );
}

/**
 * Where the value's characters leave room for one the recogniser dropped, as the indices a
 * character would be inserted at: between two neighbours read on the same line, at the end of a
 * line the value ends, at the end of any of its lines that stops at a mark (`stopsAtMark`), and
 * before its first character: at the start of its line, or, when the value is printed from a
 * known column (`valueLeft`, face pixels), after that column. Glyphs without positions (from a
 * reader that gives none) are never suspected.
 */
export function missingCharacterPositions(
  glyphs: readonly Glyph[],
  valueLeft?: number,
  marks: readonly Extent[] = [],
): number[] {
  const neighbours = glyphs.slice(1).flatMap((glyph, i) => {
    const previous = glyphs[i] as Glyph;
    if (!glyph.along || !previous.along || glyph.line !== previous.line) return [];
    return [{ previous, glyph, at: i + 1, distance: glyph.along.centre - previous.along.centre }];
  });
  const hanDistances = neighbours
    .filter(({ previous, glyph }) => HAN_CHAR.test(previous.char) && HAN_CHAR.test(glyph.char))
    .map((n) => n.distance);
  // One distance cannot vouch for itself, so a value needs two before its own pitch counts.
  const pitch =
    hanDistances.length >= 2
      ? clamp(Math.min(...hanDistances), GAP.minPitch, GAP.maxPitch)
      : ENGINE_REC.charPitch;
  // Two neighbours alone are measured against the pitch values are set at, not the decoder's
  // wider one: 钱鹏 for 钱旻鹏 sat 1.52 apart, two-character names read whole 1.02 at most.
  const betweenPitch = hanDistances.length >= 2 ? pitch : GAP.typicalPitch;
  const positions = neighbours
    .filter((n) => n.distance > GAP.between * betweenPitch)
    .map((n) => n.at);
  // The column test measures no distance between the value's own characters, so one will do.
  const columnPitch =
    hanDistances.length >= 1
      ? clamp(Math.min(...hanDistances), GAP.minPitch, GAP.maxPitch)
      : ENGINE_REC.charPitch;
  const first = glyphs[0]?.along;
  const last = glyphs.at(-1)?.along;
  // A box may reach left of its text (108's 于新 began 1.3 heights early), so where the value's
  // column is known it, not the box, tells where the first character belongs.
  const lateStart =
    valueLeft === undefined
      ? first?.first === true && first.centre > GAP.atEnd * pitch
      : first !== undefined && first.x - valueLeft > GAP.lateStart * columnPitch * first.height;
  if (lateStart) positions.unshift(0);
  if (last?.last === true && last.lineLength - last.centre > GAP.atEnd * pitch) {
    positions.push(glyphs.length);
  }
  glyphs.forEach((glyph, i) => {
    const endsLine = glyphs[i + 1]?.line !== glyph.line;
    if (glyph.along && endsLine && stopsAtMark(glyph, marks)) positions.push(i + 1);
  });
  return [...new Set(positions)].sort((a, b) => a - b);
}

/** Whether the value may have lost a character (`missingCharacterPositions`). */
export function mayMissCharacter(glyphs: readonly Glyph[], valueLeft?: number): boolean {
  return missingCharacterPositions(glyphs, valueLeft).length > 0;
}
