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
      address('县香水镇白家村', 0.94),
      number('64042419660119027'),
    );
    expect(filled?.value).toBe('宁夏回族自治区固原市泾源县香水镇白家村');
    expect(filled?.confidence).toBe(CONFIDENCE.derivedFromNumber);
  });

  it('keeps the longest part of the region the address holds', () => {
    const filled = addressWithNumbersRegion(
      address('临清市松林镇'),
      number('371581196704077127', true),
    );
    expect(filled?.value).toBe('山东省聊城市临清市松林镇');
  });

  it('leaves an address that holds only the ends of the region, as some cards print it', () => {
    expect(
      addressWithNumbersRegion(address('黑龙江省依安县新兴镇仁义村'), number('23022319900819620')),
    ).toBeNull();
  });

  it('leaves an address that begins with a listed region, even another than the number', () => {
    expect(
      addressWithNumbersRegion(
        address('北京市朝阳区建国路88号'),
        number('371581196704077127', true),
      ),
    ).toBeNull();
  });

  it("leaves an address that shares no end of the number's region, and a number too short", () => {
    expect(
      addressWithNumbersRegion(address('松林镇马张村'), number('371581196704077127')),
    ).toBeNull();
    expect(addressWithNumbersRegion(address('县香水镇白家村'), number('6404241966'))).toBeNull();
  });
});

describe('numberWithAddressRegion', () => {
  const birth = '1997-10-02' as IsoDate;

  it('puts the address region in front of a number read without it, as printed', () => {
    const whole = numberWithAddressRegion(
      number('9971002060'),
      address('河北省秦皇岛市海港区海阳镇海阳二村'),
      birth,
      TODAY,
    );
    expect(codesOfAddressRegion('河北省秦皇岛市海港区')).toEqual(['130302']);
    expect(whole).toMatchObject({ value: '13030219971002060', valid: false });
    expect(whole?.confidence).toBe(CONFIDENCE.failedCheck);
  });

  it('takes the 18-digit number its check character accepts, never vouched for', () => {
    const whole = numberWithAddressRegion(
      number('19671002067X'),
      address('山东省聊城市临清市松林镇'),
      '1967-10-02' as IsoDate,
      TODAY,
    );
    // 371581 19671002 067 X passes GB 11643's check.
    expect(whole?.value).toBe('37158119671002067X');
    expect(whole?.valid).toBe(true);
    expect(whole?.confidence).toBe(CONFIDENCE.derivedFromNumber);
  });

  it('leaves a valid number, one whose digits do not end the birth date, and an unlisted region', () => {
    const region = address('河北省秦皇岛市海港区海阳镇');
    expect(numberWithAddressRegion(number('9971002060', true), region, birth, TODAY)).toBeNull();
    expect(numberWithAddressRegion(number('9981002060'), region, birth, TODAY)).toBeNull();
    expect(numberWithAddressRegion(number('060'), region, birth, TODAY)).toBeNull();
    const unlisted = address('海阳镇海阳二村');
    expect(numberWithAddressRegion(number('9971002060'), unlisted, birth, TODAY)).toBeNull();
  });

  it("leaves a number whose address names a development zone: no number carries a zone's code", () => {
    const zone = address('吉林省长春市长春净月高新技术产业开发区玉潭镇东湖村');
    expect(numberWithAddressRegion(number('9971002060'), zone, birth, TODAY)).toBeNull();
  });
});

describe('issueOfFrontsRegion', () => {
  const front = {
    address: address('宁夏回族自治区固原市泾源县香水镇白家村'),
    number: address('64042419660119027', CONFIDENCE.failedCheck),
  };

  function issue(value: string, hiddenBefore?: { min: number; max: number }): FieldReading {
    return { value, confidence: 0.85, box: null, ...(hiddenBefore ? { hiddenBefore } : {}) };
  }

  it("chooses the region's bureau by the characters the space before the value holds", () => {
    expect(issueOfFrontsRegion(issue('县公安局', { min: 4, max: 6 }), front)?.value).toBe(
      '固原市泾源县公安局',
    );
    expect(issueOfFrontsRegion(issue('县公安局', { min: 1, max: 3 }), front)?.value).toBe(
      '泾源县公安局',
    );
  });

  it('leaves an authority when nothing was hidden, neither name fits or the region is unknown', () => {
    expect(issueOfFrontsRegion(issue('县公安局'), front)).toBeNull();
    expect(issueOfFrontsRegion(issue('县公安局', { min: 3, max: 4 }), front)).toBeNull();
    const nowhere = { address: address('香水镇白家村'), number: address('9971002060') };
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
