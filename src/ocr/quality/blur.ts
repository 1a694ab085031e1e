import { assessment, type QualityAssessment } from './quality-assessment.ts';
import { QUALITY_THRESHOLDS } from './quality-thresholds.ts';

const { filterSize, problemAt } = QUALITY_THRESHOLDS.blur;

/**
 * The blur effect along one axis: how much of the image's variation between neighbours
 * survives re-blurring it. A sharp image loses most of it (value near 0), a blurred one
 * little (near 1). `stride` steps along the axis, `lines`/`lineStride` walk across it.
 */
function blurAlong(
  gray: Uint8Array,
  length: number,
  stride: number,
  lines: number,
  lineStride: number,
): number {
  const half = Math.floor(filterSize / 2);
  const blurred = new Float64Array(length);
  let variation = 0;
  let lost = 0;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStride;
    // Running box mean with the window clamped at the ends.
    let sum = 0;
    let count = 0;
    for (let i = 0; i < Math.min(half, length); i++) {
      sum += gray[base + i * stride] ?? 0;
      count++;
    }
    for (let i = 0; i < length; i++) {
      const entering = i + half;
      if (entering < length) {
        sum += gray[base + entering * stride] ?? 0;
        count++;
      }
      const leaving = i - half - 1;
      if (leaving >= 0) {
        sum -= gray[base + leaving * stride] ?? 0;
        count--;
      }
      blurred[i] = sum / count;
    }
    for (let i = 1; i < length; i++) {
      const d = Math.abs((gray[base + i * stride] ?? 0) - (gray[base + (i - 1) * stride] ?? 0));
      const dBlurred = Math.abs((blurred[i] ?? 0) - (blurred[i - 1] ?? 0));
      variation += d;
      lost += Math.max(0, d - dBlurred);
    }
  }
  return variation === 0 ? 1 : (variation - lost) / variation;
}

/**
 * `detect_blur` on a grey image (one byte per pixel, rows without padding), with the
 * no-reference blur-effect metric of Crété-Roffet et al. (2007), the worse of the two axes.
 * It compares the image with a re-blurred copy of itself, so it does not depend on contrast or
 * content the way a Laplacian variance does. A flat image has no edges to judge and counts as
 * blurred.
 */
export function assessBlur(gray: Uint8Array, width: number, height: number): QualityAssessment {
  const horizontal = blurAlong(gray, width, 1, height, width);
  const vertical = blurAlong(gray, height, width, width, 1);
  return assessment(100 * Math.max(horizontal, vertical), problemAt);
}
