import { describe, expect, it } from 'vitest';
import {
  birthDateFromIdNumber,
  candidatesForPosition,
  candidatesForPositions,
  checkIdNumber,
  computeCheckCharacter,
  hasValidCheckCharacter,
  normalizeIdNumber,
  sexFromIdNumber,
} from './id-number.ts';

// The two worked examples of GB 11643-1999.
const STANDARD_X = '11010519491231002X';
const STANDARD_DIGIT = '440524188001010014';
// A woman born on 29 February 2000 in 北京市东城区.
const LEAP_DAY = '110101200002290026';
const TODAY = '2025-06-15';

function issueCodes(raw: string, today = TODAY) {
  const check = checkIdNumber(raw, today);
  return {
    problems: check.problems.map((p) => p.code),
    warnings: check.warnings.map((w) => w.code),
  };
}

describe('normalizeIdNumber', () => {
  it('removes spaces and line breaks and uppercases x', () => {
    expect(normalizeIdNumber(' 110105 19491231 002x\n')).toBe(STANDARD_X);
  });

  it('turns full-width digits and X into ASCII', () => {
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe(STANDARD_X);
  });
});

describe('computeCheckCharacter', () => {
  it('reproduces the standard examples, X included', () => {
    expect(computeCheckCharacter('11010519491231002')).toBe('X');
    expect(computeCheckCharacter('44052418800101001')).toBe('4');
    expect(computeCheckCharacter('11010120000229002')).toBe('6');
  });

  it('yields 1 and 0 for sums of 0 and 1 mod 11', () => {
    // Weight of position 16 is 2: all zeros sum to 0, a final 6 sums to 12 = 1 (mod 11).
    expect(computeCheckCharacter('00000000000000000')).toBe('1');
    expect(computeCheckCharacter('00000000000000006')).toBe('0');
  });

  it.each(['1101051949123100', '110105194912310021', '1101051949123100A'])('refuses %j', (bad) => {
    expect(() => computeCheckCharacter(bad)).toThrow(RangeError);
  });
});

describe('hasValidCheckCharacter', () => {
  it.each([STANDARD_X, STANDARD_DIGIT, LEAP_DAY, '11010519491231002x', '110105 19491231 002X'])(
    'accepts %j',
    (number) => {
      expect(hasValidCheckCharacter(number)).toBe(true);
    },
  );

  it.each([
    ['a wrong check digit', '110105194912310021'],
    ['X where a digit belongs', '44052418800101001X'],
    ['two digits swapped', '11010519491213002X'],
    ['17 characters', '11010519491231002'],
    ['a letter inside', '1101051949123100AX'],
  ])('rejects %s', (_label, number) => {
    expect(hasValidCheckCharacter(number)).toBe(false);
  });
});

describe('birth date and sex', () => {
  it('reads the birth date', () => {
    expect(birthDateFromIdNumber(STANDARD_X)).toBe('1949-12-31');
    expect(birthDateFromIdNumber(LEAP_DAY)).toBe('2000-02-29');
  });

  it('gives no birth date for a day that does not exist', () => {
    expect(birthDateFromIdNumber('110101202302290021')).toBeNull();
    expect(birthDateFromIdNumber('110101199013010021')).toBeNull();
    expect(birthDateFromIdNumber('11010119')).toBeNull();
  });

  it('reads sex from the 17th digit: odd is 男, even is 女', () => {
    expect(sexFromIdNumber('440524188001010014')).toBe('男');
    expect(sexFromIdNumber(STANDARD_X)).toBe('女');
    expect(sexFromIdNumber(LEAP_DAY)).toBe('女');
    expect(sexFromIdNumber('44052418800101003')).toBe('男');
    expect(sexFromIdNumber('4405241880010100')).toBeNull();
  });
});

