import { describe, expect, it } from 'vitest';
import { backFieldsFromLines, frontFieldsFromLines } from './regex-fields.ts';

describe('the regular-expression field extraction of the RapidOCR peer', () => {
  it('takes what stands between one label and the next, labels boxed alone or with values', () => {
    const lines = [
      '姓名',
      '张三丰',
      '性别男民族汉',
      '出生1990年3月6日',
      '住址 陕西省西安市雁塔区',
      '丈八北路12号',
      '公民身份号码',
      '61011319900306123x',
    ];
    expect(frontFieldsFromLines(lines)).toEqual({
      name: '张三丰',
      sex: '男',
      ethnicity: '汉',
      birth: '1990-03-06',
      address: '陕西省西安市雁塔区丈八北路12号',
      number: '61011319900306123X',
    });
  });

  it('reads the authority and a dated or long-term validity period', () => {
    expect(
      backFieldsFromLines(['签发机关', '西安市公安局雁塔分局', '有效期限2015.08.26-2035.08.26']),
    ).toEqual({
      issue: '西安市公安局雁塔分局',
      valid_from: '2015-08-26',
      valid_to: '2035-08-26',
    });
    expect(backFieldsFromLines(['签发机关永顺县公安局', '有效期限 2010.01.02-长期']).valid_to).toBe(
      '长期',
    );
  });

  it('stops a value at the next label or digit, and finds an authority away from its label', () => {
    expect(frontFieldsFromLines(['民族汉性别女', '2002年9月1日']).ethnicity).toBe('汉');
    expect(backFieldsFromLines(['签发机关', '2010.04.10-2030.04.10', '乐昌市公安局']).issue).toBe(
      '乐昌市公安局',
    );
  });

  it('strips the card titles and never takes a label for a name', () => {
    expect(
      backFieldsFromLines(['中华人民共和国', '居民身份证', '签发机关乐昌市公安局']).issue,
    ).toBe('乐昌市公安局');
    expect(frontFieldsFromLines(['姓名', '民族汉', '龙丽昶']).name).toBe('');
  });

  it('leaves a field empty when its label was not read', () => {
    expect(frontFieldsFromLines(['张三丰', '性别男']).name).toBe('');
    expect(backFieldsFromLines(['2015.08.26']).valid_from).toBe('');
  });
});
