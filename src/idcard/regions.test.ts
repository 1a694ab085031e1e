import { describe, expect, it } from 'vitest';
import { allCounties, isDevelopmentZone, lookupRegion, regionPrefix } from './regions.ts';

describe('lookupRegion', () => {
  it('names a county of a prefecture-level city', () => {
    expect(lookupRegion('440106')).toEqual({
      code: '440106',
      known: 'county',
      isCurrent: true,
      province: '广东省',
      city: '广州市',
      county: '天河区',
    });
  });

  it('prints no city for a municipality (GB/T 2260 calls that level 市辖区)', () => {
    const region = lookupRegion('110105');
    expect(region).toMatchObject({
      known: 'county',
      province: '北京市',
      city: null,
      county: '朝阳区',
    });
    expect(regionPrefix(region)).toBe('北京市朝阳区');
    expect(regionPrefix(lookupRegion('500229'))).toBe('重庆市城口县');
  });

  it('prints no city for a county-level city under its province', () => {
    expect(regionPrefix(lookupRegion('429004'))).toBe('湖北省仙桃市');
    expect(regionPrefix(lookupRegion('659001'))).toBe('新疆维吾尔自治区石河子市');
  });

  it('knows a city without counties by its own code', () => {
    expect(lookupRegion('441900')).toMatchObject({
      known: 'city',
      isCurrent: true,
      province: '广东省',
      city: '东莞市',
      county: null,
    });
    expect(lookupRegion('620201')).toMatchObject({
      isCurrent: true,
      city: '嘉峪关市',
      county: null,
    });
  });

  it('does not take the package-only town codes for counties', () => {
    expect(lookupRegion('441901')).toMatchObject({ known: 'city', isCurrent: false, county: null });
  });

  it('knows the city of an abolished county code but not the county', () => {
    // 440102 was 广州市东山区, merged into 越秀区 in 2005; cards issued before carry it.
    expect(lookupRegion('440102')).toMatchObject({
      known: 'city',
      isCurrent: false,
      province: '广东省',
      city: '广州市',
      county: null,
    });
  });

  it('knows only the province of an unknown prefecture', () => {
    // 110200 was 北京市县 before Beijing's counties became districts.
    expect(lookupRegion('110229')).toMatchObject({
      known: 'province',
      isCurrent: false,
      province: '北京市',
    });
  });

  it.each(['990101', '000000', '11010', 'abcdef'])('knows nothing of %j', (code) => {
    expect(lookupRegion(code)).toMatchObject({ known: 'none', isCurrent: false, province: null });
  });
});

describe('allCounties', () => {
  const counties = allCounties();

  it('lists the mainland county-level divisions', () => {
    // The mainland has about 2,850 county-level divisions.
    expect(counties.length).toBeGreaterThan(2800);
    expect(counties.length).toBeLessThan(2900);
    expect(counties).toContainEqual({
      code: '440106',
      province: '广东省',
      city: '广州市',
      county: '天河区',
    });
    expect(counties).toContainEqual({
      code: '110101',
      province: '北京市',
      city: null,
      county: '东城区',
    });
  });

  it('leaves out Hong Kong, Macao, Taiwan, placeholders and town codes', () => {
    const codes = new Set(counties.map((c) => c.code));
    const leftOut = [
      '810101',
      '820102',
      '710101',
      '710199',
      '620201',
      '441901',
      '130672',
      '130171',
      '130390',
    ];
    for (const code of leftOut) {
      expect(codes.has(code)).toBe(false);
    }
    for (const { county, city } of counties) {
      expect(county).toMatch(/[区县市旗]$/);
      expect(city ?? '').not.toMatch(/直辖|^县$|市辖区/);
    }
  });

  it('gives unique six-digit codes', () => {
    const codes = counties.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
  });
});

describe('isDevelopmentZone', () => {
  it("knows the statistics bureau's zones by the last two digits GB/T 2260 leaves unused", () => {
    expect(isDevelopmentZone('220172')).toBe(true);
    expect(isDevelopmentZone('130180')).toBe(true);
    expect(isDevelopmentZone('220112')).toBe(false);
    expect(isDevelopmentZone('440981')).toBe(false);
    expect(isDevelopmentZone('130390')).toBe(false);
  });
});
