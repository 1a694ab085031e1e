import { ENGINE_LEVELS } from './ocr-params.ts';
import type { RgbImage } from './rgb-image.ts';

/** Rec. 601 luma, as the detector's training images were greyed. */
function lumaOf(data: Uint8Array, pixel: number): number {
  return (
    0.299 * (data[3 * pixel] ?? 0) +
    0.587 * (data[3 * pixel + 1] ?? 0) +
    0.114 * (data[3 * pixel + 2] ?? 0)
  );
}

/** The luma below which `share` of the pixels lie, from a 256-bin histogram. */
function percentile(histogram: readonly number[], total: number, share: number): number {
  let below = 0;
  for (let level = 0; level < histogram.length; level++) {
    below += histogram[level] ?? 0;
    if (below >= share * total) return level;
  }
  return histogram.length - 1;
}

/**
 * A face with its faint marks levelled away, for the detector only: a watermark's grey tiles and
 * the card's guilloche stand between the print's ink and the paper, and where a tile crosses a
 * printed line the detector boxes the tile and loses the line (17栋1单元2302室 under a tiled
 * 仅限本次使用). The face's ink and paper levels (`ENGINE_LEVELS`) are measured on the face
 * itself, so a dim photo or a pale scan is levelled by its own contrast; everything lighter than
 * `whiteFromInk` of the way from ink to paper turns white, the rest is stretched over the full
 * range, grey. The recogniser still reads the photo's own pixels.
 */
export function withoutFaintMarks(face: RgbImage): RgbImage {
  const pixels = face.width * face.height;
  const luma = new Uint8Array(pixels);
  const histogram = new Array<number>(256).fill(0);
  for (let pixel = 0; pixel < pixels; pixel++) {
    const level = Math.round(lumaOf(face.data, pixel));
    luma[pixel] = level;
    histogram[level] = (histogram[level] ?? 0) + 1;
  }
  const ink = percentile(histogram, pixels, ENGINE_LEVELS.inkShare);
  const paper = percentile(histogram, pixels, ENGINE_LEVELS.paperShare);
  const white = ink + ENGINE_LEVELS.whiteFromInk * (paper - ink);
  const data = new Uint8Array(face.data.length);
  for (let pixel = 0; pixel < pixels; pixel++) {
    const level = luma[pixel] ?? 0;
    const value =
      level <= ink ? 0 : level >= white ? 255 : Math.round(((level - ink) / (white - ink)) * 255);
    data[3 * pixel] = value;
    data[3 * pixel + 1] = value;
    data[3 * pixel + 2] = value;
  }
  return { width: face.width, height: face.height, data };
}
