import type { Quad } from '../idcard/api-contract.ts';
import { composeHomographies, distance, homographyFromQuads, type Point } from './geometry.ts';
import type { Tensor } from './model-runner.ts';
import { REC_PARAMS } from './ocr-params.ts';
import type { RgbImage } from './rgb-image.ts';
import { warpImage } from './warp.ts';

/**
 * PaddleOCR's `get_rotate_crop_image`: the crop is as wide as the box's longer horizontal edge and
 * as tall as its longer vertical edge; a crop at least 1.5 times taller than wide is turned a
 * quarter counter-clockwise (np.rot90), which makes its top-right corner the new top-left.
 */
export function uprightLineQuad(box: Quad): { quad: Quad; width: number; height: number } {
  const [p0, p1, p2, p3] = box;
  const width = Math.max(distance(p0, p1), distance(p2, p3));
  const height = Math.max(distance(p0, p3), distance(p1, p2));
  if (height / Math.max(width, 1e-6) >= REC_PARAMS.verticalRatio) {
    return { quad: [p1, p2, p3, p0], width: height, height: width };
  }
  return { quad: box, width, height };
}

/**
 * Cuts the box out of `source` straight to `height` rows, its width following the box's aspect
 * ratio (`resize_norm_img`: ceil(height * w / h), capped at `maxWidth`), in one bilinear pass.
 */
export function cropLine(
  source: RgbImage,
  box: Quad,
  height: number,
  maxWidth = Infinity,
): RgbImage {
  const upright = uprightLineQuad(box);
  const cropWidth = Math.max(upright.width, 1);
  const cropHeight = Math.max(upright.height, 1);
  const width = Math.max(1, Math.min(maxWidth, Math.ceil((height * cropWidth) / cropHeight)));
  const cropCorners: Point[] = [
    [0, 0],
    [cropWidth, 0],
    [cropWidth, cropHeight],
    [0, cropHeight],
  ];
  const cropToSource = homographyFromQuads(cropCorners, upright.quad);
  // Half-pixel centres as in cv2.resize from the crop to the target size.
  const sx = cropWidth / width;
  const sy = cropHeight / height;
  const targetToCrop = Float64Array.from([sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5, 0, 0, 1]);
  return warpImage(source, composeHomographies(cropToSource, targetToCrop), width, height);
}

/**
 * `resize_norm_img` of predict_rec/predict_cls: pixels to [-1, 1] ((v / 255 - 0.5) / 0.5) in
 * cv2's B, G, R channel order, written at `offset` of an NCHW batch whose images are
 * `paddedWidth` wide; the padding stays 0, as PaddleOCR's zero-filled `padding_im`.
 */
export function writeLineTensor(
  line: RgbImage,
  out: Float32Array,
  offset: number,
  paddedWidth: number,
): void {
  const plane = line.height * paddedWidth;
  for (let y = 0; y < line.height; y++) {
    for (let x = 0; x < line.width; x++) {
      const src = (y * line.width + x) * 3;
      const dst = offset + y * paddedWidth + x;
      out[dst] = (line.data[src + 2] as number) / 127.5 - 1;
      out[dst + plane] = (line.data[src + 1] as number) / 127.5 - 1;
      out[dst + 2 * plane] = (line.data[src] as number) / 127.5 - 1;
    }
  }
}

/** One line's crop as the recogniser reads it, `REC_PARAMS.imageHeight` rows high. */
export function recCrop(source: RgbImage, box: Quad): RgbImage {
  return cropLine(source, box, REC_PARAMS.imageHeight);
}

/** A crop as the recogniser's input for a single call, unpadded. */
export function lineTensor(line: RgbImage): Tensor {
  const data = new Float32Array(3 * line.height * line.width);
  writeLineTensor(line, data, 0, line.width);
  return { data, dims: [1, 3, line.height, line.width] };
}
