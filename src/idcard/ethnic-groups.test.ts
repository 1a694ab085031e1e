import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, isEthnicGroup, normalizeEthnicity } from './ethnic-groups.ts';

describe('ETHNIC_GROUPS', () => {
  it('holds the 56 groups once each, without 族', () => {
    expect(ETHNIC_GROUPS).toHaveLength(56);
    expect(new Set(ETHNIC_GROUPS).size).toBe(56);
    for (const name of ETHNIC_GROUPS) expect(name).not.toMatch(/族$/);
  });

  it('follows the standard order from 汉 to 基诺', () => {
    expect(ETHNIC_GROUPS.slice(0, 6)).toEqual(['汉', '蒙古', '回', '藏', '维吾尔', '苗']);
    expect(ETHNIC_GROUPS[55]).toBe('基诺');
  });
});

describe('isEthnicGroup', () => {
  it.each(['汉', '维吾尔', '柯尔克孜', '基诺', '土家', '土'])('accepts %s', (name) => {
    expect(isEthnicGroup(name)).toBe(true);
  });

  it('accepts the name with 族 and with stray spaces', () => {
    expect(isEthnicGroup('汉族')).toBe(true);
    expect(isEthnicGroup(' 蒙 古 ')).toBe(true);
  });

  it.each(['穿青人', '其他', '外国血统'])('accepts the documented special value %s', (name) => {
    expect(isEthnicGroup(name)).toBe(true);
  });

  it.each(['', '族', '汉汉', '维吾', '中华', 'Han'])('rejects %j', (name) => {
    expect(isEthnicGroup(name)).toBe(false);
  });
});

describe('normalizeEthnicity', () => {
  it('drops 族 and spaces only', () => {
    expect(normalizeEthnicity('汉族')).toBe('汉');
    expect(normalizeEthnicity('维 吾 尔 族')).toBe('维吾尔');
    expect(normalizeEthnicity('穿青人')).toBe('穿青人');
  });
});
