import { describe, expect, it } from 'vitest';
import { detNormalize, detResizeShape } from './det-preprocess.ts';

describe('detResizeShape (DetResizeForTest, limit_type max)', () => {
  it('caps the longer side at 960 and rounds both sides to multiples of 32', () => {
    // 1600 x 1200 -> ratio 0.6 -> 960 x 720 (720 = 22.5 * 32 rounds to 23 * 32 = 736).
    expect(detResizeShape({ width: 1600, height: 1200 })).toEqual({ width: 960, height: 736 });
  });

  it('never enlarges, only rounds', () => {
    expect(detResizeShape({ width: 856, height: 540 })).toEqual({ width: 864, height: 544 });
  });

  it('keeps at least 32 px on each side', () => {
    expect(detResizeShape({ width: 10, height: 3 })).toEqual({ width: 32, height: 32 });
  });
});

describe('detNormalize (NormalizeImage + ToCHWImage)', () => {
  it('feeds blue first and applies the mean/std lists in that order', () => {
    // One pixel: R = 255, G = 0, B = 51.
    const tensor = detNormalize({ width: 1, height: 1, data: Uint8Array.from([255, 0, 51]) });
    expect(tensor.dims).toEqual([1, 3, 1, 1]);
    expect(tensor.data[0]).toBeCloseTo((0.2 - 0.485) / 0.229, 5);
    expect(tensor.data[1]).toBeCloseTo((0 - 0.456) / 0.224, 5);
    expect(tensor.data[2]).toBeCloseTo((1 - 0.406) / 0.225, 5);
  });
});
