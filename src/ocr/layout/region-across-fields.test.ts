import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../idcard/card-dates.ts';
import { codesOfAddressRegion } from '../../idcard/gazetteer.ts';
import type { FieldReading } from './card-reading.ts';
import { CONFIDENCE } from './confidence.ts';
import type { IdNumberReading } from './id-number-reading.ts';
import {
  addressWithNumbersRegion,
  issueOfFrontsRegion,
  numberWithAddressRegion,
} from './region-across-fields.ts';

const TODAY = '2026-11-30' as IsoDate;

function address(value: string, confidence = 0.99): FieldReading {
  return { value, confidence, box: null };
}

function number(value: string, valid = false): IdNumberReading {
  return { value, valid, changed: false, confidence: valid ? 0.99 : CONFIDENCE.failedCheck };
}

describe('addressWithNumbersRegion', () => {
  it("puts back the region's hidden start where the address begins with its last characters", () => {
    const filled = addressWithNumbersRegion(
      address('县白沙镇岭头村', 0.94),
      number('45032119580624031'),
    );
    expect(filled?.value).toBe('广西壮族自治区桂林市阳朔县白沙镇岭头村');
    expect(filled?.confidence).toBe(CONFIDENCE.derivedFromNumber);
  });

  it('keeps the longest part of the region the address holds', () => {
    const filled = addressWithNumbersRegion(
      address('永城市石楼镇'),
      number('411481197205164834', true),
    );
    expect(filled?.value).toBe('河南省商丘市永城市石楼镇');
  });

  it("puts back characters a seal hid of the region's county, its last character kept", () => {
    const filled = addressWithNumbersRegion(
      address('宁夏回族自治区固原市县香水镇白家村', 0.17),
      number('64042419660119027'),
    );
    expect(filled?.value).toBe('宁夏回族自治区固原市泾源县香水镇白家村');
    expect(filled?.confidence).toBe(0.17);
    // 县 alone after the city, or 源县, or 泾县: each is 泾源县 with a part hidden.
    for (const read of ['宁夏回族自治区固原市源县香水镇', '宁夏回族自治区固原市泾县香水镇']) {
      expect(addressWithNumbersRegion(address(read), number('64042419660119027'))?.value).toBe(
        '宁夏回族自治区固原市泾源县香水镇',
      );
    }
  });

  it("leaves an address that names another county of the number's city", () => {
    expect(
      addressWithNumbersRegion(
        address('宁夏回族自治区固原市原州区南关街道'),
        number('64042419660119027'),
      ),
    ).toBeNull();
  });

  it('leaves an address that holds only the ends of the region, as some cards print it', () => {
    expect(
      addressWithNumbersRegion(
        address('内蒙古自治区化德县新安镇三合村'),
        number('15092219831126073'),
      ),
    ).toBeNull();
  });

  it('leaves an address that begins with a listed region, even another than the number', () => {
    expect(
      addressWithNumbersRegion(
        address('北京市朝阳区建国路88号'),
        number('411481197205164834', true),
      ),
    ).toBeNull();
  });

  it("leaves an address that shares no end of the number's region, and a number too short", () => {
    expect(
      addressWithNumbersRegion(address('石楼镇东岗村'), number('411481197205164834')),
    ).toBeNull();
    expect(addressWithNumbersRegion(address('县白沙镇岭头村'), number('4503211958'))).toBeNull();
  });
});

