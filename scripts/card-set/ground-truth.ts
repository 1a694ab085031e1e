import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  backFieldsSchema,
  frontFieldsSchema,
  quadSchema,
  SIDE_VALUES,
} from '../../src/idcard/api-contract.ts';

/**
 * The file that describes a set of card images: for each image, what a perfect engine answers
 * (`expected`, exactly the API's result fields) and how the image was made. The generator writes
 * it, the benchmark and the golden tests read it; any set in this format can be measured.
 */
export const GROUND_TRUTH_FILE = 'ground-truth.json';

/**
 * A perfect engine's answer: the API's printed fields of the face. `null` marks a field nothing
 * on the image shows (hidden under an opaque stamp on a third-party set); it is left unscored.
 */
const knowable = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) =>
  z.object(
    Object.fromEntries(Object.keys(schema.shape).map((key) => [key, z.string().nullable()])) as {
      [K in keyof T]: z.ZodNullable<z.ZodString>;
    },
  );

export const frontExpectedSchema = knowable(frontFieldsSchema);
export type FrontExpected = z.infer<typeof frontExpectedSchema>;

export const backExpectedSchema = knowable(backFieldsSchema);
export type BackExpected = z.infer<typeof backExpectedSchema>;

export const doubleExpectedSchema = z.object({
  front: frontExpectedSchema,
  back: backExpectedSchema,
});

const paramValueSchema = z.union([z.number(), z.string(), z.boolean()]);

const overlaySchema = z.object({
  face: z.enum(['front', 'back']),
  /** `stamp`, `typed-line`, `handwritten-line` or `watermark`. */
  kind: z.string(),
  text: z.string(),
  color: z.string(),
  /** Rotation, degrees clockwise. */
  angle_deg: z.number(),
  /** The field or part of the face the mark is centred on (`face` for tiled watermarks). */
  over: z.string(),
  font: z.string(),
  shape: z.string().optional(),
});

export const groundTruthImageSchema = z.object({
  /** Path of the image relative to the set directory. */
  file: z.string(),
  /** The side to send as the request's `side` when the caller knows it. */
  side: z.enum(SIDE_VALUES),
  format: z.enum(['jpeg', 'png', 'bmp', 'tiff']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
  /** The style family the card was printed in (`scripts/generate-cards/style-families.ts`). */
  family: z.string().optional(),
  condition: z.object({
    name: z.string(),
    params: z.record(z.string(), paramValueSchema),
    /** Marks printed or written over the card: stamps, 仅供…使用 lines, watermarks. */
    overlays: z.array(overlaySchema).optional(),
  }),
  /** How the card's layout departs from the specification: offsets in mm, scales, type choices. */
  layout: z.record(z.string(), paramValueSchema).optional(),
  /** Fonts and other rendering choices, for reading failures by cause. */
  rendering: z.record(z.string(), paramValueSchema).optional(),
  /**
   * The highest level in the 通用规范汉字表 among the name's characters (1 everyday, 2 and 3 rarer;
   * 0 for none in the table); absent on emblem sides and in sets made before it was recorded.
   */
  name_level: z.number().int().min(0).max(3).optional(),
  /** `{ name, ... }` for `front`, `{ issue, ... }` for `back`, `{ front, back }` for `double_side`. */
  expected: z.union([doubleExpectedSchema, frontExpectedSchema, backExpectedSchema]),
  /**
   * Each card face in the image with its corners in image pixels, in the card's own order
   * (top-left, top-right, bottom-right, bottom-left as printed), so a card turned upside down
   * has its first corner at the bottom right of the image. Empty when not known.
   */
  cards: z.array(z.object({ face: z.enum(['front', 'back']), corners: quadSchema })),
});
export type GroundTruthImage = z.infer<typeof groundTruthImageSchema>;

export const groundTruthSchema = z.object({
  version: z.literal(1),
  /** What made the set, and how to make it again. */
  generator: z.string(),
  seed: z.number().int().optional(),
  /** The day the cards were made for: periods are valid or expired relative to it. */
  reference_date: z.string(),
  images: z.array(groundTruthImageSchema),
});
export type GroundTruth = z.infer<typeof groundTruthSchema>;

export async function readGroundTruth(setDirectory: string): Promise<GroundTruth> {
  const text = await readFile(join(setDirectory, GROUND_TRUTH_FILE), 'utf8');
  return groundTruthSchema.parse(JSON.parse(text));
}
