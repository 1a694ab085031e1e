import { describe, expect, it } from 'vitest';
import { normalizeBackFields, normalizeField, normalizeFrontFields } from './card-fields.ts';

describe('normalizeField', () => {
  it('joins the address lines without spaces or line breaks', () => {
    expect(normalizeField('address', '北京市东城区景山前街\n4 号 院')).toBe(
      '北京市东城区景山前街4号院',
    );
  });

  it('uppercases the check character and drops spaces in the number', () => {
    expect(normalizeField('number', '110105 19491231 002x')).toBe('11010519491231002X');
  });

  it('puts dates in YYYY-MM-DD', () => {
    expect(normalizeField('birth', '1990 年 3 月 6 日')).toBe('1990-03-06');
    expect(normalizeField('valid_from', '2015.03.06')).toBe('2015-03-06');
    expect(normalizeField('valid_to', '2025.03.06')).toBe('2025-03-06');
    expect(normalizeField('valid_to', '2025-03-06')).toBe('2025-03-06');
  });

  it('keeps 长期', () => {
    expect(normalizeField('valid_to', ' 长期 ')).toBe('长期');
  });

  it('keeps a date that does not exist as text, never a guessed date', () => {
    expect(normalizeField('birth', '2023 年 2 月 29 日')).toBe('2023年2月29日');
    expect(normalizeField('valid_to', '2025.13.06')).toBe('2025.13.06');
  });

  it('drops 族 from the ethnicity', () => {
    expect(normalizeField('ethnicity', '汉族')).toBe('汉');
    expect(normalizeField('ethnicity', '维吾尔')).toBe('维吾尔');
  });

  it('uses one middle dot in names', () => {
    expect(normalizeField('name', '买买提 • 艾力')).toBe('买买提·艾力');
    expect(normalizeField('name', '买买提・艾力')).toBe('买买提·艾力');
    expect(normalizeField('name', '张 三')).toBe('张三');
  });

  it('strips spaces from sex and the issuing authority', () => {
    expect(normalizeField('sex', ' 男 ')).toBe('男');
    expect(normalizeField('issue', '北京市公安局 东城分局')).toBe('北京市公安局东城分局');
  });
});

describe('whole faces', () => {
  it('normalises every field of the portrait side', () => {
    expect(
      normalizeFrontFields({
        name: '张 三',
        sex: '女',
        ethnicity: '汉族',
        birth: '1949年12月31日',
        address: '北京市朝阳区\n建国路 1 号',
        number: '11010519491231002x',
      }),
    ).toEqual({
      name: '张三',
      sex: '女',
      ethnicity: '汉',
      birth: '1949-12-31',
      address: '北京市朝阳区建国路1号',
      number: '11010519491231002X',
    });
  });

  it('normalises every field of the emblem side', () => {
    expect(
      normalizeBackFields({
        issue: '北京市公安局 朝阳分局',
        valid_from: '2010.05.06',
        valid_to: '长期',
      }),
    ).toEqual({ issue: '北京市公安局朝阳分局', valid_from: '2010-05-06', valid_to: '长期' });
  });
});
