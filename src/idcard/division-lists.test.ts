import { describe, expect, it } from 'vitest';
import { developmentZones } from './division-lists.ts';

describe('developmentZones', () => {
  it("lists the statistics bureau's zones with the region an address in one begins with", () => {
    const zones = developmentZones();
    expect(zones).toHaveLength(137);
    expect(zones).toContainEqual({
      code: '220172',
      region: '吉林省长春市长春净月高新技术产业开发区',
    });
    expect(zones).toContainEqual({ code: '421171', region: '湖北省黄冈市龙感湖管理区' });
  });

  it('holds zones only, each named after its province and city', () => {
    for (const { code, region } of developmentZones()) {
      expect(Number(code.slice(4))).toBeGreaterThanOrEqual(71);
      expect(Number(code.slice(4))).toBeLessThanOrEqual(80);
      expect(region).toMatch(/^\p{Script=Han}+?(省|自治区)\p{Script=Han}+?(市|州|盟|地区)/u);
    }
  });
});
