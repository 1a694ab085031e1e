import type { CardField } from '../../src/idcard/api-contract.ts';
import type { ImageScore } from './score.ts';
import type { Rate } from './summary.ts';

/**
 * Expected values holding a character the recogniser's dictionary lacks (PP-OCRv4's
 * `ppocr_keys_v1.txt` has no 禤, 殳 or 鄠, PP-OCRv6's no 凓 or 勠): the recogniser cannot return them, and only a check that supplies the
 * character can (the gazetteer does for place names), so they show what is out of reach, and
 * accuracy over the other values shows how much of what is reachable was read.
 */
export type UnspellableSummary = {
  /** Expected values with at least one character missing from the dictionary. */
  values: number;
  byField: Partial<Record<CardField, number>>;
  /** Exact-match accuracy per field over the values the dictionary can spell. */
  remaining: Partial<Record<CardField, Rate>>;
};

/** The characters of a recogniser dictionary file, one per line (`\n` or `\r\n`). */
export function dictionaryOf(text: string): Set<string> {
  return new Set(text.split('\n').map((line) => line.replace(/\r$/, '')));
}

/** Whether every character of `value` is in the dictionary. */
export function canSpell(value: string, dictionary: ReadonlySet<string>): boolean {
  return Array.from(value).every((char) => dictionary.has(char));
}

export function summarizeUnspellable(
  scores: readonly ImageScore[],
  dictionary: ReadonlySet<string>,
): UnspellableSummary {
  const summary: UnspellableSummary = { values: 0, byField: {}, remaining: {} };
  for (const field of scores.flatMap((score) => score.fields)) {
    if (!canSpell(field.expected, dictionary)) {
      summary.values += 1;
      summary.byField[field.field] = (summary.byField[field.field] ?? 0) + 1;
      continue;
    }
    const rate = summary.remaining[field.field] ?? { correct: 0, total: 0 };
    summary.remaining[field.field] = rate;
    rate.total += 1;
    if (field.correct) rate.correct += 1;
  }
  return summary;
}
