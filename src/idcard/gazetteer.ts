import { developmentZones } from './division-lists.ts';
import { allCounties, cityWideRegions, isDevelopmentZone, isMunicipality } from './regions.ts';

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

/** A gazetteer of these names. */
export function gazetteerOf(names: Iterable<string>): Gazetteer {
  const set = new Set(names);
  const lengths = [...set].map((name) => Array.from(name).length);
  return {
    names: set,
    firstDropped: new Set([...set].map((name) => Array.from(name).slice(1).join(''))),
    minLength: Math.min(...lengths),
    maxLength: Math.max(...lengths),
  };
}

/**
 * What an address begins with, and the code of the division it names: province, prefecture-level
 * city where one is printed, and county-level division (山东省济宁市兖州区, 北京市东城区, 湖北省
 * 仙桃市), or province and city for the cities without counties (广东省东莞市); and the
 * development zones that addresses print in a county's place (河南省洛阳市洛阳高新技术产业开发区).
 */
function addressRegionEntries(): { region: string; code: string }[] {
  return [
    ...allCounties().map(({ code, province, city, county }) => ({
      region: `${province}${city ?? ''}${county}`,
      code,
    })),
    ...cityWideRegions().map(({ code, province, city }) => ({
      region: `${province}${city}`,
      code,
    })),
    ...developmentZones(),
  ];
}

let addressRegionsCache: Gazetteer | undefined;

/** The regions an address begins with (`addressRegionEntries`). */
export function addressRegions(): Gazetteer {
  addressRegionsCache ??= gazetteerOf(addressRegionEntries().map(({ region }) => region));
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

let regionCodesCache: Map<string, string[]> | undefined;

/**
 * The codes of the region an address begins with (`addressRegions`), by its printed name: GB/T
 * 2260's, or a development zone's. A name can stand for more than one code (江苏省镇江市镇江新区
 * is listed as a county and as a zone), so all are given.
 */
export function codesOfAddressRegion(name: string): readonly string[] {
  if (regionCodesCache === undefined) {
    const codes = new Map<string, string[]>();
    for (const { region, code } of addressRegionEntries()) {
      codes.set(region, [...(codes.get(region) ?? []), code]);
    }
    regionCodesCache = codes;
  }
  return regionCodesCache.get(name) ?? [];
}

/**
 * What the first six digits of a number registered in the region an address begins with read:
 * its codes (`codesOfAddressRegion`) but a development zone's, which the statistics bureau gave
 * it and GB/T 2260 does not hold; the numbers of a zone's people carry some other code, which no
 * list here gives.
 */
export function numberCodesOfAddressRegion(name: string): readonly string[] {
  return codesOfAddressRegion(name).filter((code) => !isDevelopmentZone(code));
}

let issuingAuthoritiesCache: Gazetteer | undefined;

/**
 * The issuing authorities of the current divisions (`bureauOf`, and 东莞市公安局 and the like),
 * and each county-level bureau under a city also with its city in front of the division's name
 * (常德市安乡县公安局), as older cards and some print shops set it.
 */
export function issuingAuthorities(): Gazetteer {
  issuingAuthoritiesCache ??= gazetteerOf([
    ...allCounties().map(bureauOf),
    ...allCounties().flatMap(({ city, county }) => (city ? [`${city}${county}公安局`] : [])),
    ...cityWideRegions().map(({ city }) => `${city}公安局`),
  ]);
  return issuingAuthoritiesCache;
}

/**
 * The names `issuingAuthorities` holds for the bureau of one county-level division, by its
 * GB/T 2260 code (阳朔县公安局 and 桂林市阳朔县公安局 for 450321); none for a code it lacks.
 */
export function issuingAuthoritiesOf(code: string): string[] {
  const county = allCounties().find((division) => division.code === code);
  if (county !== undefined) {
    return [bureauOf(county), ...(county.city ? [`${county.city}${county.county}公安局`] : [])];
  }
  const cityWide = cityWideRegions().find((division) => division.code === code);
  return cityWide === undefined ? [] : [`${cityWide.city}公安局`];
}

/** The longest name of the gazetteer that `chars` begin with, in characters; 0 when none. */
export function matchedPrefixLength(gazetteer: Gazetteer, chars: readonly string[]): number {
  const longest = Math.min(gazetteer.maxLength, chars.length);
  for (let length = longest; length >= gazetteer.minLength; length--) {
    if (gazetteer.names.has(chars.slice(0, length).join(''))) return length;
  }
  return 0;
}

const bucketsCache = new WeakMap<Gazetteer, Map<string, string[]>>();

function bucketKey(length: number, place: 'first' | 'second', char: string): string {
  return `${length}${place}${char}`;
}

/** The names by their length and first character, and by their length and second character. */
function buckets(gazetteer: Gazetteer): Map<string, string[]> {
  let index = bucketsCache.get(gazetteer);
  if (index !== undefined) return index;
  const built = new Map<string, string[]>();
  const add = (key: string, name: string) => built.set(key, [...(built.get(key) ?? []), name]);
  for (const name of gazetteer.names) {
    const chars = Array.from(name);
    add(bucketKey(chars.length, 'first', chars[0] ?? ''), name);
    add(bucketKey(chars.length, 'second', chars[1] ?? ''), name);
  }
  index = built;
  bucketsCache.set(gazetteer, index);
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
): string[] {
  const shift = how === 'dropped' ? 1 : 0;
  // The name's character that the reading must have too: its first, or its second when the
  // first is the one in question.
  const key =
    at === 0
      ? bucketKey(length, 'second', chars[1 - shift] ?? '')
      : bucketKey(length, 'first', chars[0] ?? '');
  return (buckets(gazetteer).get(key) ?? []).filter((name) =>
    Array.from(name).every((char, k) => k === at || char === chars[k < at ? k : k - shift]),
  );
}
