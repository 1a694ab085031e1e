import { describe, expect, it } from 'vitest';
import { hasCommonSurname } from './surnames.ts';

describe('hasCommonSurname', () => {
  it('knows the frequent single and the compound surnames', () => {
    expect(hasCommonSurname('王小明')).toBe(true);
    expect(hasCommonSurname('欧阳娜娜')).toBe(true);
  });

  it('doubts a rare surname, or a given name left without its surname', () => {
    // 亓琳 misread as 元琳; 殳斌颖 read as 斌颖.
    expect(hasCommonSurname('元琳')).toBe(false);
    expect(hasCommonSurname('斌颖')).toBe(false);
    // A compound surname alone is not a whole name.
    expect(hasCommonSurname('欧阳')).toBe(false);
  });

  it('lets transliterated names through, which carry no surname', () => {
    expect(hasCommonSurname('热依拉·迪丽拜尔')).toBe(true);
  });
});
