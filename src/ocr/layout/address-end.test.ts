import { describe, expect, it } from 'vitest';
import type { ReadFace } from '../recognized-line.ts';
import type { FrontReading } from './card-reading.ts';
import { extentOf } from './quad-geometry.ts';
import { rateReading, readCardFields } from './read-card-fields.ts';
import {
  type Doubt,
  faceOf,
  frontLines,
  readFrontOf,
  SAMPLE_FRONT,
  SAMPLE_TODAY,
} from './read-face-builder.ts';

/** The address's first line, and a second as long that ends in a bare room number. */
const WRAPPED = ['北京市朝阳区建国路', '88号院3号楼12单元1205'];

/**
 * Wrapped by count: the digits half as wide as the Han characters, the second line as many
 * characters as the first but ending short of it.
 */
const COUNT_WRAPPED = ['河北省沧州市泊头市平湾', '花园40幢1单元129'];

/** The sample portrait side with `address`, and `row` read below it where no box was drawn. */
function frontWithLookedRow(
  address: string[],
  row: string,
  doubts?: Record<number, Doubt>,
): FrontReading['fields'] {
  const looked = { text: row, x: 0.18, y: 0.67, ...(doubts ? { doubts } : {}) };
  const face: ReadFace = faceOf([...frontLines({ ...SAMPLE_FRONT, address }), looked]);
  face.lines = face.lines.map((line) => (line.text === row ? { ...line, unboxed: true } : line));
  const reading = readCardFields(face, 'front', SAMPLE_TODAY);
  if (reading.side !== 'front') throw new Error('read as the emblem side');
  return reading.fields;
}

function rated(address: string[]) {
  return rateReading(faceOf(frontLines({ ...SAMPLE_FRONT, address })), 'front', SAMPLE_TODAY);
}

describe('an address that may go on in the row below', () => {
  it('is not vouched for when it ends in a bare number on a line wrapped like the one above', () => {
    const { address } = readFrontOf({ address: WRAPPED });
    expect(address.value).toBe(WRAPPED.join(''));
    expect(address.confidence).toBeLessThanOrEqual(0.5);
    expect(address.incomplete).toBe(true);
  });

  it('has the row after its last line looked at, as wide as its lines', () => {
    const regions = rated(WRAPPED).unboxed.map((region) => extentOf([region]));
    const last = 0.59 * 540;
    const below = regions.find((r) => r.top > last && r.top < last + 0.08 * 540);
    expect(below).toBeDefined();
    expect(below?.left).toBeCloseTo(0.18 * 856, 0);
  });

  it('has that row looked at too where its last line holds as many characters as the one above', () => {
    const regions = rated(COUNT_WRAPPED).unboxed.map((region) => extentOf([region]));
    const below = regions.find((r) => r.top > 0.59 * 540 && r.top < 0.67 * 540);
    // Only as wide as a number's tail: three of the print's 27 px heights.
    expect(below?.left).toBeCloseTo(0.18 * 856, 0);
    expect(below?.right).toBeCloseTo(0.18 * 856 + 3 * 27, 0);
  });

  it("takes a number's tail read on that row, and no other reading of it", () => {
    expect(frontWithLookedRow(COUNT_WRAPPED, '1').address.value).toBe(`${COUNT_WRAPPED.join('')}1`);
    expect(frontWithLookedRow(COUNT_WRAPPED, 'A人A人').address.value).toBe(COUNT_WRAPPED.join(''));
    // The guilloche beside a lone 7, read as digits the recogniser was unsure of.
    const unsure = { prob: 0.4, alternatives: [] };
    const guilloche = frontWithLookedRow(COUNT_WRAPPED, '761', { 1: unsure, 2: unsure });
    expect(guilloche.address.value).toBe(`${COUNT_WRAPPED.join('')}7`);
    // A row the detector boxed is the card's, looked at or not.
    expect(readFrontOf({ address: [...COUNT_WRAPPED, '号楼6号'] }).address.value).toBe(
      `${COUNT_WRAPPED.join('')}号楼6号`,
    );
  });

  it('reads whole with the 室 found alone on that row', () => {
    const { address } = readFrontOf({ address: [...WRAPPED, '室'] });
    expect(address.value).toBe(`${WRAPPED.join('')}室`);
    expect(address.incomplete).toBeUndefined();
  });

  it('is left alone when its last line stops short of the one above, or ends otherwise', () => {
    for (const address of [
      ['北京市朝阳区建国路', '88号院3号楼1205'],
      ['北京市朝阳区建国路', '88号院3号楼12单元1205号'],
    ]) {
      const { unboxed } = rated(address);
      expect(unboxed.some((region) => extentOf([region]).top > 0.59 * 540)).toBe(false);
      expect(readFrontOf({ address }).address.incomplete).toBeUndefined();
    }
  });
});

describe('an address cut after the 单 of 单元', () => {
  // …3号楼12单 of …3号楼12单元1205室: a mark over the line's end, the detector boxed none of it.
  const CUT = ['北京市朝阳区建国路88号', '院3号楼12单'];
  /** Where the value column starts, and the print's 27 px advance (half that for a digit). */
  const LEFT = 0.18 * 856;
  const ADVANCE = 27;

  it("has the rest of its last line's row looked at, to where the line above ends", () => {
    const regions = rated(CUT).unboxed.map((region) => extentOf([region]));
    const row = 0.59 * 540;
    const rest = regions.find((r) => r.top < row && r.bottom > row);
    // The last line ends 5.5 advances in, the line above 11.
    expect(rest?.left).toBeCloseTo(LEFT + 5.5 * ADVANCE, 0);
    expect(rest?.right).toBeCloseTo(LEFT + 11 * ADVANCE, 0);
    expect(readFrontOf({ address: CUT }).address.incomplete).toBe(true);
  });

  it('reads whole with the rest of that row found', () => {
    const rest = { text: '元1205室', x: (LEFT + 5.5 * ADVANCE) / 856, y: 0.59 };
    const lines = [...frontLines({ ...SAMPLE_FRONT, address: CUT }), rest];
    const { address } = readCardFields(faceOf(lines), 'front', SAMPLE_TODAY).fields as Record<
      string,
      { value: string; incomplete?: true }
    >;
    expect(address?.value).toBe('北京市朝阳区建国路88号院3号楼12单元1205室');
    expect(address?.incomplete).toBeUndefined();
  });
});

describe('withoutScrapRows', () => {
  it('drops a row read as letters alone below the address, and keeps rows of digits', () => {
    const { address } = readFrontOf({ address: [...WRAPPED, 'X'] });
    expect(address.value).toBe(WRAPPED.join(''));
    const digits = readFrontOf({ address: ['北京市朝阳区建国路88号院', '3号楼12单元', '1205'] });
    expect(digits.address.value).toBe('北京市朝阳区建国路88号院3号楼12单元1205');
  });
});
