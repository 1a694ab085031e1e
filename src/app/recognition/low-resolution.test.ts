import { describe, expect, it } from 'vitest';
import { explainRecognitionFailure } from './low-resolution.ts';

const noCard = { kind: 'api', code: 'AIS.0104', serverMessage: '', status: 400 } as const;

describe('explainRecognitionFailure', () => {
  it('calls "no card found" in a small image too low a resolution', () => {
    expect(explainRecognitionFailure(noCard, { width: 140, height: 101 })).toEqual({
      kind: 'low-resolution',
      size: { width: 140, height: 101 },
    });
  });

  it('keeps "no card found" for an image large enough to hold a readable card', () => {
    expect(explainRecognitionFailure(noCard, { width: 1280, height: 960 })).toBe(noCard);
  });

  it('leaves other failures alone', () => {
    expect(explainRecognitionFailure({ kind: 'network' }, { width: 100, height: 80 })).toEqual({
      kind: 'network',
    });
  });
});
