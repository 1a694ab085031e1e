/**
 * The weighted median of `items`: the smallest value at which the weights of the values up to
 * it reach half of all weight; null when there are none.
 */
export function weightedMedian(items: readonly { value: number; weight: number }[]): number | null {
  const sorted = [...items].sort((a, b) => a.value - b.value);
  const half = sorted.reduce((sum, item) => sum + item.weight, 0) / 2;
  let passed = 0;
  for (const { value, weight } of sorted) {
    passed += weight;
    if (passed >= half) return value;
  }
  return null;
}
