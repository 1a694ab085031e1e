import { describe, expect, it } from 'vitest';
import { FACE_HEIGHT, FACE_WIDTH } from '../card-geometry.ts';
import { FRONT_VALUE_LEFT } from './card-geometry.ts';
import type { FaceFrame } from './face-frame.ts';
import type { Glyph } from './glyphs.ts';
import { valueColumnLeft } from './value-column.ts';

const FRAME: FaceFrame = { x: (f) => f * FACE_WIDTH, y: (f) => f * FACE_HEIGHT };
const PRIOR = FRONT_VALUE_LEFT * FACE_WIDTH;

/** A glyph whose box starts at `left` (face pixels). */
function startingAt(left: number): Glyph {
  return {
    char: '男',
    prob: 0.99,
    alternatives: [],
    line: 0,
    box: [
      [left, 100],
      [left + 30, 100],
      [left + 30, 130],
      [left, 130],
    ],
  };
}

describe('valueColumnLeft', () => {
  it('takes the column from the values when they agree on a place a few percent off the prior', () => {
    const starts = [PRIOR + 30, PRIOR + 24, PRIOR + 28].map(startingAt);
    expect(valueColumnLeft(starts, FRAME)).toBe(PRIOR + 28);
  });

  it('is not moved by one value that lost its first character', () => {
    const starts = [PRIOR + 2, PRIOR + 32, PRIOR].map(startingAt);
    expect(valueColumnLeft(starts, FRAME)).toBe(PRIOR + 2);
  });

  it('takes the left of two starts', () => {
    expect(valueColumnLeft([startingAt(PRIOR + 20), undefined, startingAt(PRIOR + 5)], FRAME)).toBe(
      PRIOR + 5,
    );
  });

  it('keeps the prior with one start, or with starts far from any column a card prints', () => {
    expect(valueColumnLeft([startingAt(PRIOR + 20), undefined, undefined], FRAME)).toBe(PRIOR);
    const stray = [PRIOR + 200, PRIOR - 120, PRIOR + 10].map(startingAt);
    expect(valueColumnLeft(stray, FRAME)).toBe(PRIOR);
  });
});
