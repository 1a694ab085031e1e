import { townNamesByCounty } from '../../idcard/division-lists.ts';
import { codesOfAddressRegion, type Gazetteer, gazetteerOf } from '../../idcard/gazetteer.ts';
import type { Glyph } from './glyphs.ts';
import { matchPlace, type PlaceMatch } from './place-names.ts';

const townGazetteersCache = new Map<string, Gazetteer | null>();

/**
 * The township-level divisions (镇, 乡, 街道) of the county-level divisions and development zones
 * with these codes (`codesOfAddressRegion`), from the statistics bureau's township list
 * (`townNamesByCounty`); null when the list holds none of them.
 */
export function townsOf(codes: readonly string[]): Gazetteer | null {
  const key = [...codes].sort().join(',');
  const cached = townGazetteersCache.get(key);
  if (cached !== undefined) return cached;
  const byCounty = townNamesByCounty();
  const names = codes.flatMap((code) => byCounty.get(code) ?? []);
  const towns = names.length === 0 ? null : gazetteerOf(names);
  townGazetteersCache.set(key, towns);
  return towns;
}

/**
 * An address's region matched as read or by the recogniser's alternatives, with the township-level
 * division after it checked against that county's towns (绿水镇 of 四川省南充市营山县绿水镇…, read
 * 录水镇 with 绿 the runner-up; 河西街道 of 广东省茂名市茂南区河西街道办事处, its 街 dropped where the
 * line has room for it). Only the recogniser's own alternatives, or a character
 * put where the line has room for one it dropped (`holes`), are taken. A doubtful character is
 * never replaced by one it did not offer: many addresses name no town right after the county, or
 * one renamed or merged since the card was printed, and those must stay as read. Null when the
 * town stands as read or nothing listed is within reach; what the list chose is never vouched for
 * (`placeConfidence` of an `alternative` or `filled` match).
 */
export function withTownChecked(
  region: PlaceMatch,
  glyphs: readonly Glyph[],
  holes: readonly number[],
): PlaceMatch | null {
  const { variant, matched } = region;
  const aligned = variant.chars.length === glyphs.length && (region.unlisted ?? 0) === 0;
  if (!aligned || matched === 0 || (region.how !== 'read' && region.how !== 'alternative')) {
    return null;
  }
  const towns = townsOf(codesOfAddressRegion(variant.chars.slice(0, matched).join('')));
  if (towns === null) return null;
  const tailHoles = holes.filter((hole) => hole >= matched).map((hole) => hole - matched);
  const town = matchPlace(glyphs.slice(matched), towns, 'prefix', tailHoles);
  const restored = town.variant.chars.length > glyphs.length - matched;
  if (town.how === 'read' || town.how === 'none' || (town.how === 'filled' && !restored)) {
    return null;
  }
  return {
    ...region,
    how: town.how,
    variant: {
      chars: [...variant.chars.slice(0, matched), ...town.variant.chars],
      probs: [...variant.probs.slice(0, matched), ...town.variant.probs],
      changed: [...variant.changed, ...town.variant.changed.map((position) => position + matched)],
    },
    share: region.share * town.share,
    holes: [
      ...region.holes.filter((hole) => hole < matched),
      ...town.holes.map((hole) => hole + matched),
    ],
  };
}
