import { describe, expect, it } from 'vitest';
import { ctcDecode, loadCharset } from './ctc-decode.ts';

describe('loadCharset (CTCLabelDecode with use_space_char)', () => {
  it('puts the blank first and the space last, stripping line ends', () => {
    expect(loadCharset('a\r\nb\nc\n')).toEqual(['blank', 'a', 'b', 'c', ' ']);
    expect(loadCharset('a\nb')).toEqual(['blank', 'a', 'b', ' ']);
  });
});

/** Rows of class probabilities, one row per time step. */
function steps(rows: number[][]): Float32Array {
  return Float32Array.from(rows.flat());
}

describe('ctcDecode', () => {
  const charset = ['blank', '1', '7', 'X', ' '];

  it('merges repeats, drops blanks and keeps a repeat split by a blank', () => {
    const probs = steps([
      [0.1, 0.8, 0.05, 0.05, 0],
      [0.1, 0.7, 0.1, 0.1, 0],
      [0.9, 0.05, 0.05, 0, 0],
      [0.2, 0.6, 0.1, 0.1, 0],
      [0.1, 0, 0, 0.1, 0.8],
    ]);
    const line = ctcDecode(probs, 5, charset, 2);
    expect(line.text).toBe('11 ');
    // The first step of each run gives the probability, as PaddleOCR keeps the first.
    expect(line.chars.map((c) => c.prob)).toEqual([
      expect.closeTo(0.8, 5),
      expect.closeTo(0.6, 5),
      expect.closeTo(0.8, 5),
    ]);
    expect(line.score).toBeCloseTo((0.8 + 0.6 + 0.8) / 3, 5);
    // Each character's run of steps, as shares of the line's five steps.
    expect(line.chars.map((c) => c.span)).toEqual([
      { start: 0, end: 0.4 },
      { start: 0.6, end: 0.8 },
      { start: 0.8, end: 1 },
    ]);
  });

  it('lists runner-up characters with their best probability over the run, never the blank', () => {
    const probs = steps([
      [0.3, 0.5, 0.15, 0.05, 0],
      [0.05, 0.45, 0.4, 0.1, 0],
    ]);
    const [char] = ctcDecode(probs, 2, charset, 2).chars;
    expect(char?.char).toBe('1');
    expect(char?.alternatives).toEqual([
      { char: '7', prob: expect.closeTo(0.4, 5) },
      { char: 'X', prob: expect.closeTo(0.1, 5) },
    ]);
  });

  it('reads nothing from blanks alone, with score 0', () => {
    expect(ctcDecode(steps([[1, 0, 0, 0, 0]]), 1, charset, 2)).toEqual({
      text: '',
      score: 0,
      chars: [],
    });
  });
});

describe('ctcDecode with hidden characters', () => {
  const han = ['blank', '高', '永', '韫', '礼', ' '];
  /** A step the given class wins outright, or the blank wins with `hidden` beside it. */
  function step(winner: number, hidden?: [number, number]): number[] {
    const row = new Array(han.length).fill(0);
    if (hidden) {
      row[0] = 1 - hidden[1];
      row[hidden[0]] = hidden[1];
    } else {
      row[winner] = 1;
    }
    return row;
  }
  // Six steps per line height: a Han character every ~6 steps.
  const perHeight = 6;

  it('emits a doubted character the blank won, where a character is missing', () => {
    const rows = Array.from({ length: 18 }, () => step(0));
    rows[2] = step(1);
    rows[8] = step(2);
    rows[14] = step(0, [3, 0.35]);
    const line = ctcDecode(steps(rows), 18, han, 2, perHeight);
    expect(line.text).toBe('高永韫');
    expect(line.chars[2]?.prob).toBeCloseTo(0.35, 5);
    // PaddleOCR's plain decoding, without the line's geometry, drops it.
    expect(ctcDecode(steps(rows), 18, han, 2).text).toBe('高永');
  });

  it('leaves a doubt alone between characters set at their usual pitch', () => {
    const rows = Array.from({ length: 12 }, () => step(0));
    rows[2] = step(1);
    rows[5] = step(0, [4, 0.35]);
    rows[8] = step(2);
    expect(ctcDecode(steps(rows), 12, han, 2, perHeight).text).toBe('高永');
  });

  it('needs more room at a line end, where a box may reach past its text', () => {
    const rows = Array.from({ length: 17 }, () => step(0));
    rows[2] = step(1);
    rows[8] = step(2);
    // 0.76 of a pitch from the line's end (taken as half a pitch outside it): enough between
    // two characters, not at an end.
    rows[15] = step(0, [3, 0.35]);
    expect(ctcDecode(steps(rows), 17, han, 2, perHeight).text).toBe('高永');
  });

  it('ignores faint noise in a gap', () => {
    const rows = Array.from({ length: 18 }, () => step(0));
    rows[2] = step(1);
    rows[8] = step(2);
    rows[14] = step(0, [3, 0.05]);
    expect(ctcDecode(steps(rows), 18, han, 2, perHeight).text).toBe('高永');
  });
});
