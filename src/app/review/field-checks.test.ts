import { describe, expect, it } from 'vitest';
import { BACK_FIELDS, FRONT_FIELDS } from '../../idcard/api-contract.ts';
import { checkFields } from './field-checks.ts';

const TODAY = '2026-06-01';
const ALL = [...FRONT_FIELDS, ...BACK_FIELDS];
// 11010519491231002X is the specimen number published with GB 11643-1999.
const specimen = {
  name: '某人',
  sex: '女',
  ethnicity: '汉',
  birth: '1949-12-31',
  address: '北京市朝阳区',
  number: '11010519491231002X',
};

describe('checkFields', () => {
  it('raises nothing for a consistent portrait side', () => {
    expect(checkFields(specimen, FRONT_FIELDS, TODAY)).toEqual({});
  });

  it('names the expected check character when it does not match', () => {
    const notes = checkFields({ ...specimen, number: '110105194912310021' }, FRONT_FIELDS, TODAY);
    expect(notes.number?.[0]).toEqual({ level: 'problem', message: expect.stringContaining('X') });
  });

  it('flags a birth date that differs from the number', () => {
    const notes = checkFields({ ...specimen, birth: '1949-12-30' }, FRONT_FIELDS, TODAY);
    expect(notes.birth?.[0]?.message).toBe('与公民身份号码中的出生日期 1949-12-31 不符');
  });

  it('flags a sex that differs from the 17th digit', () => {
    const notes = checkFields({ ...specimen, sex: '男' }, FRONT_FIELDS, TODAY);
    expect(notes.sex?.[0]?.message).toContain('按号码应为女');
  });

  it('asks for a field that was not read', () => {
    const notes = checkFields({ ...specimen, name: '' }, FRONT_FIELDS, TODAY);
    expect(notes.name?.[0]?.level).toBe('warning');
  });

  it('flags a value that is not a printed ethnic group', () => {
    const notes = checkFields({ ...specimen, ethnicity: '汊' }, FRONT_FIELDS, TODAY);
    expect(notes.ethnicity?.[0]?.level).toBe('problem');
  });

  it('flags an expired card', () => {
    const notes = checkFields(
      { ...specimen, issue: '某局', valid_from: '2006-01-01', valid_to: '2026-01-01' },
      ALL,
      TODAY,
    );
    expect(notes.valid_to?.map((note) => note.message)).toContain('证件已于 2026-01-01 过期');
  });

  it('flags a period that does not fit the age at issue', () => {
    // Born 1949, 56 at issue in 2006: the card should be long-term, not 20 years.
    const notes = checkFields(
      { ...specimen, issue: '某局', valid_from: '2006-01-01', valid_to: '2026-01-01' },
      ALL,
      '2020-01-01',
    );
    expect(notes.valid_to?.[0]?.message).toBe('与持证人年龄不符：签发时应为长期有效');
  });

  it('accepts a long-term card issued after 46', () => {
    const notes = checkFields(
      { ...specimen, issue: '某局', valid_from: '2006-01-01', valid_to: '长期' },
      ALL,
      TODAY,
    );
    expect(notes).toEqual({});
  });

  it('raises nothing for fields of a face that is not on the desk', () => {
    expect(checkFields({}, [], TODAY)).toEqual({});
  });
});
