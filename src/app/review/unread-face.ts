import { FIELDS_OF_SIDE } from '../people/card-fields.ts';
import type { Face } from '../people/person.ts';

/**
 * Whether the engine found the card but read none of this face's fields: a photo too blurred to
 * read comes back as the face with every field empty (README, the local engine), and the clerk
 * must be told so once, not only field by field.
 */
export function isUnreadFace(face: Face): boolean {
  return FIELDS_OF_SIDE[face.side].every((field) => (face.recognised[field] ?? '').trim() === '');
}
