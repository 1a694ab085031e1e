import { describe, expect, it } from 'vitest';
import {
  addressRegions,
  codesOfAddressRegion,
  issuingAuthorities,
  matchedPrefixLength,
  numberCodesOfAddressRegion,
} from './gazetteer.ts';

describe('addressRegions', () => {
  it('spells the regions addresses begin with, at every kind of level', () => {
    const { names } = addressRegions();
    expect(names.has('山东省济宁市兖州区')).toBe(true);
    expect(names.has('北京市东城区')).toBe(true);
    expect(names.has('湖北省仙桃市')).toBe(true);
    expect(names.has('广东省东莞市')).toBe(true);
    expect(names.has('山东省济宁市究州区')).toBe(false);
  });

  it('finds the longest region an address begins with', () => {
    const gazetteer = addressRegions();
    const address = Array.from('山东省烟台市芝罘区龙城西路421号');
    expect(matchedPrefixLength(gazetteer, address)).toBe(9);
    expect(matchedPrefixLength(gazetteer, Array.from('山东省烟台市芝区龙城西路'))).toBe(0);
  });

  it('spells a development zone where addresses print it, in place of a county', () => {
    const zone = '吉林省长春市长春净月高新技术产业开发区';
    expect(addressRegions().names.has(zone)).toBe(true);
    expect(matchedPrefixLength(addressRegions(), Array.from(`${zone}玉潭镇东湖村`))).toBe(19);
    expect(codesOfAddressRegion(zone)).toEqual(['220172']);
  });
});

describe('numberCodesOfAddressRegion', () => {
  it("gives a county's code, as numbers registered there begin", () => {
    expect(numberCodesOfAddressRegion('吉林省长春市双阳区')).toEqual(['220112']);
  });

  it("gives no development zone's code, which no number carries", () => {
    expect(numberCodesOfAddressRegion('吉林省长春市长春净月高新技术产业开发区')).toEqual([]);
    // Listed as a county by one list and as a zone by the other.
    expect(codesOfAddressRegion('江苏省镇江市镇江新区')).toEqual(['321150', '321171']);
    expect(numberCodesOfAddressRegion('江苏省镇江市镇江新区')).toEqual(['321150']);
  });
});

describe('issuingAuthorities', () => {
  it('names a district by its city bureau branch, without 区 unless one character is left', () => {
    const { names } = issuingAuthorities();
    expect(names.has('西安市公安局鄠邑分局')).toBe(true);
    expect(names.has('北京市公安局朝阳分局')).toBe(true);
    expect(names.has('攀枝花市公安局东区分局')).toBe(true);
  });

  it('gives counties, county-level cities and cities without counties their own bureau', () => {
    const { names } = issuingAuthorities();
    expect(names.has('永顺县公安局')).toBe(true);
    expect(names.has('仙桃市公安局')).toBe(true);
    expect(names.has('东莞市公安局')).toBe(true);
  });

  it('names no bureau after a development zone', () => {
    for (const name of issuingAuthorities().names) expect(name).not.toMatch(/开发区|管理区/);
  });

  it('knows the names that are others without their first character', () => {
    expect(issuingAuthorities().firstDropped.has('南县公安局')).toBe(true);
    expect(issuingAuthorities().firstDropped.has('永顺县公安局')).toBe(false);
  });
});
