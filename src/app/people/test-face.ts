import type { Face } from './person.ts';

/** A face for tests: read with `recognised` and nothing else (no edits, scores or images). */
export function testFace(
  side: Face['side'],
  recognised: Face['recognised'],
  change: Partial<Face> = {},
): Face {
  return {
    id: 'f1',
    jobId: 'j1',
    side,
    recognised,
    edits: {},
    confidence: {},
    alternatives: {},
    locations: {},
    cardLocations: {},
    adjustedImage: null,
    portraitImage: null,
    verification: null,
    ...change,
  };
}
