import { describe, expect, it } from 'vitest';
import type { GroundTruth, GroundTruthImage } from '../card-set/ground-truth.ts';
import type { ImageScore } from './score.ts';
import { overlayKey, summarizeSlices } from './set-slices.ts';

const BACK = { issue: '杭州市公安局西湖分局', valid_from: '2015-03-06', valid_to: '2035-03-06' };

function image(
  file: string,
  family: string | undefined,
  kinds: readonly string[] = [],
): GroundTruthImage {
  const overlays = kinds.map((kind) => ({
    face: 'back' as const,
    kind,
    text: '复印无效',
    color: 'red',
    angle_deg: 10,
    over: 'issue',
    font: 'Noto Sans CJK SC',
  }));
  return {
    file,
    side: 'back',
    format: 'png',
    width: 100,
    height: 60,
    bytes: 1,
    ...(family === undefined ? {} : { family }),
    condition: { name: 'flat-scan', params: {}, ...(kinds.length > 0 ? { overlays } : {}) },
    expected: BACK,
    cards: [],
  };
}

function score(file: string, correct: boolean): ImageScore {
  return {
    file,
    condition: 'flat-scan',
    side: 'back',
    latencyMs: 10,
    faces: 1,
    error: null,
    fields: [
      {
        face: 'back',
        field: 'issue',
        expected: 'x',
        got: correct ? 'x' : 'y',
        correct,
        confidence: 0.95,
        unflagged: !correct,
      },
    ],
    allCorrect: correct,
  };
}

const set = (images: GroundTruthImage[]): GroundTruth => ({
  version: 1,
  generator: 'test',
  reference_date: '2025-06-01',
  images,
});

describe('summarizeSlices', () => {
  it('reports each style family apart, the held-back family included', () => {
    const truth = set([
      image('a.png', 'specimen'),
      image('b.png', 'held-back', ['stamp']),
      image('c.png', 'held-back', ['watermark', 'stamp']),
    ]);
    const slices = summarizeSlices(
      [score('a.png', true), score('b.png', false), score('c.png', true)],
      truth,
    );
    expect(slices.byFamily?.specimen?.cards).toEqual({ correct: 1, total: 1 });
    expect(slices.byFamily?.['held-back']?.cards).toEqual({ correct: 1, total: 2 });
    expect(Object.keys(slices.byOverlay ?? {})).toEqual(['none', 'stamp', 'stamp+watermark']);
    expect(slices.byOverlay?.stamp?.fields.issue).toEqual({ correct: 0, total: 1 });
  });

  it('reports names by the level of their rarest character, portrait sides only', () => {
    const front = (file: string, level: number): GroundTruthImage => ({
      ...image(file, 'specimen'),
      side: 'front',
      name_level: level,
    });
    const truth = set([front('a.png', 1), front('b.png', 3), image('c.png', 'specimen')]);
    const slices = summarizeSlices(
      [score('a.png', true), score('b.png', false), score('c.png', true)],
      truth,
    );
    expect(Object.keys(slices.byNameLevel ?? {})).toEqual(['level 1', 'level 3']);
    expect(slices.byNameLevel?.['level 3']?.cards).toEqual({ correct: 0, total: 1 });
  });

  it('gives no tables for a set that records none', () => {
    expect(summarizeSlices([score('a.png', true)], set([image('a.png', undefined)]))).toEqual({});
  });

  it('keys marks by their kinds, once each, in order', () => {
    expect(overlayKey(image('x.png', 'specimen'))).toBe('none');
    expect(overlayKey(image('x.png', 'specimen', ['watermark', 'stamp', 'stamp']))).toBe(
      'stamp+watermark',
    );
  });
});
