import { weightedMedian } from '../weighted-median.ts';
import type { Glyph } from './glyphs.ts';

/**
 * How far (degrees) a line's direction may turn from the card's rows and still be printed on the
 * card. A straightened desk photo still fans its rows out by up to 12 degrees (6.5 at the name,
 * -5 at the number), while a watermark is set at 15 to 45 degrees and a stamp or usage line at
 * any angle; those within this of the rows are left to their wording (`OVERLAY_MARKS`).
 */
export const MARK_TILT_DEG = 15;

/**
 * How far (degrees) a long line may turn from the card's rows and still be taken for a printed
 * row beyond doubt: a straightened desk photo fans its rows out from their median by 6.5 degrees
 * at most. A line further off, but short of a mark's tilt, may be a mark's words set nearly level
 * (限社保卡用 at 11 degrees over an address's first line, read into the address at 0.99).
 */
const ROW_FAN_DEG = 8;

/**
 * A line shorter than this many of its heights has no direction to go by: the box of one or two
 * characters is nearly square, so its angle says little about the text's.
 */
const MIN_LENGTH_IN_HEIGHTS = 2.5;

/**
 * How far (degrees) the edges of such a short box may turn from the card's rows, either way
 * round, and still hold the card's print. Its edges tell the text's direction only up to a
 * quarter turn, and the detector draws a printed line's lone last characters up to 22 degrees
 * off its row (4室 at a line's end); a watermark's or stamp's characters boxed one or two at a
 * time stand at 30 to 45 degrees (贷证, 用 over an address's end).
 */
const SHORT_BOX_TILT_DEG = 30;

/** Direction of a line's box and whether it is long enough to tell the text's direction. */
function lineAngle(glyphs: readonly Glyph[]): { deg: number; long: boolean } | null {
  const first = glyphs[0];
  const last = glyphs.at(-1);
  if (first === undefined || last === undefined) return null;
  const [topLeft] = first.box;
  const [, topRight, bottomRight] = last.box;
  const dx = topRight[0] - topLeft[0];
  const dy = topRight[1] - topLeft[1];
  const height = Math.hypot(bottomRight[0] - topRight[0], bottomRight[1] - topRight[1]);
  return {
    deg: (Math.atan2(dy, dx) * 180) / Math.PI,
    long: Math.hypot(dx, dy) >= MIN_LENGTH_IN_HEIGHTS * height,
  };
}

/** How far apart two directions are up to a quarter turn (0 to 45 degrees). */
function quarterTurnApart(a: number, b: number): number {
  const apart = (((a - b) % 90) + 90) % 90;
  return Math.min(apart, 90 - apart);
}

/**
 * The direction of the card's rows: the median of the lines' directions, each line weighing as
 * the square of its characters, so that the card's long lines (the number, the address, the
 * period) outweigh the many short tiles of a watermark.
 */
function rowsAngle(
  angles: readonly ({ deg: number; long: boolean } | null)[],
  lines: readonly Glyph[][],
): number | null {
  return weightedMedian(
    angles.flatMap((angle, i) =>
      angle?.long ? [{ value: angle.deg, weight: (lines[i]?.length ?? 0) ** 2 }] : [],
    ),
  );
}

/**
 * Which lines run at a tilt no printed row of the card has (`MARK_TILT_DEG` away from the
 * rows, or a short box's edges `SHORT_BOX_TILT_DEG` away from them and from the straightened
 * face's axes): marks set over the copy, whatever their wording.
 */
export function tiltedLines(lines: readonly Glyph[][]): boolean[] {
  const angles = lines.map(lineAngle);
  const rows = rowsAngle(angles, lines);
  return angles.map((angle) => {
    if (rows === null || angle === null) return false;
    if (angle.long) return Math.abs(angle.deg - rows) > MARK_TILT_DEG;
    // Far from the face's own axes too: where a watermark's many long lines outweigh the card's
    // few and set the rows at its own angle, the card's upright short boxes stay print.
    return [rows, 0].every((deg) => quarterTurnApart(angle.deg, deg) > SHORT_BOX_TILT_DEG);
  });
}

/**
 * Which long lines run further from the card's rows than its printed rows fan out
 * (`ROW_FAN_DEG`): such a line may be a mark's, and what it touches is not vouched for.
 */
export function askewLines(lines: readonly Glyph[][]): boolean[] {
  const angles = lines.map(lineAngle);
  const rows = rowsAngle(angles, lines);
  if (rows === null) return angles.map(() => false);
  return angles.map((angle) => angle?.long === true && Math.abs(angle.deg - rows) > ROW_FAN_DEG);
}
