import { describe, expect, it } from 'vitest';
import { addressRegions, issuingAuthorities, matchedPrefixLength } from './gazetteer.ts';

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

  it('knows the names that are others without their first character', () => {
    expect(issuingAuthorities().firstDropped.has('南县公安局')).toBe(true);
    expect(issuingAuthorities().firstDropped.has('永顺县公安局')).toBe(false);
  });
});
