import { allCounties, cityWideRegions, isMunicipality } from './regions.ts';

/**
 * The place names a card prints, spelled out from the GB/T 2260 divisions of `regions.ts`: the
 * region an address begins with, and the public-security bureau that issued the card. A value
 * read off a card can be checked against them, and a doubtful character chosen by them.
 */
export type Gazetteer = {
  names: ReadonlySet<string>;
  /** The names with their first character taken away (南县公安局 from 桦南县公安局). */
  firstDropped: ReadonlySet<string>;
  /** Shortest and longest name, in characters. */
  minLength: number;
  maxLength: number;
};

function gazetteerOf(names: Iterable<string>): Gazetteer {
  const set = new Set(names);
  const lengths = [...set].map((name) => Array.from(name).length);
  return {
    names: set,
    firstDropped: new Set([...set].map((name) => Array.from(name).slice(1).join(''))),
    minLength: Math.min(...lengths),
    maxLength: Math.max(...lengths),
  };
}

let addressRegionsCache: Gazetteer | undefined;

/**
 * What an address begins with: province, prefecture-level city where one is printed, and
 * county-level division (山东省济宁市兖州区, 北京市东城区, 湖北省仙桃市), or province and city
 * for the cities without counties (广东省东莞市).
 */
export function addressRegions(): Gazetteer {
  addressRegionsCache ??= gazetteerOf([
    ...allCounties().map(({ province, city, county }) => `${province}${city ?? ''}${county}`),
    ...cityWideRegions().map(({ province, city }) => `${province}${city}`),
  ]);
  return addressRegionsCache;
}

/**
 * The bureau of a county-level division, as the emblem side prints it: a district's is a branch
 * of its city's bureau, named without 区 (广州市公安局天河分局, 北京市公安局朝阳分局) unless the
 * name would shrink to one character (攀枝花市公安局东区分局); counties, banners, county-level
 * cities and districts under no city have their own (永顺县公安局, 仙桃市公安局, 神农架林区公安局).
 */
function bureauOf(county: { code: string; province: string; city: string | null; county: string }) {
  const parent = county.city ?? (isMunicipality(county.code) ? county.province : null);
  if (parent === null || !county.county.endsWith('区')) return `${county.county}公安局`;
  const stem = county.county.slice(0, -1);
  return `${parent}公安局${Array.from(stem).length >= 2 ? stem : county.county}分局`;
}

let issuingAuthoritiesCache: Gazetteer | undefined;

/** The issuing authorities of the current divisions (`bureauOf`, and 东莞市公安局 and the like). */
export function issuingAuthorities(): Gazetteer {
  issuingAuthoritiesCache ??= gazetteerOf([
    ...allCounties().map(bureauOf),
    ...cityWideRegions().map(({ city }) => `${city}公安局`),
  ]);
  return issuingAuthoritiesCache;
}

/** The longest name of the gazetteer that `chars` begin with, in characters; 0 when none. */
export function matchedPrefixLength(gazetteer: Gazetteer, chars: readonly string[]): number {
  const longest = Math.min(gazetteer.maxLength, chars.length);
  for (let length = longest; length >= gazetteer.minLength; length--) {
    if (gazetteer.names.has(chars.slice(0, length).join(''))) return length;
  }
  return 0;
}

/** Stands for the one character a name and a reading disagree on, in `nearNames` keys. */
const GAP = '\u0000';

const nearNamesCache = new WeakMap<Gazetteer, Map<string, string[]>>();

/**
 * Every name under the keys of the readings one character away from it: `R` + position + the
 * name with that character blanked (a reading that got it wrong), and `D` + position + the
 * name without it (a reading that lost it).
 */
function nearNames(gazetteer: Gazetteer): Map<string, string[]> {
  let index = nearNamesCache.get(gazetteer);
  if (index !== undefined) return index;
  index = new Map();
  const add = (key: string, name: string) => {
    const names = index?.get(key);
    if (names === undefined) index?.set(key, [name]);
    else names.push(name);
  };
  for (const name of gazetteer.names) {
    const chars = Array.from(name);
    chars.forEach((_, at) => {
      add(`R${[...chars.slice(0, at), GAP, ...chars.slice(at + 1)].join('')}`, name);
      add(`D${at}${GAP}${[...chars.slice(0, at), ...chars.slice(at + 1)].join('')}`, name);
    });
  }
  nearNamesCache.set(gazetteer, index);
  return index;
}

/**
 * The names of `length` characters that `chars` begin with but for the character at `at`,
 * which the reading got wrong (`replaced`) or lost (`dropped`: the reading's first
 * `length - 1` characters are the name without it).
 */
export function namesOneApart(
  gazetteer: Gazetteer,
  chars: readonly string[],
  at: number,
  length: number,
  how: 'replaced' | 'dropped',
): readonly string[] {
  const key =
    how === 'replaced'
      ? `R${[...chars.slice(0, at), GAP, ...chars.slice(at + 1, length)].join('')}`
      : `D${at}${GAP}${chars.slice(0, length - 1).join('')}`;
  return nearNames(gazetteer).get(key) ?? [];
}
