/** Decoded pixels, 3 bytes per pixel in R, G, B order, rows top to bottom without padding. */
export type RgbImage = {
  width: number;
  height: number;
  data: Uint8Array;
};
