import { describe, expect, it } from 'vitest';
import type { FieldReading } from '../../ocr/layout/card-reading.ts';
import { doubtfulFieldAlternatives } from './local-engine-recognize.ts';

function field(value: string, confidence: number, alternatives?: string[]): FieldReading {
  return { value, confidence, box: null, ...(alternatives ? { alternatives } : {}) };
}

describe('result.alternatives', () => {
  it('lists them only for fields below 0.9 that have any', () => {
    const reading = {
      side: 'back' as const,
      fields: {
        issue: field('西安市公安局', 0.6, ['西宁市公安局']),
        valid_from: field('2015-08-26', 0.95, ['2016-08-26']),
        valid_to: field('2035-08-26', 0.5, []),
      },
    };
    expect(doubtfulFieldAlternatives(reading)).toEqual({ issue: ['西宁市公安局'] });
  });
});
