import type { Quad } from '../idcard/api-contract.ts';
import { FACE_CORNERS, FACE_HEIGHT, FACE_WIDTH, PORTRAIT_AREA } from './card-geometry.ts';
import { findCardQuad, sideLengths } from './card-quad.ts';
import { emblemRed } from './emblem-red.ts';
import { readFaceLines, readingOrder } from './face-lines.ts';
import { applyHomography, distance, homographyFromQuads, type Point } from './geometry.ts';
import { type GrayImage, grayOf } from './gray-image.ts';
import { isIllegible, likelySide } from './layout/unreadable-face.ts';
import type { ScannedCard } from './read-cards.ts';
import type { RgbImage } from './rgb-image.ts';
import type { TextModels } from './text-models.ts';
import { warpImage } from './warp.ts';

/**
 * A card found by its outline where the locating pass found none by its text: a card blurred so
 * far that its lines run together into one or two boxes, or into none, still shows its plate
 * against the desk. The outline is found as the live view finds it (`findCardQuad`, on frames
 * shrunk far enough that the blurred edge is a step again), the face inside it is straightened
 * and its print detected and read; the face is handed on only when that print is there but
 * illegible.
 */

/**
 * Frame widths the outline is looked for at, in turn. `findCardQuad`'s edge threshold was set on
 * the live view's 480 px frames; a blur of sigma 18 px on a 1280 px photo spreads the card's
 * edge over 7 px there, too gentle a step against a pale desk, but over 2 px at 160 px. Sharper
 * outlines are taken at the larger widths first, where their corners are placed more finely.
 */
const OUTLINE_FRAME_WIDTHS = [480, 320, 240, 160];
/** A card too small to read its print at this share of the photo is not looked for by outline. */
const MIN_AREA_SHARE = 0.1;
/**
 * Nor is one whose long side spans fewer photo pixels than this: the committed flat scan scaled
 * down reads whole from 320 px wide and is garbled below, for want of pixels rather than from
 * blur, and a card found to have too few of them is no card found (AIS.0104), which the desk
 * explains to the clerk as a resolution too low (`low-resolution.ts`).
 */
const MIN_LONG_SIDE_PX = 320;
/**
 * A card's opposite sides differ only by perspective: the far side of a card held at a steep
 * angle measures 0.78 of the near one. The blurred portrait on a pale card lost against a pale
 * desk outlines as a quad whose top (the head) is half its bottom (the shoulders): 0.48.
 */
const MIN_OPPOSITE_SIDE_RATIO = 0.7;
/**
 * Bounds on an outline's long over short side: ID-1 is 1.585, and the cards found through blur
 * measure 1.48-1.57 (held at an angle, or grown by the blur). Narrower than the live view's
 * 1.2-2.2, which frames a card the clerk is still turning: on a pale desk the outline of a pale
 * card's portrait and text alone, without its edge, measures 1.25-1.33.
 */
const MIN_ASPECT = 1.35;
const MAX_ASPECT = 1.85;
/**
 * An outline with a corner this close to the frame's edge (share of its shorter side) is the
 * frame, not a card: random noise has strong steps everywhere, so no background is grown from
 * the border and the whole frame stands as one blob.
 */
const FRAME_EDGE_MARGIN = 0.015;
/**
 * Fewer characters than this, however sure, are no legible print: a blob of a portrait side
 * blurred by sigma 18 px reads as a lone 2 at 0.89, where clear text without the card's labels
 * (a member's card) reads tens of characters.
 */
const MIN_LEGIBLE_CHARS = 4;
/**
 * The least `printContrast` of a face that bears print: a blank white plate measures 0, the
 * same plate lit by a lamp from one side 10, the committed cards blurred by sigma 8-18 px
 * 70-120 where nothing on them was boxed.
 */
