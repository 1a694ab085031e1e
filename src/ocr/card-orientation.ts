import { FACE_CORNERS } from './card-geometry.ts';
import type { DetectedBox } from './db-postprocess.ts';
import {
  distance,
  homographyFromQuads,
  invertHomography,
  mapQuad,
  orderCorners,
  type Point,
} from './geometry.ts';
import type { RgbImage } from './rgb-image.ts';
import { classifyUpsideDown, type TextModels } from './text-models.ts';

/** How many of a card's longest lines the angle classifier votes with. */
const ORIENTATION_VOTERS = 6;
/** Lines that must agree, surely, that a card is upside down before it is turned. */
const AGREEING_FLIPS = 2;

function longestFirst(a: DetectedBox, b: DetectedBox): number {
  return distance(b.box[0], b.box[1]) - distance(a.box[0], a.box[1]);
}

/**
 * Whether the angle classifier's answers on a card's lines agree that it is upside down: more
 * lines surely turned than surely upright, and at least AGREEING_FLIPS of them (or every line,
 * for a card with fewer). A line the classifier is unsure of (blur, a stamp) votes for neither:
 * one sure answer against five unsure ones turned blurred cards upside down.
 */
export function agreesUpsideDown(votes: readonly (boolean | null)[]): boolean {
  const flips = votes.filter((v) => v === true).length;
  const keeps = votes.filter((v) => v === false).length;
  return flips > keeps && flips >= Math.min(AGREEING_FLIPS, votes.length);
}

/**
 * Settles 0° against 180° for the whole card at once: the angle classifier reads the card's
 * longest lines as they run in `corners`' order, and the card is turned only when they agree
 * (`agreesUpsideDown`). Returns the corners in upright reading order.
 */
export async function uprightCorners(
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
  if (!agreesUpsideDown(await classifyUpsideDown(photo, voters, models))) return corners;
  const [c0, c1, c2, c3] = corners as [Point, Point, Point, Point];
  return [c2, c3, c0, c1];
}
