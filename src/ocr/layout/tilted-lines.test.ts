import { describe, expect, it } from 'vitest';
import type { Quad } from '../../idcard/api-contract.ts';
import type { Glyph } from './glyphs.ts';
import { tiltedLines } from './tilted-lines.ts';

/** A line of `count` characters 30 px high from (x, y), turned `deg` degrees clockwise. */
function line(count: number, x: number, y: number, deg: number): Glyph[] {
  const size = 30;
  const [cos, sin] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  const at = (along: number, down: number): [number, number] => [
    x + along * cos - down * sin,
    y + along * sin + down * cos,
  ];
  return Array.from({ length: count }, (_, i) => {
    const box: Quad = [
      at(i * size, 0),
      at((i + 1) * size, 0),
      at((i + 1) * size, size),
      at(i * size, size),
    ];
    return { char: '字', prob: 0.99, alternatives: [], box, line: 0 };
  });
}

describe('lines at a tilt no printed row has', () => {
  const card = [line(18, 250, 450, 0), line(11, 150, 250, 1), line(10, 150, 300, -1)];

  it('are the ones turned well away from the card rows', () => {
    expect(tiltedLines([...card, line(12, 100, 50, 25)])).toEqual([false, false, false, true]);
  });

  it("are told from the card's rows by its long lines, not by a watermark's many tiles", () => {
    const tiles = Array.from({ length: 12 }, (_, i) => line(3, 40 * i, 20 * i, 30));
    expect(tiltedLines([...card, ...tiles])).toEqual([
      false,
      false,
      false,
      ...tiles.map(() => true),
    ]);
  });

  it('leave rows that a photo turned a few degrees apart, and the whole face turned', () => {
    expect(tiltedLines([line(6, 100, 50, 6), line(18, 250, 450, -5)])).toEqual([false, false]);
    const turned = [line(18, 250, 450, -13), line(11, 150, 250, -12), line(12, 100, 50, -14)];
    expect(tiltedLines(turned)).toEqual([false, false, false]);
  });

  it('leave a box of one or two characters alone unless its edges stand far off the rows', () => {
    const fewTurned = [line(2, 600, 100, 20), line(1, 600, 100, -22), line(1, 600, 100, 88)];
    expect(tiltedLines([...card, ...fewTurned])).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("leave the card's upright short boxes alone where a watermark's long lines set the rows", () => {
    const watermark = Array.from({ length: 4 }, (_, i) => line(7, 40 + 60 * i, 40 * i, 32));
    const print = [line(4, 250, 450, 0), line(2, 300, 150, 0), line(1, 400, 150, 1)];
    expect(tiltedLines([...watermark, ...print]).slice(-2)).toEqual([false, false]);
  });

  it("are a stamp's or watermark's characters boxed one or two at a time at a steep tilt", () => {
    const steep = [line(2, 600, 100, 40), line(1, 500, 300, -45), line(1, 500, 300, 125)];
    expect(tiltedLines([...card, ...steep])).toEqual([false, false, false, true, true, true]);
  });
});
