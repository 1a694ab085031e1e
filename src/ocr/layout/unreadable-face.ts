import {
  BACK_FIELDS,
  type BackField,
  type CardSide,
  FRONT_FIELDS,
  type FrontField,
} from '../../idcard/api-contract.ts';
import { FACE_PX_PER_MM } from '../card-geometry.ts';
import type { ReadFace } from '../recognized-line.ts';
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
 * A text line's box at least this tall on the straightened face is the emblem side's title
 * (居民身份证, boxed about 9 mm tall even through strong blur); the portrait side's tallest line,
 * the name, boxes at 5-7 mm.
 */
const TITLE_MIN_HEIGHT = 7.5 * FACE_PX_PER_MM;
/** A box at least this much wider than tall is a line of text (the portrait photo is not). */
const LINE_MIN_ASPECT = 1.5;

/**
 * The side of a face whose print could not be read, when none was asked for: the emblem side when
 * a line as tall as its title was boxed, else the portrait side (as on a tie in `decideSide`).
 */
export function likelySide(face: ReadFace): CardSide {
  const hasTitle = face.lines.some(({ box: [tl, tr, , bl] }) => {
    const width = Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
    const height = Math.hypot(bl[0] - tl[0], bl[1] - tl[1]);
    return height >= TITLE_MIN_HEIGHT && width >= LINE_MIN_ASPECT * height;
  });
  return hasTitle ? 'back' : 'front';
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
