import { describe, expect, it } from 'vitest';
import { weightedMedian } from './weighted-median.ts';

describe('weightedMedian', () => {
  it('takes the value where half the weight is reached, heavy values outweighing many light ones', () => {
    expect(
      weightedMedian([
        { value: 3, weight: 1 },
        { value: 1, weight: 1 },
        { value: 2, weight: 1 },
      ]),
    ).toBe(2);
    expect(
      weightedMedian([
        { value: 20, weight: 1 },
        { value: 21, weight: 1 },
        { value: 0, weight: 9 },
      ]),
    ).toBe(0);
  });

  it('is null without values', () => {
    expect(weightedMedian([])).toBeNull();
  });
});
