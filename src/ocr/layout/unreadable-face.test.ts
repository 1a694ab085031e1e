import { describe, expect, it } from 'vitest';
import type { Quad } from '../../idcard/api-contract.ts';
import type { ReadFace } from '../recognized-line.ts';
import { readCardFields } from './read-card-fields.ts';
import { backLines, faceOf, frontLines, SAMPLE_FRONT, SAMPLE_TODAY } from './read-face-builder.ts';
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
const PORTRAIT_BOX: Quad = [
  [452, 64],
  [798, 30],
  [833, 378],
  [487, 412],
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

  it('takes a face with a line as tall as the emblem side title for the emblem side', () => {
    expect(likelySide(blurredFace([{ text: '居民身份证', box: TITLE_BOX }], 0.3))).toBe('back');
  });

  it('takes a face of small lines and a photo for the portrait side', () => {
    const face = blurredFace(
      [
        { text: '口', box: PORTRAIT_BOX },
        { text: '159127191404044281', box: NUMBER_BOX },
      ],
      0.5,
    );
    expect(likelySide(face)).toBe('front');
    expect(
      likelySide(faceOf(backLines({ issue: '北京市公安局', validity: '2015.03.06-2035.03.06' }))),
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
