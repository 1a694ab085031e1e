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

/** Other readings offered per field, as many as the engine sends at most. */
const MAX_ALTERNATIVES = 3;

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
  const cardLocations: Partial<Record<CardField, Quad>> = {};
  const alternatives: Partial<Record<CardField, readonly string[]>> = {};
  for (const field of fields) {
    recognised[field] = values[field] ?? '';
    const score = result.confidence?.[field];
    if (score !== undefined) confidence[field] = score;
    const quad = result.text_location?.[field];
    if (quad) locations[field] = quad;
    const onCard = result.adjusted_text_location?.[field];
    if (onCard) cardLocations[field] = onCard;
    // The engine sends at most three, best first (api-contract.ts); the shown value is no choice.
    const others = result.alternatives?.[field]
      ?.filter((value) => value !== recognised[field])
      .slice(0, MAX_ALTERNATIVES);
    if (others && others.length > 0) alternatives[field] = others;
  }
  return {
    id: makeId(),
    jobId,
    side,
    recognised,
    edits: {},
    confidence,
    alternatives,
    locations,
    cardLocations,
    adjustedImage: jpegDataUrl(result.adjusted_image),
    portraitImage: jpegDataUrl(result.portrait_image),
    verification: result.verification_result ?? null,
  };
}

function jpegDataUrl(base64: string | undefined): string | null {
  return base64 ? `data:image/jpeg;base64,${base64}` : null;
}

/**
 * The image a reading came from, as the filing rules see it: faces pair only with faces of the
 * same intake (one drop, one paste, one file choice or one camera run), in the order of its images.
 */
export type IntakeImage = {
  jobId: string;
  intakeId: string;
  /** How many images that intake brought; an image that came alone is never paired silently. */
  intakeSize: number;
};

/** What became of an image: its faces, or no reading (failed or cancelled). */
export type ImageOutcome = { faces: readonly Face[] } | { faces: null };

/**
 * Files one settled image into people. Images are filed in drop order, so within an intake each
 * face meets the faces before it:
 * - a face read again from the same image replaces the earlier reading in place, keeping the
 *   clerk's edits and the slot it was moved to;
 * - an image that was not read keeps its slot: it is pending on the intake's open person (or a
 *   new one), so the faces after it pair as they would have, and a retry fills that slot;
 * - a double-sided result is a person of its own, unless it fills the slot its image held;
 * - a face newly found when an image is read again as double-sided joins the person that holds
 *   the image's other face;
 * - a face joins the intake's open person (the last one it made) when that slot is free, and
 *   starts a new person if not; an image that came alone always starts a new person, and
 *   `mergeOffer` proposes where it may belong, for the clerk to accept.
 */
export function fileImage(
  people: readonly Person[],
  image: IntakeImage,
  outcome: ImageOutcome,
  makeId: MakeId,
): Person[] {
  let filed = [...people];
  const holder = filed.find((person) => person.pendingJobIds.includes(image.jobId)) ?? null;
  if (outcome.faces === null) {
    if (holder || image.intakeSize < 2) return filed;
    const open = openPerson(filed, image.intakeId);
    if (open && slotsTaken(open) < 2) {
      return filed.map((person) =>
        person === open
          ? { ...person, pendingJobIds: [...person.pendingJobIds, image.jobId] }
          : person,
      );
    }
    return [...filed, newPerson(makeId, image.intakeId, { pendingJobIds: [image.jobId] })];
  }
  if (holder) {
    filed = filed.map((person) =>
      person === holder
        ? {
            ...person,
            pendingJobIds: person.pendingJobIds.filter((jobId) => jobId !== image.jobId),
          }
        : person,
    );
  }
  const slotHolder = holder ? (filed.find((person) => person.id === holder.id) ?? null) : null;
  const fresh: Face[] = [];
  for (const face of outcome.faces) {
    const replaced = replaceReading(filed, face);
    if (replaced) filed = replaced;
    else fresh.push(face);
  }
  const front = fresh.find((face) => face.side === 'front') ?? null;
  const back = fresh.find((face) => face.side === 'back') ?? null;
  if (front && back) {
    if (slotHolder && slotHolder.front === null && slotHolder.back === null) {
      return filed.map((person) =>
        person.id === slotHolder.id ? { ...person, front, back } : person,
      );
    }
    return dropEmpty([...filed, newPerson(makeId, image.intakeId, { front, back })]);
  }
  for (const face of fresh) {
    filed = fileOneFace(filed, face, image, slotHolder?.id ?? null, makeId);
  }
  return dropEmpty(filed);
}

