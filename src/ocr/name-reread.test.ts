import { describe, expect, it } from 'vitest';
import type { Quad } from '../idcard/api-contract.ts';
import type { ModelName, ModelRunner, Tensor } from './model-runner.ts';
import { grownBox, NAME_REREAD_MARGINS, rereadDoubtfulNames } from './name-reread.ts';
import type { ScannedCard } from './read-cards.ts';
import type { RecognizedLine } from './recognized-line.ts';
import type { RgbImage } from './rgb-image.ts';

const CHARSET = ['blank', '吕', '昌', '娟', ' '];
const PHOTO: RgbImage = { width: 200, height: 100, data: new Uint8Array(200 * 100 * 3).fill(200) };
const IDENTITY = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
const NAME_BOX: Quad = [
  [40, 30],
  [120, 30],
  [120, 60],
  [40, 60],
];

/** A recogniser that reads every crop as 吕娟, 吕 at 0.8 against 昌 at 0.2, and counts its calls. */
function fakeRunner(): ModelRunner & { batches: Tensor[][] } {
  const batches: Tensor[][] = [];
  const steps = [
    [0, 0.8, 0.2, 0, 0],
    [1, 0, 0, 0, 0],
    [0, 0, 0, 1, 0],
    [1, 0, 0, 0, 0],
  ];
  const answer = (): Tensor => ({
    data: Float32Array.from(steps.flat()),
    dims: [1, steps.length, CHARSET.length],
  });
  return {
    batches,
    run: async () => answer(),
    runBatch: async (_model: ModelName, inputs: readonly Tensor[]) => {
      batches.push([...inputs]);
      return inputs.map(answer);
    },
  };
}

/** The first reading: 昌 at 0.6 against 吕 at 0.35. */
const FIRST_READING: RecognizedLine = {
  text: '昌娟',
  box: NAME_BOX,
  score: 0.8,
  chars: [
    { char: '昌', prob: 0.6, alternatives: [{ char: '吕', prob: 0.35 }] },
    { char: '娟', prob: 1, alternatives: [] },
  ],
};

function scanOf(lines: RecognizedLine[]): ScannedCard {
  return {
    face: { width: 200, height: 100, lines },
    faceImage: () => PHOTO,
    faceToPhoto: IDENTITY,
  };
}

describe('rereadDoubtfulNames', () => {
  it('reads a doubtful name’s line again at taller crops, in one batch, and merges the readings', async () => {
    const runner = fakeRunner();
    const [scan] = await rereadDoubtfulNames(
      PHOTO,
      [scanOf([FIRST_READING])],
      { runner, charset: CHARSET },
      () => NAME_BOX,
    );
    expect(runner.batches).toHaveLength(1);
    expect(runner.batches[0]).toHaveLength(NAME_REREAD_MARGINS.length);
    expect(scan?.face.lines[0]?.text).toBe('吕娟');
    expect(scan?.face.lines[0]?.chars[0]?.alternatives[0]?.char).toBe('昌');
  });

  it('costs no recognition when the name is vouched for', async () => {
    const runner = fakeRunner();
    const scans = [scanOf([FIRST_READING])];
    const reread = await rereadDoubtfulNames(
      PHOTO,
      scans,
      { runner, charset: CHARSET },
      () => null,
    );
    expect(runner.batches).toHaveLength(0);
    expect(reread[0]).toBe(scans[0]);
  });
});

describe('grownBox', () => {
  it('adds margins in heights of the line, along a tilted line’s own edges', () => {
    const tilted: Quad = [
      [0, 0],
      [100, 100],
      [90, 110],
      [-10, 10],
    ];
    const height = Math.hypot(10, 10);
    const [tl, tr] = grownBox(tilted, { vertical: 0.5, horizontal: 0 });
    // Half a line height outward, perpendicular to the line.
    expect(tl[0]).toBeCloseTo(0.5 * height * Math.SQRT1_2);
    expect(tl[1]).toBeCloseTo(-0.5 * height * Math.SQRT1_2);
    expect(tr[0] - tl[0]).toBeCloseTo(100);
  });
});
