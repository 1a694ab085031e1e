import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import type { ModelRunner, Tensor } from './model-runner.ts';
import type { RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';
import {
  boxedToCharacters,
  lookAtUnboxed,
  strayEndAt,
  withStrayEndApart,
} from './unboxed-lines.ts';

/** A region 500 x 50 px read as one character emitted a tenth of the way along it. */
const REGION_READ: RecognizedLine = {
  text: '室',
  score: 0.98,
  chars: [{ char: '室', prob: 0.98, alternatives: [], span: { start: 0.09, end: 0.11 } }],
  box: [
    [100, 300],
    [600, 300],
    [600, 350],
    [100, 350],
  ],
};

describe('boxedToCharacters', () => {
  it('boxes a region read as a line where its characters stand, half a pitch beyond them', () => {
    const line = boxedToCharacters(REGION_READ);
    const [[left, top], [right], [, bottom]] = line.box;
    // The character's centre at 150 px, half of the 0.98-height pitch (24.5 px) either side.
    expect(left).toBeCloseTo(125.5, 1);
    expect(right).toBeCloseTo(174.5, 1);
    expect([top, bottom]).toEqual([300, 350]);
    const span = line.chars[0]?.span;
    expect(((span?.start ?? 0) + (span?.end ?? 0)) / 2).toBeCloseTo(0.5, 5);
    expect(line.text).toBe('室');
  });

  it('leaves a line whose characters carry no positions as it was', () => {
    const unplaced = { ...REGION_READ, chars: [{ char: '室', prob: 0.98, alternatives: [] }] };
    expect(boxedToCharacters(unplaced)).toBe(unplaced);
  });
});

/**
 * A region read as `text`, its characters' centres at `centres` (shares of the region's width),
 * each read at 0.9.
 */
function regionLine(text: string, centres: number[]): RecognizedLine {
  const chars = Array.from(text).map((char, i) => {
    const centre = centres[i] as number;
    return {
      char,
      prob: 0.9,
      alternatives: [],
      span: { start: centre - 0.01, end: centre + 0.01 },
    };
  });
  return { text, score: 0.9, chars, box: REGION_READ.box };
}

/** An address's first row read to the photo: 11 characters 0.07 apart, from 0.05. */
const ROW = '河北省沧州市南皮县金黄';
const ROW_CENTRES = Array.from(ROW, (_, i) => 0.05 + 0.07 * i);

describe('a region read past its value', () => {
  it('sets a last character apart that stands off the row by more than 1.6 of its pitch', () => {
    // 使 of a usage line across the region, 0.13 past 黄 (1.9 pitches).
    const line = regionLine(`${ROW}使`, [...ROW_CENTRES, 0.75 + 0.13]);
    expect(strayEndAt(line)).toBe(11);
    const [value, stray] = withStrayEndApart(line);
    expect(value?.text).toBe(ROW);
    expect(value?.markInk).toBeUndefined();
    expect(stray?.text).toBe('使');
    expect(stray?.markInk).toBe(true);
  });

  it('keeps a last character at the row’s own pitch', () => {
    const line = regionLine(`${ROW}乡`, [...ROW_CENTRES, 0.75 + 0.07]);
    expect(withStrayEndApart(line)).toEqual([line]);
  });

  it('keeps a short value, whose pitch three neighbours do not give', () => {
    const line = regionLine('金黄乡', [0.1, 0.17, 0.5]);
    expect(withStrayEndApart(line)).toEqual([line]);
  });
});

describe('lookAtUnboxed over a mark', () => {
  const CHARSET = ['blank', '汉', '银', '行', ' '];
  const REGION: Quad = [
    [100, 20],
    [300, 20],
    [300, 50],
    [100, 50],
  ];
  /** White, with a usage line's red ink across the region. */
  const PHOTO: RgbImage = (() => {
    const data = new Uint8Array(400 * 100 * 3).fill(255);
    for (let y = 28; y < 42; y++)
      for (let x = 100; x < 300; x++) data.set([200, 50, 60], (y * 400 + x) * 3);
    return { width: 400, height: 100, data };
  })();
  const IDENTITY = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);

  /** Reads the mark's 银行 where red is left in the crop, the 汉 under it where it is lifted. */
  const runner: ModelRunner = {
    run: async (_, input) => read(input),
    runBatch: async (_, inputs) => inputs.map(read),
  };
  function read(input: Tensor): Tensor {
    const red = input.data.some((value) => value < 0);
    const steps = red ? [2, 3] : [1];
    const data = steps.flatMap((wanted) =>
      Array.from({ length: CHARSET.length }, (_, k) => (k === wanted ? 1 : 0)),
    );
    return { data: Float32Array.from(data), dims: [1, steps.length, CHARSET.length] };
  }

  it('keeps the reading with the ink lifted off where that rates better', async () => {
    // A value's region rates only the ethnic group it reads, not the mark's words.
    const rate = (lines: RecognizedLine[]) =>
      lines.some((line) => line.text === '汉') ? { score: 1 } : { score: 0, unboxed: [REGION] };
    const lines = await lookAtUnboxed(PHOTO, IDENTITY, [], { runner, charset: CHARSET }, rate);
    expect(lines.map((line) => line.text)).toEqual(['汉']);
    expect(lines[0]?.inkSeparated).toBe(true);
  });

  it('keeps the reading as it is where that rates better', async () => {
    const rate = (lines: RecognizedLine[]) =>
      lines.some((line) => line.text === '银行') ? { score: 1 } : { score: 0, unboxed: [REGION] };
    const lines = await lookAtUnboxed(PHOTO, IDENTITY, [], { runner, charset: CHARSET }, rate);
    expect(lines.map((line) => line.text)).toEqual(['银行']);
  });

  it('rates readings as read, before a mark they find keeps values from being vouched for', async () => {
    // Read, the region's value adds to the face; the mark across it leaves the face's other free
    // text unvouched.
    const rate = (lines: RecognizedLine[]) =>
      lines.some((line) => line.text === '银行')
        ? { score: 0.9, readScore: 1.2 }
        : { score: 1, readScore: 1, unboxed: [REGION] };
    const lines = await lookAtUnboxed(PHOTO, IDENTITY, [], { runner, charset: CHARSET }, rate);
    expect(lines.map((line) => line.text)).toEqual(['银行']);
  });
});

