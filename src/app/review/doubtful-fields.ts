import { type CardField, VOUCHED_CONFIDENCE } from '../../idcard/api-contract.ts';
import type { IsoDate } from '../../idcard/card-dates.ts';
import { FIELDS_OF_SIDE, sideOfField } from '../people/card-fields.ts';
import { type Person, personValues } from '../people/person.ts';
import { checkFields, type FieldNotes } from './field-checks.ts';

/** The fields of the faces a person has, card order. */
export function presentFields(person: Person): CardField[] {
  return [
    ...(person.front ? FIELDS_OF_SIDE.front : []),
    ...(person.back ? FIELDS_OF_SIDE.back : []),
  ];
}

export function personNotes(person: Person, today: IsoDate): FieldNotes {
  return checkFields(personValues(person), presentFields(person), today);
}

/**
 * The fields the clerk should look at: read below the engine's confidence and not yet edited, or
 * raising a note of the card rules (empty, a failed check). An edited value is the clerk's own,
 * so only the rules speak against it.
 */
export function doubtfulFields(person: Person, notes: FieldNotes): Set<CardField> {
  const doubtful = new Set<CardField>();
  for (const field of presentFields(person)) {
    const face = person[sideOfField(field)];
    const edited = face?.edits[field] !== undefined;
    const confidence = face?.confidence[field];
    if ((notes[field]?.length ?? 0) > 0) doubtful.add(field);
    else if (!edited && confidence !== undefined && confidence < VOUCHED_CONFIDENCE)
      doubtful.add(field);
  }
  return doubtful;
}
