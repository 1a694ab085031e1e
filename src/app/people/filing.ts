import {
  type BackResult,
  type CardField,
  type CardSide,
  type FaceResult,
  type FrontResult,
  type IdCardResponse,
  isFrontResult,
  type Quad,
} from '../../idcard/api-contract.ts';
import { FIELDS_OF_SIDE } from './card-fields.ts';
import type { Face, FieldValues, Person } from './person.ts';

export type MakeId = () => string;

/** The faces one response holds: one, or two for a `double_side` result. */
export function facesFromResponse(jobId: string, response: IdCardResponse, makeId: MakeId): Face[] {
  const { result } = response;
  if ('front' in result && 'back' in result) {
    return [
      faceFromResult(jobId, 'front', result.front, makeId),
      faceFromResult(jobId, 'back', result.back, makeId),
    ];
  }
  return [faceFromResult(jobId, sideOf(result), result, makeId)];
}

/** Our engine names the side; Huawei Cloud does not, and then the fields present decide. */
function sideOf(result: FrontResult | BackResult): CardSide {
  return result.side ?? (isFrontResult(result) ? 'front' : 'back');
}

function faceFromResult(jobId: string, side: CardSide, result: FaceResult, makeId: MakeId): Face {
  const fields = FIELDS_OF_SIDE[side];
  const values = result as Partial<Record<CardField, string>>;
  const recognised: FieldValues = {};
  const confidence: Partial<Record<CardField, number>> = {};
  const locations: Partial<Record<CardField, Quad>> = {};
  for (const field of fields) {
    recognised[field] = values[field] ?? '';
    const score = result.confidence?.[field];
    if (score !== undefined) confidence[field] = score;
    const quad = result.text_location?.[field];
    if (quad) locations[field] = quad;
  }
  return {
    id: makeId(),
    jobId,
    side,
    recognised,
    edits: {},
    confidence,
    locations,
    adjustedImage: jpegDataUrl(result.adjusted_image),
    portraitImage: jpegDataUrl(result.portrait_image),
    verification: result.verification_result ?? null,
  };
}

function jpegDataUrl(base64: string | undefined): string | null {
  return base64 ? `data:image/jpeg;base64,${base64}` : null;
}

/**
 * Files new faces into people, in the order the images were dropped:
 * - a face read again from the same image replaces the earlier reading in place, keeping the
 *   clerk's edits and the slot it was moved to;
 * - a double-sided result is a person of its own, and a face newly found when an image is read
 *   again joins the person that holds the image's other face;
 * - otherwise a face joins the newest person if that slot is free (a front and a back dropped
 *   together make one person), and starts a new person if not (a second front).
 */
export function fileFaces(
  people: readonly Person[],
  faces: readonly Face[],
  makeId: MakeId,
): Person[] {
  let filed = [...people];
  const fresh: Face[] = [];
  for (const face of faces) {
    const replaced = replaceReading(filed, face);
    if (replaced) filed = replaced;
    else fresh.push(face);
  }
  const front = fresh.find((face) => face.side === 'front') ?? null;
  const back = fresh.find((face) => face.side === 'back') ?? null;
  if (front && back) return [...filed, { id: makeId(), front, back }];
  for (const face of fresh) {
    // Read again as a double-sided page: the new face joins the person holding the other one.
    const sibling = filed.find(
      (person) =>
        person[face.side] === null &&
        (person.front?.jobId === face.jobId || person.back?.jobId === face.jobId),
    );
    if (sibling) {
      filed = filed.map((person) =>
        person === sibling ? { ...person, [face.side]: face } : person,
      );
      continue;
    }
    const newest = filed.at(-1);
    if (newest && newest[face.side] === null) {
      filed = filed.map((person) =>
        person === newest ? { ...person, [face.side]: face } : person,
      );
    } else {
      filed = [...filed, { id: makeId(), front: null, back: null, [face.side]: face }];
    }
  }
  return filed;
}

function replaceReading(people: Person[], reading: Face): Person[] | null {
  let found = false;
  const updated = people.map((person) => {
    const current = person[reading.side];
    if (!current || current.jobId !== reading.jobId) return person;
    found = true;
    return { ...person, [reading.side]: { ...reading, id: current.id, edits: current.edits } };
  });
  return found ? updated : null;
}

export type MoveTarget = { personId: string } | { newPerson: true };

/** Moves a face to another person's slot of its side, swapping with a face already there. */
export function moveFace(
  people: readonly Person[],
  faceId: string,
  target: MoveTarget,
  makeId: MakeId,
): Person[] {
  const source = people.find((person) => person.front?.id === faceId || person.back?.id === faceId);
  if (!source) return [...people];
  const side: CardSide = source.front?.id === faceId ? 'front' : 'back';
  const face = source[side] as Face;
  if ('newPerson' in target) {
    const emptied = people.map((person) =>
      person === source ? { ...person, [side]: null } : person,
    );
    return dropEmpty([...emptied, { id: makeId(), front: null, back: null, [side]: face }]);
  }
  const destination = people.find((person) => person.id === target.personId);
  if (!destination || destination === source) return [...people];
  const displaced = destination[side];
  return dropEmpty(
    people.map((person) => {
      if (person === source) return { ...person, [side]: displaced };
      if (person === destination) return { ...person, [side]: face };
      return person;
    }),
  );
}

export function removeFace(people: readonly Person[], faceId: string): Person[] {
  return dropEmpty(
    people.map((person) => ({
      ...person,
      front: person.front?.id === faceId ? null : person.front,
      back: person.back?.id === faceId ? null : person.back,
    })),
  );
}

export function editField(
  people: readonly Person[],
  faceId: string,
  field: CardField,
  value: string,
): Person[] {
  return people.map((person) => {
    for (const side of ['front', 'back'] as const) {
      const face = person[side];
      if (face?.id === faceId) {
        return { ...person, [side]: { ...face, edits: { ...face.edits, [field]: value } } };
      }
    }
    return person;
  });
}

/** Drops the clerk's edit of a field, so the recognised value shows again. */
export function revertField(people: readonly Person[], faceId: string, field: CardField): Person[] {
  return people.map((person) => {
    for (const side of ['front', 'back'] as const) {
      const face = person[side];
      if (face?.id === faceId) {
        const { [field]: _dropped, ...edits } = face.edits;
        return { ...person, [side]: { ...face, edits } };
      }
    }
    return person;
  });
}

function dropEmpty(people: Person[]): Person[] {
  return people.filter((person) => person.front !== null || person.back !== null);
}
