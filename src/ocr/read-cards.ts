import type { Quad } from '../idcard/api-contract.ts';
import { FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import { registerFace } from './card-registration.ts';
import type { DecodedLine } from './ctc-decode.ts';
import type { DetectedBox } from './db-postprocess.ts';
import { detResizeShape } from './det-preprocess.ts';
import { findCards } from './find-cards.ts';
import {
  applyHomography,
  composeHomographies,
  distance,
  type Homography,
  homographyFromQuads,
  invertHomography,
  mapQuad,
  orderCorners,
  type Point,
} from './geometry.ts';
import { DET_PARAMS, ENGINE_DET } from './ocr-params.ts';
import type { ReadFace, RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import { classifyUpsideDown, detectText, recognizeLines, type TextModels } from './text-models.ts';
import { warpImage } from './warp.ts';

/** One card read off a photo. */
export type ScannedCard = {
  face: ReadFace;
  /** The straightened face, FACE_WIDTH x FACE_HEIGHT, warped when first asked for. */
  faceImage: () => RgbImage;
  /** Maps face pixels to pixels of the photo the pipeline was given. */
  faceToPhoto: Homography;
};

/**
 * A card registered this far beyond the face it was read on (share of the face) had text cut
 * off there, so it is read again on the registered face.
 */
const REREAD_OVERHANG = 0.04;
/**
 * A box detected again is the line already read there when both its ends lie within this share
 * of the line's height of the old ones: overlap alone let a value's box inherit the reading of
 * a longer line that had its label attached (签发机关重庆市… for 重庆市…).
 */
const SAME_LINE_END_SHIFT = 0.5;

const FACE_CORNERS: [number, number][] = [
  [0, 0],
  [FACE_WIDTH, 0],
  [FACE_WIDTH, FACE_HEIGHT],
  [0, FACE_HEIGHT],
];

/** How many of a card's longest lines the angle classifier votes with. */
const ORIENTATION_VOTERS = 6;
/** Lines whose tops differ by less than this (face px) read as one row, left to right. */
const SAME_ROW_PX = 10;

function longestFirst(a: DetectedBox, b: DetectedBox): number {
  return distance(b.box[0], b.box[1]) - distance(a.box[0], a.box[1]);
}

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

/**
 * Settles 0° against 180° for the whole card at once: the angle classifier reads the card's
 * longest lines as they run in `corners`' order, and the majority of its confident answers wins.
 */
async function uprightCorners(
  photo: RgbImage,
  corners: Point[],
  boxes: DetectedBox[],
  models: TextModels,
): Promise<Point[]> {
  const faceToPhoto = homographyFromQuads(FACE_CORNERS, corners);
  const photoToFace = invertHomography(faceToPhoto);
  const voters = boxes
    .slice()
    .sort(longestFirst)
    .slice(0, ORIENTATION_VOTERS)
    .map((b) => mapQuad(faceToPhoto, orderCorners(mapQuad(photoToFace, b.box))));
  const votes = await classifyUpsideDown(photo, voters, models);
  const flips = votes.filter((v) => v === true).length;
  const keeps = votes.filter((v) => v === false).length;
  if (flips <= keeps) return corners;
  const [c0, c1, c2, c3] = corners as [Point, Point, Point, Point];
  return [c2, c3, c0, c1];
}

function extentOfQuad(q: Quad) {
  return {
    x0: Math.min(...q.map((p) => p[0])),
    x1: Math.max(...q.map((p) => p[0])),
    y0: Math.min(...q.map((p) => p[1])),
    y1: Math.max(...q.map((p) => p[1])),
  };
}

/** Whether two boxes of a face hold the same line: their ends and rows nearly coincide. */
function sameLine(a: Quad, b: Quad): boolean {
  const ea = extentOfQuad(a);
  const eb = extentOfQuad(b);
  const shift = SAME_LINE_END_SHIFT * Math.min(ea.y1 - ea.y0, eb.y1 - eb.y0);
  return (
    Math.abs(ea.x0 - eb.x0) <= shift &&
    Math.abs(ea.x1 - eb.x1) <= shift &&
    Math.abs(ea.y0 + ea.y1 - eb.y0 - eb.y1) / 2 <= shift
  );
}

/** Detects the text boxes of a straightened face, in face pixels. */
async function detectFace(
  photo: RgbImage,
  faceToPhoto: Homography,
  models: TextModels,
): Promise<Quad[]> {
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
  const detImage = warpImage(
    photo,
    composeHomographies(faceToPhoto, detToFace),
    detWidth,
    detHeight,
  );
  const boxes = await detectText(detImage, models, Math.max(detWidth, detHeight));
  return boxes.map((b) => mapQuad(detToFace, b.box));
}

/**
 * Detects the lines of a straightened face and recognises each from the photo's own pixels. A
 * line already read in the same place (`known`, in this face's pixels) keeps its reading.
 */
async function readFace(
  photo: RgbImage,
  faceToPhoto: Homography,
  models: TextModels,
  known: readonly RecognizedLine[] = [],
): Promise<RecognizedLine[]> {
  return readBoxes(photo, faceToPhoto, await detectFace(photo, faceToPhoto, models), models, known);
}

/**
 * Recognises boxes already placed on the face (`faceBoxes`, face pixels) from the photo's own
 * pixels, in reading order, as one recognition batch; a box where a line was already read
 * (`known`) keeps its reading.
 */
async function readBoxes(
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
  );
  const readings = new Map(unread.map((entry, i) => [entry, decoded[i] as DecodedLine]));
  const lines: RecognizedLine[] = [];
  for (const entry of ordered) {
    const reading = entry.known ?? (readings.get(entry) as DecodedLine);
    if (reading.text.length === 0) continue;
    lines.push({ text: reading.text, box: entry.box, score: reading.score, chars: reading.chars });
  }
  return lines;
}

/** Whether the registered card reaches well beyond the face it was read on. */
function overhangs(trueToRough: Homography): boolean {
  const margin = REREAD_OVERHANG;
  return FACE_CORNERS.some(([x, y]) => {
    const [u, v] = applyHomography(trueToRough, x, y);
    return (
      u < -margin * FACE_WIDTH ||
      v < -margin * FACE_HEIGHT ||
      u > (1 + margin) * FACE_WIDTH ||
      v > (1 + margin) * FACE_HEIGHT
    );
  });
}

/**
 * How well a face was read: `whole` when it can be handed on as it is, else a `score` to
 * compare it with a second reading of the same card (higher is better).
 */
export type FaceCheck = (face: ReadFace) => { whole: boolean; score: number };

/** The card's size in the locating pass's pixels, as a share of the straightened face's. */
function locateScale(photo: RgbImage, corners: Point[]): number {
  const located = detResizeShape(photo, ENGINE_DET.locateLimitSideLen);
  const [c0, c1, c2, c3] = corners as [Point, Point, Point, Point];
  const width = ((distance(c0, c1) + distance(c3, c2)) / 2) * (located.width / photo.width);
  return width / FACE_WIDTH;
}

/**
 * The whole reading pipeline on decoded pixels: find up to `maxCards` cards, settle each one's
 * orientation, straighten it roughly and recognise its lines from the photo's own pixels (one
 * resampling, not two). A card the locating pass saw large enough is read from that pass's
 * boxes, and when `rateFace` finds that reading short, its straightened face is detected at
 * `ENGINE_DET.faceScale` and read again (keeping the lines read in the same place), and the
 * better reading stands; a smaller card is read from that face detection alone. The card is
 * registered by its printed labels, which corrects perspective and edges found wrongly; the
 * lines keep their text and move to the registered face, and are read again only when the
 * rough face had cut part of the card off.
 */
export async function readCards(
  photo: RgbImage,
  models: TextModels,
  maxCards: number,
  rateFace: FaceCheck = () => ({ whole: true, score: 0 }),
): Promise<ScannedCard[]> {
  const photoBoxes = await detectText(photo, models, ENGINE_DET.locateLimitSideLen);
  const readings: ScannedCard[] = [];
  for (const card of findCards(photo, photoBoxes, maxCards)) {
    const corners = await uprightCorners(photo, card.corners, card.boxes, models);
    const roughToPhoto = homographyFromQuads(FACE_CORNERS, corners);
    const photoToRough = invertHomography(roughToPhoto);
    let faceToPhoto = roughToPhoto;
    let detected = locateScale(photo, corners) < ENGINE_DET.reuseLocateScale;
    let lines = detected
      ? await readFace(photo, roughToPhoto, models)
      : await readBoxes(
          photo,
          roughToPhoto,
          card.boxes.map((b) => orderCorners(mapQuad(photoToRough, b.box))),
          models,
        );
    const trueToRough = registerFace(lines);
    if (trueToRough !== null) {
      faceToPhoto = composeHomographies(roughToPhoto, trueToRough);
      const roughToTrue = invertHomography(trueToRough);
      lines = lines.map((line) => ({ ...line, box: mapQuad(roughToTrue, line.box) }));
      // Boxes from the locating pass were never cut off by the rough face's edges.
      if (detected && overhangs(trueToRough)) {
        lines = await readFace(photo, faceToPhoto, models, lines);
        detected = true;
      }
    }
    const face = () => ({ width: FACE_WIDTH, height: FACE_HEIGHT, lines: readingOrder(lines) });
    if (!detected) {
      const first = rateFace(face());
      if (!first.whole) {
        // A second look at the finer face scale; the better of the two readings stands.
        const firstLines = lines;
        lines = await readFace(photo, faceToPhoto, models, lines);
        if (rateFace(face()).score < first.score) lines = firstLines;
      }
    }
    let faceImage: RgbImage | null = null;
    const registered = faceToPhoto;
    readings.push({
      face: face(),
      faceImage: () => {
        faceImage ??= warpImage(photo, registered, FACE_WIDTH, FACE_HEIGHT);
        return faceImage;
      },
      faceToPhoto,
    });
  }
  return readings;
}
