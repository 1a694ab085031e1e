import { describe, expect, it } from 'vitest';
import { addressRegions, issuingAuthorities } from '../../idcard/gazetteer.ts';
import { type Glyph, glyphsOfLine } from './glyphs.ts';
import { matchPlace, matchPlaceAfterLabel, placeConfidence } from './place-names.ts';
import { type Doubt, lineOf } from './read-face-builder.ts';

function glyphs(text: string, doubts: Record<number, Doubt> = {}): Glyph[] {
  return glyphsOfLine(lineOf({ text, x: 0.18, y: 0.5, doubts }), 0);
}

const text = (variant: { chars: string[] }) => variant.chars.join('');

describe('matchPlace', () => {
  it('keeps a reading the gazetteer has, and trusts its region', () => {
    const read = glyphs('山东省济宁市兖州区新中公寓', { 6: { prob: 0.8, alternatives: [] } });
    const match = matchPlace(read, addressRegions(), 'prefix', []);
    expect(match).toMatchObject({ how: 'read', matched: 9 });
    // The doubtful 兖 passed the gazetteer; the rest is read clearly.
    expect(placeConfidence(match)).toBeGreaterThan(0.9);
  });

  it('takes the alternative that makes the region real (究州区 for 兖州区)', () => {
    const read = glyphs('山东省济宁市究州区新中公寓', {
      6: {
        prob: 0.39,
        alternatives: [
          ['兖', 0.32],
          ['充', 0.19],
        ],
      },
    });
    const match = matchPlace(read, addressRegions(), 'prefix', []);
    expect(match.how).toBe('alternative');
    expect(text(match.variant)).toBe('山东省济宁市兖州区新中公寓');
    expect(placeConfidence(match)).toBeLessThan(0.9);
  });

  it('restores a dropped character only where the line has a hole for it', () => {
    const read = glyphs('山东省烟台市芝区龙城西路');
    expect(matchPlace(read, addressRegions(), 'prefix', []).how).toBe('none');
    const match = matchPlace(read, addressRegions(), 'prefix', [7]);
    expect(match.how).toBe('filled');
    expect(text(match.variant)).toBe('山东省烟台市芝罘区龙城西路');
    expect(match.holes).toEqual([]);
    expect(placeConfidence(match)).toBeLessThan(0.9);
  });

  it('replaces a doubtful character the dictionary cannot spell when one name fits (鄠)', () => {
    const read = glyphs('西安市公安局鄂邑分局', { 6: { prob: 0.64, alternatives: [] } });
    const match = matchPlace(read, issuingAuthorities(), 'whole', []);
    expect(match.how).toBe('filled');
    expect(text(match.variant)).toBe('西安市公安局鄠邑分局');
    expect(placeConfidence(match)).toBeLessThan(0.9);
    // A character read with confidence is never replaced.
    const sure = glyphs('西安市公安局鄂邑分局');
    expect(matchPlace(sure, issuingAuthorities(), 'whole', []).how).toBe('none');
  });

  it('discounts a hole inside a region spelled whole, but not one after it', () => {
    const read = glyphs('山东省烟台市芝罘区龙城西路');
    expect(matchPlace(read, addressRegions(), 'prefix', [0, 7]).holes).toEqual([]);
    expect(matchPlace(read, addressRegions(), 'prefix', [9]).holes).toEqual([9]);
    // 南县公安局 could be 桦南县公安局 with its first character lost.
    expect(matchPlace(glyphs('南县公安局'), issuingAuthorities(), 'whole', [0]).holes).toEqual([0]);
  });

  it('leaves the choice to the clerk when two names fit equally well', () => {
    // 东区 and 西区 of 攀枝花市 both exist.
    const read = glyphs('攀枝花市公安局南区分局', {
      7: {
        prob: 0.4,
        alternatives: [
          ['东', 0.3],
          ['西', 0.28],
        ],
      },
    });
    expect(matchPlace(read, issuingAuthorities(), 'whole', []).how).toBe('none');
  });

  it('does not vouch for a name that could have lost its first character (南县 of 桦南县)', () => {
    const match = matchPlace(glyphs('南县公安局'), issuingAuthorities(), 'whole', []);
    expect(match).toMatchObject({ how: 'read', endsLongerName: true });
    expect(placeConfidence(match)).toBeLessThan(0.9);
    expect(
      placeConfidence(matchPlace(glyphs('永顺县公安局'), issuingAuthorities(), 'whole', [])),
    ).toBeGreaterThan(0.9);
  });
});