describe('lookAtUnboxed past a value', () => {
  const CHARSET = ['blank', '金', '黄', '乡', '园', '使'];
  const REGION: Quad = [
    [100, 20],
    [500, 20],
    [500, 50],
    [100, 50],
  ];
  const PHOTO: RgbImage = {
    width: 600,
    height: 100,
    data: new Uint8Array(600 * 100 * 3).fill(255),
  };
  const IDENTITY = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);

  /** Steps of 金黄乡园 two apart, and of a usage line's 使 three pitches past 园 (0: blank). */
  const STEPS: Record<number, number> = { 1: 1, 3: 2, 5: 3, 7: 4, 13: 5 };
  /** Reads those steps on whatever crop it is given. */
  function read(): Tensor {
    const steps = Array.from({ length: 16 }, (_, k) => STEPS[k] ?? 0);
    const data = steps.flatMap((wanted) =>
      Array.from({ length: CHARSET.length }, (_, k) => (k === wanted ? 1 : 0)),
    );
    return { data: Float32Array.from(data), dims: [1, steps.length, CHARSET.length] };
  }
  const runner: ModelRunner = {
    run: async () => read(),
    runBatch: async (_, inputs) => inputs.map(() => read()),
  };

  it('reads the value with the stray end set apart as a mark’s', async () => {
    const rate = (lines: RecognizedLine[]) =>
      lines.some((line) => line.text === '金黄乡园')
        ? { score: 1 }
        : { score: 0, unboxed: [REGION] };
    const lines = await lookAtUnboxed(PHOTO, IDENTITY, [], { runner, charset: CHARSET }, rate);
    expect(lines.map((line) => [line.text, line.markInk ?? false])).toEqual([
      ['金黄乡园', false],
      ['使', true],
    ]);
  });
});
