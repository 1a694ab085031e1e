import { describe, expect, it } from 'vitest';
import { readFrontOf, SAMPLE_NUMBER } from './read-face-builder.ts';

function number(read: string) {
  return readFrontOf({ number: read }).number;
}

describe('a number with a digit hidden under a mark', () => {
  it('takes the one digit the check character accepts there, unvouched', () => {
    const read = `${SAMPLE_NUMBER.slice(0, 3)}理${SAMPLE_NUMBER.slice(4)}`;
    const field = number(read);
    expect(field.value).toBe(SAMPLE_NUMBER);
    expect(field.confidence).toBeLessThan(0.9);
  });

  it('stays as read with two digits hidden, or with the check character hidden', () => {
    // Both in the sequence: the address and the birth row print the region and the date only.
    const two = `${SAMPLE_NUMBER.slice(0, 14)}理${SAMPLE_NUMBER.slice(15, 16)}办${SAMPLE_NUMBER.slice(17)}`;
    expect(number(two).value).toBe(two);
    expect(number(two).confidence).toBeLessThanOrEqual(0.3);
    const check = `${SAMPLE_NUMBER.slice(0, 17)}理`;
    expect(number(check).value).toBe(check);
  });
});

describe('a number read with a mark after it', () => {
  it('is its first eighteen characters where they pass and no digit follows, unvouched', () => {
    // 用话: what lifting a usage line's ink off the digits left of its 他用无效.
    const field = number(`${SAMPLE_NUMBER}用话`);
    expect(field.value).toBe(SAMPLE_NUMBER);
    expect(field.confidence).toBeLessThan(0.9);
    expect(field.confidence).toBeGreaterThan(0.3);
  });

  it('stays as read where a digit follows, or the first eighteen fail', () => {
    expect(number(`${SAMPLE_NUMBER}7用`).value).toBe(`${SAMPLE_NUMBER}7用`);
    const failing = `${SAMPLE_NUMBER.slice(0, 17)}${SAMPLE_NUMBER.at(-1) === '1' ? '2' : '1'}`;
    expect(number(`${failing}用话`).value).toBe(`${failing}用话`);
  });
});

describe('a number whose date a mark hid', () => {
  const region = SAMPLE_NUMBER.slice(0, 6);
  const sequence = SAMPLE_NUMBER.slice(14);

  it('takes the printed birth date where the legible digits fit it, unvouched', () => {
    const field = number(`${region}卵9元3效${sequence}`);
    expect(field.value).toBe(SAMPLE_NUMBER);
    expect(field.confidence).toBeLessThan(0.9);
  });

  it('stays as read where the legible digits do not fit the date, or the date is legible', () => {
    const foreign = `${region}卵7元效${sequence}`;
    expect(number(foreign).value).toBe(foreign);
    const legible = `${SAMPLE_NUMBER.slice(0, 14)}理${sequence}`;
    expect(number(legible).value).toBe(legible);
  });
});

describe('a whole number whose date was misread', () => {
  const date = SAMPLE_NUMBER.slice(6, 14);
  const withDate = (digits: string) =>
    `${SAMPLE_NUMBER.slice(0, 6)}${digits}${SAMPLE_NUMBER.slice(14)}`;

  it('takes the printed birth date for two characters apart from it, unvouched', () => {
    // 19900306 read as 19930806: the check character no longer accepts the number.
    const field = number(withDate('19930806'));
    expect(date).toBe('19900306');
    expect(field.value).toBe(SAMPLE_NUMBER);
    expect(field.confidence).toBeLessThan(0.9);
    // 94 of 1994 read as %/.
    expect(number(withDate('19%/0306')).value).toBe(SAMPLE_NUMBER);
  });

  it('stays as read three digits apart from it', () => {
    const read = withDate('19730816');
    expect(number(read).value).toBe(read);
  });
});
