import type { Quad } from '../idcard/api-contract.ts';
import { FACE_CORNERS } from './card-geometry.ts';
import type { DecodedLine } from './ctc-decode.ts';
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
import {
  classifyUpsideDown,
  readCharacters,
  recognizeLines,
  type TextModels,
} from './text-models.ts';

/** How many of a card's longest lines the angle classifier votes with. */
const ORIENTATION_VOTERS = 6;
/** Lines that must agree, surely, that a card is upside down before it is turned. */
const AGREEING_FLIPS = 2;

function longestFirst(a: DetectedBox, b: DetectedBox): number {
  return distance(b.box[0], b.box[1]) - distance(a.box[0], a.box[1]);
}

/** What the angle classifier's answers on a card's lines say of its turn. */
export type OrientationVote = 'turned' | 'upright' | 'unsettled';

/**
 * What the angle classifier's answers on a card's lines agree on: `turned` where more lines are
 * surely turned than surely upright, and at least AGREEING_FLIPS of them (or every line, for a
 * card with fewer); `upright` the other way round; else `unsettled`. A line the classifier is
 * unsure of (blur, a stamp) votes for neither: one sure answer against five unsure ones turned
 * blurred cards upside down.
 */
export function orientationVote(votes: readonly (boolean | null)[]): OrientationVote {
  const flips = votes.filter((v) => v === true).length;
  const keeps = votes.filter((v) => v === false).length;
  const enough = Math.min(AGREEING_FLIPS, votes.length);
  if (flips > keeps && flips >= enough) return 'turned';
  if (keeps > flips && keeps >= enough) return 'upright';
  return 'unsettled';
}

/**
 * How many times more characters (each counted at its probability) the lines must read turned
 * than as they run for an unsettled card to be turned: upright print reads whole, at 0.99 and
 * more a character, and the same print upside down reads a few scraps (a turned card's number,
 * 18.0 turned against 6.3 as it ran; upright cards' lines 5-20 times more as they run).
 */
const TURNED_READS_MORE = 1.5;

/** Characters the lines of a reading hold, each counted at its probability. */
function charactersRead(lines: readonly DecodedLine[]): number {
  return lines.reduce((sum, line) => sum + readCharacters(line), 0);
}

/**
 * Settles 0° against 180° for the whole card at once: the angle classifier reads the card's
 * longest lines as they run in `corners`' order, and the card is turned when they agree
 * (`orientationVote`). Where they do not (a card small in the photo, its lines too blurred for
 * the classifier to be sure), the recogniser reads the same lines as they run and turned, and
 * the card is turned where they read far more turned (`TURNED_READS_MORE`). Returns the corners
 * in upright reading order.
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
  const vote = orientationVote(await classifyUpsideDown(photo, voters, models));
  const turned =
    vote === 'turned' || (vote === 'unsettled' && (await readsTurned(photo, voters, models)));
  if (!turned) return corners;
  const [c0, c1, c2, c3] = corners as [Point, Point, Point, Point];
  return [c2, c3, c0, c1];
}

/** Whether lines read far more characters turned half round than as they run. */
async function readsTurned(photo: RgbImage, lines: Quad[], models: TextModels): Promise<boolean> {
  const options = { firstReader: false };
  const asTheyRun = await recognizeLines(photo, lines, models, options);
  const halfRound = lines.map(([a, b, c, d]): Quad => [c, d, a, b]);
  const turned = await recognizeLines(photo, halfRound, models, options);
  return charactersRead(turned) > TURNED_READS_MORE * charactersRead(asTheyRun);
}
