import { describe, expect, it } from 'vitest';
import type { Quad } from '../../idcard/api-contract.ts';
import { looksLikeDoubleSidedPage } from './page-shape.ts';

const band = (top: number, bottom: number): Quad => [
  [500, top],
  [800, top],
  [800, bottom],
  [500, bottom],
];

describe('looksLikeDoubleSidedPage', () => {
  it('sees a page when one face fills a small band of an upright A4 image', () => {
    // The portrait side's fields on the committed photocopy page span y 311-551 of 1754.
    expect(looksLikeDoubleSidedPage({ width: 1240, height: 1754 }, [band(311, 551)])).toBe(true);
  });

  it('does not on a landscape photo of one card', () => {
    expect(looksLikeDoubleSidedPage({ width: 1280, height: 960 }, [band(200, 700)])).toBe(false);
  });

  it('does not when the card fills a portrait photo', () => {
    expect(looksLikeDoubleSidedPage({ width: 960, height: 1280 }, [band(400, 900)])).toBe(false);
  });

  it('does not without any location (Huawei Cloud left them out)', () => {
    expect(looksLikeDoubleSidedPage({ width: 1240, height: 1754 }, [])).toBe(false);
  });
});
