import { describe, expect, it } from 'vitest';
import { boxScoreFast, dbPostprocess, type ProbabilityMap } from './db-postprocess.ts';

/** A probability map with the given rectangles filled at `value`, 0.1 elsewhere. */
function mapWith(
  width: number,
  height: number,
  rects: { x0: number; y0: number; x1: number; y1: number; value: number }[],
): ProbabilityMap {
  const data = new Float32Array(width * height).fill(0.1);
  for (const r of rects) {
    for (let y = r.y0; y <= r.y1; y++)
      for (let x = r.x0; x <= r.x1; x++) data[y * width + x] = r.value;
  }
  return { data, width, height };
}

describe('dbPostprocess (DBPostProcess, fast score, quad boxes)', () => {
  it('grows a text kernel by area * unclipRatio / perimeter on each side', () => {
    // Kernel pixels 10..29 x 10..15: a 19 x 5 rectangle between pixel centres.
    const map = mapWith(40, 30, [{ x0: 10, y0: 10, x1: 29, y1: 15, value: 0.9 }]);
    const boxes = dbPostprocess(map, { width: 40, height: 30 });
    expect(boxes).toHaveLength(1);
    const grow = (19 * 5 * 1.5) / (2 * (19 + 5)); // 2.97
    const [tl, tr, br, bl] = boxes[0]?.box ?? [];
    expect(tl).toEqual([Math.round(10 - grow), Math.round(10 - grow)]);
    expect(tr).toEqual([Math.round(29 + grow), Math.round(10 - grow)]);
    expect(br).toEqual([Math.round(29 + grow), Math.round(15 + grow)]);
    expect(bl).toEqual([Math.round(10 - grow), Math.round(15 + grow)]);
    expect(boxes[0]?.score).toBeCloseTo(0.9, 5);
  });

  it('scales boxes from the map to the destination image', () => {
    const map = mapWith(40, 30, [{ x0: 10, y0: 10, x1: 29, y1: 15, value: 0.9 }]);
    const [box] = dbPostprocess(map, { width: 80, height: 60 });
    expect(box?.box[0]).toEqual([Math.round((10 - 2.97) * 2), Math.round((10 - 2.97) * 2)]);
  });

  it('drops pixels at or below thresh 0.3 and boxes scoring below boxThresh 0.6', () => {
    const map = mapWith(40, 40, [
      { x0: 2, y0: 2, x1: 20, y1: 8, value: 0.3 },
      { x0: 2, y0: 20, x1: 20, y1: 26, value: 0.55 },
    ]);
    expect(dbPostprocess(map, { width: 40, height: 40 })).toEqual([]);
  });

  it('drops kernels whose shorter side is under minSize 3', () => {
    const map = mapWith(40, 20, [{ x0: 5, y0: 5, x1: 30, y1: 6, value: 0.95 }]);
    expect(dbPostprocess(map, { width: 40, height: 20 })).toEqual([]);
  });

  it('keeps separate kernels apart', () => {
    const map = mapWith(60, 40, [
      { x0: 5, y0: 5, x1: 25, y1: 12, value: 0.9 },
      { x0: 35, y0: 25, x1: 55, y1: 32, value: 0.8 },
    ]);
    expect(dbPostprocess(map, { width: 60, height: 40 })).toHaveLength(2);
  });
});

describe('boxScoreFast', () => {
  it('averages the probability inside the box only', () => {
    const map = mapWith(10, 10, [{ x0: 0, y0: 0, x1: 4, y1: 9, value: 1 }]);
    // Box covering columns 0..9 of rows 0..1: half at 1, half at 0.1.
    const score = boxScoreFast(map, [
      [0, 0],
      [9, 0],
      [9, 1],
      [0, 1],
    ]);
    expect(score).toBeCloseTo(0.55, 5);
  });
});
