import { describe, expect, it } from 'vitest';
import type { RecognizedChar } from '../recognized-line.ts';
import { alternativeValues } from './value-alternatives.ts';

function char(read: string, prob: number, ...alternatives: [string, number][]): RecognizedChar {
  return { char: read, prob, alternatives: alternatives.map(([c, p]) => ({ char: c, prob: p })) };
}

const anyChar = () => true;

describe('alternativeValues', () => {
  it('offers the runner-up spellings, most likely first, never the value read', () => {
    // 侯 read as 候 (0.6), 彧 as 或 (0.5): the names the clerk may mean.
    const chars = [
      char('候', 0.6, ['侯', 0.35]),
      char('文', 0.99),
      char('或', 0.5, ['彧', 0.45], ['戓', 0.02]),
    ];
    expect(alternativeValues(chars, anyChar)).toEqual(['候文彧', '侯文或', '侯文彧']);
  });

  it('stops at the number asked for', () => {
    const chars = [char('甲', 0.5, ['乙', 0.3], ['丙', 0.2]), char('丁', 0.5, ['戊', 0.4])];
    expect(alternativeValues(chars, anyChar, 2)).toEqual(['甲戊', '乙丁']);
  });

  it('takes only characters the field allows', () => {
    const chars = [char('王', 0.7, ['Y', 0.2], ['玉', 0.1])];
    expect(alternativeValues(chars, (c) => /\p{Script=Han}/u.test(c))).toEqual(['玉']);
  });

  it('has none when no character has a runner-up', () => {
    expect(alternativeValues([char('王', 0.9), char('明', 0.9)], anyChar)).toEqual([]);
    expect(alternativeValues([], anyChar)).toEqual([]);
  });
});
