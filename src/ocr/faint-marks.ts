import { byteHistogram, levelAtShare } from './byte-histogram.ts';
import { grayOf } from './gray-image.ts';
import { ENGINE_LEVELS } from './ocr-params.ts';
import type { RgbImage } from './rgb-image.ts';

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
  const luma = grayOf(face).data;
  const histogram = byteHistogram(luma);
  const ink = levelAtShare(histogram, ENGINE_LEVELS.inkShare);
  const paper = levelAtShare(histogram, ENGINE_LEVELS.paperShare);
  const white = ink + ENGINE_LEVELS.whiteFromInk * (paper - ink);
  const data = new Uint8Array(face.data.length);
  for (let pixel = 0; pixel < luma.length; pixel++) {
    const level = luma[pixel] as number;
    const value =
      level <= ink ? 0 : level >= white ? 255 : Math.round(((level - ink) / (white - ink)) * 255);
    data[3 * pixel] = value;
    data[3 * pixel + 1] = value;
    data[3 * pixel + 2] = value;
  }
  return { width: face.width, height: face.height, data };
}
