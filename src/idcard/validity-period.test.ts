import { describe, expect, it } from 'vitest';
import {
  fitsValidityRule,
  formatValidityPeriod,
  isExpired,
  isWithinPeriod,
  LONG_TERM,
  parseValidityPeriod,
  parseValidTo,
  validityLengthOf,
  validityYearsForAge,
} from './validity-period.ts';

describe('parseValidityPeriod', () => {
  it.each([
    ['2015.03.06-2025.03.06', { from: '2015-03-06', to: '2025-03-06' }],
    ['2015.03.06-长期', { from: '2015-03-06', to: LONG_TERM }],
    ['2015.03.06 - 2035.03.06', { from: '2015-03-06', to: '2035-03-06' }],
    ['2015.03.06—2020.03.06', { from: '2015-03-06', to: '2020-03-06' }],
    ['2015.03.06－长期', { from: '2015-03-06', to: LONG_TERM }],
    ['2008.02.29-2018.03.01', { from: '2008-02-29', to: '2018-03-01' }],
  ])('reads %j', (text, period) => {
    expect(parseValidityPeriod(text)).toEqual(period);
  });

  it.each([
    ['an impossible start', '2023.02.29-2033.02.28'],
    ['an impossible end', '2013.04.30-2023.04.31'],
    ['an end before the start', '2025.03.06-2015.03.06'],
    ['a missing end', '2015.03.06-'],
    ['ISO dates, which the card never prints', '2015-03-06-2025-03-06'],
    ['another word for long-term', '2015.03.06-永久'],
  ])('rejects %s', (_label, text) => {
    expect(parseValidityPeriod(text)).toBeNull();
  });
});

describe('formatValidityPeriod', () => {
  it('prints both kinds of period', () => {
    expect(formatValidityPeriod('2015-03-06', '2025-03-06')).toBe('2015.03.06-2025.03.06');
    expect(formatValidityPeriod('2015-03-06', LONG_TERM)).toBe('2015.03.06-长期');
  });

  it('round-trips', () => {
    const printed = '2008.02.29-2018.02.28';
    const period = parseValidityPeriod(printed);
    expect(period && formatValidityPeriod(period.from, period.to)).toBe(printed);
  });
});

describe('parseValidTo', () => {
  it('reads the API form, the printed form and 长期', () => {
    expect(parseValidTo('2025-03-06')).toBe('2025-03-06');
    expect(parseValidTo('2025.03.06')).toBe('2025-03-06');
    expect(parseValidTo(' 长期 ')).toBe(LONG_TERM);
    expect(parseValidTo('长')).toBeNull();
  });
});

describe('validityYearsForAge', () => {
  // Born 2000-03-06: the 16th birthday is 2016-03-06, the 26th 2026-03-06, the 46th 2046-03-06.
  const birth = '2000-03-06';

  it.each([
    ['a baby', '2000-05-01', 5],
    ['the day before the 16th birthday', '2016-03-05', 5],
    ['the 16th birthday', '2016-03-06', 10],
    ['25, the day before the 26th birthday', '2026-03-05', 10],
    ['the 26th birthday', '2026-03-06', 20],
    ['45, the day before the 46th birthday', '2046-03-05', 20],
    ['the 46th birthday', '2046-03-06', LONG_TERM],
    ['an old age', '2080-01-01', LONG_TERM],
  ])('gives %s %s', (_label, issued, length) => {
    expect(validityYearsForAge(birth, issued)).toBe(length);
  });

  it('counts a 29 February birthday as reached on 1 March in common years', () => {
    expect(validityYearsForAge('2004-02-29', '2020-02-28')).toBe(5);
    expect(validityYearsForAge('2004-02-29', '2020-02-29')).toBe(10);
    expect(validityYearsForAge('2005-02-28', '2021-02-28')).toBe(10);
    expect(validityYearsForAge('2004-02-29', '2019-03-01')).toBe(5);
    expect(validityYearsForAge('2003-02-28', '2019-02-28')).toBe(10);
  });

  it('has no length for an issue before birth', () => {
    expect(validityYearsForAge(birth, '1999-12-31')).toBeNull();
  });
});

