import { areaList } from '@vant/area-data';

/**
 * Administrative divisions behind the first six digits of an ID number (GB/T 2260 codes), named
 * from `@vant/area-data`. That list is the current one: counties abolished or renumbered since a
 * card was issued are not in it, and their codes stay on the cards, so an unknown county is only
 * ever a warning.
 */

export type RegionLookup = {
  code: string;
  /** How far down the code is recognised: its county, its city, its province, or nothing. */
  known: 'county' | 'city' | 'province' | 'none';
  /**
   * Whether the whole code names a current division people are registered in: a county, or a
   * prefecture-level city without counties (东莞市 441900).
   */
  isCurrent: boolean;
  province: string | null;
  /**
   * The prefecture-level name as addresses print it, or null where none is printed: the
   * municipalities (北京市东城区: GB/T 2260 calls their second level 市辖区 or 县) and the
   * county-level cities governed by their province directly (湖北省仙桃市).
   */
  city: string | null;
  county: string | null;
};

export type County = { code: string; province: string; city: string | null; county: string };

/** A prefecture-level city without counties, whose people carry the city's own code (东莞市). */
export type CityWide = { code: string; province: string; city: string };

/** Municipalities directly under the central government: no prefecture-level name is printed. */
const MUNICIPALITY_PROVINCES = new Set(['11', '12', '31', '50']);

/** Hong Kong, Macao and Taiwan: mainland resident cards are not issued there. */
const OUTSIDE_MAINLAND_PROVINCES = new Set(['71', '81', '82']);

/**
 * City-level entries that stand for "no prefecture": 省直辖县 (419000, 429000, 469000),
 * 自治区直辖县级行政区划 (659000), and 重庆's 县 (500200).
 */
const CITY_PLACEHOLDER = /直辖|^县$/;

/**
 * Prefecture-level cities without counties, by the code their people carry (GB/T 2260): 东莞
 * 441900, 中山 442000, 儋州 460400, and 嘉峪关, whose only child is 620201 市辖区. Under the first
 * three the package lists towns with six-digit codes of its own (441901 中堂镇); those are no
 * GB/T 2260 codes and are treated as unknown counties of the city.
 */
const CITY_WIDE_CODES = new Set(['441900', '442000', '460400', '620201']);

/**
 * County-level division names end in 区, 县, 市 or 旗 (自治县, 自治旗, 林区 and 特区 included);
 * the package also lists a few management zones (130672 保定白沟新城, 152571 乌拉盖管委会).
 */
const COUNTY_LEVEL_NAME = /[区县市旗]$/;

/**
 * Whether the code is one of the statistics bureau's development zones (130171 石家庄高新技术产业
 * 开发区, 410371 洛阳高新技术产业开发区): last two digits 71-80, which GB/T 2260 leaves unused
 * (districts 01-20, counties 21-70, county-level cities 81-89). A zone is no county-level
 * division, but addresses print it in a county's place.
 */
export function isDevelopmentZone(code6: string): boolean {
  const last = Number(code6.slice(4));
  return last >= 71 && last <= 80;
}

/**
 * Functional zones, not county-level divisions: the development zones, and the package's own
 * with last two digits 90-99 (130390 经济技术开发区).
 */
function isFunctionalZone(code6: string): boolean {
  return isDevelopmentZone(code6) || Number(code6.slice(4)) >= 90;
}

const SIX_DIGITS = /^\d{6}$/;

function provinceCode(code6: string): string {
  return `${code6.slice(0, 2)}0000`;
}

function cityCode(code6: string): string {
  return `${code6.slice(0, 4)}00`;
}

function isCityWide(code6: string): boolean {
  return CITY_WIDE_CODES.has(code6) || CITY_WIDE_CODES.has(cityCode(code6));
}

function isGbCountyCode(code6: string): boolean {
  return areaList.county_list[code6] !== undefined && !isCityWide(code6);
}

function printedCityName(code6: string): string | null {
  if (isMunicipality(code6)) return null;
  const name = areaList.city_list[cityCode(code6)];
  if (name === undefined || CITY_PLACEHOLDER.test(name)) return null;
  return name;
}

/** Names the region of a six-digit code as far down as the data knows it. */
export function lookupRegion(code6: string): RegionLookup {
  const province = SIX_DIGITS.test(code6)
    ? (areaList.province_list[provinceCode(code6)] ?? null)
    : null;
  if (province === null) {
    return {
      code: code6,
      known: 'none',
      isCurrent: false,
      province: null,
      city: null,
      county: null,
    };
  }
  const city = printedCityName(code6);
  if (isGbCountyCode(code6)) {
    const county = areaList.county_list[code6] ?? null;
    return { code: code6, known: 'county', isCurrent: true, province, city, county };
  }
  const cityKnown = areaList.city_list[cityCode(code6)] !== undefined;
  return {
    code: code6,
    known: cityKnown ? 'city' : 'province',
    isCurrent: CITY_WIDE_CODES.has(code6),
    province,
    city: cityKnown ? city : null,
    county: null,
  };
}

/** The region as an address begins with it: 广东省广州市天河区, 北京市东城区, 湖北省仙桃市. */
export function regionPrefix(region: RegionLookup): string {
  return [region.province, region.city, region.county].filter((part) => part !== null).join('');
}

let countiesCache: County[] | undefined;

/**
 * Every current county-level division of the mainland with its printed names, for making up
 * realistic cards: no Hong Kong, Macao or Taiwan, no development or management zones, no
 * city-wide codes.
 */
export function allCounties(): County[] {
  countiesCache ??= Object.entries(areaList.county_list)
    .filter(
      ([code, county]) =>
        !OUTSIDE_MAINLAND_PROVINCES.has(code.slice(0, 2)) &&
        isGbCountyCode(code) &&
        !isFunctionalZone(code) &&
        COUNTY_LEVEL_NAME.test(county),
    )
    .map(([code, county]) => {
      const province = areaList.province_list[provinceCode(code)];
      if (province === undefined) throw new Error(`county ${code} has no province in the data`);
      return { code, province, city: printedCityName(code), county };
    });
  return countiesCache;
}

/**
 * Whether the code lies in one of the municipalities directly under the central government,
 * whose county-level divisions print no prefecture-level name.
 */
export function isMunicipality(code6: string): boolean {
  return MUNICIPALITY_PROVINCES.has(code6.slice(0, 2));
}

/** The prefecture-level cities without counties (`CITY_WIDE_CODES`), with their printed names. */
export function cityWideRegions(): CityWide[] {
  return [...CITY_WIDE_CODES].flatMap((code) => {
    const province = areaList.province_list[provinceCode(code)];
    const city = printedCityName(code);
    return province === undefined || city === null ? [] : [{ code, province, city }];
  });
}
