import { describe, expect, it } from 'vitest';
import { assertFontsDraw } from './font-check.ts';

describe('assertFontsDraw', () => {
  const coverage = (font: string) => (character: string) => font === 'Full' || character !== '禤';

  it('passes when every font draws its wording', () => {
    expect(() =>
      assertFontsDraw(
        [
          ['Full', '禤仉'],
          ['Partial', '仉'],
        ],
        coverage,
      ),
    ).not.toThrow();
  });

  it('names the font and the characters it lacks', () => {
    expect(() => assertFontsDraw([['Partial', '禤禤仉']], coverage)).toThrow('Partial lacks 禤');
  });
});
