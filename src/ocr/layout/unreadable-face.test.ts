import { describe, expect, it } from 'vitest';
import type { Quad } from '../../idcard/api-contract.ts';
import type { ReadFace } from '../recognized-line.ts';
import type { RgbImage } from '../rgb-image.ts';
import { readCardFields } from './read-card-fields.ts';
import { faceOf, frontLines, SAMPLE_FRONT, SAMPLE_TODAY } from './read-face-builder.ts';
import { isIllegible, likelySide, unreadableReading } from './unreadable-face.ts';

/** A face of boxed lines read as `text` with every character at `prob`. */
function blurredFace(lines: { text: string; box: Quad }[], prob: number): ReadFace {
  return {
    width: 856,
    height: 540,
    lines: lines.map(({ text, box }) => ({
      text,
      box,
      score: prob,
      chars: [...text].map((char) => ({ char, prob, alternatives: [] })),
    })),
  };
}

type Rgb = [number, number, number];
type Area = { left: number; top: number; right: number; bottom: number };

/** A straightened face of `paper` with `patches` painted on it. */
function paintedFace(paper: Rgb, patches: { area: Area; colour: Rgb }[]): RgbImage {
  const width = 856;
  const height = 540;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const patch = patches.find(
        ({ area }) => x >= area.left && x < area.right && y >= area.top && y < area.bottom,
      );
      data.set(patch?.colour ?? paper, (y * width + x) * 3);
    }
  }
  return { width, height, data };
}

const PALE_PAPER: Rgb = [236, 238, 240];
const WARM_PAPER: Rgb = [250, 214, 160];
const EMBLEM_RED: Rgb = [200, 40, 40];
/** The emblem, about 22 mm square at the emblem side's top left. */
const EMBLEM_AREA: Area = { left: 40, top: 40, right: 260, bottom: 260 };
const PORTRAIT_AREA: Area = { left: 550, top: 50, right: 800, bottom: 420 };
const LIPS_AREA: Area = { left: 650, top: 200, right: 700, bottom: 215 };

const TITLE_BOX: Quad = [
  [252, 152],
  [779, 158],
  [778, 246],
  [252, 240],
];
const NUMBER_BOX: Quad = [
  [258, 431],
  [767, 431],
  [767, 474],
  [258, 475],
];

describe('a card face too poor to read', () => {
  it('counts a face read at low character probabilities, or with nothing read, as illegible', () => {
    expect(isIllegible(blurredFace([{ text: '婴风身份司', box: TITLE_BOX }], 0.4))).toBe(true);
    expect(isIllegible(blurredFace([], 1))).toBe(true);
  });

  it('counts clearly read print as legible, a card of it or not', () => {
    expect(isIllegible(faceOf(frontLines(SAMPLE_FRONT)))).toBe(false);
    expect(isIllegible(blurredFace([{ text: '会员卡金卡会员专享', box: NUMBER_BOX }], 0.97))).toBe(
      false,
    );
  });

  it('takes a face showing the red of the national emblem for the emblem side', () => {
    expect(likelySide(paintedFace(PALE_PAPER, [{ area: EMBLEM_AREA, colour: EMBLEM_RED }]))).toBe(
      'back',
    );
    // Warm light tints the whole card; the emblem still stands out from the paper.
    expect(
      likelySide(paintedFace(WARM_PAPER, [{ area: EMBLEM_AREA, colour: [250, 90, 40] }])),
    ).toBe('back');
  });

  it('takes a face without it for the portrait side, however warm the light', () => {
    const portrait = { area: PORTRAIT_AREA, colour: [70, 74, 80] as Rgb };
    expect(likelySide(paintedFace(PALE_PAPER, [portrait]))).toBe('front');
    expect(likelySide(paintedFace(WARM_PAPER, [portrait]))).toBe('front');
    // Red lips or a red collar on the portrait are far too little red for an emblem.
    expect(
      likelySide(paintedFace(PALE_PAPER, [portrait, { area: LIPS_AREA, colour: EMBLEM_RED }])),
    ).toBe('front');
  });

  it('answers every field of the side empty, unsure and without a place', () => {
    const front = unreadableReading('front');
    expect(front.side).toBe('front');
    expect(Object.keys(front.fields).sort()).toEqual(
      Object.keys(
        readCardFields(faceOf(frontLines(SAMPLE_FRONT)), 'auto', SAMPLE_TODAY).fields,
      ).sort(),
    );
    for (const field of Object.values(front.fields)) {
      expect(field).toMatchObject({ value: '', confidence: 0, box: null });
    }
    expect(Object.keys(unreadableReading('back').fields).sort()).toEqual([
      'issue',
      'valid_from',
      'valid_to',
    ]);
  });
});
