import type { RgbImage } from '../../ocr/rgb-image.ts';

/** Canvas pixels (RGBA) as the engine's RGB image type, alpha dropped. */
export function rgbaToRgb(rgba: Uint8ClampedArray, width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, p = 0; p < rgba.length; i += 3, p += 4) {
    data[i] = rgba[p] as number;
    data[i + 1] = rgba[p + 1] as number;
    data[i + 2] = rgba[p + 2] as number;
  }
  return { width, height, data };
}

/** RGB back to canvas pixels, opaque. */
export function rgbToRgba({ width, height, data }: RgbImage): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, p = 0; i < data.length; i += 3, p += 4) {
    rgba[p] = data[i] as number;
    rgba[p + 1] = data[i + 1] as number;
    rgba[p + 2] = data[i + 2] as number;
    rgba[p + 3] = 255;
  }
  return rgba;
}
