import type { Quad } from '../../idcard/api-contract.ts';

/** An affine map as canvas `setTransform(a, b, c, d, e, f)` takes it: x' = ax + cy + e. */
export type Affine = { a: number; b: number; c: number; d: number; e: number; f: number };

export type FieldCrop = { width: number; height: number; transform: Affine };

/** Room around the text, as a share of the line's height, so the characters' edges show. */
const MARGIN_OF_HEIGHT = 0.35;

/**
 * How to draw the region a field was read from, turned level and scaled to `height` pixels: the
 * affine map taking the quad's top-left, top-right and bottom-left corners (widened by a margin)
 * to a rectangle. A text line is small enough that the photo's perspective over it is negligible.
 */
export function fieldCrop(quad: Quad, height: number): FieldCrop {
  const [topLeft, topRight, , bottomLeft] = quad;
  const across = [topRight[0] - topLeft[0], topRight[1] - topLeft[1]] as const;
  const down = [bottomLeft[0] - topLeft[0], bottomLeft[1] - topLeft[1]] as const;
  const lineWidth = Math.hypot(...across);
  const lineHeight = Math.hypot(...down);
  if (lineWidth === 0 || lineHeight === 0) {
    return { width: 0, height: 0, transform: { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 } };
  }
  const margin = lineHeight * MARGIN_OF_HEIGHT;
  const unitAcross = [across[0] / lineWidth, across[1] / lineWidth];
  const unitDown = [down[0] / lineHeight, down[1] / lineHeight];
  // The widened region: its origin and its two edge vectors in the photo.
  const origin = [
    topLeft[0] - margin * (unitAcross[0] ?? 0) - margin * (unitDown[0] ?? 0),
    topLeft[1] - margin * (unitAcross[1] ?? 0) - margin * (unitDown[1] ?? 0),
  ];
  const regionWidth = lineWidth + 2 * margin;
  const regionHeight = lineHeight + 2 * margin;
  const u = [(unitAcross[0] ?? 0) * regionWidth, (unitAcross[1] ?? 0) * regionWidth];
  const v = [(unitDown[0] ?? 0) * regionHeight, (unitDown[1] ?? 0) * regionHeight];
  const scale = height / regionHeight;
  const width = Math.round(regionWidth * scale);
  // Inverse of [u v], then scaled to the output rectangle: photo point -> output pixel.
  const det = (u[0] ?? 0) * (v[1] ?? 0) - (v[0] ?? 0) * (u[1] ?? 0);
  const a = ((v[1] ?? 0) / det) * width;
  const c = (-(v[0] ?? 0) / det) * width;
  const b = (-(u[1] ?? 0) / det) * height;
  const d = ((u[0] ?? 0) / det) * height;
  const e = -(a * (origin[0] ?? 0) + c * (origin[1] ?? 0));
  const f = -(b * (origin[0] ?? 0) + d * (origin[1] ?? 0));
  return { width, height, transform: { a, b, c, d, e, f } };
}

export function applyAffine({ a, b, c, d, e, f }: Affine, [x, y]: readonly [number, number]) {
  return [a * x + c * y + e, b * x + d * y + f] as const;
}
