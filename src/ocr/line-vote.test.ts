import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import { voteLineReadings } from './line-vote.ts';
import type { RecognizedLine } from './recognized-line.ts';

const BOX: Quad = [
  [0, 0],
  [120, 0],
  [120, 40],
  [0, 40],
];

/** A reading from `[char, prob, ...runners-up as char, prob]` per position. */
function reading(...chars: [string, number, ...(string | number)[]][]): RecognizedLine {
  const recognized = chars.map(([char, prob, ...rest]) => {
    const alternatives = [];
    for (let i = 0; i + 1 < rest.length; i += 2) {
      alternatives.push({ char: rest[i] as string, prob: rest[i + 1] as number });
    }
    return { char, prob, alternatives, span: { start: 0, end: 0 } };
  });
  return {
    text: recognized.map((c) => c.char).join(''),
    box: BOX,
    score: recognized.reduce((sum, c) => sum + c.prob, 0) / recognized.length,
    chars: recognized,
  };
}

describe('voteLineReadings', () => {
  it('takes at each position the character the crops give most probability in sum', () => {
    // 段忝刚 under defocus: the detector's box reads 添, two taller crops lean to 忝.
    const voted = voteLineReadings([
      reading(['段', 1], ['添', 0.44, '忝', 0.38, '泰', 0.05], ['刚', 1]),
      reading(['段', 1], ['忝', 0.4, '添', 0.24, '泰', 0.14], ['刚', 1]),
      reading(['段', 1], ['泰', 0.37, '忝', 0.33, '添', 0.2], ['刚', 1]),
    ]);
    expect(voted.text).toBe('段忝刚');
    expect(voted.chars[1]?.prob).toBeCloseTo((0.38 + 0.4 + 0.33) / 3);
    expect(voted.chars[1]?.alternatives.map((a) => a.char)).toEqual(['添', '泰']);
  });

  it('never makes a disputed character surer than the readings were', () => {
    const voted = voteLineReadings([
      reading(['昌', 0.83, '吕', 0.14], ['娟', 0.94]),
      reading(['吕', 0.82, '昌', 0.12], ['娟', 1]),
    ]);
    expect(voted.chars[0]?.prob).toBeLessThan(0.5);
  });

  it('keeps the first reading’s spaces, box and spans, and its character on a tie', () => {
    const first = reading(['姓', 1], ['名', 1], [' ', 0.6], ['王', 0.5, '玉', 0.5]);
    const voted = voteLineReadings([first, reading(['姓', 1], ['名', 1], ['玉', 0.5, '王', 0.5])]);
    expect(voted.text).toBe('姓名 王');
    expect(voted.box).toBe(BOX);
    expect(voted.chars[3]?.span).toEqual({ start: 0, end: 0 });
  });

  it('leaves out a reading with another number of characters (one dropped or split)', () => {
    const first = reading(['吕', 0.6, '昌', 0.3], ['娟', 0.9], ['嘉', 0.99]);
    const voted = voteLineReadings([first, reading(['昌', 0.9], ['娟', 0.9])]);
    expect(voted).toBe(first);
  });
});
