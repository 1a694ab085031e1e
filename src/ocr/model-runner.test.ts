import { describe, expect, it } from 'vitest';
import { shapeOutput } from './model-runner.ts';

describe('shapeOutput', () => {
  const output = {
    data: Float32Array.of(0.1, 0.5, 0.2, 0.2, 0.7, 0.1, 0.05, 0.15),
    dims: [1, 2, 4],
  };

  it('returns the output whole without topK', () => {
    expect(shapeOutput(output)).toBe(output);
  });

  it('keeps the k largest of each row, largest first, ties in class order', () => {
    const cut = shapeOutput(output, { topK: 3 });
    expect(cut.dims).toEqual([1, 2, 3]);
    expect(Array.from(cut.top?.indices ?? [])).toEqual([1, 2, 3, 0, 3, 1]);
    expect(Array.from(cut.data)).toEqual([0.5, 0.2, 0.2, 0.7, 0.15, 0.1].map(Math.fround));
    expect(cut.top?.classes).toBe(4);
  });
});
