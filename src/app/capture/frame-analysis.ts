import type { Quad } from '../../idcard/api-contract.ts';
import { CARD_ASPECT } from '../../ocr/card-geometry.ts';
import { findCardQuad, sideLengths } from '../../ocr/card-quad.ts';
import { homographyFromQuads, type Point } from '../../ocr/geometry.ts';
import { type GrayImage, grayOf } from '../../ocr/gray-image.ts';
import type { RgbImage } from '../../ocr/rgb-image.ts';
import { warpImage } from '../../ocr/warp.ts';

/** What one analysed frame shows; the rules in `capture-rules.ts` turn a run of them into a hint. */
export type FrameAnalysis = {
  width: number;
  height: number;
  /** Mean luminance of the whole frame, 0-255. */
  brightness: number;
  card: CardMeasures | null;
};

export type CardMeasures = {
  quad: Quad;
  /** The card's long side over the longest a card can be in this frame (1 = fills it). */
  sizeShare: number;
  /** Whether a corner lies at the frame's edge, so part of the card may be cut off. */
  atEdge: boolean;
  /** Largest departure of a corner's angle from 90°: how far the card is turned from facing the camera. */
  skewDegrees: number;
  /** Variance of the Laplacian on the straightened card: low when blurred. */
  sharpness: number;
  /** Share of the card's pixels at full brightness: a reflection of a lamp or the sky. */
  glareShare: number;
  /** Mean luminance of the card, 0-255. */
  brightness: number;
  /** The straightened card, small and normalised, to tell one face from the other. */
  signature: Float32Array;
};

/** The card is measured at one size whatever its size in the frame, so thresholds hold. */
const PATCH_WIDTH = 256;
const PATCH_HEIGHT = 162;
const SIGNATURE_WIDTH = 32;
const SIGNATURE_HEIGHT = 20;
/** A corner this close to the frame's edge (share of the shorter dimension) may have lost some card. */
const EDGE_MARGIN_SHARE = 0.015;
/** Luminance counted as blown out: JPEG-encoded sensor saturation lands at 250-255. */
const SATURATED = 248;

/** The corners of a `width` × `height` image, clockwise from the top-left. */
export function imageCorners(width: number, height: number, inset = 0): Quad {
  return [
    [inset, inset],
    [width - inset, inset],
    [width - inset, height - inset],
    [inset, height - inset],
  ];
}

export function analyseFrame(image: RgbImage): FrameAnalysis {
  const frame = grayOf(image);
  const { width, height } = frame;
  let sum = 0;
  for (const value of frame.data) sum += value;
  const brightness = sum / frame.data.length;
  const quad = findCardQuad(frame);
  return { width, height, brightness, card: quad ? measureCard(image, quad) : null };
}

function measureCard(image: RgbImage, quad: Quad): CardMeasures {
  const { width, height } = image;
  const longSide = sideLengths(quad).long;
  const longest = Math.min(Math.max(width, height), Math.min(width, height) * CARD_ASPECT);
  const margin = EDGE_MARGIN_SHARE * Math.min(width, height);
  const atEdge = quad.some(
    ([x, y]) => x < margin || y < margin || x > width - margin || y > height - margin,
  );
  const toFrame = homographyFromQuads(imageCorners(PATCH_WIDTH, PATCH_HEIGHT), quad);
  const patch = grayOf(warpImage(image, toFrame, PATCH_WIDTH, PATCH_HEIGHT));
  let sum = 0;
  let saturated = 0;
  for (const value of patch.data) {
    sum += value;
    if (value >= SATURATED) saturated += 1;
  }
  return {
    quad,
    sizeShare: longSide / longest,
    atEdge,
    skewDegrees: skew(quad),
    sharpness: laplacianVariance(patch),
    glareShare: saturated / patch.data.length,
    brightness: sum / patch.data.length,
    signature: signature(patch),
  };
}

function skew(quad: Quad): number {
  let worst = 0;
  for (let i = 0; i < 4; i += 1) {
    const prev = quad[(i + 3) % 4] as Point;
    const at = quad[i] as Point;
    const next = quad[(i + 1) % 4] as Point;
    const a = Math.atan2(prev[1] - at[1], prev[0] - at[0]);
    const b = Math.atan2(next[1] - at[1], next[0] - at[0]);
    let angle = Math.abs(a - b) * (180 / Math.PI);
    if (angle > 180) angle = 360 - angle;
    worst = Math.max(worst, Math.abs(angle - 90));
  }
  return worst;
}

/** The classic focus measure: blur removes the fine steps the 4-neighbour Laplacian responds to. */
function laplacianVariance({ width, height, data }: GrayImage): number {
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  // The outer 5 % is the card's own edge and rounded corners, not print.
  const inset = Math.round(width * 0.05);
  for (let y = inset; y < height - inset; y += 1) {
    for (let x = inset; x < width - inset; x += 1) {
      const i = y * width + x;
      const value =
        4 * (data[i] as number) -
        (data[i - 1] as number) -
        (data[i + 1] as number) -
        (data[i - width] as number) -
        (data[i + width] as number);
      sum += value;
      sumSquares += value * value;
      count += 1;
    }
  }
  const mean = sum / count;
  return sumSquares / count - mean * mean;
}

/** Block means of the patch, zero mean and unit length, so the dot product is a correlation. */
function signature(patch: GrayImage): Float32Array {
  const out = new Float32Array(SIGNATURE_WIDTH * SIGNATURE_HEIGHT);
  const bw = patch.width / SIGNATURE_WIDTH;
  const bh = patch.height / SIGNATURE_HEIGHT;
  for (let y = 0; y < patch.height; y += 1) {
    const sy = Math.min(SIGNATURE_HEIGHT - 1, Math.floor(y / bh));
    for (let x = 0; x < patch.width; x += 1) {
      const sx = Math.min(SIGNATURE_WIDTH - 1, Math.floor(x / bw));
      const cell = sy * SIGNATURE_WIDTH + sx;
      out[cell] = (out[cell] as number) + (patch.data[y * patch.width + x] as number);
    }
  }
  let mean = 0;
  for (const value of out) mean += value;
  mean /= out.length;
  let norm = 0;
  for (let i = 0; i < out.length; i += 1) {
    const centred = (out[i] as number) - mean;
    out[i] = centred;
    norm += centred * centred;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i += 1) out[i] = (out[i] as number) / norm;
  return out;
}

/** How alike two faces look, -1 to 1, the card either way up (a card is often turned over end to end). */
export function faceSimilarity(a: Float32Array, b: Float32Array): number {
  let upright = 0;
  let turned = 0;
  for (let i = 0; i < a.length; i += 1) {
    const value = a[i] as number;
    upright += value * (b[i] as number);
    turned += value * (b[a.length - 1 - i] as number);
  }
  return Math.max(upright, turned);
}
