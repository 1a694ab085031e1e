import type { County } from '../../src/idcard/regions.ts';

/**
 * The 签发机关 of a card registered in `county`: the public security bureau of the county-level
 * division. A city district's office is a branch of the city bureau named after the district
 * without 区 (广州市公安局天河分局, 北京市公安局朝阳分局); counties, banners and county-level cities
 * have their own bureau (永顺县公安局, 仙桃市公安局). A district whose name is one character
 * before 区 keeps it (攀枝花市公安局东区分局).
 */
export function issuingAuthority(county: County): string {
  const name = county.county;
  if (!name.endsWith('区') || name.endsWith('林区') || name.endsWith('特区')) {
    return `${name}公安局`;
  }
  const parent = county.city ?? county.province;
  const stem = name.slice(0, -1);
  return `${parent}公安局${[...stem].length >= 2 ? stem : name}分局`;
}
