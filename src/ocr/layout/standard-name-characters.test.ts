import { describe, expect, it } from 'vitest';
import type { Glyph } from './glyphs.ts';
import { holdsNonStandardHan } from './standard-name-characters.ts';

function glyphs(text: string): Glyph[] {
  return Array.from(text, (char) => ({
    char,
    prob: 0.99,
    alternatives: [],
    box: [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
    line: 0,
  }));
}

describe('holdsNonStandardHan', () => {
  it('finds a traditional form or a character outside the table', () => {
    expect(holdsNonStandardHan(glyphs('孙瑤海'))).toBe(true);
    expect(holdsNonStandardHan(glyphs('王韡'))).toBe(true);
  });

  it('passes names in the table, rare ones and middle dots included', () => {
    expect(holdsNonStandardHan(glyphs('禤晓'))).toBe(false);
    expect(holdsNonStandardHan(glyphs('阿依古丽·买买提'))).toBe(false);
  });
});
