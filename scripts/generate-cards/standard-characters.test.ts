import { describe, expect, it } from 'vitest';
import { charactersOfLevel, highestLevel, standardLevel } from './standard-characters.ts';

describe('the 通用规范汉字表 as read from its package', () => {
  it('has 3,500, 3,000 and 1,605 characters in levels 1, 2 and 3', () => {
    expect(charactersOfLevel(1).length).toBe(3500);
    expect(charactersOfLevel(2).length).toBe(3000);
    expect(charactersOfLevel(3).length).toBe(1605);
  });

  it('puts the table numbers 0001, 3500, 3501, 6500, 6501 and 8105 where the table does', () => {
    // 一 is 0001, 矗 3500, 乂 3501, 齉 6500, 亍 6501 and 蠼 8105 in the published table.
    expect(charactersOfLevel(1)[0]).toBe('一');
    expect(charactersOfLevel(1).at(-1)).toBe('矗');
    expect(charactersOfLevel(2)[0]).toBe('乂');
    expect(charactersOfLevel(2).at(-1)).toBe('齉');
    expect(charactersOfLevel(3)[0]).toBe('亍');
    expect(charactersOfLevel(3).at(-1)).toBe('蠼');
  });

  it('knows the levels of name characters', () => {
    expect(standardLevel('王')).toBe(1);
    expect(standardLevel('仉')).toBe(2);
    expect(standardLevel('禤')).toBe(3);
    expect(standardLevel('龑')).toBeUndefined();
    expect(highestLevel('王仉禤')).toBe(3);
    expect(highestLevel('买买提·艾力')).toBe(1);
  });
});
