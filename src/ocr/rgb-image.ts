/** Decoded pixels, 3 bytes per pixel in R, G, B order, rows top to bottom without padding. */
export type RgbImage = {
  width: number;
  height: number;
  data: Uint8Array;
};

/** A pixel's luma (ITU-R BT.601), as OpenCV converts to grey. */
export function luma(r: number, g: number, b: number): number {
  return r * 0.299 + g * 0.587 + b * 0.114;
}
