import type { Quad } from '../idcard/api-contract.ts';
import { FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import type { DecodedLine } from './ctc-decode.ts';
import { type Homography, mapQuad } from './geometry.ts';
import { FRONT_PHOTO_AREA } from './layout/card-geometry.ts';
import { holdsMarkWording } from './layout/overlay-marks.ts';
import { extentOf, lineShape, sliceQuad } from './layout/quad-geometry.ts';
import { MARK_TILT_DEG } from './layout/tilted-lines.ts';
import { recCrop } from './line-crop.ts';
import type { RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import { liftSealGround, sealGroundPast } from './seal-ground.ts';
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
 * The longer reading of a line read again past its end (`past`, over `box`), where it begins with
 * the line's text and reads each added character surely (`PAST_END_PROB`): boxed to its
 * characters and flagged `unboxed`, as the detector did not box all of it, so that its value is
 * not vouched for.
 */
function readOn(line: RecognizedLine, past: DecodedLine, box: Quad): RecognizedLine | null {
  if (!past.text.startsWith(line.text)) return null;
  const added = past.chars.slice(line.chars.length);
  if (added.length === 0 || added.some((char) => char.prob < PAST_END_PROB)) return null;
  const { text, score, chars } = past;
  return { ...boxedToCharacters({ ...line, text, score, chars, box }), unboxed: true };
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

/** Least room between a line's end and the face's edge, in heights of its box, worth a look. */
const MIN_ROOM_PAST = 0.3;
/**
 * How much of a line before its end, in heights of its box, gives the paper a seal's ground is
 * judged against: its last few characters, enough paper between their strokes, without cutting
 * out the whole line for every line of every face.
 */
const PAPER_BEFORE_END = 3;

/**
 * Where a line's look past its end (`LOOK_PAST`, up to the face's edge) may reach a seal: on the
 * face, clear of the portrait side's photo (whose dark hair is no seal) and of any other line
 * standing on the line's rows there (a seal's own characters read as a line are not the print
 * under it).
 */
function pastEnd(line: RecognizedLine, lines: readonly RecognizedLine[], side?: 'front' | 'back') {
  const { height } = lineShape(line.box);
  const right = Math.max(...line.box.map((p) => p[0]));
  const reach = Math.min(LOOK_PAST * height, FACE_WIDTH - right);
  if (reach < MIN_ROOM_PAST * height) return null;
  const box = reachingPast(line.box, reach);
  const length = lineShape(box).length;
  const share = 1 - reach / length;
  const past = extentOf([sliceQuad(box, share, 1)]);
  const probeFrom = Math.max(0, share - (PAPER_BEFORE_END * height) / length);
  const probe = { box: sliceQuad(box, probeFrom, 1), share: (share - probeFrom) / (1 - probeFrom) };
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
  return inPhoto || standing ? null : { box, probe };
}

/**
 * Look under seals: a line that ends where a seal's inked ground begins may go on under it, dark
 * print on dark that the detector does not box and the recogniser does not read (a 禁止复印 seal
 * over a number's last digit on a photocopy page: 6204211974081831 of 62042119740818313). Each
 * line of the card's print, boxed or read from its region, is looked at a character further on
 * (`pastEnd`); where a seal's ground lies past its end (`sealGroundPast`), the line and that
 * character's room are read again with the ground lifted (`liftSealGround`), and the longer
 * reading stands as past any end (`readOn`), not vouched for.
 */
export async function lookUnderSeals(
  photo: RgbImage,
  faceToPhoto: Homography,
  lines: RecognizedLine[],
  models: TextModels,
  side?: 'front' | 'back',
): Promise<RecognizedLine[]> {
  const sealed = lines.flatMap((line, i) => {
    const end = printedLine(line) ? pastEnd(line, lines, side) : null;
    if (end === null) return [];
    const probe = recCrop(photo, mapQuad(faceToPhoto, end.probe.box));
    const from = Math.round(end.probe.share * probe.width);
    return sealGroundPast(probe, from) ? [{ i, box: end.box }] : [];
  });
  if (sealed.length === 0) return lines;
  const read = await recognizeCrops(
    sealed.map(({ box }) => liftSealGround(recCrop(photo, mapQuad(faceToPhoto, box)))),
    models,
  );
  const longer = new Map<number, RecognizedLine>();
  sealed.forEach(({ i, box }, k) => {
    const past = read[k];
    const line = past === undefined ? null : readOn(lines[i] as RecognizedLine, past, box);
    if (line !== null) longer.set(i, line);
  });
  return lines.map((line, i) => longer.get(i) ?? line);
}
