import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import type { ModelName, ModelRunner, Tensor } from './model-runner.ts';
import type { RgbImage } from './rgb-image.ts';
import { recognizeLines } from './text-models.ts';

const PHOTO: RgbImage = { width: 400, height: 100, data: new Uint8Array(400 * 100 * 3).fill(200) };
const FIRST_CHARSET = ['blank', '男', '吕', ' ', '样', '证'];
const CHARSET = ['blank', '男', '吕', '娟', ' '];

function box(x0: number, x1: number): Quad {
  return [
    [x0, 20],
    [x1, 20],
    [x1, 50],
    [x0, 50],
  ];
}
const SHORT = box(10, 40);
const LONG = box(100, 300);
const WIDE = box(0, 390);

/**
 * Sure characters: the first reader reads short crops 男, long ones 吕 and wide ones 样证; the
 * recogniser reads 娟.
 */
function answer(input: Tensor, model: ModelName): Tensor {
  const width = input.dims[3] as number;
  const classes = model === 'recFirst' ? FIRST_CHARSET.length : CHARSET.length;
  const first = width > 400 ? [4, 5] : width > 100 ? [2] : [1];
  const wanted = model === 'recFirst' ? first : [3];
  const steps = wanted.flatMap((w) => Array.from({ length: classes }, (_, k) => (k === w ? 1 : 0)));
  return { data: Float32Array.from(steps), dims: [1, wanted.length, classes] };
}

function countingRunner(): ModelRunner & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  return {
    calls,
    run: async (model, input) => answer(input, model),
    runBatch: async (model, inputs) => {
      calls[model] = (calls[model] ?? 0) + inputs.length;
      return inputs.map((input) => answer(input, model));
    },
  };
}

describe('recognizeLines with a first reader', () => {
  it('keeps the first reading of a closed form and reads the others with the recogniser', async () => {
    const runner = countingRunner();
    const models = { runner, charset: CHARSET, firstCharset: FIRST_CHARSET };
    const lines = await recognizeLines(PHOTO, [SHORT, LONG], models);
    expect(lines.map((line) => line.text)).toEqual(['男', '娟']);
    expect(runner.calls).toEqual({ recFirst: 2, rec: 1 });
  });

  it('keeps the first reading of a mark’s wording alone', async () => {
    const runner = countingRunner();
    const models = { runner, charset: CHARSET, firstCharset: FIRST_CHARSET };
    const lines = await recognizeLines(PHOTO, [WIDE, LONG], models);
    expect(lines.map((line) => line.text)).toEqual(['样证', '娟']);
    expect(runner.calls).toEqual({ recFirst: 2, rec: 1 });
  });

  it('reads every line with the recogniser alone when told the lines hold free text', async () => {
    const runner = countingRunner();
    const models = { runner, charset: CHARSET, firstCharset: FIRST_CHARSET };
    const lines = await recognizeLines(PHOTO, [SHORT, LONG], models, { firstReader: false });
    expect(lines.map((line) => line.text)).toEqual(['娟', '娟']);
    expect(runner.calls).toEqual({ rec: 2 });
  });

  it('reads only the lines flagged for it with the first reader', async () => {
    const runner = countingRunner();
    const models = { runner, charset: CHARSET, firstCharset: FIRST_CHARSET };
    const lines = await recognizeLines(PHOTO, [SHORT, SHORT, LONG], models, {
      firstReader: [true, false, true],
    });
    expect(lines.map((line) => line.text)).toEqual(['男', '娟', '娟']);
    expect(runner.calls).toEqual({ recFirst: 2, rec: 2 });
  });

  it('reads with the recogniser alone where no first reader is loaded', async () => {
    const runner = countingRunner();
    const lines = await recognizeLines(PHOTO, [SHORT], { runner, charset: CHARSET });
    expect(lines.map((line) => line.text)).toEqual(['娟']);
    expect(runner.calls).toEqual({ rec: 1 });
  });
});

describe("recognizeLines over a mark's ink", () => {
  /** White, with a band of red ink across the long line's box. */
  const INKED: RgbImage = (() => {
    const data = new Uint8Array(400 * 100 * 3).fill(255);
    for (let y = 28; y < 42; y++)
      for (let x = 100; x < 300; x++) data.set([200, 50, 60], (y * 400 + x) * 3);
    return { width: 400, height: 100, data };
  })();

  /**
   * Reads `withRed` where red is left in the crop (blue channel below mid-grey), else `lifted`:
   * by default 男 and 吕娟.
   */
  function inkRunner(
    withRed: number[] = [1],
    lifted: number[] = [2, 3],
  ): ModelRunner & { calls: Record<string, number> } {
    const calls: Record<string, number> = {};
    const read = (input: Tensor): Tensor => {
      const red = input.data.some((value) => value < 0);
      const steps = red ? withRed : lifted;
      const data = steps.flatMap((wanted) =>
        Array.from({ length: CHARSET.length }, (_, k) => (k === wanted ? 1 : 0)),
      );
      return { data: Float32Array.from(data), dims: [1, steps.length, CHARSET.length] };
    };
    return {
      calls,
      run: async (_, input) => read(input),
      runBatch: async (model, inputs) => {
        calls[model] = (calls[model] ?? 0) + inputs.length;
        return inputs.map(read);
      },
    };
  }

  it('reads an inked line as it is and without its ink, keeping the reading with more characters', async () => {
    const runner = inkRunner([2]);
    const lines = await recognizeLines(INKED, [SHORT, LONG], { runner, charset: CHARSET });
    expect(lines.map((line) => line.text)).toEqual(['吕娟', '吕娟']);
    expect(lines.map((line) => line.inkSeparated)).toEqual([undefined, true]);
    expect(runner.calls).toEqual({ rec: 3 });
  });

  it("does not read again an inked line read surely as one of the card's closed forms", async () => {
    // 男 is all the sex row prints: a mark over it hid nothing.
    const runner = inkRunner([1]);
    const lines = await recognizeLines(INKED, [SHORT, LONG], { runner, charset: CHARSET });
    expect(lines.map((line) => line.text)).toEqual(['吕娟', '男']);
    expect(lines[1]?.inkSeparated).toBeUndefined();
    expect(runner.calls).toEqual({ rec: 2 });
  });

  it("flags a line that reads nothing once its ink is lifted as all the mark's", async () => {
    // A stamp's 娟 boxed on its own: lifted off, the crop is blank.
    const runner = inkRunner([3], [0]);
    const lines = await recognizeLines(INKED, [LONG], { runner, charset: CHARSET });
    expect(lines.map((line) => line.text)).toEqual(['娟']);
    expect(lines[0]?.markInk).toBe(true);
    expect(lines[0]?.inkSeparated).toBeUndefined();
  });

  it('keeps the reading as it is, unflagged, where that holds more characters', async () => {
    const runner = inkRunner([2, 3], [1]);
    const lines = await recognizeLines(INKED, [LONG], { runner, charset: CHARSET });
    expect(lines.map((line) => line.text)).toEqual(['吕娟']);
    expect(lines[0]?.inkSeparated).toBeUndefined();
    expect(lines[0]?.markInk).toBeUndefined();
  });
});
