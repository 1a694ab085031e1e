/**
 * Counts of byte values (0-255) as a 256-bin histogram: every `stride`-th byte from `offset`
 * (one channel of RGB pixels with offset 0-2 and stride 3).
 */
export function byteHistogram(bytes: Uint8Array, offset = 0, stride = 1): Uint32Array {
  const histogram = new Uint32Array(256);
  for (let i = offset; i < bytes.length; i += stride) {
    const value = bytes[i] as number;
    histogram[value] = (histogram[value] as number) + 1;
  }
  return histogram;
}

/** The lowest value at or below which at least `share` of a histogram's counts lie. */
export function levelAtShare(histogram: Uint32Array, share: number): number {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  let seen = 0;
  for (let value = 0; value < histogram.length; value++) {
    seen += histogram[value] as number;
    if (seen >= share * total) return value;
  }
  return histogram.length - 1;
}
