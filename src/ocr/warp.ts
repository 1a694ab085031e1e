import type { Homography } from './geometry.ts';
import type { RgbImage } from './rgb-image.ts';

/**
 * Fills a `width` x `height` RGB image by sampling `source` bilinearly at `toSource(x, y)`, with
 * edge pixels replicated outside it (cv2's BORDER_REPLICATE, as PaddleOCR's line crops use).
 * Pixel centres sit at integer coordinates, as in cv2.warpPerspective.
 */
export function warpImage(
  source: RgbImage,
  toSource: Homography,
  width: number,
  height: number,
): RgbImage {
  const out = new Uint8Array(width * height * 3);
  const { data, width: sw, height: sh } = source;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toSource as unknown as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const maxX = sw - 1;
  const maxY = sh - 1;
  for (let y = 0; y < height; y++) {
    let o = y * width * 3;
    for (let x = 0; x < width; x++) {
      // Inlined projective map and channel loop: no allocation or call per pixel.
      const w = h6 * x + h7 * y + h8;
      let sx = (h0 * x + h1 * y + h2) / w;
      let sy = (h3 * x + h4 * y + h5) / w;
      sx = sx < 0 ? 0 : Math.min(sx, maxX);
      sy = sy < 0 ? 0 : Math.min(sy, maxY);
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const dx = x0 < maxX ? 3 : 0;
      const dy = y0 < maxY ? sw * 3 : 0;
      const i00 = (y0 * sw + x0) * 3;
      const i10 = i00 + dy;
      const w00 = (1 - fx) * (1 - fy);
      const w01 = fx * (1 - fy);
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      out[o] =
        (data[i00] as number) * w00 +
        (data[i00 + dx] as number) * w01 +
        (data[i10] as number) * w10 +
        (data[i10 + dx] as number) * w11 +
        0.5;
      out[o + 1] =
        (data[i00 + 1] as number) * w00 +
        (data[i00 + dx + 1] as number) * w01 +
        (data[i10 + 1] as number) * w10 +
        (data[i10 + dx + 1] as number) * w11 +
        0.5;
      out[o + 2] =
        (data[i00 + 2] as number) * w00 +
        (data[i00 + dx + 2] as number) * w01 +
        (data[i10 + 2] as number) * w10 +
        (data[i10 + dx + 2] as number) * w11 +
        0.5;
      o += 3;
    }
  }
  return { width, height, data: out };
}

/**
 * Bilinear resize with cv2.resize's INTER_LINEAR convention (half-pixel centres), which is what
 * PaddleOCR's `DetResizeForTest` and `resize_norm_img` call.
 */
export function resizeImage(source: RgbImage, width: number, height: number): RgbImage {
  const scaleX = source.width / width;
  const scaleY = source.height / height;
  const toSource = Float64Array.from([
    scaleX,
    0,
    0.5 * scaleX - 0.5,
    0,
    scaleY,
    0.5 * scaleY - 0.5,
    0,
    0,
    1,
  ]);
  return warpImage(source, toSource, width, height);
}
