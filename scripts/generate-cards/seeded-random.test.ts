import { describe, expect, it } from 'vitest';
import { createRandom } from './seeded-random.ts';

describe('createRandom', () => {
  it('gives the same draws for the same seed and labels', () => {
    const draws = (seed: number) =>
      Array.from({ length: 5 }, () => createRandom(seed, 3, 'x').float(0, 1));
    expect(draws(41)).toEqual(draws(41));
    expect(createRandom(41, 3, 'x').float(0, 1)).not.toBe(createRandom(42, 3, 'x').float(0, 1));
  });

  it('makes first draws of neighbouring images independent of the index', () => {
    for (const seed of [7, 41, 43, 2025]) {
      const sameAsParity = Array.from(
        { length: 400 },
        (_, index) => createRandom(seed, index, 'family').int(0, 1) === index % 2,
      ).filter(Boolean).length;
      expect(sameAsParity, `seed ${seed}`).toBeGreaterThan(150);
      expect(sameAsParity, `seed ${seed}`).toBeLessThan(250);
    }
  });
});
