import type { Quad } from '../../idcard/api-contract.ts';
import { CARD_ASPECT } from '../../ocr/card-geometry.ts';
import { sideLengths } from '../../ocr/card-quad.ts';
import { homographyFromQuads } from '../../ocr/geometry.ts';
import type { RgbImage } from '../../ocr/rgb-image.ts';
import { warpImage } from '../../ocr/warp.ts';
import { imageCorners } from './frame-analysis.ts';

/**
 * A margin around the card, as a share of its width on each side: the found corners may sit a
 * pixel or two inside the card at analysis scale (several at full size), and the engine finds the
 * card's edges itself, which needs a little background around them.
 */
const MARGIN_SHARE = 0.04;

/** The card straightened to a rectangle at the resolution it had in the frame, with a margin. */
export function cropCard(frame: RgbImage, quad: Quad): RgbImage {
  const cardWidth = sideLengths(quad).long;
  const margin = Math.round(cardWidth * MARGIN_SHARE);
  const width = Math.round(cardWidth) + 2 * margin;
  const height = Math.round(cardWidth / CARD_ASPECT) + 2 * margin;
  const toFrame = homographyFromQuads(imageCorners(width, height, margin), quad);
  return warpImage(frame, toFrame, width, height);
}
