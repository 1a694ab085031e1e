import { describe, expect, it } from 'vitest';
import type { DecodedLine } from './ctc-decode.ts';
import {
  FIRST_READING_MIN_PROB,
  settledByFirstReading,
  standsWithoutRecogniser,
} from './first-reading.ts';

/** A line read with every character at `prob`. */
function read(text: string, prob = 0.99): DecodedLine {
  return {
    text,
    score: prob,
    chars: [...text].map((char) => ({ char, prob, alternatives: [] })),
  };
}

describe('settledByFirstReading', () => {
  it.each([
    '中华人民共和国',
    '居民身份证',
    '公民身份号码',
    '签发机关',
    '性别男民族汉',
    '性别女',
    '民族维吾尔',
    '出生1990年1月7日',
    '1990年11月17日',
    '公民身份号码11010519491231002X',
    '350121198003042809',
    '有效期限2015.03.04-2025.03.04',
    '2015-03-04—长期',
    '中华人民共和',
    '民身份证',
  ])('settles the closed form %s read surely', (text) => {
    expect(settledByFirstReading(read(text))).toBe(true);
  });

  it.each([
    ['a name', '姓名张三'],
    ['a bare name', '华民'],
    ['an address', '住址北京市东城区景山前街4号'],
    ['an issuing authority', '签发机关北京市公安局东城分局'],
    ['a number one digit short', '35012119800304280'],
    ['an ethnicity the card never prints', '民族汉人'],
    ['a mark over the card', '复印无效'],
    ['two characters of a title', '人民'],
    ['nothing', ''],
  ])('leaves %s to the large recogniser', (_, text) => {
    expect(settledByFirstReading(read(text))).toBe(false);
  });

  it('leaves a closed form with one unsure character to the large recogniser', () => {
    const line = read('出生1990年1月7日');
    line.chars[3] = { char: '9', prob: FIRST_READING_MIN_PROB - 0.01, alternatives: [] };
    expect(settledByFirstReading(line)).toBe(false);
  });

  it('settles a period whose dash alone is unsure, but not one with an unsure digit', () => {
    const dash = read('有效期限2015.03.04-2025.03.04');
    dash.chars[14] = { char: '-', prob: 0.5, alternatives: [] };
    expect(settledByFirstReading(dash)).toBe(true);
    const digit = read('有效期限2015.03.04-2025.03.04');
    digit.chars[15] = { char: '2', prob: 0.5, alternatives: [] };
    expect(settledByFirstReading(digit)).toBe(false);
  });

  it('ignores spaces and how sure the reader is of them', () => {
    const line = read('民族 汉');
    line.chars[2] = { char: ' ', prob: 0.5, alternatives: [] };
    expect(settledByFirstReading(line)).toBe(true);
  });
});

describe('standsWithoutRecogniser', () => {
  it.each([
    '仅限本次使用',
    '复印无效',
    '样证',
    '已核验',
    '此复印件仅供办理贷款使用',
    '仅供中国银行开户使用，他用无效',
  ])('lets the mark’s wording %s stand alone, read surely', (text) => {
    expect(standsWithoutRecogniser(read(text))).toBe(true);
  });

  it.each([
    ['a name after a stamp', '样证张三'],
    ['an address under a usage line', '仅供办理北京市东城区景山前街4号'],
    ['a usage line’s middle', '办理贷款使用'],
    ['a stamp with a value’s digits', '复印无效1990'],
  ])('sends %s to the recogniser', (_, text) => {
    expect(standsWithoutRecogniser(read(text))).toBe(false);
  });

  it('sends a mark read unsurely to the recogniser, and keeps the closed forms', () => {
    expect(standsWithoutRecogniser(read('仅限本次使用', FIRST_READING_MIN_PROB - 0.01))).toBe(
      false,
    );
    expect(standsWithoutRecogniser(read('性别男民族汉'))).toBe(true);
  });
});
