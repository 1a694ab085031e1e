import type { Quad } from '../idcard/api-contract.ts';
import { FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import { type Homography, mapQuad } from './geometry.ts';
import { FRONT_PHOTO_AREA } from './layout/card-geometry.ts';
import { holdsMarkWording } from './layout/overlay-marks.ts';
import { lineShape, sliceQuad } from './layout/quad-geometry.ts';
import { MARK_TILT_DEG } from './layout/tilted-lines.ts';
import type { RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import { recognizeLines, type TextModels } from './text-models.ts';
import { boxedToCharacters } from './unboxed-lines.ts';

/**
 * How far past a line's end the look reaches, in heights of its box: a character's pitch (about
 * one height for a Han character, less for a digit) and a little more.
 */
const LOOK_PAST = 1.2;

/**
 * Least probability of each character read past a line's end for the longer reading to stand: the
 * photo's edge read as a stroke is a doubtful character, a value's own hidden digit is not (the 2
 * of 2902 at 1.00).
 */
const PAST_END_PROB = 0.5;

/** Whether a face line may end in the photo's columns: from left of them into them, on its rows. */
function reachesPhoto(box: Quad): boolean {
  const xs = box.map((p) => p[0]);
  const y = box.reduce((sum, p) => sum + p[1], 0) / 4;
  const photoLeft = FRONT_PHOTO_AREA.left * FACE_WIDTH;
  return (
    Math.min(...xs) < photoLeft &&
    Math.max(...xs) > photoLeft &&
    y >= FRONT_PHOTO_AREA.top * FACE_HEIGHT &&
    y <= FRONT_PHOTO_AREA.bottom * FACE_HEIGHT
  );
}

/**
 * A line of the card's print read as the detector boxed it, with no other reading to weigh: one
 * set at a mark's angle to the rows (`MARK_TILT_DEG`) or reading a mark's wording is a mark's,
 * whatever it goes on to (the 印止 of a 禁止复印 seal, whose box reaches the next row's text).
 */
function plainPrint(line: RecognizedLine): boolean {
  const [[x0, y0], [x1, y1]] = line.box;
  const tilt = Math.abs((Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI);
  const plain = !line.unboxed && !line.inkSeparated && !line.markInk && !line.liftedReading;
  return plain && tilt < MARK_TILT_DEG && !holdsMarkWording(line.text);
}

/** A line's box reaching `LOOK_PAST` heights beyond its end, along the line. */
function reachingPast(box: Quad): Quad {
  const { length, height } = lineShape(box);
  return sliceQuad(box, 0, 1 + (LOOK_PAST * height) / Math.max(1, length));
}

/**
 * Look past the ends: a line that runs from the value column into the photo's columns (a maker
 * that prints its rows further right, or its photo further left, than the specimen) may go on
 * past its box, which the detector ends where the photo's grey begins (东路423号12栋4单元290 of
 * …4单元2902, the last 2 on the photo's edge, read whole at 0.98). Such a line is read again a
 * character further on, and the longer reading stands where it begins with the line's text and
 * reads each added character surely (`PAST_END_PROB`); it is boxed to its characters and flagged
 * `unboxed`, as the detector did not box all of it, so that its value is not vouched for.
 */
export async function lookPastEnds(
  photo: RgbImage,
  faceToPhoto: Homography,
  lines: RecognizedLine[],
  models: TextModels,
): Promise<RecognizedLine[]> {
  const ends = lines.flatMap((line, i) => (plainPrint(line) && reachesPhoto(line.box) ? [i] : []));
  if (ends.length === 0) return lines;
  const boxes = ends.map((i) => reachingPast((lines[i] as RecognizedLine).box));
  const read = await recognizeLines(
    photo,
    boxes.map((box) => mapQuad(faceToPhoto, box)),
    models,
    { firstReader: false },
  );
  const longer = new Map<number, RecognizedLine>();
  ends.forEach((i, k) => {
    const line = lines[i] as RecognizedLine;
    const past = read[k];
    if (past === undefined || past.inkSeparated || !past.text.startsWith(line.text)) return;
    const added = past.chars.slice(line.chars.length);
    if (added.length === 0 || added.some((char) => char.prob < PAST_END_PROB)) return;
    const { text, score, chars } = past;
    const box = boxes[k] as Quad;
    longer.set(i, { ...boxedToCharacters({ ...line, text, score, chars, box }), unboxed: true });
  });
  return lines.map((line, i) => longer.get(i) ?? line);
}
