import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { backResultSchema, frontResultSchema } from '../../src/idcard/api-contract.ts';
import type { TestFile } from './desk.ts';

/**
 * The generator's synthetic cards and what a perfect reading of each one says; `CARD_SET_DIR`
 * points the tests and the benchmark at another set in the same format.
 */
export const CARDS_DIR =
  process.env.CARD_SET_DIR ?? resolve(import.meta.dirname, '../fixtures/cards');

// Only the parts of ground-truth.json these tests use.
const groundTruthSchema = z.object({
  images: z.array(
    z.object({
      file: z.string(),
      side: z.string(),
      format: z.string(),
      condition: z.object({ name: z.string() }),
      expected: z.record(z.string(), z.unknown()),
    }),
  ),
});

export type CardFixture = {
  path: string;
  file: TestFile;
  condition: string;
  expected: Record<string, string>;
};

const MIME_TYPES: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
};

function loadImages() {
  const text = readFileSync(resolve(CARDS_DIR, 'ground-truth.json'), 'utf8');
  return groundTruthSchema.parse(JSON.parse(text)).images;
}

const fieldValuesSchema = z.record(z.string(), z.string());

/** The fixture of one image; `expected` defaults to its one face's fields. */
function toFixture(
  image: ReturnType<typeof loadImages>[number],
  expected: Record<string, string> = fieldValuesSchema.parse(image.expected),
): CardFixture {
  const path = resolve(CARDS_DIR, image.file);
  return {
    path,
    file: {
      name: image.file.split('/').pop() ?? image.file,
      mimeType: MIME_TYPES[image.format] ?? 'application/octet-stream',
      buffer: readFileSync(path),
    },
    condition: image.condition.name,
    expected,
  };
}

/**
 * Single-face cards of one side, flat scans first, then JPEG photos: the desk's tests check the
 * desk, not how the engine copes with glare.
 */
export function cardsOfSide(side: 'front' | 'back'): CardFixture[] {
  const schema = side === 'front' ? frontResultSchema : backResultSchema;
  const candidates = loadImages().filter(
    (image) =>
      image.side === side && image.format in MIME_TYPES && schema.safeParse(image.expected).success,
  );
  const rank = (image: (typeof candidates)[number]) =>
    (image.condition.name === 'flat-scan' ? 0 : 2) + (image.format === 'jpeg' ? 0 : 1);
  return candidates.sort((a, b) => rank(a) - rank(b)).map((image) => toFixture(image));
}

export function firstFrontCard(): CardFixture {
  const [card] = cardsOfSide('front');
  if (!card) throw new Error(`no portrait-side card in ${CARDS_DIR}/ground-truth.json`);
  return card;
}

export function firstBackCard(): CardFixture {
  const [card] = cardsOfSide('back');
  if (!card) throw new Error(`no emblem-side card in ${CARDS_DIR}/ground-truth.json`);
  return card;
}

/** A card stored in one file format, to exercise the browser's decoder for it. */
export function cardInFormat(format: 'png' | 'bmp' | 'tiff' | 'jpeg'): CardFixture {
  const image = loadImages().find(
    (candidate) =>
      candidate.format === format &&
      (candidate.side === 'front' || candidate.side === 'back') &&
      !('front' in candidate.expected),
  );
  if (!image) throw new Error(`no ${format} card in ${CARDS_DIR}/ground-truth.json`);
  return toFixture(image);
}

/** A photocopy page with both faces of one card. */
export function doubleSidedPage(): CardFixture {
  const image = loadImages().find((candidate) => candidate.side === 'double_side');
  if (!image) throw new Error(`no double-sided page in ${CARDS_DIR}/ground-truth.json`);
  const { front, back } = z
    .object({ front: fieldValuesSchema, back: fieldValuesSchema })
    .parse(image.expected);
  return toFixture(image, { ...front, ...back });
}
