import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A deterministic random source. Every image of a set draws from its own stream, derived from the
 * set's seed, the image's index and a purpose label, so changing how one image is made never
 * shifts the people or scenes of the others.
 */
export type SeededRandom = {
  /** Integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** Float in [from, to). */
  float(from: number, to: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `[[item, weight], ...]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Standard normal deviate (Box-Muller). */
  normal(): number;
};

export function createRandom(seed: number, ...labels: (string | number)[]): SeededRandom {
  const rng = xoroshiro128plus(mixSeed(seed, labels));
  const float01 = () => uniformFloat64(rng);
  return {
    int: (from, to) => uniformInt(rng, from, to),
    float: (from, to) => from + (to - from) * float01(),
    chance: (p) => float01() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[uniformInt(rng, 0, items.length - 1)] as (typeof items)[number];
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = float01() * total;
      for (const [item, weight] of entries) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = entries.at(-1);
      if (last === undefined) throw new Error('weighted pick from an empty list');
      return last[0];
    },
    normal: () => {
      // 1 - u keeps the logarithm's argument in (0, 1].
      const u = 1 - float01();
      const v = float01();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/**
 * FNV-1a over the seed and labels, then MurmurHash3's 32-bit finaliser (fmix32) so that labels
 * differing in one character (image 6 and image 7) give seeds differing in about half their bits:
 * xoroshiro128+ seeded from raw FNV values gave first draws that followed the image index's
 * parity whatever the set's seed.
 */
function mixSeed(seed: number, labels: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of [seed, ...labels].join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash | 0;
}
