import type { CardField, CardSide, Quad, VerificationResult } from '../../idcard/api-contract.ts';

export type FieldValues = Partial<Record<CardField, string>>;

/** One card face as read from one image; `edits` hold what the clerk typed, kept apart. */
export type Face = {
  id: string;
  /** The image it was read from. */
  jobId: string;
  side: CardSide;
  recognised: FieldValues;
  edits: FieldValues;
  /** Absent when the upstream (Huawei Cloud) does not report it. */
  confidence: Partial<Record<CardField, number>>;
  /** Other whole readings of doubtful fields, best first; absent from Huawei Cloud. */
  alternatives: Partial<Record<CardField, readonly string[]>>;
  /** Where each field was read, in the pixels of the image as sent. */
  locations: Partial<Record<CardField, Quad>>;
  /** The same on the straightened card (`adjustedImage`); absent from Huawei Cloud. */
  cardLocations: Partial<Record<CardField, Quad>>;
  /** `data:` URLs of the straightened card face and the portrait crop, when returned. */
  adjustedImage: string | null;
  portraitImage: string | null;
  verification: VerificationResult | null;
};

export type Person = {
  id: string;
  /** The intake (one drop, paste, file choice or camera run) whose images made this person. */
  intakeId: string;
  front: Face | null;
  back: Face | null;
  /** Images of the intake not read (yet), each holding the slot its face will fill on a retry. */
  pendingJobIds: string[];
  /** The clerk marked the person 已核对; any change to its faces or values clears it. */
  checked: boolean;
};

/** What the clerk sees and copies: their edit where there is one, else what was read. */
export function currentValue(face: Face | null, field: CardField): string {
  if (!face) return '';
  return face.edits[field] ?? face.recognised[field] ?? '';
}

/** A person's fields across both faces, for copying and export. */
export function personValues(person: Person): FieldValues {
  const values: FieldValues = {};
  for (const face of [person.front, person.back]) {
    if (!face) continue;
    for (const field of Object.keys(face.recognised) as CardField[]) {
      values[field] = currentValue(face, field);
    }
    for (const field of Object.keys(face.edits) as CardField[]) {
      values[field] = currentValue(face, field);
    }
  }
  return values;
}
