import {
  BACK_FIELDS,
  type BackField,
  type CardSide,
  FRONT_FIELDS,
  type FrontField,
} from '../../idcard/api-contract.ts';
import { emblemRed } from '../emblem-red.ts';
import type { ReadFace } from '../recognized-line.ts';
import type { RgbImage } from '../rgb-image.ts';
import type { CardReading, FieldReading } from './card-reading.ts';

/**
 * The mean character probability below which a face's print is taken as too poor to read. Sharp
 * and mildly blurred cards read at 0.88-1.0; the committed defocus card blurred further (sigma 7
 * to 14 px) reads 0.3-0.8, and none of its card's labels. Clear text without the card's labels
 * is not an ID card at all, and stays a failure.
 */
export const LEGIBLE_MEAN_PROB = 0.8;

/** Whether the recogniser read the face's print as too poor to make out (or read nothing). */
export function isIllegible(face: ReadFace): boolean {
  const chars = face.lines.flatMap((line) => line.chars);
  if (chars.length === 0) return true;
  return chars.reduce((sum, c) => sum + c.prob, 0) / chars.length < LEGIBLE_MEAN_PROB;
}

/**
 * The emblem side's national emblem is the only large red on either face (`emblemRed`): 3.1-4.7 %
 * of every committed emblem side's face, sharp or blurred by sigma 18 px, and at most 0.15 % of
 * any portrait side's.
 */
const EMBLEM_MIN_SHARE = 0.015;

/**
 * The side of a face whose print could not be read, when none was asked for: the emblem side when
 * its emblem's red shows (`EMBLEM_MIN_SHARE`), else the portrait side (as on a tie in
 * `decideSide`). Blurred print boxes as lines of any height, so the face's colour decides.
 */
export function likelySide(face: RgbImage): CardSide {
  return emblemRed(face).share >= EMBLEM_MIN_SHARE ? 'back' : 'front';
}

const UNREAD: FieldReading = { value: '', confidence: 0, box: null, incomplete: true };

/**
 * A card found on the photo whose print could not be read: every field of `side` present and
 * empty at confidence 0, so the clerk types the values from the card instead of being told that
 * no card was there.
 */
export function unreadableReading(side: CardSide): CardReading {
  if (side === 'front') {
    const fields = Object.fromEntries(FRONT_FIELDS.map((f) => [f, UNREAD]));
    return { side, fields: fields as Record<FrontField, FieldReading> };
  }
  const fields = Object.fromEntries(BACK_FIELDS.map((f) => [f, UNREAD]));
  return { side, fields: fields as Record<BackField, FieldReading> };
}
