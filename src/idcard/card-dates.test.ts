import { describe, expect, it } from 'vitest';
import {
  ageOn,
  anniversaries,
  formatPrintedBirth,
  formatPrintedDate,
  isIsoDate,
  isLeapYear,
  isoDateFromParts,
  isoDateOf,
  isoDateParts,
  parseCardDate,
} from './card-dates.ts';

describe('parseCardDate', () => {
  it.each([
    ['1990 年 3 月 6 日', '1990-03-06'],
    ['1990年3月6日', '1990-03-06'],
    ['1990年03月06日', '1990-03-06'],
    ['  1990 年 12 月 31 日 ', '1990-12-31'],
    ['2015.03.06', '2015-03-06'],
    ['2015.3.6', '2015-03-06'],
    ['1990-03-06', '1990-03-06'],
    ['2000-02-29', '2000-02-29'],
    ['2024.02.29', '2024-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseCardDate(text)).toBe(iso);
  });

  it.each([
    ['29 February of a common year', '2023-02-29'],
    ['29 February of 1900 (divisible by 100, not by 400)', '1900年2月29日'],
    ['31 April', '2015.04.31'],
    ['month 13', '1990-13-01'],
    ['day 0', '1990-03-00'],
    ['a two-digit year', '90-03-06'],
    ['mixed separators', '1990.03-06'],
    ['a missing 日', '1990年3月6'],
    ['text around the date', '出生 1990年3月6日'],
    ['nothing', ''],
  ])('rejects %s', (_label, text) => {
    expect(parseCardDate(text)).toBeNull();
  });
});

describe('leap years', () => {
  it.each([
    [2000, true],
    [2024, true],
    [1900, false],
    [2023, false],
    [2100, false],
  ])('%i is leap: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it('builds only real days', () => {
    expect(isoDateFromParts(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDateFromParts(2100, 2, 29)).toBeNull();
    expect(isoDateFromParts(2021, 6, 31)).toBeNull();
    expect(isoDateFromParts(2021, 7, 31)).toBe('2021-07-31');
  });
});

describe('formatting', () => {
  it('prints the birth date as the portrait side does, unpadded and spaced', () => {
    expect(formatPrintedBirth('1990-03-06')).toBe('1990 年 3 月 6 日');
    expect(formatPrintedBirth('2001-11-23')).toBe('2001 年 11 月 23 日');
  });

  it('prints validity dates as the emblem side does, padded and dotted', () => {
    expect(formatPrintedDate('2015-03-06')).toBe('2015.03.06');
  });

  it('round-trips both printed forms', () => {
    for (const iso of ['1949-12-31', '2008-02-29', '1900-01-01']) {
      expect(parseCardDate(formatPrintedBirth(iso))).toBe(iso);
      expect(parseCardDate(formatPrintedDate(iso))).toBe(iso);
    }
  });

  it('refuses to format something that is not an ISO date', () => {
    expect(() => formatPrintedDate('2023-02-29')).toThrow(RangeError);
    expect(() => formatPrintedBirth('1990.03.06')).toThrow(RangeError);
  });

  it('tells ISO dates from other text', () => {
    expect(isIsoDate('1990-03-06')).toBe(true);
    expect(isIsoDate('1990-3-6')).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('长期')).toBe(false);
  });

  it('takes the local calendar day of a Date', () => {
    expect(isoDateOf(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29');
    expect(() => isoDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('splits an ISO date into numbers', () => {
    expect(isoDateParts('2015-03-06')).toEqual({ year: 2015, month: 3, day: 6 });
  });
});

describe('ageOn', () => {
  it('turns a year older on the birthday itself, not the day before', () => {
    expect(ageOn('2000-03-06', '2016-03-05')).toBe(15);
    expect(ageOn('2000-03-06', '2016-03-06')).toBe(16);
  });

  it('counts a 29 February birthday as reached on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
  });

  it('is negative before birth', () => {
    expect(ageOn('2000-03-06', '2000-03-05')).toBe(-1);
  });
});

describe('anniversaries', () => {
  it('keeps month and day', () => {
    expect(anniversaries('2015-03-06', 10)).toEqual(['2025-03-06']);
    expect(anniversaries('2008-02-29', 20)).toEqual(['2028-02-29']);
  });

  it('offers both neighbours of a missing 29 February', () => {
    expect(anniversaries('2008-02-29', 10)).toEqual(['2018-02-28', '2018-03-01']);
  });
});
