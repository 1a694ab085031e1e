import { IMAGE_LIMITS } from '../../idcard/api-contract.ts';

/**
 * What the browser aims for before sending. The engine decodes large photos down to 1280-1600 px
 * (DESIGN.md, measured), so 2048 px on the long side loses nothing it would read, and about 1 MB
 * of JPEG keeps uploads quick on a counter's network while far inside the API's 10 MB limit.
 */
export const COMPRESSION_TARGET = {
  maxLongSidePx: 2048,
  maxSizeMB: 1,
  /** browser-image-compression starts at this quality and steps down only when over size. */
  initialQuality: 0.9,
} as const;

export type PixelSize = { width: number; height: number };

export type CompressionPlan =
  | { kind: 'too-small'; size: PixelSize }
  /** So long and thin that no scale keeps both sides within 15-8192 px. */
  | { kind: 'too-elongated'; size: PixelSize }
  /** `maxWidthOrHeight` for browser-image-compression: the long side after shrinking. */
  | { kind: 'compress'; maxWidthOrHeight: number; target: PixelSize };

/** Shrinks to the target long side, never upscales, and keeps the short side within the API's limit. */
export function planCompression(size: PixelSize): CompressionPlan {
  const shortSide = Math.min(size.width, size.height);
  const longSide = Math.max(size.width, size.height);
  if (shortSide < IMAGE_LIMITS.minSidePx) return { kind: 'too-small', size };
  let scale = Math.min(1, COMPRESSION_TARGET.maxLongSidePx / longSide);
  if (shortSide * scale < IMAGE_LIMITS.minSidePx) scale = IMAGE_LIMITS.minSidePx / shortSide;
  const maxWidthOrHeight = Math.ceil(longSide * scale);
  if (maxWidthOrHeight > IMAGE_LIMITS.maxSidePx) return { kind: 'too-elongated', size };
  const shortAfter = Math.max(IMAGE_LIMITS.minSidePx, Math.round(shortSide * scale));
  const target =
    size.width >= size.height
      ? { width: maxWidthOrHeight, height: shortAfter }
      : { width: shortAfter, height: maxWidthOrHeight };
  return { kind: 'compress', maxWidthOrHeight, target };
}

/** Length of the base64 text of `bytes` bytes, the unit of the API's size limit. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** Whether an encoded image is one the API accepts as it is. */
export function fitsApiLimits(size: PixelSize, bytes: number): boolean {
  return (
    Math.min(size.width, size.height) >= IMAGE_LIMITS.minSidePx &&
    Math.max(size.width, size.height) <= IMAGE_LIMITS.maxSidePx &&
    base64Length(bytes) <= IMAGE_LIMITS.maxBase64Chars
  );
}