describe('matchPlaceAfterLabel', () => {
  const noHoles = { label: '签发机关', holesOf: () => [] };

  it('drops a misread label before a name, the fewest characters that reveal one', () => {
    const read = matchPlaceAfterLabel(
      glyphs('鑫巢机美荔浦市公安局'),
      issuingAuthorities(),
      'whole',
      noHoles,
    );
    expect(read.trimmed).toBe(true);
    expect(text(read.match.variant)).toBe('荔浦市公安局');
    expect(read.glyphs).toHaveLength(6);
  });

  it("drops a mark's first character read surely before a name (仅 of 仅限本次使用)", () => {
    const read = matchPlaceAfterLabel(
      glyphs('仅伊春市公安局友好分局'),
      issuingAuthorities(),
      'whole',
      noHoles,
    );
    expect(read.trimmed).toBe(true);
    expect(text(read.match.variant)).toBe('伊春市公安局友好分局');
  });

  it('drops no more than the label has, and nothing before a name read whole', () => {
    const long = matchPlaceAfterLabel(
      glyphs('鑫巢机美荔浦市公安局'),
      issuingAuthorities(),
      'whole',
      {
        ...noHoles,
        label: '发机关',
      },
    );
    expect(long).toMatchObject({ trimmed: false, match: { how: 'none' } });
    const whole = matchPlaceAfterLabel(
      glyphs('桦南县公安局'),
      issuingAuthorities(),
      'whole',
      noHoles,
    );
    expect(whole.trimmed).toBe(false);
    expect(text(whole.match.variant)).toBe('桦南县公安局');
  });

  it("drops a mark's wording read before a name, however long (a usage line's 业厅办理货系)", () => {
    const read = matchPlaceAfterLabel(
      glyphs('业厅办理货系深圳市公安局龙华分局'),
      issuingAuthorities(),
      'whole',
      noHoles,
    );
    expect(read.trimmed).toBe(true);
    expect(text(read.match.variant)).toBe('深圳市公安局龙华分局');
  });

  it('keeps surely read characters before a name the list holds, and does not vouch for them', () => {
    const read = matchPlaceAfterLabel(
      glyphs('湖南省安乡县公安局'),
      issuingAuthorities(),
      'whole',
      noHoles,
    );
    expect(read.trimmed).toBe(false);
    expect(text(read.match.variant)).toBe('湖南省安乡县公安局');
    expect(read.glyphs).toHaveLength(9);
    const confidence = placeConfidence(read.match);
    expect(confidence).toBeGreaterThan(0.5);
    expect(confidence).toBeLessThan(0.9);
  });

  it('cuts whatever was read before the region of a value that begins with its place', () => {
    const holesOf = () => [];
    const stroke = glyphs('上河南省安阳市安阳县城关镇');
    const address = matchPlaceAfterLabel(stroke, addressRegions(), 'prefix', {
      label: '住址',
      holesOf,
      beginsWithPlace: true,
    });
    expect(address.trimmed).toBe(true);
    expect(text(address.match.variant)).toBe('河南省安阳市安阳县城关镇');
    const kept = matchPlaceAfterLabel(stroke, addressRegions(), 'prefix', {
      label: '住址',
      holesOf,
    });
    expect(kept.trimmed).toBe(false);
    expect(text(kept.match.variant)).toBe('上河南省安阳市安阳县城关镇');
  });

  it("cuts more than the label has before an address's province only where it reads as listed", () => {
    const options = { label: '住址', holesOf: () => [], beginsWithPlace: true };
    // A usage line's 供营业厅, boxed above the first line and read before it.
    const marked = glyphs('供营业厅江西省鹰潭市贵溪市春桃大道631号');
    const address = matchPlaceAfterLabel(marked, addressRegions(), 'prefix', options);
    expect(address.trimmed).toBe(true);
    expect(text(address.match.variant)).toBe('江西省鹰潭市贵溪市春桃大道631号');
    // Its county read as a look-alike: the gazetteer's choice is no reason to drop four.
    const doubtful = glyphs('供营业厅江西省鹰潭市贵漢市春桃大道631号', {
      11: { prob: 0.5, alternatives: [['溪', 0.4]] },
    });
    const kept = matchPlaceAfterLabel(doubtful, addressRegions(), 'prefix', options);
    expect(kept.trimmed).toBe(false);
  });
});
