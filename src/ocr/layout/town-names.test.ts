import { describe, expect, it } from 'vitest';
import { addressRegions } from '../../idcard/gazetteer.ts';
import { type Glyph, glyphsOfLine } from './glyphs.ts';
import { matchPlace, placeConfidence } from './place-names.ts';
import { type Doubt, lineOf } from './read-face-builder.ts';
import { townsOf, withTownChecked } from './town-names.ts';

function glyphs(text: string, doubts: Record<number, Doubt> = {}): Glyph[] {
  return glyphsOfLine(lineOf({ text, x: 0.18, y: 0.5, doubts }), 0);
}

function townChecked(read: Glyph[], holes: number[] = []) {
  return withTownChecked(matchPlace(read, addressRegions(), 'prefix', holes), read, holes);
}

describe('the towns of a county', () => {
  it('are listed by the county-level code', () => {
    expect(townsOf(['440902'])?.names.has('河西街道')).toBe(true);
    expect(townsOf(['450321'])?.names.has('白沙镇')).toBe(true);
    expect(townsOf(['000000'])).toBeNull();
  });
});

describe('an address town checked against its county', () => {
  it("takes the recogniser's runner-up that names one of the county's towns", () => {
    // 营山县 lists 绿水镇; 绿 read 0.9 as 录.
    const read = glyphs('四川省南充市营山县录水镇五里坡村', {
      9: { prob: 0.9, alternatives: [['绿', 0.08]] },
    });
    const match = townChecked(read);
    expect(match?.variant.chars.join('')).toBe('四川省南充市营山县绿水镇五里坡村');
    expect(placeConfidence(match ?? matchPlace(read, addressRegions(), 'prefix', []))).toBeLessThan(
      0.9,
    );
  });

  it('restores a character where the line has a hole for it', () => {
    const read = glyphs('广东省茂名市茂南区河西道办事处');
    expect(townChecked(read)).toBeNull();
    expect(townChecked(read, [11])?.variant.chars.join('')).toBe(
      '广东省茂名市茂南区河西街道办事处',
    );
  });

  it("checks the town of a development zone printed in the county's place", () => {
    // 长春净月高新技术产业开发区 (220172) lists 玉潭镇; 玉 read 0.93 as its look-alike 王.
    const read = glyphs('吉林省长春市长春净月高新技术产业开发区王潭镇东湖村', {
      19: { prob: 0.93, alternatives: [['玉', 0.06]] },
    });
    const match = townChecked(read);
    expect(match?.variant.chars.join('')).toBe(
      '吉林省长春市长春净月高新技术产业开发区玉潭镇东湖村',
    );
    expect(match?.how).toBe('alternative');
    expect(placeConfidence(match ?? matchPlace(read, addressRegions(), 'prefix', []))).toBeLessThan(
      0.9,
    );
    // Without the look-alike among the recogniser's alternatives the town stays as read.
    const unoffered = glyphs('吉林省长春市长春净月高新技术产业开发区王潭镇东湖村', {
      19: { prob: 0.93, alternatives: [['主', 0.06]] },
    });
    expect(townChecked(unoffered)).toBeNull();
  });

  it('leaves a town as read when it is listed, or when nothing listed is offered', () => {
    expect(townChecked(glyphs('广西壮族自治区桂林市阳朔县白沙镇岭头村'))).toBeNull();
    // A made-up or renamed town stays, even doubtful: the list never replaces what was not offered.
    const doubtful = glyphs('广东省茂名市茂南区河平街道东路5号', {
      10: { prob: 0.5, alternatives: [['坪', 0.3]] },
    });
    expect(townChecked(doubtful)).toBeNull();
  });
});
