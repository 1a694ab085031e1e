import { describe, expect, it } from 'vitest';
import type { Glyph } from './glyphs.ts';
import { withMiddleDot } from './name-dot.ts';

/** Glyphs of one line whose centres lie at `centres` (line heights from its start). */
function glyphsAt(name: string, centres: number[], line = 0): Glyph[] {
  return Array.from(name, (char, i) => ({
    char,
    prob: 0.99,
    alternatives: [],
    line,
    box: [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
    along: {
      centre: centres[i] as number,
      lineLength: 6,
      first: i === 0,
      last: i === name.length - 1,
      x: 0,
      height: 1,
    },
  }));
}

describe('withMiddleDot', () => {
  it('puts the dot into the widest gap between the characters', () => {
    expect(withMiddleDot('艾力努尔', glyphsAt('艾力努尔', [1, 1.8, 3.2, 4]))).toBe('艾力·努尔');
    expect(
      withMiddleDot('阿依古丽买买提', glyphsAt('阿依古丽买买提', [1, 2, 3, 4, 5.6, 6.6, 7.6])),
    ).toBe('阿依古丽·买买提');
  });

  it('leaves at least two characters on either side', () => {
    expect(withMiddleDot('艾力努尔', glyphsAt('艾力努尔', [1, 2.6, 3.4, 4.2]))).toBeNull();
  });

  it('answers nothing when no gap is the widest, or without positions', () => {
    expect(withMiddleDot('艾力努尔', glyphsAt('艾力努尔', [1, 2, 3, 4]))).toBeNull();
    const unplaced = glyphsAt('艾力努尔', [1, 2, 3.5, 4.5]).map(({ along: _, ...glyph }) => glyph);
    expect(withMiddleDot('艾力努尔', unplaced)).toBeNull();
  });
});
