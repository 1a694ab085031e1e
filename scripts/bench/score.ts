import {
  BACK_FIELDS,
  type CardField,
  type FaceResult,
  FRONT_FIELDS,
  type IdCardResponse,
} from '../../src/idcard/api-contract.ts';
import { normalizeField } from '../../src/idcard/card-fields.ts';
import type { GroundTruthImage } from '../card-set/ground-truth.ts';
import type { EngineAnswer } from './bench-engine.ts';

/**
 * A returned value counts as vouched for, and so as unmarked when wrong, from this confidence up
 * (the app marks fields below it as doubtful).
 */
export const VOUCHED_CONFIDENCE = 0.9;

export type FieldScore = {
  face: 'front' | 'back';
  field: CardField;
  /** Both values after the API's normalisation (`normalizeField`). */
  expected: string;
  /** Null when the engine returned no such field: an error, or the other face. */
  got: string | null;
  correct: boolean;
  /** The engine's own confidence, when it gives one (Huawei Cloud does not). */
  confidence: number | null;
  /**
   * Wrong, yet nothing tells the clerk to look: a non-empty wrong value with confidence of at
   * least VOUCHED_CONFIDENCE or no confidence at all, or a wrong number that passes the check
   * character (`valid_number` true). The worst kind of error. A number printed with other than
   * 18 characters (a third-party generator's 17) is scored as printed, but can never be checked,
   * so vouching for it counts here even when it was read exactly.
   */
  unflagged: boolean;
};

export type ImageScore = {
  file: string;
  condition: string;
  side: GroundTruthImage['side'];
  /** Wall time of the engine's answer for the whole image. */
  latencyMs: number;
  /** Card faces in the image (2 for a photocopy page with both). */
  faces: number;
  /** `error_code: error_msg` when the engine answered with an error. */
  error: string | null;
  fields: FieldScore[];
  /** Every expected field of every face exactly right. */
  allCorrect: boolean;
};

/** Expected values per face; `null` for a field nothing on the image shows (left unscored). */
type ExpectedFaces = {
  front?: Record<string, string | null>;
  back?: Record<string, string | null>;
};

/** Characters of a second-generation ID number (GB 11643-1999). */
const NUMBER_LENGTH = 18;

function expectedFaces(truth: GroundTruthImage): ExpectedFaces {
  const expected = truth.expected;
  if ('front' in expected) return { front: expected.front, back: expected.back };
  return 'number' in expected ? { front: expected } : { back: expected };
}

/** The returned face matching `face`, from a single-face or a double-side result. */
function answeredFace(
  result: IdCardResponse['result'],
  face: 'front' | 'back',
): FaceResult | undefined {
  if ('front' in result && 'back' in result) return result[face];
  const single = result as FaceResult;
  const isFront = 'number' in single;
  return isFront === (face === 'front') ? single : undefined;
}

function scoreFace(
  face: 'front' | 'back',
  expected: Record<string, string | null>,
  answer: FaceResult | undefined,
): FieldScore[] {
  const fields: readonly CardField[] = face === 'front' ? FRONT_FIELDS : BACK_FIELDS;
  const returned = answer as Record<string, unknown> | undefined;
  return fields.flatMap((field): FieldScore[] => {
    const printed = expected[field];
    if (printed === null) return [];
    const want = normalizeField(field, printed ?? '');
    const raw = returned?.[field];
    const got = typeof raw === 'string' ? normalizeField(field, raw) : null;
    const correct = got === want;
    const confidence = answer?.confidence?.[field] ?? null;
    const passesCheck = field === 'number' && answer?.verification_result?.valid_number === true;
    const looksSure = confidence === null || confidence >= VOUCHED_CONFIDENCE || passesCheck;
    const uncheckable = field === 'number' && want.length !== NUMBER_LENGTH;
    return [
      {
        face,
        field,
        expected: want,
        got,
        correct,
        confidence,
        unflagged: (!correct || uncheckable) && got !== null && got !== '' && looksSure,
      },
    ];
  });
}

export function scoreImage(
  truth: GroundTruthImage,
  answer: EngineAnswer,
  latencyMs: number,
): ImageScore {
  const expected = expectedFaces(truth);
  const fields: FieldScore[] = [];
  for (const face of ['front', 'back'] as const) {
    const want = expected[face];
    if (want === undefined) continue;
    fields.push(
      ...scoreFace(face, want, answer.ok ? answeredFace(answer.result, face) : undefined),
    );
  }
  return {
    file: truth.file,
    condition: truth.condition.name,
    side: truth.side,
    latencyMs,
    faces: (expected.front ? 1 : 0) + (expected.back ? 1 : 0),
    error: answer.ok ? null : `${answer.error.error_code}: ${answer.error.error_msg}`,
    fields,
    allCorrect: fields.every((field) => field.correct),
  };
}
