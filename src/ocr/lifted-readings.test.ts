import { describe, expect, it } from 'vitest';
import { withLiftedReadings } from './lifted-readings.ts';
import type { RecognizedLine } from './recognized-line.ts';

function line(text: string, lifted?: string): RecognizedLine {
  const read = (t: string) => ({
    text: t,
    score: 0.9,
    chars: Array.from(t, (char) => ({ char, prob: 0.9, alternatives: [] })),
  });
  return {
    ...read(text),
    box: [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ],
    ...(lifted === undefined ? {} : { liftedReading: read(lifted) }),
  };
}

/** A face reads better for each line that is an ethnic group. */
const score = (lines: RecognizedLine[]) =>
  lines.filter((l) => ['汉', '汉族', '满', '回'].includes(l.text)).length;

describe('withLiftedReadings', () => {
  it('takes a lifted reading where the face then reads better, and flags it', () => {
    const lines = [line('张三'), line('荣线', '汉族')];
    const chosen = withLiftedReadings(lines, score);
    expect(chosen.map((l) => l.text)).toEqual(['张三', '汉族']);
    expect(chosen[1]?.inkSeparated).toBe(true);
    expect(chosen[1]?.liftedReading).toBeUndefined();
  });

  it('never tries a lifted reading that holds fewer characters', () => {
    const lines = [line('荣线人', '汉')];
    expect(withLiftedReadings(lines, score)).toBe(lines);
  });

  it('keeps the reading as it is where the lifted one reads no better', () => {
    const lines = [line('满', '纳'), line('荣线人', '线人')];
    expect(withLiftedReadings(lines, score)).toBe(lines);
  });
});