describe('numberWithAddressRegion', () => {
  const birth = '1985-07-23' as IsoDate;

  it('puts the address region in front of a number read without it, as printed', () => {
    const whole = numberWithAddressRegion(
      number('9850723041'),
      address('江苏省徐州市鼓楼区丰泽镇丰泽二村'),
      birth,
      TODAY,
    );
    expect(codesOfAddressRegion('江苏省徐州市鼓楼区')).toEqual(['320302']);
    expect(whole).toMatchObject({ value: '32030219850723041', valid: false });
    expect(whole?.confidence).toBe(CONFIDENCE.failedCheck);
  });

  it('takes the 18-digit number its check character accepts, never vouched for', () => {
    const whole = numberWithAddressRegion(
      number('19790311106X'),
      address('河南省商丘市永城市石楼镇'),
      '1979-03-11' as IsoDate,
      TODAY,
    );
    // 411481 19790311 106 X passes GB 11643's check.
    expect(whole?.value).toBe('41148119790311106X');
    expect(whole?.valid).toBe(true);
    expect(whole?.confidence).toBe(CONFIDENCE.derivedFromNumber);
  });

  it('leaves a valid number, one whose digits do not end the birth date, and an unlisted region', () => {
    const region = address('江苏省徐州市鼓楼区丰泽镇');
    expect(numberWithAddressRegion(number('9850723041', true), region, birth, TODAY)).toBeNull();
    expect(numberWithAddressRegion(number('9860723041'), region, birth, TODAY)).toBeNull();
    expect(numberWithAddressRegion(number('041'), region, birth, TODAY)).toBeNull();
    const unlisted = address('丰泽镇丰泽二村');
    expect(numberWithAddressRegion(number('9850723041'), unlisted, birth, TODAY)).toBeNull();
  });

  it("takes region and date for a mark's characters among their legible digits, unvouched", () => {
    const shenzhen = address('广东省深圳市宝安区竹凤嘉园2幢2单元1777');
    const born = '2003-12-18' as IsoDate;
    // A usage line across the number: 4级借0办0 over 440306200.
    const whole = numberWithAddressRegion(number('4级借0办012180884'), shenzhen, born, TODAY);
    expect(whole).toMatchObject({ value: '440306200312180884', valid: true });
    expect(whole?.confidence).toBe(CONFIDENCE.derivedFromRegion);
    // The region legible before the mark, or digits out of the start's order, are left as read.
    expect(numberWithAddressRegion(number('440307借办12180884'), shenzhen, born, TODAY)).toBeNull();
    expect(numberWithAddressRegion(number('9级借8办712180884'), shenzhen, born, TODAY)).toBeNull();
  });

  it('takes region and date for a digit or two of them misread in a whole number, unvouched', () => {
    const jinan = address('山东省济南市历下区柳夏大道253号');
    const born = '1975-02-20' as IsoDate;
    expect(codesOfAddressRegion('山东省济南市历下区')).toEqual(['370102']);
    const whole = numberWithAddressRegion(number('370162197502203988'), jinan, born, TODAY);
    expect(whole).toMatchObject({ value: '370102197502203988', valid: true });
    expect(whole?.confidence).toBe(CONFIDENCE.derivedFromRegion);
    // Three digits apart is another region.
    expect(numberWithAddressRegion(number('379962197502203988'), jinan, born, TODAY)).toBeNull();
  });

  it("leaves a number whose address names a development zone: no number carries a zone's code", () => {
    const zone = address('吉林省长春市长春净月高新技术产业开发区玉潭镇东湖村');
    expect(numberWithAddressRegion(number('9850723041'), zone, birth, TODAY)).toBeNull();
  });
});

describe('issueOfFrontsRegion', () => {
  const front = {
    address: address('广西壮族自治区桂林市阳朔县白沙镇岭头村'),
    number: address('45032119580624031', CONFIDENCE.failedCheck),
  };

  function issue(value: string, hiddenBefore?: { min: number; max: number }): FieldReading {
    return { value, confidence: 0.85, box: null, ...(hiddenBefore ? { hiddenBefore } : {}) };
  }

  it("chooses the region's bureau by the characters the space before the value holds", () => {
    expect(issueOfFrontsRegion(issue('县公安局', { min: 4, max: 6 }), front)?.value).toBe(
      '桂林市阳朔县公安局',
    );
    expect(issueOfFrontsRegion(issue('县公安局', { min: 1, max: 3 }), front)?.value).toBe(
      '阳朔县公安局',
    );
  });

  it('leaves an authority when nothing was hidden, neither name fits or the region is unknown', () => {
    expect(issueOfFrontsRegion(issue('县公安局'), front)).toBeNull();
    expect(issueOfFrontsRegion(issue('县公安局', { min: 3, max: 4 }), front)).toBeNull();
    const nowhere = { address: address('白沙镇岭头村'), number: address('9850723041') };
    expect(issueOfFrontsRegion(issue('县公安局', { min: 4, max: 6 }), nowhere)).toBeNull();
  });

  it("takes the number's region where the address names a development zone", () => {
    const inZone = {
      address: address('吉林省长春市长春净月高新技术产业开发区玉潭镇东湖村'),
      number: address('220112198803150021', 0.99),
    };
    expect(issueOfFrontsRegion(issue('阳分局', { min: 6, max: 8 }), inZone)?.value).toBe(
      '长春市公安局双阳分局',
    );
  });
});
