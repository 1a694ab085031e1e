import { describe, expect, it } from 'vitest';
import type { BackFields, FrontFields } from './card-fields.ts';
import { computeCheckCharacter } from './id-number.ts';
import { verify } from './verify.ts';

const TODAY = '2025-06-15';

// A woman born 1990-03-06 in 广州市天河区.
const FIRST_17 = '44010619900306002';
const NUMBER = withCheck(FIRST_17);

const FRONT: FrontFields = {
  name: '李晓梅',
  sex: '女',
  ethnicity: '汉',
  birth: '1990-03-06',
  address: '广东省广州市天河区天河路100号',
  number: NUMBER,
};

// Issued at 26: a 20-year card.
const BACK: BackFields = {
  issue: '广州市公安局天河分局',
  valid_from: '2016-03-06',
  valid_to: '2036-03-06',
};

const ALL_TRUE = {
  valid_number: true,
  valid_birth: true,
  valid_sex: true,
  valid_date: true,
  valid_validity_period: true,
};

describe('verify with both sides', () => {
  it('passes a consistent card', () => {
    expect(verify(FRONT, BACK, TODAY)).toEqual(ALL_TRUE);
  });

  it('reads printed forms as well as API forms', () => {
    const front = {
      ...FRONT,
      birth: '1990 年 3 月 6 日',
      number: `${FIRST_17.slice(0, 6)} ${NUMBER.slice(6)}`,
    };
    const back = { ...BACK, valid_from: '2016.03.06', valid_to: '2036.03.06' };
    expect(verify(front, back, TODAY)).toEqual(ALL_TRUE);
  });

  it('flags a wrong check character and nothing else', () => {
    const wrong = FIRST_17 + (NUMBER.endsWith('0') ? '1' : '0');
    expect(verify({ ...FRONT, number: wrong }, BACK, TODAY)).toEqual({
      ...ALL_TRUE,
      valid_number: false,
    });
  });

  it('flags a birth date that differs from the number', () => {
    expect(verify({ ...FRONT, birth: '1990-03-07' }, BACK, TODAY).valid_birth).toBe(false);
  });

  it('flags a birth date that is in the future or does not exist', () => {
    const unborn = '44010620300306002';
    const front = { ...FRONT, birth: '2030-03-06', number: withCheck(unborn) };
    expect(verify(front, undefined, TODAY).valid_birth).toBe(false);
    expect(verify({ ...FRONT, birth: '1990-02-30' }, BACK, TODAY).valid_birth).toBe(false);
  });

  it('flags a sex that differs from the 17th digit', () => {
    expect(verify({ ...FRONT, sex: '男' }, BACK, TODAY).valid_sex).toBe(false);
    expect(verify({ ...FRONT, sex: '' }, BACK, TODAY).valid_sex).toBe(false);
  });

  it('flags an expired card from the day after its end date', () => {
    const back = { ...BACK, valid_from: '2015-06-15', valid_to: '2025-06-15' };
    const front = { ...FRONT, birth: '2000-01-01', number: withCheck('44010620000101002') };
    expect(verify(front, back, '2025-06-15').valid_date).toBe(true);
    expect(verify(front, back, '2025-06-16').valid_date).toBe(false);
  });

  it('flags a card whose period has not begun', () => {
    expect(verify(FRONT, BACK, '2016-03-05').valid_date).toBe(false);
  });

  it('flags a lawful length that does not fit the age at issue', () => {
    // At 26 the card should run 20 years, not 10.
    const back = { ...BACK, valid_to: '2026-03-06' };
    expect(verify(FRONT, back, TODAY)).toEqual({ ...ALL_TRUE, valid_validity_period: false });
    // Alone, the same emblem side has a lawful length.
    expect(verify(undefined, back, TODAY).valid_validity_period).toBe(true);
  });

  it('falls back to the number for the age when the printed birth is unreadable', () => {
    const back = { ...BACK, valid_to: '2026-03-06' };
    const front = { ...FRONT, birth: '' };
    expect(verify(front, back, TODAY).valid_validity_period).toBe(false);
    expect(verify(front, BACK, TODAY).valid_validity_period).toBe(true);
  });
});

describe('verify with one side', () => {
  it('leaves the emblem-side checks false for the portrait side alone', () => {
    expect(verify(FRONT, undefined, TODAY)).toEqual({
      valid_number: true,
      valid_birth: true,
      valid_sex: true,
      valid_date: false,
      valid_validity_period: false,
    });
  });

  it('leaves the portrait-side checks false for the emblem side alone', () => {
    expect(verify(undefined, BACK, TODAY)).toEqual({
      valid_number: false,
      valid_birth: false,
      valid_sex: false,
      valid_date: true,
      valid_validity_period: true,
    });
  });

  it('accepts 长期 alone but not an unlawful length', () => {
    expect(verify(undefined, { ...BACK, valid_to: '长期' }, TODAY).valid_validity_period).toBe(
      true,
    );
    expect(
      verify(undefined, { ...BACK, valid_to: '2031-03-06' }, TODAY).valid_validity_period,
    ).toBe(false);
  });

  it('fails both emblem checks when the dates do not read', () => {
    expect(verify(undefined, { ...BACK, valid_from: '', valid_to: '' }, TODAY)).toMatchObject({
      valid_date: false,
      valid_validity_period: false,
    });
  });

  it('is all false with no side', () => {
    expect(Object.values(verify(undefined, undefined, TODAY))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

function withCheck(first17: string): string {
  return first17 + computeCheckCharacter(first17);
}
