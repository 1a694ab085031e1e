import type { Quad } from '../idcard/api-contract.ts';
import { EMBLEM_AREA, FACE_HEIGHT, FACE_WIDTH, PORTRAIT_AREA } from './card-geometry.ts';
import { withoutFaintMarks } from './faint-marks.ts';
import { composeHomographies, type Homography, mapQuad } from './geometry.ts';
import { type PixelArea, separateFaceInk } from './ink-separation.ts';
import { FRONT_ROW_CENTERS, FRONT_VALUE_LEFT } from './layout/card-geometry.ts';
import { DET_PARAMS, ENGINE_DET, ENGINE_REC } from './ocr-params.ts';
import type { RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import { detectText, type LineReading, recognizeLines, type TextModels } from './text-models.ts';
import { warpImage } from './warp.ts';

/**
 * A box detected again is the line already read there when both its ends lie within this share
 * of the line's height of the old ones: overlap alone let a value's box inherit the reading of
 * a longer line that had its label attached (签发机关重庆市… for 重庆市…).
 */
const SAME_LINE_END_SHIFT = 0.5;
/** Boxes of one line found twice are about equally high; a quarter less is another box. */
const SAME_LINE_MIN_HEIGHT_RATIO = 0.75;
/** Lines whose tops differ by less than this (face px) read as one row, left to right. */
const SAME_ROW_PX = 10;

/**
 * PaddleOCR's `sorted_boxes`: top to bottom, and left to right among boxes whose tops are within
 * a few pixels of each other.
 */
export function readingOrder<T extends { box: Quad }>(items: T[]): T[] {
  const sorted = items
    .slice()
    .sort((a, b) => a.box[0][1] - b.box[0][1] || a.box[0][0] - b.box[0][0]);
  for (let i = 0; i < sorted.length - 1; i++) {
    for (let j = i; j >= 0; j--) {
      const a = sorted[j] as T;
      const b = sorted[j + 1] as T;
      if (Math.abs(b.box[0][1] - a.box[0][1]) < SAME_ROW_PX && b.box[0][0] < a.box[0][0]) {
        sorted[j] = b;
        sorted[j + 1] = a;
      } else break;
    }
  }
  return sorted;
}

function extentOfQuad(q: Quad) {
  return {
    x0: Math.min(...q.map((p) => p[0])),
    x1: Math.max(...q.map((p) => p[0])),
    y0: Math.min(...q.map((p) => p[1])),
    y1: Math.max(...q.map((p) => p[1])),
  };
}

/**
 * Whether two boxes of a face hold the same line: their ends, rows and heights nearly coincide.
 * A box much lower than the one found again is a poor box (the 512 px locating pass boxes a
 * line under mild motion blur at half its height) whose reading must not be kept.
 */
export function sameLine(a: Quad, b: Quad): boolean {
  const ea = extentOfQuad(a);
  const eb = extentOfQuad(b);
  const heights = [ea.y1 - ea.y0, eb.y1 - eb.y0];
  const shift = SAME_LINE_END_SHIFT * Math.min(...heights);
  return (
    Math.min(...heights) >= SAME_LINE_MIN_HEIGHT_RATIO * Math.max(...heights) &&
    Math.abs(ea.x0 - eb.x0) <= shift &&
    Math.abs(ea.x1 - eb.x1) <= shift &&
    Math.abs(ea.y0 + ea.y1 - eb.y0 - eb.y1) / 2 <= shift
  );
}

/**
 * Share of the smaller of two boxes their overlap must cover for them to hold the same text: a
 * tilted mark's box reaches over the corners of the lines it crosses without holding them.
 */
const SAME_TEXT_OVERLAP = 0.3;

/** Whether two boxes of a face overlap enough to hold the same text (`SAME_TEXT_OVERLAP`). */
export function boxesOverlap(a: Quad, b: Quad): boolean {
  const ea = extentOfQuad(a);
  const eb = extentOfQuad(b);
  const width = Math.min(ea.x1, eb.x1) - Math.max(ea.x0, eb.x0);
  const height = Math.min(ea.y1, eb.y1) - Math.max(ea.y0, eb.y0);
  if (width <= 0 || height <= 0) return false;
  const area = (e: typeof ea) => (e.x1 - e.x0) * (e.y1 - e.y0);
  return width * height > SAME_TEXT_OVERLAP * Math.min(area(ea), area(eb));
}

const ADDRESS_ROW_PITCH = FRONT_ROW_CENTERS.address[1] - FRONT_ROW_CENTERS.address[0];

/**
 * Where a card prints only free text, as shares of the face (box centres): the portrait side's
 * address rows, right of the label column and left of the portrait, from midway between the
 * birth and address rows to half a row below the third address row. The emblem side prints
 * nothing there (its title ends above 0.43 of the height, the authority starts at 0.72). On
 * seed 67 the first reader's lines fell from 10.45 to 9.29 a face and the large recogniser's
 * rose from 6.14 to 6.17 (a closed form on a face straightened wrongly, read as well there),
 * every field as before.
 */
const FREE_TEXT_AREA = {
  left: FRONT_VALUE_LEFT,
  right: PORTRAIT_AREA.left / FACE_WIDTH,
  top: (FRONT_ROW_CENTERS.birth[0] + FRONT_ROW_CENTERS.address[0]) / 2,
  bottom: FRONT_ROW_CENTERS.address[2] + ADDRESS_ROW_PITCH / 2,
} as const;

/**
 * Whether a face box holds a line of free text (`FREE_TEXT_AREA`): its centre lies where the card
 * prints only that, and it is as wide as a few characters (`freeTextMinAspect`).
 */
export function holdsFreeText(box: Quad): boolean {
  const { left, right, top, bottom } = FREE_TEXT_AREA;
  const { x0, x1, y0, y1 } = extentOfQuad(box);
  const x = (x0 + x1) / 2 / FACE_WIDTH;
  const y = (y0 + y1) / 2 / FACE_HEIGHT;
  const inArea = x >= left && x <= right && y >= top && y <= bottom;
  return inArea && x1 - x0 >= ENGINE_REC.freeTextMinAspect * (y1 - y0);
}

/** How the detector sees a face: as photographed, or with its faint marks levelled away. */
export type FaceDetection = { levelled: boolean };

/**
 * Detect: the text boxes of a straightened face, in face pixels; `inked` where the face carried
 * a mark's ink, lifted off before detection (`separateFaceInk`); `levelled`, on the face without
 * its faint marks too (`withoutFaintMarks`).
 */
export async function detectFace(
  photo: RgbImage,
  faceToPhoto: Homography,
  models: TextModels,
  { levelled }: FaceDetection = { levelled: false },
): Promise<{ boxes: Quad[]; inked: boolean }> {
  // The face is warped straight to the detector's input size, multiples of 32 near faceScale.
  const { faceScale } = ENGINE_DET;
  const { sizeMultiple } = DET_PARAMS;
  const detWidth = Math.round((FACE_WIDTH * faceScale) / sizeMultiple) * sizeMultiple;
  const detHeight = Math.round((FACE_HEIGHT * faceScale) / sizeMultiple) * sizeMultiple;
  const detToFace = Float64Array.from([
    FACE_WIDTH / detWidth,
    0,
    0,
    0,
    FACE_HEIGHT / detHeight,
    0,
    0,
    0,
    1,
  ]);
  // Mark ink over the face can merge or hide its lines' boxes; the emblem and the photo are
  // coloured by nature and do not say whether a mark is there.
  const toDet = (area: PixelArea): PixelArea => ({
    left: (area.left * detWidth) / FACE_WIDTH,
    top: (area.top * detHeight) / FACE_HEIGHT,
    right: (area.right * detWidth) / FACE_WIDTH,
    bottom: (area.bottom * detHeight) / FACE_HEIGHT,
  });
  const face = warpImage(photo, composeHomographies(faceToPhoto, detToFace), detWidth, detHeight);
  const lifted = separateFaceInk(face, [EMBLEM_AREA, PORTRAIT_AREA].map(toDet));
  const detImage = levelled ? withoutFaintMarks(lifted) : lifted;
  const boxes = await detectText(detImage, models, Math.max(detWidth, detHeight));
  return { boxes: boxes.map((b) => mapQuad(detToFace, b.box)), inked: lifted !== face };
}

/**
 * Recognise: boxes already placed on the face (`faceBoxes`, face pixels) read from the photo's
 * own pixels, in reading order, as one recognition batch; a box where a line was already read
 * (`known`, `sameLine`) keeps its reading, and one where only free text stands
 * (`holdsFreeText`) skips the first reader.
 */
export async function recognizeBoxes(
  photo: RgbImage,
  faceToPhoto: Homography,
  faceBoxes: readonly Quad[],
  models: TextModels,
  known: readonly RecognizedLine[] = [],
): Promise<RecognizedLine[]> {
  const ordered = readingOrder(faceBoxes.map((box) => ({ box }))).map(({ box }) => ({
    box,
    known: known.find((line) => sameLine(line.box, box)),
  }));
  const unread = ordered.filter((entry) => entry.known === undefined);
  const decoded = await recognizeLines(
    photo,
    unread.map(({ box }) => mapQuad(faceToPhoto, box)),
    models,
    { firstReader: unread.map(({ box }) => !holdsFreeText(box)) },
  );
  const readings = new Map(unread.map((entry, i) => [entry, decoded[i] as LineReading]));
  const lines: RecognizedLine[] = [];
  for (const entry of ordered) {
    const reading = entry.known ?? (readings.get(entry) as LineReading);
    if (reading.text.length === 0) continue;
    const { text, score, chars, inkSeparated, markInk, liftedReading } = reading;
    lines.push({
      text,
      box: entry.box,
      score,
      chars,
      ...(inkSeparated ? { inkSeparated } : {}),
      ...(markInk ? { markInk } : {}),
      ...(liftedReading ? { liftedReading } : {}),
    });
  }
  return lines;
}

/** Detect, then recognise, the lines of a straightened face (`recognizeBoxes` keeps `known`). */
export async function readFaceLines(
  photo: RgbImage,
  faceToPhoto: Homography,
  models: TextModels,
  known: readonly RecognizedLine[] = [],
  detection?: FaceDetection,
): Promise<RecognizedLine[]> {
  const { boxes, inked } = await detectFace(photo, faceToPhoto, models, detection);
  const lines = await recognizeBoxes(photo, faceToPhoto, boxes, models, known);
  // A watermark lifted off the face before detection may leave no line of its wording to say
  // the face is marked.
  return inked ? lines.map((line) => ({ ...line, onInkedFace: true })) : lines;
}
