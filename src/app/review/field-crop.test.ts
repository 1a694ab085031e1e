import { describe, expect, it } from 'vitest';
import type { Quad } from '../../idcard/api-contract.ts';
import { applyAffine, fieldCrop } from './field-crop.ts';

function expectPoint(actual: readonly [number, number], expected: [number, number]) {
  expect(actual[0]).toBeCloseTo(expected[0], 6);
  expect(actual[1]).toBeCloseTo(expected[1], 6);
}

describe('fieldCrop', () => {
  it('scales a level line to the height asked, with a margin of its height around it', () => {
    const line: Quad = [
      [100, 50],
      [300, 50],
      [300, 70],
      [100, 70],
    ];
    const crop = fieldCrop(line, 54);
    // 20 px high plus 2 × 7 px margin = 34 px shown as 54; 200 + 14 px wide likewise.
    expect(crop.width).toBe(Math.round((214 * 54) / 34));
    expectPoint(applyAffine(crop.transform, [93, 43]), [0, 0]);
    expectPoint(applyAffine(crop.transform, [100, 50]), [(7 * crop.width) / 214, (7 * 54) / 34]);
  });

  it('turns a line read at 90° level, its start at the left', () => {
    // The line runs downward in the photo: its top edge goes from (50, 100) to (50, 300).
    const turned: Quad = [
      [50, 100],
      [50, 300],
      [30, 300],
      [30, 100],
    ];
    const crop = fieldCrop(turned, 34);
    expectPoint(applyAffine(crop.transform, [50, 100]), [7, 7]);
    expectPoint(applyAffine(crop.transform, [50, 300]), [207, 7]);
    expectPoint(applyAffine(crop.transform, [30, 100]), [7, 27]);
  });

  it('gives an empty crop for a degenerate quad', () => {
    const point: Quad = [
      [5, 5],
      [5, 5],
      [5, 5],
      [5, 5],
    ];
    expect(fieldCrop(point, 40).width).toBe(0);
  });
});