describe('validityLengthOf', () => {
  it.each([
    ['2015-03-06', '2020-03-06', 5],
    ['2015-03-06', '2025-03-06', 10],
    ['2015-03-06', '2035-03-06', 20],
    ['2015-03-06', LONG_TERM, LONG_TERM],
  ])('%s to %s is %s', (from, to, length) => {
    expect(validityLengthOf(from, to)).toBe(length);
  });

  it.each([
    ['15 years', '2015-03-06', '2030-03-06'],
    ['a day short', '2015-03-06', '2025-03-05'],
    ['a day over', '2015-03-06', '2025-03-07'],
    ['a start that is no ISO date', '2015.03.06', '2025-03-06'],
  ])('has no lawful length for %s', (_label, from, to) => {
    expect(validityLengthOf(from, to)).toBeNull();
  });

  it('accepts 28 February and 1 March as the end of a period from 29 February', () => {
    expect(validityLengthOf('2008-02-29', '2018-02-28')).toBe(10);
    expect(validityLengthOf('2008-02-29', '2018-03-01')).toBe(10);
    expect(validityLengthOf('2008-02-29', '2018-03-02')).toBeNull();
    // In a leap year the same day exists, so it alone is right.
    expect(validityLengthOf('2008-02-29', '2028-02-29')).toBe(20);
    expect(validityLengthOf('2008-02-29', '2028-02-28')).toBeNull();
  });
});

describe('fitsValidityRule', () => {
  it('takes any lawful length without a birth date', () => {
    expect(fitsValidityRule(null, '2015-03-06', '2020-03-06')).toBe(true);
    expect(fitsValidityRule(null, '2015-03-06', LONG_TERM)).toBe(true);
    expect(fitsValidityRule(null, '2015-03-06', '2030-03-06')).toBe(false);
  });

  it('wants the length for the age at issue with a birth date', () => {
    const birth = '1990-03-06';
    expect(fitsValidityRule(birth, '2005-03-05', '2010-03-05')).toBe(true);
    expect(fitsValidityRule(birth, '2006-03-06', '2016-03-06')).toBe(true);
    expect(fitsValidityRule(birth, '2016-03-06', '2036-03-06')).toBe(true);
    expect(fitsValidityRule(birth, '2036-03-06', LONG_TERM)).toBe(true);
  });

  it('rejects a lawful length that does not fit the age', () => {
    const birth = '1990-03-06';
    expect(fitsValidityRule(birth, '2016-03-06', '2026-03-06')).toBe(false);
    expect(fitsValidityRule(birth, '2015-03-06', LONG_TERM)).toBe(false);
    expect(fitsValidityRule(birth, '2036-03-05', LONG_TERM)).toBe(false);
  });

  it('rejects a card issued before birth and a birth that is no date', () => {
    expect(fitsValidityRule('2010-01-01', '2005-01-01', '2010-01-01')).toBe(false);
    expect(fitsValidityRule('1990年3月6日', '2015-03-06', '2035-03-06')).toBe(false);
  });
});

describe('expiry', () => {
  it('is valid through the end date itself', () => {
    expect(isExpired('2025-03-06', '2025-03-05')).toBe(false);
    expect(isExpired('2025-03-06', '2025-03-06')).toBe(false);
    expect(isExpired('2025-03-06', '2025-03-07')).toBe(true);
  });

  it('never expires a long-term card', () => {
    expect(isExpired(LONG_TERM, '2099-12-31')).toBe(false);
  });

  it('is within the period from the first day to the last', () => {
    const period = { from: '2015-03-06', to: '2025-03-06' };
    expect(isWithinPeriod(period, '2015-03-05')).toBe(false);
    expect(isWithinPeriod(period, '2015-03-06')).toBe(true);
    expect(isWithinPeriod(period, '2025-03-06')).toBe(true);
    expect(isWithinPeriod(period, '2025-03-07')).toBe(false);
  });
});
