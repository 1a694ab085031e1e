import { describe, expect, it } from 'vitest';
import { isStandardCharacter } from './standard-characters.ts';

describe('isStandardCharacter', () => {
  it('holds the rare name characters of all three levels', () => {
    for (const char of '王瑶侯彧锴堃亓蒯仉禛旻埇禤殳赟溦镕鄠') {
      expect(isStandardCharacter(char), char).toBe(true);
    }
  });

  it('leaves out traditional forms, some rare name characters and what is not Han', () => {
    // 韡 and 龑 are printed in some people's names, yet the table does not list them.
    for (const char of ['瑤', '漢', '陳', '韡', '龑', 'A', '1', '·']) {
      expect(isStandardCharacter(char), char).toBe(false);
    }
  });
});
