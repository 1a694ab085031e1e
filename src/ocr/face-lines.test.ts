import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import { boxesOverlap, holdsFreeText, sameLine } from './face-lines.ts';

const box = (left: number, top: number, right: number, bottom: number): Quad => [
  [left, top],
  [right, top],
  [right, bottom],
  [left, bottom],
];

describe('sameLine', () => {
  it('takes a box found again in nearly the same place for the same line', () => {
    expect(sameLine(box(150, 80, 400, 110), box(152, 79, 404, 112))).toBe(true);
  });

  it('does not take a box half the height of the one found again for the same line', () => {
    // The locating pass boxed the name at half its height under motion blur.
    expect(sameLine(box(150, 88, 400, 103), box(150, 80, 400, 110))).toBe(false);
  });

  it('does not take a label read with its value for the value alone', () => {
    expect(sameLine(box(60, 80, 400, 110), box(150, 80, 400, 110))).toBe(false);
  });
});

describe('boxesOverlap', () => {
  it('takes a box found again around part of a line for the same text', () => {
    expect(boxesOverlap(box(150, 80, 400, 110), box(300, 82, 420, 112))).toBe(true);
  });

  it("does not take a line for one a tilted mark's box only reaches the corner of", () => {
    // The name (160-314, 64-131) and a 复印无效 watermark boxed at 40 degrees over its right end.
    expect(boxesOverlap(box(160, 64, 314, 131), box(278, 22, 431, 169))).toBe(false);
  });

  it('does not take boxes apart for the same text', () => {
    expect(boxesOverlap(box(150, 80, 400, 110), box(150, 120, 400, 150))).toBe(false);
  });
});

describe('holdsFreeText', () => {
  // Boxes of the sample portrait side (face pixels).
  it('takes the address lines', () => {
    expect(holdsFreeText(box(145, 250, 495, 289))).toBe(true);
    expect(holdsFreeText(box(149, 293, 497, 331))).toBe(true);
  });

  it('leaves a short line there to the first reader: it may be a label the rough face misplaced', () => {
    expect(holdsFreeText(box(148, 336, 184, 371))).toBe(false);
    expect(holdsFreeText(box(160, 254, 236, 286))).toBe(false);
  });

  it('leaves the address label, the birth date and the number to the first reader', () => {
    expect(holdsFreeText(box(61, 254, 117, 286))).toBe(false);
    expect(holdsFreeText(box(145, 190, 431, 230))).toBe(false);
    expect(holdsFreeText(box(272, 437, 777, 479))).toBe(false);
  });

  it("leaves the emblem side's title and authority to the first reader", () => {
    expect(holdsFreeText(box(272, 153, 773, 228))).toBe(false);
    expect(holdsFreeText(box(182, 398, 698, 441))).toBe(false);
  });
});
