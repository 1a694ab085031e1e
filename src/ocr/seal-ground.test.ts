import { describe, expect, it } from 'vitest';
import type { RgbImage } from './rgb-image.ts';
import { liftSealGround, sealGroundPast } from './seal-ground.ts';

/** A 48-row crop: paper, a dark bar every 12 columns up to `from` (print), then `past` columns. */
function crop(width: number, from: number, past: (x: number, y: number) => number): RgbImage {
  const height = 48;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const print = x < from && x % 12 < 3 && y > 10 && y < 38;
      const level = x < from ? (print ? 30 : 200) : past(x, y);
      data.fill(level, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { width, height, data };
}

const at = (image: RgbImage, x: number, y: number) => image.data[(y * image.width + x) * 3] ?? -1;

/** A seal's ground (90) with a stroke of the print under it (40) every 12 columns. */
const sealed = (x: number, y: number) => (x % 12 < 3 && y > 10 && y < 38 ? 40 : 90);

describe('sealGroundPast', () => {
  it('finds a seal’s inked ground past a line’s end', () => {
    expect(sealGroundPast(crop(300, 240, sealed), 240)).toBe(true);
  });

  it('finds none on paper, nor in a stamp’s strokes with paper between them', () => {
    expect(sealGroundPast(crop(300, 240, () => 200), 240)).toBe(false);
    const outline = (x: number, y: number) => (y < 4 || y > 44 || x % 20 < 2 ? 60 : 200);
    expect(sealGroundPast(crop(300, 240, outline), 240)).toBe(false);
  });
});

describe('liftSealGround', () => {
  it('lifts a seal’s ground to paper and keeps the print under it dark', () => {
    const lifted = liftSealGround(crop(300, 240, sealed));
    expect(at(lifted, 250, 5)).toBeGreaterThan(230);
    expect(at(lifted, 258, 24)).toBeGreaterThan(230);
    expect(at(lifted, 241, 24)).toBeLessThan(80);
  });

  it('leaves print on paper as it reads: light paper, dark strokes', () => {
    const lifted = liftSealGround(crop(300, 240, sealed));
    expect(at(lifted, 30, 5)).toBeGreaterThan(230);
    expect(at(lifted, 25, 24)).toBeLessThan(40);
  });
});
