import { describe, expect, it } from 'vitest';
import type { RgbImage } from './rgb-image.ts';
import { holdsSealGround, liftSealGround, rankedAcross } from './seal-ground.ts';

/** A stroke of print every 12 columns, over the middle rows of a 48-row crop. */
const stroke = (x: number, y: number) => x % 12 < 3 && y > 10 && y < 38;

/**
 * A 300-column crop of a line: print on paper (30 on 200), and from `from` to `to` something
 * else, `over` (by default a seal's ground, 90, with the print under it at 40).
 */
function crop(
  from: number,
  to: number,
  over = (x: number, y: number): number => (stroke(x, y) ? 40 : 90),
): RgbImage {
  const [width, height] = [300, 48];
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const level = x >= from && x < to ? over(x, y) : stroke(x, y) ? 30 : 200;
      data.fill(level, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { width, height, data };
}

const at = (image: RgbImage, x: number, y: number) => image.data[(y * image.width + x) * 3] ?? -1;

describe('holdsSealGround', () => {
  it('finds a seal’s inked ground past a line’s end, or over its middle', () => {
    expect(holdsSealGround(crop(240, 300))).toBe(true);
    expect(holdsSealGround(crop(110, 180))).toBe(true);
  });

  it('finds none in a dim line’s paper beside a glare', () => {
    const dim = (x: number, y: number) => (stroke(x, y) ? 30 : 150);
    const glared = crop(0, 300, (x, y) => (x >= 200 && x < 220 ? 255 : dim(x, y)));
    expect(holdsSealGround(glared)).toBe(false);
  });

  it('finds none on paper, in a stamp’s strokes with paper between them, or in a sliver', () => {
    expect(holdsSealGround(crop(0, 0))).toBe(false);
    const outline = (x: number, y: number) => (y < 4 || y > 44 || x % 20 < 2 ? 60 : 200);
    expect(holdsSealGround(crop(240, 300, outline))).toBe(false);
    expect(holdsSealGround(crop(284, 300))).toBe(false);
  });
});

describe('liftSealGround', () => {
  it('lifts a seal’s ground to paper and keeps the print under it dark', () => {
    const lifted = liftSealGround(crop(240, 300));
    expect(at(lifted, 250, 5)).toBeGreaterThan(230);
    expect(at(lifted, 258, 24)).toBeGreaterThan(230);
    expect(at(lifted, 241, 24)).toBeLessThan(80);
  });

  it('leaves print on paper as it reads: light paper, dark strokes', () => {
    const lifted = liftSealGround(crop(240, 300));
    expect(at(lifted, 30, 5)).toBeGreaterThan(230);
    expect(at(lifted, 25, 24)).toBeLessThan(40);
  });
});

describe('rankedAcross', () => {
  it('finds the value a window of ranked columns holds at a share, as ranking it whole would', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const [width, height] = [40, 30];
    const columns = Float64Array.from({ length: width * height }, () => 255 * random());
    for (let x = 0; x < width; x++) columns.subarray(x * height, (x + 1) * height).sort();
    for (const [from, to] of [
      [0, 1],
      [0, 15],
      [12, 40],
      [39, 40],
    ] as const) {
      for (const share of [0, 0.03, 0.5, 1]) {
        const window = Array.from(columns.subarray(from * height, to * height)).sort(
          (a, b) => a - b,
        );
        const expected = window[Math.floor(share * (window.length - 1))];
        expect(rankedAcross(columns, height, from, to, share)).toBe(expected);
      }
    }
  });
});