describe('checkIdNumber', () => {
  it('passes a good number and tells what it holds', () => {
    const check = checkIdNumber('11010519491231002x', TODAY);
    expect(check).toMatchObject({
      number: STANDARD_X,
      problems: [],
      warnings: [],
      birth: '1949-12-31',
      sex: '女',
      region: { province: '北京市', county: '朝阳区' },
    });
  });

  it('names the check character the first 17 digits call for', () => {
    const check = checkIdNumber('110105194912310021', TODAY);
    expect(check.problems).toEqual([
      { code: 'check-character', message: '校验码不符：按前 17 位应为 X' },
    ]);
  });

  it('rejects a wrong length and stray characters', () => {
    expect(issueCodes('1101051949123100').problems).toContain('length');
    expect(issueCodes('1101051949123100AX').problems).toEqual(['characters']);
  });

  it('rejects a birth date that does not exist even with a fitting check character', () => {
    const first17 = '11010120230229002';
    expect(issueCodes(first17 + computeCheckCharacter(first17)).problems).toEqual([
      'birth-not-a-date',
    ]);
  });

  it('accepts 1 January 1900 and rejects the day before', () => {
    const first = '11010119000101001';
    const before = '11010118991231001';
    expect(issueCodes(first + computeCheckCharacter(first)).problems).toEqual([]);
    expect(issueCodes(before + computeCheckCharacter(before)).problems).toEqual([
      'birth-before-1900',
    ]);
  });

  it('accepts a birth today and rejects one tomorrow', () => {
    const born = '11010120250615002';
    const unborn = '11010120250616002';
    expect(issueCodes(born + computeCheckCharacter(born)).problems).toEqual([]);
    expect(issueCodes(unborn + computeCheckCharacter(unborn)).problems).toEqual([
      'birth-in-future',
    ]);
  });

  it('warns, never rejects, on a county code no longer in use', () => {
    // 440102 was 广州市东山区 until 2005.
    const old = '44010219800101001';
    const codes = issueCodes(old + computeCheckCharacter(old));
    expect(codes).toEqual({ problems: [], warnings: ['region-unknown'] });
  });

  it('takes a city without counties at its own code without a warning', () => {
    const dongguan = '44190019851120123';
    expect(issueCodes(dongguan + computeCheckCharacter(dongguan))).toEqual({
      problems: [],
      warnings: [],
    });
  });

  it('rejects a province prefix that is not on the list', () => {
    const nowhere = '99010119800101001';
    expect(issueCodes(nowhere + computeCheckCharacter(nowhere)).problems).toEqual([
      'province-unknown',
    ]);
  });
});

describe('candidatesForPosition', () => {
  it('finds the one digit that fits a doubtful position', () => {
    expect(candidatesForPosition('11010519491231?02X', 14)).toEqual([STANDARD_X]);
    expect(candidatesForPosition('11010519491231802X', 14)).toEqual([STANDARD_X]);
    expect(candidatesForPosition('?40524188001010014', 0)).toEqual([STANDARD_DIGIT]);
  });

  it('finds none when no digit fits', () => {
    expect(candidatesForPosition('110105194912310005', 16)).toEqual([]);
  });

  it('computes the check character when it is the doubtful one', () => {
    expect(candidatesForPosition('11010519491231002?', 17)).toEqual([STANDARD_X]);
  });

  it('works on the normalised number', () => {
    expect(candidatesForPosition('110105 19491231 ?02x', 14)).toEqual([STANDARD_X]);
  });

  it('finds nothing when the rest is not a number', () => {
    expect(candidatesForPosition('11010519491231?02', 14)).toEqual([]);
    expect(candidatesForPosition('1101A519491231?02X', 14)).toEqual([]);
    expect(candidatesForPosition(STANDARD_X, 18)).toEqual([]);
  });

  it('lists many when two positions are doubtful', () => {
    const candidates = candidatesForPositions('1101051949123100?X', [15, 16]);
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates).toContain(STANDARD_X);
    for (const candidate of candidates) {
      expect(candidate.slice(0, 15)).toBe(STANDARD_X.slice(0, 15));
      expect(hasValidCheckCharacter(candidate)).toBe(true);
    }
  });
});
