import type { CardField } from '../../src/idcard/api-contract.ts';
import type { ImageScore } from './score.ts';
import type { UnspellableSummary } from './unspellable.ts';

export type Rate = { correct: number; total: number };

export type GroupSummary = {
  images: number;
  fields: Partial<Record<CardField, Rate>>;
  /** Images with every field right. */
  cards: Rate;
};

export type LatencySummary = { median: number; p90: number; max: number };

export type EngineSummary = {
  engine: string;
  images: number;
  faces: number;
  /** Images the engine answered with an error. */
  errors: number;
  all: GroupSummary;
  byCondition: Record<string, GroupSummary>;
  /** By the ground truth's style family, when the set records one (`held-back` apart). */
  byFamily?: Record<string, GroupSummary>;
  /** By the marks over the image (`none`, `stamp`, `stamp+watermark`, ...), when recorded. */
  byOverlay?: Record<string, GroupSummary>;
  /** Images with a portrait side by the highest 通用规范汉字表 level of the name, when recorded. */
  byNameLevel?: Record<string, GroupSummary>;
  /** Wrong values returned without being marked doubtful (see FieldScore.unflagged). */
  unflaggedWrong: number;
  /** Image latency divided by the faces in the image, milliseconds. */
  latencyPerFaceMs: LatencySummary;
  /** Peak resident memory of the benchmark process so far (workers included), MiB. */
  peakRssMiB: number;
  /** Expected values the recogniser's dictionary cannot spell, when the dictionary was read. */
  unspellable?: UnspellableSummary;
};

/** Nearest-rank percentile of unsorted values; 0 for none. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? 0;
}

function summarizeGroup(scores: readonly ImageScore[]): GroupSummary {
  const fields: Partial<Record<CardField, Rate>> = {};
  for (const score of scores) {
    for (const field of score.fields) {
      const rate = fields[field.field] ?? { correct: 0, total: 0 };
      fields[field.field] = rate;
      rate.total += 1;
      if (field.correct) rate.correct += 1;
    }
  }
  return {
    images: scores.length,
    fields,
    cards: { correct: scores.filter((score) => score.allCorrect).length, total: scores.length },
  };
}

/** Groups images by `keyOf` (their file's key; unkeyed images are left out), in first-seen order. */
export function summarizeBy(
  scores: readonly ImageScore[],
  keyOf: (file: string) => string | undefined,
): Record<string, GroupSummary> {
  const keys = [...new Set(scores.map((score) => keyOf(score.file)))].filter(
    (key): key is string => key !== undefined,
  );
  return Object.fromEntries(
    keys.map((key) => [key, summarizeGroup(scores.filter((score) => keyOf(score.file) === key))]),
  );
}

export function summarize(
  engine: string,
  scores: readonly ImageScore[],
  peakRssMiB: number,
): EngineSummary {
  const conditions = [...new Set(scores.map((score) => score.condition))];
  const perFace = scores.map((score) => score.latencyMs / Math.max(1, score.faces));
  return {
    engine,
    images: scores.length,
    faces: scores.reduce((sum, score) => sum + score.faces, 0),
    errors: scores.filter((score) => score.error !== null).length,
    all: summarizeGroup(scores),
    byCondition: Object.fromEntries(
      conditions.map((condition) => [
        condition,
        summarizeGroup(scores.filter((score) => score.condition === condition)),
      ]),
    ),
    unflaggedWrong: scores.reduce(
      (sum, score) => sum + score.fields.filter((field) => field.unflagged).length,
      0,
    ),
    latencyPerFaceMs: {
      median: percentile(perFace, 0.5),
      p90: percentile(perFace, 0.9),
      max: percentile(perFace, 1),
    },
    peakRssMiB,
  };
}
