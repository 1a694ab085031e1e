import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import { sameLine } from './face-lines.ts';

describe('sameLine', () => {
  const box = (left: number, top: number, right: number, bottom: number): Quad => [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ];

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
