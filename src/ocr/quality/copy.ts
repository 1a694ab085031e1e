import { levelAtShare } from '../byte-histogram.ts';
import type { RgbImage } from '../rgb-image.ts';
import { assessment, type QualityAssessment } from './quality-assessment.ts';
import { QUALITY_THRESHOLDS } from './quality-thresholds.ts';

const { colourChroma, greyChroma, percentile, problemAt } = QUALITY_THRESHOLDS.copy;

/**
 * `detect_copy`, for grey copies only: a genuine card is printed in colour (blue labels and
 * guilloche, the red emblem, the colour photo), a photocopy or grey scan of it is not. The
 * channels are first balanced to a common mean (grey world), so a grey copy photographed under
 * warm light is still grey; then the high percentile of chroma says whether any real colour is
 * left. A colour copy cannot be told from the card this way and is not judged.
 */
export function assessCopy(image: RgbImage): QualityAssessment {
  const { data, width, height } = image;
  const pixels = width * height;
  const sums = [0, 0, 0];
  for (let i = 0; i < pixels * 3; i++) sums[i % 3] = (sums[i % 3] ?? 0) + (data[i] ?? 0);
  const means = sums.map((s) => s / pixels);
  const overall = (means[0] ?? 0) + (means[1] ?? 0) + (means[2] ?? 0);
  const gains = means.map((m) => (m > 0 ? overall / 3 / m : 1));
  const histogram = new Uint32Array(256);
  for (let p = 0; p < pixels; p++) {
    const r = (data[p * 3] ?? 0) * (gains[0] ?? 1);
    const g = (data[p * 3 + 1] ?? 0) * (gains[1] ?? 1);
    const b = (data[p * 3 + 2] ?? 0) * (gains[2] ?? 1);
    const chroma = Math.min(255, Math.round(Math.max(r, g, b) - Math.min(r, g, b)));
    histogram[chroma] = (histogram[chroma] ?? 0) + 1;
  }
  const high = levelAtShare(histogram, percentile);
  const greyness = (colourChroma - high) / (colourChroma - greyChroma);
  return assessment(100 * greyness, problemAt);
}
