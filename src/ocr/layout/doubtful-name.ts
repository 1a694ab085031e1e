import type { Quad } from '../../idcard/api-contract.ts';
import { VOUCHED_CONFIDENCE } from '../../idcard/api-contract.ts';
import type { CardReading } from './card-reading.ts';

/**
 * Where the name of a portrait side was read when it is not vouched for (a character read
 * unsure, an uncommon surname, a mark over it), so that its line may be read again; null for an
 * emblem side or a vouched name.
 */
export function doubtfulNameBox(reading: CardReading): Quad | null {
  if (reading.side !== 'front') return null;
  const { name } = reading.fields;
  return name.value !== '' && name.confidence < VOUCHED_CONFIDENCE ? name.box : null;
}