function fileOneFace(
  people: Person[],
  face: Face,
  image: IntakeImage,
  slotHolderId: string | null,
  makeId: MakeId,
): Person[] {
  const fill = (target: Person) =>
    people.map((person) =>
      person === target ? { ...person, [face.side]: face, checked: false } : person,
    );
  // Read again as a double-sided page: the new face joins the person holding the other one.
  const sibling = people.find(
    (person) =>
      person[face.side] === null &&
      (person.front?.jobId === face.jobId || person.back?.jobId === face.jobId),
  );
  if (sibling) return fill(sibling);
  const holder = people.find((person) => person.id === slotHolderId);
  if (holder && holder[face.side] === null) return fill(holder);
  if (!holder && image.intakeSize > 1) {
    const open = openPerson(people, image.intakeId);
    if (open && open[face.side] === null && slotsTaken(open) < 2) return fill(open);
  }
  return [...people, newPerson(makeId, image.intakeId, { [face.side]: face })];
}

/** The intake's last person: the one its next face may pair with. */
function openPerson(people: readonly Person[], intakeId: string): Person | null {
  return people.findLast((person) => person.intakeId === intakeId) ?? null;
}

function slotsTaken(person: Person): number {
  return (person.front ? 1 : 0) + (person.back ? 1 : 0) + person.pendingJobIds.length;
}

function newPerson(makeId: MakeId, intakeId: string, content: Partial<Person>): Person {
  return {
    id: makeId(),
    intakeId,
    front: null,
    back: null,
    pendingJobIds: [],
    checked: false,
    ...content,
  };
}

/** Takes an image that will not be read (removed by the clerk) out of the slot it held. */
export function releaseSlot(people: readonly Person[], jobId: string): Person[] {
  return dropEmpty(
    people.map((person) =>
      person.pendingJobIds.includes(jobId)
        ? { ...person, pendingJobIds: person.pendingJobIds.filter((id) => id !== jobId) }
        : person,
    ),
  );
}

/**
 * Where a face that stands alone may belong: the nearest person, earlier ones first, whose slot
 * of that side is free and whose other side is filled. Only ever offered, never done unasked.
 */
export function mergeOffer(people: readonly Person[], person: Person): Person | null {
  const face = person.front ?? person.back;
  if (!face || (person.front && person.back) || person.pendingJobIds.length > 0) return null;
  const other = face.side === 'front' ? 'back' : 'front';
  const fits = (candidate: Person) =>
    candidate !== person &&
    candidate[face.side] === null &&
    candidate[other] !== null &&
    candidate.pendingJobIds.length === 0;
  const index = people.indexOf(person);
  return people.slice(0, index).findLast(fits) ?? people.slice(index + 1).find(fits) ?? null;
}

function replaceReading(people: Person[], reading: Face): Person[] | null {
  let found = false;
  const updated = people.map((person) => {
    const current = person[reading.side];
    if (!current || current.jobId !== reading.jobId) return person;
    found = true;
    return {
      ...person,
      [reading.side]: { ...reading, id: current.id, edits: current.edits },
      checked: false,
    };
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
      person === source ? { ...person, [side]: null, checked: false } : person,
    );
    return dropEmpty([...emptied, newPerson(makeId, source.intakeId, { [side]: face })]);
  }
  const destination = people.find((person) => person.id === target.personId);
  if (!destination || destination === source) return [...people];
  const displaced = destination[side];
  return dropEmpty(
    people.map((person) => {
      if (person === source) return { ...person, [side]: displaced, checked: false };
      if (person === destination) return { ...person, [side]: face, checked: false };
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
        const edits = { ...face.edits, [field]: value };
        return { ...person, [side]: { ...face, edits }, checked: false };
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
        return { ...person, [side]: { ...face, edits }, checked: false };
      }
    }
    return person;
  });
}

/** A person is kept while it holds a face or the slot of an image still to be read. */
function dropEmpty(people: Person[]): Person[] {
  return people.filter(
    (person) => person.front !== null || person.back !== null || person.pendingJobIds.length > 0,
  );
}

export function setChecked(
  people: readonly Person[],
  personId: string,
  checked: boolean,
): Person[] {
  return people.map((person) => (person.id === personId ? { ...person, checked } : person));
}

export function removePerson(people: readonly Person[], personId: string): Person[] {
  return people.filter((person) => person.id !== personId);
}
