import { describe, expect, it } from 'vitest';
import { cropLine, lineTensor, recCrop, uprightLineQuad } from './line-crop.ts';

/** 100 x 20 image, black left half, white right half. */
const image = (() => {
  const data = new Uint8Array(100 * 20 * 3);
  for (let y = 0; y < 20; y++)
    for (let x = 50; x < 100; x++) data.fill(255, (y * 100 + x) * 3, (y * 100 + x) * 3 + 3);
  return { width: 100, height: 20, data };
})();

describe('line crops (get_rotate_crop_image + resize_norm_img)', () => {
  it('scales a line to height 48 with the width following its aspect ratio, unpadded', () => {
    const line = recCrop(image, [
      [0, 0],
      [100, 0],
      [100, 20],
      [0, 20],
    ]);
    const tensor = lineTensor(line);
    expect(tensor.dims).toEqual([1, 3, 48, 240]);
    // [-1, 1]: black is -1, white is 1.
    expect(tensor.data[0]).toBeCloseTo(-1, 5);
    expect(tensor.data[239]).toBeCloseTo(1, 5);
  });

  it('caps the width for the angle classifier', () => {
    const crop = cropLine(
      image,
      [
        [0, 0],
        [100, 0],
        [100, 5],
        [0, 5],
      ],
      48,
      192,
    );
    expect([crop.width, crop.height]).toEqual([192, 48]);
  });

  it('turns crops at least 1.5 times taller than wide a quarter counter-clockwise', () => {
    const upright = uprightLineQuad([
      [0, 0],
      [10, 0],
      [10, 30],
      [0, 30],
    ]);
    expect(upright.quad[0]).toEqual([10, 0]);
    expect([upright.width, upright.height]).toEqual([30, 10]);
  });
});
