import type { Quad } from '../../idcard/api-contract.ts';
import { VOUCHED_CONFIDENCE } from '../../idcard/api-contract.ts';
import type { IsoDate } from '../../idcard/card-dates.ts';
import { NoCardFoundError } from '../errors.ts';
import type { ReadFace } from '../recognized-line.ts';
import { readCardFields } from './read-card-fields.ts';

/**
 * Where the name of a portrait side was read when it is not vouched for (a character read
 * unsure, an uncommon surname, a mark over it), so that its line may be read again; null for an
 * emblem side, a vouched name, or a face with none of the card's text.
 */
export function doubtfulNameBox(
  face: ReadFace,
  side: 'front' | 'back' | 'auto',
  today: IsoDate,
): Quad | null {
  try {
    const reading = readCardFields(face, side, today);
    if (reading.side !== 'front') return null;
    const { name } = reading.fields;
    return name.value !== '' && name.confidence < VOUCHED_CONFIDENCE ? name.box : null;
  } catch (error) {
    if (error instanceof NoCardFoundError) return null;
    throw error;
  }
}
