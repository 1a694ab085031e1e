import { describe, expect, it } from 'vitest';
import { ctcDecode, loadCharset, stepTopClasses } from './ctc-decode.ts';

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

describe('stepTopClasses', () => {
  /** The k most likely classes of one row by sorting it: likeliest first, ties by class. */
  function sortedTop(row: Float32Array, k: number): { index: number[]; prob: number[] } {
    const ranked = Array.from(row, (prob, index) => ({ index, prob }))
      .sort((a, b) => b.prob - a.prob || a.index - b.index)
      .slice(0, k);
    return { index: ranked.map((r) => r.index), prob: ranked.map((r) => r.prob) };
  }

  it('keeps what sorting each step keeps, wherever in the row the likely classes stand', () => {
    // 37 classes: four whole scan blocks and a tail; coarse values, so ties are common.
    const classes = 37;
    const stepCount = 40;
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const probs = Float32Array.from({ length: stepCount * classes }, () => {
      const coarse = Math.floor(next() * 8) / 8;
      return next() < 0.1 ? coarse : coarse / 100;
    });
    const top = stepTopClasses(probs, stepCount, classes, 4);
    for (let t = 0; t < stepCount; t++) {
      const expected = sortedTop(probs.subarray(t * classes, (t + 1) * classes), 4);
      expect(Array.from(top.index.subarray(t * 4, t * 4 + 4))).toEqual(expected.index);
      expect(Array.from(top.prob.subarray(t * 4, t * 4 + 4))).toEqual(expected.prob);
    }
  });

  it('finds classes that beat the kept ones late in a block and in the tail past the blocks', () => {
    const row = new Float32Array(19).fill(0.01);
    row[7] = 0.2; // the last class of the first block
    row[15] = 0.3; // the last of the second
    row[18] = 0.4; // in the tail
    row[16] = 0.2; // ties class 7, which comes first
    const top = stepTopClasses(row, 1, 19, 4);
    expect(Array.from(top.index)).toEqual([18, 15, 7, 16]);
  });

  it('marks the places past a row with fewer classes than k with -1', () => {
    const top = stepTopClasses(Float32Array.of(0.2, 0.8), 1, 2, 3);
    expect(Array.from(top.index)).toEqual([1, 0, -1]);
    expect(Array.from(top.prob)).toEqual([Math.fround(0.8), Math.fround(0.2), -1]);
  });
});

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
