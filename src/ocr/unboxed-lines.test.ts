import { describe, expect, it } from 'vitest';
import type { RecognizedLine } from './recognized-line.ts';
import { boxedToCharacters } from './unboxed-lines.ts';

/** A region 500 x 50 px read as one character emitted a tenth of the way along it. */
const REGION_READ: RecognizedLine = {
  text: '室',
  score: 0.98,
  chars: [{ char: '室', prob: 0.98, alternatives: [], span: { start: 0.09, end: 0.11 } }],
  box: [
    [100, 300],
    [600, 300],
    [600, 350],
    [100, 350],
  ],
};

describe('boxedToCharacters', () => {
  it('boxes a region read as a line where its characters stand, half a pitch beyond them', () => {
    const line = boxedToCharacters(REGION_READ);
    const [[left, top], [right], [, bottom]] = line.box;
    // The character's centre at 150 px, half of the 0.98-height pitch (24.5 px) either side.
    expect(left).toBeCloseTo(125.5, 1);
    expect(right).toBeCloseTo(174.5, 1);
    expect([top, bottom]).toEqual([300, 350]);
    const span = line.chars[0]?.span;
    expect(((span?.start ?? 0) + (span?.end ?? 0)) / 2).toBeCloseTo(0.5, 5);
    expect(line.text).toBe('室');
  });

  it('leaves a line whose characters carry no positions as it was', () => {
    const unplaced = { ...REGION_READ, chars: [{ char: '室', prob: 0.98, alternatives: [] }] };
    expect(boxedToCharacters(unplaced)).toBe(unplaced);
  });
});
