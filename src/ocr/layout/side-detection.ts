import type { CardSide } from '../../idcard/api-contract.ts';
import { NoCardFoundError } from '../errors.ts';
import { digitOf } from './digit-glyphs.ts';
import type { FaceText } from './face-text.ts';
import { textOf } from './glyphs.ts';
import { BACK_LABELS, FRONT_LABELS, findLabels, type LabelHit } from './labels.ts';

/** A run of this many digits is the portrait side's number (the birth row has at most 4). */
const NUMBER_RUN = 15;
/**
 * A date of birth as the number holds it (19800304). A run of digits read without any of the
 * portrait side's labels is its number only where it holds one: a bank card's 16-19 digits
 * seldom do (about one card in a hundred by chance), and an ID number always does.
 */
const NUMBER_BIRTH = /(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/;
/** The emblem side's dotted dates (2015.03.06); the portrait side prints 年/月/日 instead. */
const DOTTED_DATE = /\d{4}[.．·]\d{2}[.．·]\d{2}/;

/**
 * How much of each side's print was read: an exact label counts 2, a misread one 1, and the
 * side's own digits (the 18-digit number, a dotted date) 2.
 */
export type SideEvidence = Record<CardSide, number>;

function labelScore(hits: readonly LabelHit[]): number {
  return hits.reduce((sum, hit) => sum + (hit.exact ? 2 : 1), 0);
}

export function sideEvidence(text: FaceText): SideEvidence {
  const digitsOnly = text.lines.map((line) =>
    line.map((g) => digitOf(g.char) ?? (g.char === '.' ? '.' : '-')).join(''),
  );
  const runs = digitsOnly.flatMap((line) =>
    line.split(/[^0-9X]/).filter((r) => r.length >= NUMBER_RUN),
  );
  const frontLabels = labelScore(findLabels(text.lines, FRONT_LABELS, text));
  const hasNumber = runs.some((run) => frontLabels > 0 || NUMBER_BIRTH.test(run));
  const hasDottedDate = text.lines.some((line) => DOTTED_DATE.test(textOf(line)));
  return {
    front: frontLabels + (hasNumber ? 2 : 0),
    back: labelScore(findLabels(text.lines, BACK_LABELS, text)) + (hasDottedDate ? 2 : 0),
  };
}

const SIDE_NAMES: Record<CardSide, string> = {
  front: 'portrait side (front)',
  back: 'emblem side (back)',
};

/**
 * The side to read. Automatic detection takes the side with more evidence (the portrait side on
 * a tie). An explicit side is honoured whenever any of its print was read; when none was and the
 * other side's was, the face is not the side asked for, and like Huawei Cloud we refuse rather
 * than return the wrong side's fields under the right side's names.
 */
export function decideSide(evidence: SideEvidence, requested: CardSide | 'auto'): CardSide {
  if (evidence.front === 0 && evidence.back === 0) {
    throw new NoCardFoundError('none of the text of an ID card was read on this face');
  }
  if (requested === 'auto') return evidence.back > evidence.front ? 'back' : 'front';
  const other: CardSide = requested === 'front' ? 'back' : 'front';
  if (evidence[requested] === 0) {
    throw new NoCardFoundError(
      `the ${SIDE_NAMES[requested]} was asked for, but the image shows the ${SIDE_NAMES[other]}`,
    );
  }
  return requested;
}
