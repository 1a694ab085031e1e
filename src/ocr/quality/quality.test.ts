import { describe, expect, it } from 'vitest';
import type { Quad } from '../../idcard/api-contract.ts';
import type { RgbImage } from '../rgb-image.ts';
import { assessBlur } from './blur.ts';
import { assessBorderIntegrity } from './border-integrity.ts';
import { assessCopy } from './copy.ts';
import { assessGlare } from './glare.ts';

const SIZE = 96;

function grayImage(pixel: (x: number, y: number) => number): Uint8Array {
  const gray = new Uint8Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) gray[y * SIZE + x] = pixel(x, y);
  }
  return gray;
}

/** Dark and light cells of 6 px in a fixed pseudo-random pattern: a stand-in for small print. */
function print(x: number, y: number): number {
  const hash = Math.sin(Math.floor(x / 6) * 12.9898 + Math.floor(y / 6) * 78.233) * 43758.5453;
  return hash - Math.floor(hash) < 0.3 ? 40 : 220;
}

/** A box blur of the given radius over `gray`, edges clamped. */
function boxBlur(gray: Uint8Array, radius: number): Uint8Array {
  return grayImage((x, y) => {
    let sum = 0;
    let count = 0;
    for (let dy = -radius; dy <= radius; dy++) {
      for (let dx = -radius; dx <= radius; dx++) {
        const sx = Math.min(SIZE - 1, Math.max(0, x + dx));
        const sy = Math.min(SIZE - 1, Math.max(0, y + dy));
        sum += gray[sy * SIZE + sx] ?? 0;
        count++;
      }
    }
    return Math.round(sum / count);
  });
}

describe('assessBlur', () => {
  it('passes sharp strokes and flags the same strokes blurred', () => {
    const sharp = grayImage(print);
    const sharpResult = assessBlur(sharp, SIZE, SIZE);
    const blurredResult = assessBlur(boxBlur(sharp, 4), SIZE, SIZE);
    expect(sharpResult.problem).toBe(false);
    expect(blurredResult.problem).toBe(true);
    expect(blurredResult.score).toBeGreaterThan(sharpResult.score);
  });

  it('does not depend on contrast', () => {
    const faint = grayImage((x, y) => (print(x, y) === 40 ? 150 : 180));
    expect(assessBlur(faint, SIZE, SIZE).problem).toBe(false);
  });

  it('flags a smooth gradient with no edges', () => {
    expect(
      assessBlur(
        grayImage((x) => 60 + x),
        SIZE,
        SIZE,
      ).problem,
    ).toBe(true);
  });
});

describe('assessGlare', () => {
  it('flags a saturated blob and passes the face without it', () => {
    const face = grayImage((x, y) => 160 + ((x * 7 + y * 13) % 40));
    expect(assessGlare(face, SIZE, SIZE)).toEqual({ problem: false, score: 0 });
    const spot = grayImage((x, y) => ((x - 30) ** 2 + (y - 30) ** 2 < 100 ? 255 : 170));
    const result = assessGlare(spot, SIZE, SIZE);
    expect(result.problem).toBe(true);
    expect(result.score).toBeGreaterThan(50);
  });

  it('does not take an evenly bright scan for glare', () => {
    expect(
      assessGlare(
        grayImage(() => 255),
        SIZE,
        SIZE,
      ).problem,
    ).toBe(false);
  });
});

describe('assessBorderIntegrity', () => {
  const card = (left: number, top: number, right: number, bottom: number): Quad => [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ];

  it('passes a card well inside the frame', () => {
    const result = assessBorderIntegrity(card(100, 80, 900, 580), 1000, 700);
    expect(result).toEqual({ problem: false, score: 0 });
  });

  it('flags a card running off the frame, more the more is cut off', () => {
    const slightly = assessBorderIntegrity(card(100, 80, 1010, 580), 1000, 700);
    const badly = assessBorderIntegrity(card(300, 80, 1200, 580), 1000, 700);
    expect(slightly.problem).toBe(true);
    expect(badly.score).toBeGreaterThan(slightly.score);
    expect(badly.score).toBe(100);
  });

  it('flags a corner on the frame edge, and not one near it', () => {
    expect(assessBorderIntegrity(card(0, 80, 900, 580), 1000, 700).problem).toBe(true);
    expect(assessBorderIntegrity(card(10, 80, 900, 580), 1000, 700).problem).toBe(false);
  });
});

describe('assessCopy', () => {
  function rgbImage(pixel: (x: number, y: number) => [number, number, number]): RgbImage {
    const data = new Uint8Array(SIZE * SIZE * 3);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) data.set(pixel(x, y), (y * SIZE + x) * 3);
    }
    return { width: SIZE, height: SIZE, data };
  }

  /** A pale blue face with a saturated red emblem in one corner. */
  const colourCard = rgbImage((x, y) =>
    (x - 20) ** 2 + (y - 20) ** 2 < 225 ? [200, 30, 40] : [205, 215, 235],
  );

  it('passes a colour card', () => {
    expect(assessCopy(colourCard).problem).toBe(false);
  });

  it('flags a grey copy, also under a warm light', () => {
    const grey = rgbImage((x, y) => {
      const v = (x - 20) ** 2 + (y - 20) ** 2 < 225 ? 80 : 215;
      return [v, v, v];
    });
    expect(assessCopy(grey)).toEqual({ problem: true, score: 100 });
    const warm = rgbImage((x, y) => {
      const v = (x - 20) ** 2 + (y - 20) ** 2 < 225 ? 80 : 200;
      return [Math.min(255, v * 1.15), v, v * 0.85];
    });
    expect(assessCopy(warm).problem).toBe(true);
  });
});
