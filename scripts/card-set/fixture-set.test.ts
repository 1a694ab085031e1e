import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/idcard/verify.ts';
import {
  CONDITION_NAMES,
  IMAGE_FORMATS,
  ON_DEMAND_CONDITIONS,
} from '../generate-cards/capture-conditions.ts';
import {
  type BackExpected,
  type FrontExpected,
  type GroundTruth,
  type GroundTruthImage,
  readGroundTruth,
} from './ground-truth.ts';

/** The committed set that golden tests, end-to-end tests and the benchmark use. */
const FIXTURE_SET = join(import.meta.dirname, '../../e2e/fixtures/cards');

function faces(image: GroundTruthImage): { front?: FrontExpected; back?: BackExpected } {
  const expected = image.expected;
  if ('front' in expected) return expected;
  return 'number' in expected ? { front: expected } : { back: expected };
}

/** The committed set shows every field, so none is left unknown (`null`). */
function known<T extends Record<string, string | null>>(
  fields: T | undefined,
): { [K in keyof T]: string } | undefined {
  if (fields === undefined) return undefined;
  for (const [field, value] of Object.entries(fields)) {
    if (value === null) throw new Error(`${field} is unknown in the committed set`);
  }
  return fields as { [K in keyof T]: string };
}

describe('the committed card set', () => {
  let truth: GroundTruth;
  beforeAll(async () => {
    truth = await readGroundTruth(FIXTURE_SET);
  });

  it('lists files that exist with the recorded size', () => {
    for (const image of truth.images) {
      const path = join(FIXTURE_SET, image.file);
      expect(existsSync(path), image.file).toBe(true);
      expect(statSync(path).size).toBe(image.bytes);
    }
  });

  it('stays well under 20 MB', () => {
    const total = truth.images.reduce((sum, image) => sum + image.bytes, 0);
    expect(total).toBeLessThan(16 * 1024 * 1024);
  });

  it('covers every condition it was made with, both sides each, and every format', () => {
    // The set was made before later conditions existed; its generator command names its own.
    const made = /--conditions (\S+)/.exec(truth.generator)?.[1]?.split(',') ?? [];
    expect(made.length).toBeGreaterThan(10);
    for (const condition of made) {
      expect(CONDITION_NAMES, condition).toContain(condition);
      expect(ON_DEMAND_CONDITIONS, condition).not.toContain(condition);
      const sides = new Set(
        truth.images
          .filter((image) => image.condition.name === condition)
          .map((image) => image.side),
      );
      const wanted = condition === 'photocopy-double' ? ['double_side'] : ['back', 'front'];
      expect([...sides].sort(), condition).toEqual(wanted);
    }
    expect(new Set(truth.images.map((image) => image.format))).toEqual(new Set(IMAGE_FORMATS));
  });

  it('expects cards that pass every card rule on the reference date', () => {
    for (const image of truth.images) {
      const front = known(faces(image).front);
      const back = known(faces(image).back);
      const result = verify(front, back, truth.reference_date);
      if (front) {
        expect(result.valid_number, image.file).toBe(true);
        expect(result.valid_birth, image.file).toBe(true);
        expect(result.valid_sex, image.file).toBe(true);
      }
      if (back) expect(result.valid_validity_period, image.file).toBe(true);
    }
  });

  it('places every card face inside its image', () => {
    for (const image of truth.images) {
      expect(image.cards.length).toBe(image.side === 'double_side' ? 2 : 1);
      for (const card of image.cards) {
        for (const [x, y] of card.corners) {
          expect(x >= 0 && x <= image.width && y >= 0 && y <= image.height, image.file).toBe(true);
        }
      }
    }
  });
});
