import type { CardSide, Quad } from '../idcard/api-contract.ts';
import { FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import type { DecodedLine } from './ctc-decode.ts';
import { type Homography, mapQuad, quadCentre } from './geometry.ts';
import { FRONT_PHOTO_AREA } from './layout/card-geometry.ts';
import { LABEL_TEXTS } from './layout/labels.ts';
import { holdsMarkWording } from './layout/overlay-marks.ts';
import { extentOf, lineShape, sliceQuad } from './layout/quad-geometry.ts';
import { MARK_TILT_DEG } from './layout/tilted-lines.ts';
import { cropLine, recCrop } from './line-crop.ts';
import type { RecognizedChar, RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import { holdsSealGround, liftSealGround } from './seal-ground.ts';
import { recognizeCrops, recognizeLines, type TextModels } from './text-models.ts';
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
  const [, y] = quadCentre(box);
  const photoLeft = FRONT_PHOTO_AREA.left * FACE_WIDTH;
  return (
    Math.min(...xs) < photoLeft &&
    Math.max(...xs) > photoLeft &&
    y >= FRONT_PHOTO_AREA.top * FACE_HEIGHT &&
    y <= FRONT_PHOTO_AREA.bottom * FACE_HEIGHT
  );
}

/**
 * A line of the card's print, with no other reading to weigh: one set at a mark's angle to the
 * rows (`MARK_TILT_DEG`) or reading a mark's wording is a mark's, whatever it goes on to (the 印止
 * of a 禁止复印 seal, whose box reaches the next row's text).
 */
function printedLine(line: RecognizedLine): boolean {
  const [[x0, y0], [x1, y1]] = line.box;
  const tilt = Math.abs((Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI);
  const plain = !line.inkSeparated && !line.markInk && !line.liftedReading;
  return plain && line.text !== '' && tilt < MARK_TILT_DEG && !holdsMarkWording(line.text);
}

/** A line of the card's print read as the detector boxed it (`printedLine`). */
function plainPrint(line: RecognizedLine): boolean {
  return printedLine(line) && !line.unboxed;
}

/** A line's box reaching `reach` face pixels beyond its end, along the line. */
function reachingPast(box: Quad, reach = LOOK_PAST * lineShape(box).height): Quad {
  return sliceQuad(box, 0, 1 + reach / Math.max(1, lineShape(box).length));
}

/**
 * A line's new reading (`reading`, over `box`) that adds `added` to its text, where each added
 * character reads surely (`PAST_END_PROB`): boxed to its characters and flagged `unboxed`, as the
 * detector did not box all of it, so that its value is not vouched for. Null where it adds none.
 */
function withAdded(
  line: RecognizedLine,
  reading: DecodedLine,
  box: Quad,
  added: readonly RecognizedChar[],
): RecognizedLine | null {
  if (added.length === 0 || added.some((char) => char.prob < PAST_END_PROB)) return null;
  const { text, score, chars } = reading;
  return { ...boxedToCharacters({ ...line, text, score, chars, box }), unboxed: true };
}

/** The longer reading of a line read again past its end, where it begins with the line's text. */
function readOn(line: RecognizedLine, past: DecodedLine, box: Quad): RecognizedLine | null {
  if (!past.text.startsWith(line.text)) return null;
  return withAdded(line, past, box, past.chars.slice(line.chars.length));
}

/**
 * Look past the ends: a line that runs from the value column into the photo's columns (a maker
 * that prints its rows further right, or its photo further left, than the specimen) may go on
 * past its box, which the detector ends where the photo's grey begins (东路423号12栋4单元290 of
 * …4单元2902, the last 2 on the photo's edge, read whole at 0.98). Such a line, as the detector
 * boxed it, is read again a character further on, and the longer reading stands (`readOn`).
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
    const past = read[k];
    if (past === undefined || past.inkSeparated) return;
    const line = readOn(lines[i] as RecognizedLine, past, boxes[k] as Quad);
    if (line !== null) longer.set(i, line);
  });
  return lines.map((line, i) => longer.get(i) ?? line);
}

/**
 * The card's labels and titles, read alone: no value to read on, and the titles' bold strokes,
 * dense as a seal's ground in a blurred photo, would only cost a second reading.
 */
const LABEL_WORDS: ReadonlySet<string> = new Set(LABEL_TEXTS);

/**
 * Rows of the crop a line is looked at for a seal's ground in: a ground a line's height tall
 * needs no more, and every line of every face is looked at.
 */
const SEAL_PROBE_HEIGHT = 16;

/** Least room between a line's end and the face's edge, in heights of its box, worth a look. */
const MIN_ROOM_PAST = 0.3;

/**
 * A line's box reaching on past its end (`LOOK_PAST`, up to the face's edge), where a seal's
 * ground there may hide more of it: on the face, clear of the portrait side's photo (whose dark
 * hair is no seal) and of any other line standing on the line's rows there (a seal's own
 * characters read as a line are not the print under it). The line's own box where it may not.
 */
function reachUnderSeal(
  line: RecognizedLine,
  lines: readonly RecognizedLine[],
  side?: CardSide,
): Quad {
  const { height } = lineShape(line.box);
  const right = Math.max(...line.box.map((p) => p[0]));
  const reach = Math.min(LOOK_PAST * height, FACE_WIDTH - right);
  if (reach < MIN_ROOM_PAST * height) return line.box;
  const box = reachingPast(line.box, reach);
  const past = extentOf([sliceQuad(box, 1 - reach / lineShape(box).length, 1)]);
  const centre = { x: (past.left + past.right) / 2, y: (past.top + past.bottom) / 2 };
  const photo = FRONT_PHOTO_AREA;
  const inPhoto =
    side === 'front' &&
    centre.x >= photo.left * FACE_WIDTH &&
    centre.y >= photo.top * FACE_HEIGHT &&
    centre.y <= photo.bottom * FACE_HEIGHT;
  const standing = lines.some((other) => {
    if (other === line) return false;
    const at = extentOf([other.box]);
    const y = (at.top + at.bottom) / 2;
    return at.left < past.right && past.left < at.right && y >= past.top && y <= past.bottom;
  });
  return inPhoto || standing ? line.box : box;
}

/**
 * What a seal hides of a value: Han characters and digits. A comma or a letter added under a
 * shadow taken for a seal's ground (自，治州) is the lift's, not the card's.
 */
const SEALED_PRINT = /^[\p{Script=Han}\d]$/u;

/**
 * The reading of a line read again with a seal's ground lifted, where it holds the line's text in
 * order with Han characters or digits added (`SEALED_PRINT`), under the seal, within the line or
 * past its end (`withAdded`).
 */
function readThrough(line: RecognizedLine, lifted: DecodedLine, box: Quad): RecognizedLine | null {
  const own = Array.from(line.text);
  let matched = 0;
  const added = lifted.chars.filter((char) => {
    if (char.char !== own[matched]) return true;
    matched++;
    return false;
  });
  if (matched < own.length || !added.every((char) => SEALED_PRINT.test(char.char))) return null;
  return withAdded(line, lifted, box, added);
}

/**
 * Look under seals: a seal whose ground is inked hides the print under it as dark strokes on
 * dark, which the detector does not box and the recogniser does not read (on a photocopy page,
 * a 禁止复印 seal over a number's last digit: 6204211974081831 of 62042119740818313; on a
 * generated card, one over a digit of the birth year: 43021219204121117). Each line of the card's
 * print, boxed or read from its region, is cut out with a character's room past its end
 * (`reachUnderSeal`); where a seal's ground lies along it (`holdsSealGround`), it is read again
 * with the ground lifted (`liftSealGround`), and that reading stands where it only adds to the
 * line's (`readThrough`), not vouched for.
 */
export async function lookUnderSeals(
  photo: RgbImage,
  faceToPhoto: Homography,
  lines: RecognizedLine[],
  models: TextModels,
  side?: CardSide,
): Promise<RecognizedLine[]> {
  const sealed = lines.flatMap((line, i) => {
    if (!printedLine(line) || LABEL_WORDS.has(line.text)) return [];
    const box = reachUnderSeal(line, lines, side);
    const probe = cropLine(photo, mapQuad(faceToPhoto, box), SEAL_PROBE_HEIGHT);
    const end = (lineShape(line.box).length / lineShape(box).length) * probe.width;
    return holdsSealGround(probe, end) ? [{ i, box }] : [];
  });
  if (sealed.length === 0) return lines;
  const read = await recognizeCrops(
    sealed.map(({ box }) => liftSealGround(recCrop(photo, mapQuad(faceToPhoto, box)))),
    models,
  );
  const longer = new Map<number, RecognizedLine>();
  sealed.forEach(({ i, box }, k) => {
    const lifted = read[k];
    const line = lifted === undefined ? null : readThrough(lines[i] as RecognizedLine, lifted, box);
    if (line !== null) longer.set(i, line);
  });
  return lines.map((line, i) => longer.get(i) ?? line);
}
