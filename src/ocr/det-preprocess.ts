import type { Tensor } from './model-runner.ts';
import { DET_PARAMS } from './ocr-params.ts';
import type { RgbImage } from './rgb-image.ts';
import { resizeImage } from './warp.ts';

export type Size = { width: number; height: number };

/**
 * PaddleOCR's `DetResizeForTest` with `limit_type='max'`: scale so the longer side is at most
 * `limitSideLen` (never up), then round each side to the nearest multiple of 32, at least 32.
 */
export function detResizeShape(
  size: Size,
  limitSideLen: number = DET_PARAMS.limitSideLen,
  multiple: number = DET_PARAMS.sizeMultiple,
): Size {
  const longer = Math.max(size.width, size.height);
  const ratio = longer > limitSideLen ? limitSideLen / longer : 1;
  const round = (side: number) =>
    Math.max(Math.round((side * ratio) / multiple) * multiple, multiple);
  return { width: round(size.width), height: round(size.height) };
}

/**
 * `NormalizeImage` + `ToCHWImage`: PaddleOCR reads images with cv2, so channel 0 is blue, and
 * its mean/std lists are applied in that order. Input pixels here are RGB.
 */
export function detNormalize(image: RgbImage): Tensor {
  const { width, height, data } = image;
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  const [m0, m1, m2] = DET_PARAMS.mean;
  const [s0, s1, s2] = DET_PARAMS.std;
  for (let i = 0; i < plane; i++) {
    out[i] = ((data[i * 3 + 2] as number) / 255 - m0) / s0;
    out[plane + i] = ((data[i * 3 + 1] as number) / 255 - m1) / s1;
    out[2 * plane + i] = ((data[i * 3] as number) / 255 - m2) / s2;
  }
  return { data: out, dims: [1, 3, height, width] };
}

export function detInput(image: RgbImage, limitSideLen: number = DET_PARAMS.limitSideLen): Tensor {
  const shape = detResizeShape(image, limitSideLen);
  const sameSize = shape.width === image.width && shape.height === image.height;
  return detNormalize(sameSize ? image : resizeImage(image, shape.width, shape.height));
}
