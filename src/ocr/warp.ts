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
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inlined projective map: no allocation per pixel.
      const w = h6 * x + h7 * y + h8;
      const sx = (h0 * x + h1 * y + h2) / w;
      const sy = (h3 * x + h4 * y + h5) / w;
      const cx = Math.min(Math.max(sx, 0), sw - 1);
      const cy = Math.min(Math.max(sy, 0), sh - 1);
      const x0 = Math.floor(cx);
      const y0 = Math.floor(cy);
      const x1 = Math.min(x0 + 1, sw - 1);
      const y1 = Math.min(y0 + 1, sh - 1);
      const fx = cx - x0;
      const fy = cy - y0;
      const i00 = (y0 * sw + x0) * 3;
      const i01 = (y0 * sw + x1) * 3;
      const i10 = (y1 * sw + x0) * 3;
      const i11 = (y1 * sw + x1) * 3;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const top = (data[i00 + c] as number) * (1 - fx) + (data[i01 + c] as number) * fx;
        const bottom = (data[i10 + c] as number) * (1 - fx) + (data[i11 + c] as number) * fx;
        out[o + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
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
