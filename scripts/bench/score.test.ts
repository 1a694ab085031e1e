import { describe, expect, it } from 'vitest';
import type { GroundTruthImage } from '../card-set/ground-truth.ts';
import { scoreImage } from './score.ts';

const FRONT = {
  name: '欧阳翀',
  sex: '男',
  ethnicity: '汉',
  birth: '1990-03-06',
  address: '浙江省杭州市西湖区留下街道杨家牌楼村12号',
  number: '33010619900306451X',
};
const BACK = { issue: '杭州市公安局西湖分局', valid_from: '2015-03-06', valid_to: '2035-03-06' };

function truth(side: GroundTruthImage['side'], expected: GroundTruthImage['expected']) {
  return {
    file: 'card.jpg',
    side,
    format: 'jpeg',
    width: 100,
    height: 60,
    bytes: 1,
    condition: { name: 'flat-scan', params: {} },
    expected,
    cards: [],
  } satisfies GroundTruthImage;
}

describe('scoreImage', () => {
  it('compares values after the API normalisation', () => {
    const score = scoreImage(
      truth('front', FRONT),
      {
        ok: true,
        result: {
          ...FRONT,
          birth: '1990 年 3 月 6 日',
          ethnicity: '汉族',
          number: '33010619900306451x',
          address: '浙江省杭州市西湖区留下\n街道杨家牌楼村12号',
        },
      },
      12,
    );
    expect(score.fields.every((field) => field.correct)).toBe(true);
    expect(score.allCorrect).toBe(true);
  });

  it('counts a wrong value as unflagged only when it looks sure', () => {
    const score = scoreImage(
      truth('front', FRONT),
      {
        ok: true,
        result: {
          ...FRONT,
          name: '欧阳',
          address: '浙江省杭州市西湖区',
          sex: '',
          confidence: { name: 0.99, address: 0.5, sex: 0.99 },
        },
      },
      12,
    );
    const byField = Object.fromEntries(score.fields.map((field) => [field.field, field]));
    expect(byField.name?.unflagged).toBe(true);
    expect(byField.address?.unflagged).toBe(false);
    // An empty value is visibly missing, not vouched for.
    expect(byField.sex?.unflagged).toBe(false);
    expect(score.allCorrect).toBe(false);
  });

  it('counts a wrong number that passes the check character as unflagged at any confidence', () => {
    const answer = (validNumber: boolean) => ({
      ok: true as const,
      result: {
        ...FRONT,
        number: '330106199003064516',
        confidence: { number: 0.3 },
        verification_result: {
          valid_number: validNumber,
          valid_birth: true,
          valid_sex: true,
          valid_date: false,
          valid_validity_period: false,
        },
      },
    });
    const number = (validNumber: boolean) =>
      scoreImage(truth('front', FRONT), answer(validNumber), 1).fields.find(
        (field) => field.field === 'number',
      );
    expect(number(true)?.unflagged).toBe(true);
    expect(number(false)?.unflagged).toBe(false);
  });

  it('treats a value without any confidence (Huawei Cloud) as unmarked', () => {
    const score = scoreImage(
      truth('back', BACK),
      { ok: true, result: { ...BACK, issue: '杭州市公安局' } },
      1,
    );
    expect(score.fields.find((field) => field.field === 'issue')?.unflagged).toBe(true);
  });

  it('scores an error answer as every field missing', () => {
    const score = scoreImage(
      truth('back', BACK),
      { ok: false, error: { error_code: 'AIS.0104', error_msg: 'no card' } },
      5,
    );
    expect(score.error).toBe('AIS.0104: no card');
    expect(score.fields.map((field) => [field.got, field.correct, field.unflagged])).toEqual([
      [null, false, false],
      [null, false, false],
      [null, false, false],
    ]);
  });

  it('scores the wrong face as missing fields', () => {
    const score = scoreImage(truth('front', FRONT), { ok: true, result: BACK }, 1);
    expect(score.fields).toHaveLength(6);
    expect(score.fields.every((field) => field.got === null)).toBe(true);
  });

  it('leaves a field unscored when the truth does not know it (null)', () => {
    const score = scoreImage(
      truth('front', { ...FRONT, name: null, sex: null }),
      { ok: true, result: { ...FRONT, name: '欧阳', sex: '' } },
      1,
    );
    expect(score.fields.map((field) => field.field)).toEqual([
      'ethnicity',
      'birth',
      'address',
      'number',
    ]);
    expect(score.allCorrect).toBe(true);
  });

  it('scores a 17-digit printed number as printed, and never as vouched for', () => {
    const printed = '33010619900306451';
    const number = (confidence: number) =>
      scoreImage(
        truth('front', { ...FRONT, number: printed }),
        { ok: true, result: { ...FRONT, number: printed, confidence: { number: confidence } } },
        1,
      ).fields.find((field) => field.field === 'number');
    expect(number(0.5)).toMatchObject({ correct: true, unflagged: false });
    expect(number(0.95)).toMatchObject({ correct: true, unflagged: true });
  });

  it('scores both faces of a double-side image', () => {
    const score = scoreImage(
      truth('double_side', { front: FRONT, back: BACK }),
      { ok: true, result: { front: FRONT, back: { ...BACK, valid_to: '长期' } } },
      30,
    );
    expect(score.faces).toBe(2);
    expect(score.fields).toHaveLength(9);
    expect(score.fields.filter((field) => !field.correct).map((field) => field.field)).toEqual([
      'valid_to',
    ]);
  });
});
