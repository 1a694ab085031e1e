import type { FacePoint } from './card-geometry.ts';

/** Maps the card's nominal fractions to the pixels of one straightened face. */
export type FaceFrame = { x: (fraction: number) => number; y: (fraction: number) => number };

/** A printed thing found on the face: where the card prints it, and where it was read. */
export type FrameAnchor = { nominal: FacePoint; actual: { x: number; y: number } };

/**
 * Straightening leaves a margin or trims an edge, so the face is the card only roughly (a card
 * found by its text alone may come out a fifth too large or small). Scales outside this range
 * mean a wrong anchor rather than a real crop, and are not trusted.
 */
const SCALE_LIMITS = { min: 0.7, max: 1.4 } as const;

/** Anchors must spread over this fraction of the card before they may set a scale. */
const MIN_SPREAD_FOR_SCALE = 0.2;

function fitAxis(nominal: number[], actual: number[], size: number): (fraction: number) => number {
  const n = nominal.length;
  if (n === 0) return (fraction) => fraction * size;
  const meanNominal = nominal.reduce((a, b) => a + b, 0) / n;
  const meanActual = actual.reduce((a, b) => a + b, 0) / n;
  const spread = Math.max(...nominal) - Math.min(...nominal);
  let scale = size;
  if (spread >= MIN_SPREAD_FOR_SCALE) {
    let covariance = 0;
    let variance = 0;
    nominal.forEach((v, i) => {
      covariance += (v - meanNominal) * ((actual[i] ?? 0) - meanActual);
      variance += (v - meanNominal) ** 2;
    });
    const fitted = covariance / variance;
    if (fitted >= SCALE_LIMITS.min * size && fitted <= SCALE_LIMITS.max * size) scale = fitted;
  }
  const offset = meanActual - scale * meanNominal;
  return (fraction) => offset + scale * fraction;
}

/**
 * A least-squares fit, per axis, of where the found labels are against where the card prints
 * them; with no anchors the face is taken as exactly the card.
 */
export function fitFaceFrame(
  face: { width: number; height: number },
  anchors: readonly FrameAnchor[],
): FaceFrame {
  return {
    x: fitAxis(
      anchors.map((a) => a.nominal.x),
      anchors.map((a) => a.actual.x),
      face.width,
    ),
    y: fitAxis(
      anchors.map((a) => a.nominal.y),
      anchors.map((a) => a.actual.y),
      face.height,
    ),
  };
}
