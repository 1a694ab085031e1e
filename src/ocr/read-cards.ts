import type { Quad } from '../idcard/api-contract.ts';
import { FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import type { DetectedBox } from './db-postprocess.ts';
import { findCards } from './find-cards.ts';
import {
  distance,
  type Homography,
  homographyFromQuads,
  invertHomography,
  mapQuad,
  orderCorners,
  type Point,
} from './geometry.ts';
import type { ReadFace, RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import { classifyUpsideDown, detectText, recognizeLine, type TextModels } from './text-models.ts';
import { warpImage } from './warp.ts';

/** One card read off a photo. */
export type ScannedCard = {
  face: ReadFace;
  /** The straightened face, FACE_WIDTH x FACE_HEIGHT. */
  faceImage: RgbImage;
  /** Maps face pixels to pixels of the photo the pipeline was given. */
  faceToPhoto: Homography;
};

const FACE_CORNERS: Point[] = [
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

/**
 * The whole reading pipeline on decoded pixels: find up to `maxCards` cards, settle each one's
 * orientation, straighten it, detect its lines on the straightened face and recognise each line
 * from the photo's own pixels (one resampling, not two).
 */
export async function readCards(
  photo: RgbImage,
  models: TextModels,
  maxCards: number,
): Promise<ScannedCard[]> {
  const photoBoxes = await detectText(photo, models);
  const readings: ScannedCard[] = [];
  for (const card of findCards(photo, photoBoxes, maxCards)) {
    const corners = await uprightCorners(photo, card.corners, card.boxes, models);
    const faceToPhoto = homographyFromQuads(FACE_CORNERS, corners);
    const faceImage = warpImage(photo, faceToPhoto, FACE_WIDTH, FACE_HEIGHT);
    const faceBoxes = readingOrder(await detectText(faceImage, models));
    const lines: RecognizedLine[] = [];
    for (const { box } of faceBoxes) {
      const decoded = await recognizeLine(photo, mapQuad(faceToPhoto, box), models);
      if (decoded.text.length === 0) continue;
      lines.push({ text: decoded.text, box, score: decoded.score, chars: decoded.chars });
    }
    readings.push({
      face: { width: FACE_WIDTH, height: FACE_HEIGHT, lines },
      faceImage,
      faceToPhoto,
    });
  }
  return readings;
}
