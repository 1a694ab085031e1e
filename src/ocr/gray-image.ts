import type { RgbImage } from './rgb-image.ts';

/** One byte of luminance per pixel, rows without padding: what quality measures look at. */
export type GrayImage = { width: number; height: number; data: Uint8Array };

/** ITU-R BT.601 luma of RGB pixels. */
export function grayOf({ width, height, data }: RgbImage): GrayImage {
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < gray.length; i++) {
    gray[i] =
      ((data[i * 3] as number) * 299 +
        (data[i * 3 + 1] as number) * 587 +
        (data[i * 3 + 2] as number) * 114) /
      1000;
  }
  return { width, height, data: gray };
}