const MIN_PRINT_CONTRAST = 30;
/** The card's print keeps this share of the face clear along its edges (4-5 mm of 54-85.6). */
const PRINT_INSET = 0.06;
/** Cells of 1.2 mm on the straightened face, compared 2 cells either side (4.8 mm apart). */
const PRINT_CELL_PX = 12;
const PRINT_STEP_CELLS = 2;
const PRINT_PERCENTILE = 0.9;

export async function readOutlinedCard(
  photo: RgbImage,
  models: TextModels,
): Promise<ScannedCard | null> {
  const outline = findOutline(photo);
  if (!outline || sideLengths(outline as Quad).long < MIN_LONG_SIDE_PX) return null;
  // The outline starts at a long side's more top-left corner: upright, or turned half round.
  let corners = outline;
  let faceImage = warpImage(
    photo,
    homographyFromQuads(FACE_CORNERS, corners),
    FACE_WIDTH,
    FACE_HEIGHT,
  );
  if (isUpsideDown(faceImage)) {
    const [c0, c1, c2, c3] = outline as [Point, Point, Point, Point];
    corners = [c2, c3, c0, c1];
    faceImage = warpImage(
      photo,
      homographyFromQuads(FACE_CORNERS, corners),
      FACE_WIDTH,
      FACE_HEIGHT,
    );
  }
  const faceToPhoto = homographyFromQuads(FACE_CORNERS, corners);
  const lines = await readFaceLines(photo, faceToPhoto, models);
  const face = { width: FACE_WIDTH, height: FACE_HEIGHT, lines: readingOrder(lines) };
  const chars = lines.reduce((sum, line) => sum + line.chars.length, 0);
  if (chars >= MIN_LEGIBLE_CHARS && !isIllegible(face)) return null;
  // Boxes read, however poorly, are print; with none, the plate must not be blank.
  if (lines.length === 0 && printContrast(faceImage) < MIN_PRINT_CONTRAST) return null;
  return { face, faceImage: () => faceImage, faceToPhoto };
}

/**
 * A face found by its text but too blurred to read (`isIllegible`), turned upright by its colours
 * (`isUpsideDown`) as the outline's face is: the angle classifier's vote on blurred print is
 * no better than chance, and it turned a sideways emblem side blurred by sigma 12-18 px upside
 * down three times in three. Its boxes turn with it.
 */
export function uprightIllegibleScan(photo: RgbImage, scan: ScannedCard): ScannedCard {
  if (!isUpsideDown(scan.faceImage())) return scan;
  const [c0, c1, c2, c3] = FACE_CORNERS.map(([x, y]) => applyHomography(scan.faceToPhoto, x, y));
  const faceToPhoto = homographyFromQuads(FACE_CORNERS, [c2, c3, c0, c1] as Point[]);
  const faceImage = warpImage(photo, faceToPhoto, FACE_WIDTH, FACE_HEIGHT);
  const turn = ([x, y]: Point): Point => [FACE_WIDTH - x, FACE_HEIGHT - y];
  const lines = scan.face.lines.map((line) => {
    const [p0, p1, p2, p3] = line.box.map(turn) as Quad;
    return { ...line, box: [p2, p3, p0, p1] as Quad };
  });
  return { face: { ...scan.face, lines }, faceImage: () => faceImage, faceToPhoto };
}

/**
 * Whether a face too blurred to read stands upside down: the emblem side's red emblem stands in
 * its left half, and the portrait side's photo (dark hair and clothes, the darkest part of the
 * face through any blur) at its right, where the mirrored place on the left holds only print.
 */
function isUpsideDown(face: RgbImage): boolean {
  if (likelySide(face) === 'back') return emblemRed(face).centreX > face.width / 2;
  const gray = grayOf(face);
  const { left, top, right, bottom } = PORTRAIT_AREA;
  return (
    meanGray(gray, FACE_WIDTH - right, FACE_HEIGHT - bottom, FACE_WIDTH - left, FACE_HEIGHT - top) <
    meanGray(gray, left, top, right, bottom)
  );
}

