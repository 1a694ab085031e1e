import { describe, expect, it } from 'vitest';
import type { FieldScore, ImageScore } from './score.ts';
import { percentile, summarize } from './summary.ts';

function field(name: FieldScore['field'], correct: boolean, unflagged = false): FieldScore {
  return {
    face: 'front',
    field: name,
    expected: 'x',
    got: correct ? 'x' : 'y',
    correct,
    confidence: null,
    unflagged,
  };
}

function image(condition: string, latencyMs: number, fields: FieldScore[], faces = 1): ImageScore {
  return {
    file: `${condition}.jpg`,
    condition,
    side: 'front',
    latencyMs,
    faces,
    error: null,
    fields,
    allCorrect: fields.every((f) => f.correct),
  };
}

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 0.5)).toBe(5);
    expect(percentile(values, 0.9)).toBe(9);
    expect(percentile(values, 1)).toBe(10);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('summarize', () => {
  const scores = [
    image('flat-scan', 100, [field('name', true), field('number', true)]),
    image('flat-scan', 300, [field('name', false, true), field('number', true)]),
    image('glare', 800, [field('name', false), field('number', false, true)], 2),
  ];
  const summary = summarize('test', scores, 123);

  it('rates each field overall and per condition', () => {
    expect(summary.all.fields.name).toEqual({ correct: 1, total: 3 });
    expect(summary.all.fields.number).toEqual({ correct: 2, total: 3 });
    expect(summary.byCondition['flat-scan']?.fields.name).toEqual({ correct: 1, total: 2 });
    expect(summary.byCondition.glare?.images).toBe(1);
  });

  it('counts cards fully right and unflagged wrong values', () => {
    expect(summary.all.cards).toEqual({ correct: 1, total: 3 });
    expect(summary.unflaggedWrong).toBe(2);
  });

  it('reports latency per face', () => {
    expect(summary.faces).toBe(4);
    expect(summary.latencyPerFaceMs).toEqual({ median: 300, p90: 400, max: 400 });
    expect(summary.peakRssMiB).toBe(123);
  });
});
