import { describe, expect, it } from 'vitest';
import { digitsWithinOne, fragmentsAgree, showsNoDigit } from './birth-fragments.ts';
import { readCardFields } from './read-card-fields.ts';
import { faceOf, frontLines, SAMPLE_FRONT, SAMPLE_TODAY } from './read-face-builder.ts';

function birthRead(printed: string, number = SAMPLE_FRONT.number) {
  const face = faceOf(frontLines({ ...SAMPLE_FRONT, birth: printed, number }));
  const reading = readCardFields(face, 'front', SAMPLE_TODAY);
  if (reading.side !== 'front') throw new Error('read as the emblem side');
  return reading.fields.birth;
}

describe('a birth row partly hidden under a stamp', () => {
  it('agrees with a date when every legible part matches it', () => {
    expect(fragmentsAgree('7日', '1983-06-07')).toBe(true);
    expect(fragmentsAgree('1972年116日', '1972-01-16')).toBe(true);
    expect(fragmentsAgree('1985年', '1985-08-23')).toBe(true);
    expect(fragmentsAgree('19721月16日', '1972-01-16')).toBe(true);
    expect(fragmentsAgree('2002', '2002-02-14')).toBe(true);
    // 年 under a seal's stroke, read as a 1.
    expect(fragmentsAgree('20041', '2004-03-06')).toBe(true);
  });

  it('disagrees when any legible part differs, or none is legible', () => {
    expect(fragmentsAgree('1985年8日', '1985-08-23')).toBe(false);
    expect(fragmentsAgree('1986年', '1985-08-23')).toBe(false);
    expect(fragmentsAgree('口', '1985-08-23')).toBe(false);
    expect(fragmentsAgree('2003', '2002-02-14')).toBe(false);
    expect(fragmentsAgree('20051', '2004-03-06')).toBe(false);
  });

  it("takes the valid number's date, shown to the clerk", () => {
    expect(birthRead('6日')).toMatchObject({ value: '1990-03-06', confidence: 0.5 });
    expect(birthRead('19901')).toMatchObject({ value: '1990-03-06', confidence: 0.5 });
  });

  it('takes the date of a number that fails its checks only as doubtful', () => {
    const read = birthRead('1990年', SAMPLE_FRONT.number.slice(0, 17));
    expect(read.value).toBe('1990-03-06');
    expect(read.confidence).toBeLessThanOrEqual(0.3);
  });

  it('keeps the row as read where a legible part disagrees with the number', () => {
    expect(birthRead('7日').value).toBe('7日');
  });
});

describe('a birth row read with a digit or a 年月日 lost, or a digit more', () => {
  it("is the date's digits, all of them or with exactly one lost or one put in", () => {
    expect(digitsWithinOne('2001年2月18日', '2001-12-18')).toBe(true);
    expect(digitsWithinOne('201年12月18日', '2001-12-18')).toBe(true);
    expect(digitsWithinOne('2001年2月8日', '2001-12-18')).toBe(false);
    expect(digitsWithinOne('2001年2月19日', '2001-12-19')).toBe(true);
    expect(digitsWithinOne('2001年3月18日', '2001-12-18')).toBe(false);
    expect(digitsWithinOne('2001年12月18日', '2001-12-18')).toBe(true);
    expect(digitsWithinOne('20016月21', '2001-06-21')).toBe(true);
    expect(digitsWithinOne('1990年14月12日', '1990-04-12')).toBe(true);
    expect(digitsWithinOne('19901年4月12日', '1990-04-12')).toBe(true);
    expect(digitsWithinOne('1990年14月13日', '1990-04-12')).toBe(false);
    expect(digitsWithinOne('1990年114月12日', '1990-04-12')).toBe(false);
  });

  it("takes the valid number's date, shown to the clerk", () => {
    const number = '11010520011218123X';
    expect(birthRead('2001年2月18日', number)).toMatchObject({
      value: '2001-12-18',
      confidence: 0.5,
    });
    expect(birthRead('200112月18', number)).toMatchObject({
      value: '2001-12-18',
      confidence: 0.5,
    });
    expect(birthRead('2001年12月118日', number)).toMatchObject({
      value: '2001-12-18',
      confidence: 0.5,
    });
  });
});

describe('a birth row with a mark read in its place', () => {
  it('shows no digit', () => {
    expect(showsNoDigit('公司办')).toBe(true);
    expect(showsNoDigit('年月日')).toBe(true);
    expect(showsNoDigit('7日')).toBe(false);
  });

  it("takes the valid number's date, shown to the clerk", () => {
    expect(birthRead('公司办')).toMatchObject({ value: '1990-03-06', confidence: 0.5 });
  });

  it('keeps the row as read, doubtful, when the number fails its checks', () => {
    const read = birthRead('公司办', SAMPLE_FRONT.number.slice(0, 17));
    expect(read.value).toBe('公司办');
    expect(read.confidence).toBeLessThanOrEqual(0.3);
  });
});
