import { describe, expect, it } from 'vitest';
import { orientationVote, uprightCorners } from './card-orientation.ts';
import type { DetectedBox } from './db-postprocess.ts';
import type { Point } from './geometry.ts';
import type { ModelRunner, Tensor } from './model-runner.ts';
import type { RgbImage } from './rgb-image.ts';
import type { TextModels } from './text-models.ts';

describe('orientationVote', () => {
  it('turns a card when several lines surely say so', () => {
    expect(orientationVote([true, true, true, null, false, true])).toBe('turned');
    expect(orientationVote([true, true, null, null, null, null])).toBe('turned');
  });

  it('does not settle a card on one sure answer among unsure ones', () => {
    expect(orientationVote([true, null, null, null, null, null])).toBe('unsettled');
    expect(orientationVote([true, null, null, null, false, null])).toBe('unsettled');
  });

  it('does not settle a card when as many lines say it is upright', () => {
    expect(orientationVote([true, true, false, false, null, null])).toBe('unsettled');
  });

  it('keeps a card upright when several lines surely say so', () => {
    expect(orientationVote([false, false, null, true, null, null])).toBe('upright');
  });

  it('lets the one line of a card with a single line decide', () => {
    expect(orientationVote([true])).toBe('turned');
    expect(orientationVote([false])).toBe('upright');
    expect(orientationVote([null])).toBe('unsettled');
  });
});

/** A photo whose left half is dark and right half light: a crop's first columns tell its turn. */
const PHOTO: RgbImage = (() => {
  const [width, height] = [400, 200];
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) data.fill(255, (y * width + 200) * 3, (y * width + width) * 3);
  return { width, height, data };
})();
const CORNERS: Point[] = [
  [0, 0],
  [400, 0],
  [400, 200],
  [0, 200],
];
const BOX: DetectedBox = {
  box: [
    [50, 50],
    [350, 50],
    [350, 100],
    [50, 100],
  ],
  score: 0.9,
};
const CHARSET = ['blank', '2', '9', '0', '1'];

/**
 * A classifier unsure of every line, and a recogniser that reads `fromDark` on a crop that starts
 * in the dark half and `fromLight` on one that starts in the light half.
 */
function models(fromDark: string, fromLight: string): TextModels {
  const read = (input: Tensor): Tensor => {
    const startsDark = (input.data[0] as number) < 0;
    const text = Array.from(startsDark ? fromDark : fromLight);
    const data = text.flatMap((char) =>
      CHARSET.map((c) => (c === char ? 0.99 : c === 'blank' ? 0.01 : 0)),
    );
    return { data: Float32Array.from(data), dims: [1, text.length, CHARSET.length] };
  };
  const runner: ModelRunner = {
    run: async (model, input) =>
      model === 'cls'
        ? {
            data: new Float32Array((input.dims[0] as number) * 2).fill(0.5),
            dims: [input.dims[0] as number, 2],
          }
        : read(input),
    runBatch: async (_, inputs) => inputs.map(read),
  };
  return { runner, charset: CHARSET };
}

describe('uprightCorners, where the classifier is unsure', () => {
  it('turns a card whose lines read far more turned half round', async () => {
    const corners = await uprightCorners(PHOTO, CORNERS, [BOX], models('2', '2901'));
    expect(corners).toEqual([CORNERS[2], CORNERS[3], CORNERS[0], CORNERS[1]]);
  });

  it('keeps a card whose lines read as well or better as they run', async () => {
    expect(await uprightCorners(PHOTO, CORNERS, [BOX], models('2901', '29'))).toEqual(CORNERS);
    expect(await uprightCorners(PHOTO, CORNERS, [BOX], models('290', '2901'))).toEqual(CORNERS);
  });
});
