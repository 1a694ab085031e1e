import { byteHistogram, levelAtShare } from './byte-histogram.ts';
import type { RgbImage } from './rgb-image.ts';

/** How much redder than the paper a pixel must be: red over paper beyond green's and blue's. */
const EMBLEM_REDNESS = 40;

/**
 * The pixels of a straightened face that stand out red from its paper, the national emblem's
 * colour: their share of the face and the mean x of their centre. Measured against the face's
 * own median colour, so warm light that tints the whole card does not make it red.
 */
export function emblemRed(face: RgbImage): { share: number; centreX: number } {
  const { data, width } = face;
  const pixels = width * face.height;
  const paper = [0, 1, 2].map((channel) => levelAtShare(byteHistogram(data, channel, 3), 0.5)) as [
    number,
    number,
    number,
  ];
  let red = 0;
  let sumX = 0;
  for (let p = 0; p < pixels; p++) {
    const r = (data[p * 3] as number) - paper[0];
    const g = (data[p * 3 + 1] as number) - paper[1];
    const b = (data[p * 3 + 2] as number) - paper[2];
    if (r - Math.max(g, b) > EMBLEM_REDNESS) {
      red += 1;
      sumX += p % width;
    }
  }
  return { share: red / pixels, centreX: red > 0 ? sumX / red : width / 2 };
}
