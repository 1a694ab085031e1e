import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import { lookPastEnds, lookUnderSeals } from './line-ends.ts';
import type { ModelRunner, Tensor } from './model-runner.ts';
import type { RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';

const CHARSET = ['blank', '2', '9', '0', '1', '，'];
const IDENTITY = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
const PHOTO: RgbImage = {
  width: 900,
  height: 600,
  data: new Uint8Array(900 * 600 * 3).fill(255),
};

/** A line read as 290, 40 px high, from x = 300 to `right` on the face. */
function lineTo(right: number): RecognizedLine {
  const box: Quad = [
    [300, 250],
    [right, 250],
    [right, 290],
    [300, 290],
  ];
  const chars = Array.from('290', (char, i) => ({
    char,
    prob: 0.99,
    alternatives: [],
    span: { start: 0.2 + 0.3 * i, end: 0.25 + 0.3 * i },
  }));
  return { text: '290', score: 0.99, chars, box };
}

/** A recogniser that reads what `choose` picks for each crop, and counts its runs. */
function fakeReader(choose: (input: Tensor) => [string, number][]) {
  const counter = { runs: 0 };
  const read = (input: Tensor): Tensor => {
    counter.runs++;
    const data = choose(input).flatMap(([char, prob]) =>
      CHARSET.map((c) => (c === char ? prob : c === 'blank' ? 1 - prob : 0)),
    );
    return {
      data: Float32Array.from(data),
      dims: [1, data.length / CHARSET.length, CHARSET.length],
    };
  };
  const runner: ModelRunner = {
    run: async (_, input) => read(input),
    runBatch: async (_, inputs) => inputs.map(read),
  };
  return { models: { runner, charset: CHARSET }, counter };
}

/**
 * A recogniser that reads 290 on a crop of the line's own width and `past` on a wider one (the
 * crop reaching past the line's end), each character at its given probability.
 */
function reader(past: [string, number][]) {
  return fakeReader((input) => ((input.dims[3] as number) > 300 ? past : SURE_PAST.slice(0, 3)));
}

const SURE_PAST: [string, number][] = [
  ['2', 0.99],
  ['9', 0.99],
  ['0', 0.99],
  ['2', 0.99],
];

describe('lookPastEnds', () => {
  it('reads on past a line that ends in the photo’s columns, and vouches for none of it', async () => {
    const { models } = reader(SURE_PAST);
    const [line] = await lookPastEnds(PHOTO, IDENTITY, [lineTo(540)], models);
    expect(line?.text).toBe('2902');
    expect(line?.unboxed).toBe(true);
    // Boxed to its characters: past the old end, within the look past it (48 px).
    const right = Math.max(...(line?.box ?? []).map((p) => p[0]));
    expect(right).toBeGreaterThan(540);
    expect(right).toBeLessThanOrEqual(588);
  });

  it('does not look past a line that ends left of the photo', async () => {
    const { models, counter } = reader(SURE_PAST);
    const line = lineTo(480);
    expect(await lookPastEnds(PHOTO, IDENTITY, [line], models)).toEqual([line]);
    expect(counter.runs).toBe(0);
  });

  it('does not look past a line set at a mark’s angle to the rows', async () => {
    const { models, counter } = reader(SURE_PAST);
    const line = lineTo(540);
    const [[x0, y0], [x1, y1]] = line.box;
    // The right end 100 px lower over 240: 23 degrees, as a usage line is set.
    const tilted: RecognizedLine = {
      ...line,
      box: [
        [x0, y0],
        [x1, y1 + 100],
        [x1, y1 + 140],
        [x0, y0 + 40],
      ],
    };
    expect(await lookPastEnds(PHOTO, IDENTITY, [tilted], models)).toEqual([tilted]);
    expect(counter.runs).toBe(0);
  });

  it('keeps the line where what is read past it is doubtful', async () => {
    const { models } = reader([...SURE_PAST.slice(0, 3), ['1', 0.45]]);
    const line = lineTo(540);
    expect(await lookPastEnds(PHOTO, IDENTITY, [line], models)).toEqual([line]);
  });

  it('keeps the line where the longer reading reads its own characters otherwise', async () => {
    const { models } = reader([
      ['2', 0.99],
      ['9', 0.99],
      ['1', 0.99],
      ['2', 0.99],
    ]);
    const line = lineTo(540);
    expect(await lookPastEnds(PHOTO, IDENTITY, [line], models)).toEqual([line]);
  });
});

/**
 * A page with a seal's dark ground (90) right past x = 540 on the line's rows, a stroke of the
 * print under it (40) every 12 columns.
 */
function sealedPhoto(): RgbImage {
  const photo: RgbImage = { ...PHOTO, data: new Uint8Array(PHOTO.data.length).fill(230) };
  for (let y = 220; y < 320; y++) {
    for (let x = 541; x < 660; x++) {
      const level = x % 12 < 3 && y > 258 && y < 282 ? 40 : 90;
      photo.data.fill(level, (y * photo.width + x) * 3, (y * photo.width + x) * 3 + 3);
    }
  }
  return photo;
}

/** A page with a seal's ground over the middle of the line (x 380-440), print under it. */
function middleSealedPhoto(): RgbImage {
  const photo: RgbImage = { ...PHOTO, data: new Uint8Array(PHOTO.data.length).fill(230) };
  for (let y = 220; y < 320; y++) {
    for (let x = 380; x < 440; x++) {
      const level = x % 12 < 3 && y > 258 && y < 282 ? 40 : 90;
      photo.data.fill(level, (y * photo.width + x) * 3, (y * photo.width + x) * 3 + 3);
    }
  }
  return photo;
}

/** Whether the columns of a crop between two shares of its width are light (a ground lifted). */
function lightBetween(input: Tensor, from: number, to: number): boolean {
  const [, , height, width] = input.dims as [number, number, number, number];
  let sum = 0;
  for (let y = 0; y < height; y++) {
    for (let x = Math.floor(width * from); x < Math.floor(width * to); x++) {
      sum += input.data[y * width + x] as number;
    }
  }
  return sum > 0;
}

/**
 * A recogniser that reads `lifted` where the part of its crop between two shares of its width is
 * light (the seal's ground lifted), and 290 where it is dark.
 */
function sealReader(lifted: [string, number][] = SURE_PAST, [from, to] = [0.85, 1]) {
  return fakeReader((input) => (lightBetween(input, from, to) ? lifted : SURE_PAST.slice(0, 3)));
}

describe('lookUnderSeals', () => {
  it('reads on under a seal’s ground past a line’s end, lifted, and vouches for none of it', async () => {
    const { models } = sealReader();
    const [line] = await lookUnderSeals(sealedPhoto(), IDENTITY, [lineTo(540)], models, 'back');
    expect(line?.text).toBe('2902');
    expect(line?.unboxed).toBe(true);
    expect(Math.max(...(line?.box ?? []).map((p) => p[0]))).toBeGreaterThan(540);
  });

  it('reads what a seal over a line’s middle hid, and keeps the line where a character changed', async () => {
    const inserted: [string, number][] = [
      ['2', 0.99],
      ['1', 0.99],
      ['9', 0.99],
      ['0', 0.99],
    ];
    const { models } = sealReader(inserted, [0.4, 0.5]);
    const [line] = await lookUnderSeals(
      middleSealedPhoto(),
      IDENTITY,
      [lineTo(540)],
      models,
      'back',
    );
    expect(line?.text).toBe('2190');
    expect(line?.unboxed).toBe(true);
    const changed = sealReader([...inserted.slice(0, 3), ['1', 0.99]], [0.4, 0.5]);
    const kept = lineTo(540);
    const again = await lookUnderSeals(
      middleSealedPhoto(),
      IDENTITY,
      [kept],
      changed.models,
      'back',
    );
    expect(again).toEqual([kept]);
  });

  it('keeps the line where the lifted reading adds what no value prints (a comma)', async () => {
    const { models } = sealReader([...SURE_PAST.slice(0, 3), ['，', 0.99]]);
    const line = lineTo(540);
    expect(await lookUnderSeals(sealedPhoto(), IDENTITY, [line], models, 'back')).toEqual([line]);
  });

  it('does not look where paper follows the line', async () => {
    const { models, counter } = sealReader();
    const line = lineTo(540);
    expect(await lookUnderSeals(PHOTO, IDENTITY, [line], models, 'back')).toEqual([line]);
    expect(counter.runs).toBe(0);
  });

  it('does not look where another line stands past the end, nor into the portrait’s photo', async () => {
    const { models, counter } = sealReader();
    const line = lineTo(540);
    const seal: RecognizedLine = {
      ...line,
      text: '印止',
      box: [
        [545, 255],
        [600, 255],
        [600, 290],
        [545, 290],
      ],
    };
    const lines = [line, seal];
    expect(await lookUnderSeals(sealedPhoto(), IDENTITY, lines, models, 'back')).toEqual(lines);
    expect(await lookUnderSeals(sealedPhoto(), IDENTITY, [line], models, 'front')).toEqual([line]);
    expect(counter.runs).toBe(0);
  });
});
