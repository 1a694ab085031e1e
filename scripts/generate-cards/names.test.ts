import { describe, expect, it } from 'vitest';
import { holdsUpperLevel, NAME_DOT, randomName, UPPER_LEVEL_NAME_SHARE } from './names.ts';
import { createRandom } from './seeded-random.ts';
import { standardLevel } from './standard-characters.ts';

const names = Array.from({ length: 2000 }, (_, index) =>
  randomName(createRandom(41, index, 'name'), '汉'),
);

describe('generated names', () => {
  it('are spelt only with characters of the 通用规范汉字表', () => {
    for (const name of names) {
      for (const character of name) expect(standardLevel(character), name).toBeDefined();
    }
  });

  it('hold a level-2 or level-3 character in a fifth to a quarter of names', () => {
    const share = names.filter(holdsUpperLevel).length / names.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.25);
    expect(Math.abs(share - UPPER_LEVEL_NAME_SHARE)).toBeLessThan(0.02);
  });

  it('reach level 3 and rare and compound surnames', () => {
    const levels = (name: string) => [...name].map((character) => standardLevel(character));
    expect(names.filter((name) => levels(name).includes(3)).length).toBeGreaterThan(40);
    expect(names.some((name) => /^[禤仉蒯亓眭殳]/.test(name))).toBe(true);
    expect(names.some((name) => /^(欧阳|夏侯|澹台|万俟|闾丘|轩辕)/.test(name))).toBe(true);
    // Level-3 characters from all over the table, not a short list.
    const level3 = new Set(
      names.flatMap((name) => [...name].filter((character) => standardLevel(character) === 3)),
    );
    expect(level3.size).toBeGreaterThan(40);
  });

  it('use only characters the typeface can draw', () => {
    const lacking = new Set([...'禤仉蒯亓廖邹琰堃']);
    const canDraw = (character: string) => !lacking.has(character);
    for (let index = 0; index < 2000; index++) {
      const name = randomName(createRandom(41, index, 'name'), '汉', canDraw);
      for (const character of name) expect(lacking.has(character), name).toBe(false);
    }
  });

  it('give transliterated names with a middle dot to some minority groups', () => {
    const uyghur = Array.from({ length: 100 }, (_, index) =>
      randomName(createRandom(41, index, 'name'), '维吾尔'),
    );
    expect(uyghur.filter((name) => name.includes(NAME_DOT)).length).toBeGreaterThan(50);
  });

  it('are the same for the same seed', () => {
    expect(randomName(createRandom(41, 5, 'name'), '汉')).toBe(names[5]);
  });
});
