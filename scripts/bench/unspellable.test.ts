import { describe, expect, it } from 'vitest';
import { formatUnspellable } from './print-summary.ts';
import type { FieldScore, ImageScore } from './score.ts';
import { canSpell, dictionaryOf, summarizeUnspellable } from './unspellable.ts';

/** A dictionary without 殳 and 鄠, as `ppocr_keys_v1.txt`. */
const DICTIONARY = dictionaryOf(
  '斌\r\n颖\r\n王\r\n明\r\n西\r\n安\r\n市\r\n公\r\n局\r\n邑\r\n分\r\n',
);

function field(name: FieldScore['field'], expected: string, correct: boolean): FieldScore {
  return {
    face: name === 'issue' ? 'back' : 'front',
    field: name,
    expected,
    got: correct ? expected : '',
    correct,
    confidence: 0.5,
    unflagged: false,
  };
}

function image(fields: FieldScore[]): ImageScore {
  return {
    file: 'card.jpg',
    condition: 'flat-scan',
    side: 'front',
    latencyMs: 1,
    faces: 1,
    error: null,
    fields,
    allCorrect: fields.every((f) => f.correct),
  };
}

describe('canSpell', () => {
  it('reads a dictionary file with either line ending', () => {
    expect(canSpell('王明', DICTIONARY)).toBe(true);
    expect(canSpell('殳斌颖', DICTIONARY)).toBe(false);
    expect(canSpell('王明', dictionaryOf('王\n明\n'))).toBe(true);
  });
});

describe('summarizeUnspellable', () => {
  const summary = summarizeUnspellable(
    [
      image([field('name', '殳斌颖', false), field('sex', '男', true)]),
      image([field('name', '王明', true)]),
      image([field('name', '王斌', false)]),
      image([field('issue', '西安市公安局鄠邑分局', false)]),
    ],
    dictionaryOf('斌\n颖\n王\n明\n西\n安\n市\n公\n局\n邑\n分\n男\n'),
  );

  it('counts the expected values holding a character the dictionary lacks, per field', () => {
    expect(summary.values).toBe(2);
    expect(summary.byField).toEqual({ name: 1, issue: 1 });
  });

  it('rates each field over the values the dictionary can spell', () => {
    expect(summary.remaining.name).toEqual({ correct: 1, total: 2 });
    expect(summary.remaining.sex).toEqual({ correct: 1, total: 1 });
    expect(summary.remaining.issue).toBeUndefined();
  });

  it('prints the count and the accuracy over the rest, free-text fields always named', () => {
    expect(formatUnspellable(summary)).toEqual([
      'values the dictionary cannot spell: 2 (name 1, address 0, issue 1)',
      'accuracy over the values it can spell: name 50% (1/2), address -, issue -',
    ]);
  });
});
