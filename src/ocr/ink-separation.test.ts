import { describe, expect, it } from 'vitest';
import { INK_SEPARATION, inkLifted, inkShare, liftInk, separateFaceInk } from './ink-separation.ts';

/** Whether enough of a crop is ink to read it lifted too. */
function holdsInk(crop: Parameters<typeof inkLifted>[0]): boolean {
  return inkLifted(crop) !== null;
}

import type { RgbImage } from './rgb-image.ts';

type Rgb = [number, number, number];

/** A `width` x 10 image of `paper` with `ink` over its left `inkWidth` columns. */
function image(width: number, paper: Rgb, ink: Rgb, inkWidth: number): RgbImage {
  const data = new Uint8Array(width * 10 * 3);
  for (let p = 0; p < width * 10; p++) data.set(p % width < inkWidth ? ink : paper, p * 3);
  return { width, height: 10, data };
}

const luma = (data: Uint8Array, p: number) =>
  0.299 * (data[p * 3] as number) +
  0.587 * (data[p * 3 + 1] as number) +
  0.114 * (data[p * 3 + 2] as number);

/** Multiply blending, as a stamp is laid over the print. */
const multiply = (under: Rgb, over: Rgb): Rgb =>
  under.map((value, c) => Math.round((value * (over[c] as number)) / 255)) as Rgb;

const WHITE: Rgb = [255, 255, 255];
const RED_INK: Rgb = [190, 50, 65];
const BLUE_INK: Rgb = [35, 65, 160];

describe('ink separation', () => {
  it('turns red and blue ink over white paper light', () => {
    for (const ink of [RED_INK, BLUE_INK]) {
      const crop = image(20, WHITE, ink, 10);
      expect(inkLifted(crop)).toEqual(liftInk(crop));
      expect(luma(liftInk(crop).data, 0)).toBeGreaterThan(200);
    }
  });

  it('keeps black print under a red stamp multiplied over it dark', () => {
    const print: Rgb = [50, 50, 50];
    const crop = image(20, multiply(WHITE, RED_INK), multiply(print, RED_INK), 10);
    expect(holdsInk(crop)).toBe(true);
    const separated = liftInk(crop);
    expect(luma(separated.data, 0)).toBeLessThan(100);
    // The stamp covers all of the crop, so its brightest channel (190) is the paper's light.
    expect(luma(separated.data, 15)).toBeGreaterThanOrEqual(189);
  });

  it('finds blue ink on a dim photo, judged against its paper, and not the print beside it', () => {
    // A card photographed dim: paper at 105-110, blue ink darkened to a chroma of 35, print
    // near black.
    const paper: Rgb = [105, 105, 110];
    const dimBlue: Rgb = [50, 45, 80];
    expect(holdsInk(image(20, paper, dimBlue, 10))).toBe(true);
    expect(holdsInk(image(20, paper, [12, 10, 15], 10))).toBe(false);
    // The same colour on paper in good light is too grey to be a mark's ink.
    expect(holdsInk(image(20, WHITE, dimBlue, 10))).toBe(false);
  });

  it('lifts ink on a dim photo as far as its paper, not past it', () => {
    const paper: Rgb = [105, 105, 110];
    const lifted = liftInk(image(20, paper, [50, 45, 80], 10));
    // Paper's brightest channel is 110: the ink ends there, as light as the paper beside it.
    expect(Array.from(lifted.data.subarray(0, 3))).toEqual([110, 110, 110]);
    expect(Array.from(lifted.data.subarray(45, 48))).toEqual([110, 110, 110]);
  });

  it('leaves neutral grey print as it is', () => {
    const crop = image(20, multiply(WHITE, RED_INK), [90, 90, 90], 10);
    expect(Array.from(liftInk(crop).data.subarray(0, 30))).toEqual(Array(30).fill(90));
  });

  it('does not read a line without ink lifted', () => {
    const crop = image(20, WHITE, [30, 30, 30], 10);
    expect(holdsInk(crop)).toBe(false);
  });

  it("takes the card's own cyan and pale blue print for no ink", () => {
    for (const label of [
      [0, 140, 200],
      [128, 160, 192],
    ] as Rgb[]) {
      const crop = image(20, WHITE, label, 10);
      expect(inkShare(crop)).toBe(0);
      expect(holdsInk(crop)).toBe(false);
    }
  });

  it('separates a crop only from the least share of ink on', () => {
    const width = 1000;
    const below = image(width, WHITE, RED_INK, Math.floor(width * INK_SEPARATION.minInkShare) - 1);
    const at = image(width, WHITE, RED_INK, Math.ceil(width * INK_SEPARATION.minInkShare));
    expect(holdsInk(below)).toBe(false);
    expect(holdsInk(at)).toBe(true);
  });

  it('does not count ink where the face is coloured by nature', () => {
    const face = image(100, WHITE, RED_INK, 30);
    expect(separateFaceInk(face, [])).not.toBe(face);
    expect(separateFaceInk(face, [{ left: 0, top: 0, right: 30, bottom: 10 }])).toBe(face);
  });

  it("does not count the desk along a face's edges", () => {
    const edge = Math.floor(100 * INK_SEPARATION.faceEdgeMargin);
    const face = image(100, WHITE, [180, 110, 60], edge);
    expect(separateFaceInk(face, [])).toBe(face);
  });
});
