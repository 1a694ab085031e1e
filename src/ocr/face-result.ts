import type { Quad } from '../idcard/api-contract.ts';
import { PORTRAIT_AREA } from './card-geometry.ts';
import { mapQuad } from './geometry.ts';
import type { ScannedCard } from './read-cards.ts';

/**
 * Maps a quad on the straightened face to the image as sent: through the face-to-photo transform,
 * then from the decoded (possibly shrunk) photo to the sender's pixels. Rounded to whole pixels.
 */
export function faceQuadToSource(scan: ScannedCard, quad: Quad, sourceScale: number): Quad {
  return mapQuad(scan.faceToPhoto, quad).map(([x, y]) => [
    Math.round(x * sourceScale),
    Math.round(y * sourceScale),
  ]) as Quad;
}

/** The portrait photo's corners on the face. */
export const PORTRAIT_QUAD: Quad = [
  [PORTRAIT_AREA.left, PORTRAIT_AREA.top],
  [PORTRAIT_AREA.right, PORTRAIT_AREA.top],
  [PORTRAIT_AREA.right, PORTRAIT_AREA.bottom],
  [PORTRAIT_AREA.left, PORTRAIT_AREA.bottom],
];
