import { assessment, type QualityAssessment } from './quality-assessment.ts';
import { QUALITY_THRESHOLDS } from './quality-thresholds.ts';

const { clippedGray, tileColumns, tileRows, problemAt } = QUALITY_THRESHOLDS.glare;

/**
 * `detect_glare` on a grey image of the card face: the clipped share of the worst tile minus
 * that of the median tile. A reflection is a local blob of clipped pixels; an evenly bright
 * scan is not glare.
 */
export function assessGlare(gray: Uint8Array, width: number, height: number): QualityAssessment {
  const tiles = tileColumns * tileRows;
  const clipped = new Float64Array(tiles);
  const counts = new Float64Array(tiles);
  for (let y = 0; y < height; y++) {
    const row = Math.min(tileRows - 1, Math.floor((y * tileRows) / height));
    for (let x = 0; x < width; x++) {
      const tile =
        row * tileColumns + Math.min(tileColumns - 1, Math.floor((x * tileColumns) / width));
      counts[tile] = (counts[tile] ?? 0) + 1;
      if ((gray[y * width + x] ?? 0) >= clippedGray) clipped[tile] = (clipped[tile] ?? 0) + 1;
    }
  }
  const shares = Array.from(clipped, (c, i) =>
    (counts[i] ?? 0) > 0 ? c / (counts[i] ?? 1) : 0,
  ).sort((a, b) => a - b);
  const worst = shares.at(-1) ?? 0;
  const median = shares[Math.floor(shares.length / 2)] ?? 0;
  return assessment(100 * (worst - median), problemAt);
}
