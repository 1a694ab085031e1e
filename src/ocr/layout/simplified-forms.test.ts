import { describe, expect, it } from 'vitest';
import { simplifiedFormOf } from './simplified-forms.ts';

describe('simplifiedFormOf', () => {
  it('gives the table’s form of a traditional or variant form of a character of general use', () => {
    for (const [read, printed] of [
      ['黃', '黄'],
      ['瑤', '瑶'],
      ['強', '强'],
      ['濟', '济'],
      ['峯', '峰'],
    ]) {
      expect(simplifiedFormOf(read as string), read).toBe(printed);
    }
  });

  it('gives none for a character of the table, what is not Han, or a rare form kept in names', () => {
    // 乾 and 於 stand in the table themselves; 龑's form 䶮 is of its third level; 韡 has none.
    for (const char of ['黄', '乾', '於', '龑', '韡', 'A', '7']) {
      expect(simplifiedFormOf(char), char).toBeUndefined();
    }
  });
});