function meanGray(gray: GrayImage, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) sum += gray.data[y * gray.width + x] as number;
  }
  return sum / ((x1 - x0) * (y1 - y0));
}

/** The first card-shaped outline found at any of `OUTLINE_FRAME_WIDTHS`, in photo pixels. */
export function findOutline(photo: RgbImage): Point[] | null {
  for (const frameWidth of OUTLINE_FRAME_WIDTHS) {
    const scale = Math.min(1, frameWidth / photo.width);
    const width = Math.round(photo.width * scale);
    const height = Math.round(photo.height * scale);
    const toPhoto = Float64Array.from([1 / scale, 0, 0, 0, 1 / scale, 0, 0, 0, 1]);
    const quad = findCardQuad(grayOf(warpImage(photo, toPhoto, width, height)));
    if (quad && isCardShaped(quad, width, height)) {
      return quad.map(([x, y]): Point => [x / scale, y / scale]);
    }
  }
  return null;
}

/**
 * An outline within the frame, of a card's proportions, whose opposite sides differ no more than
 * perspective makes them.
 */
function isCardShaped(quad: Quad, width: number, height: number): boolean {
  const margin = FRAME_EDGE_MARGIN * Math.min(width, height);
  const inside = quad.every(
    ([x, y]) => x >= margin && y >= margin && x <= width - margin && y <= height - margin,
  );
  const ratio = (a: number, b: number) => Math.min(a, b) / Math.max(a, b);
  const [p0, p1, p2, p3] = quad;
  const { long, short } = sideLengths(quad);
  return (
    inside &&
    long * short >= MIN_AREA_SHARE * width * height &&
    long >= MIN_ASPECT * short &&
    long <= MAX_ASPECT * short &&
    ratio(distance(p0, p1), distance(p3, p2)) >= MIN_OPPOSITE_SIDE_RATIO &&
    ratio(distance(p1, p2), distance(p0, p3)) >= MIN_OPPOSITE_SIDE_RATIO
  );
}

/**
 * How strongly the face's grey changes over a few millimetres, inside its margins: the 90th
 * percentile of the step between cells `PRINT_STEP_CELLS` apart. Blurred print keeps steps of
 * tens of grey levels over that span; light falling off across a blank plate changes it by a few.
 */
function printContrast(face: RgbImage): number {
  const gray = grayOf(face);
  const columns = Math.floor(gray.width / PRINT_CELL_PX);
  const rows = Math.floor(gray.height / PRINT_CELL_PX);
  const cells = new Float64Array(columns * rows);
  for (let y = 0; y < rows * PRINT_CELL_PX; y++) {
    for (let x = 0; x < columns * PRINT_CELL_PX; x++) {
      const cell = Math.floor(y / PRINT_CELL_PX) * columns + Math.floor(x / PRINT_CELL_PX);
      cells[cell] = (cells[cell] as number) + (gray.data[y * gray.width + x] as number);
    }
  }
  const at = (column: number, row: number) =>
    (cells[row * columns + column] as number) / PRINT_CELL_PX ** 2;
  const steps: number[] = [];
  const d = PRINT_STEP_CELLS;
  const [left, right] = [Math.ceil(PRINT_INSET * columns), Math.floor((1 - PRINT_INSET) * columns)];
  const [top, bottom] = [Math.ceil(PRINT_INSET * rows), Math.floor((1 - PRINT_INSET) * rows)];
  for (let row = top + d; row < bottom - d; row++) {
    for (let column = left + d; column < right - d; column++) {
      steps.push(
        Math.abs(at(column + d, row) - at(column - d, row)) +
          Math.abs(at(column, row + d) - at(column, row - d)),
      );
    }
  }
  steps.sort((a, b) => a - b);
  return steps[Math.floor(PRINT_PERCENTILE * steps.length)] ?? 0;
}
