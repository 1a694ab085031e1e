import { type Quad, VOUCHED_CONFIDENCE } from '../../idcard/api-contract.ts';
import { type IsoDate, isIsoDate } from '../../idcard/card-dates.ts';
import { isEthnicGroup } from '../../idcard/ethnic-groups.ts';
import { LONG_TERM } from '../../idcard/validity-period.ts';
import { NoCardFoundError } from '../errors.ts';
import type { ReadFace } from '../recognized-line.ts';
import { readBackFields } from './back-fields.ts';
import { locateBackFields } from './back-layout.ts';
import type { CardReading, FieldReading } from './card-reading.ts';
import { CONFIDENCE } from './confidence.ts';
import { type FaceText, faceTextOf, markInkOutsideCardColours } from './face-text.ts';
import { readFrontFields } from './front-fields.ts';
import { locateFrontFields } from './front-layout.ts';
import { touchesMark, withoutPhraseEnds } from './overlay-marks.ts';
import { type Extent, extentOf, overlaps, quadOf } from './quad-geometry.ts';
import { decideSide, sideEvidence } from './side-detection.ts';
import {
  ethnicityRegion,
  issueRegion,
  lostAddressRegions,
  nameRegion,
  numberRegion,
  validityRegion,
} from './unboxed-values.ts';

/**
 * The fields of one straightened card face: decides the side from what is printed (honouring
 * an explicit one), finds the labels and their values, and cross-checks the values with the
 * card's rules. Throws `NoCardFoundError` when the face has none of the card's text, or shows
 * the other side than the one asked for.
 */
export function readCardFields(
  face: ReadFace,
  side: 'front' | 'back' | 'auto',
  today: IsoDate,
): CardReading {
  return readTextFields(faceTextOf(face), side, today).vouched;
}

/**
 * `readCardFields` on the face's text once gathered (`faceTextOf`): the fields as `read` off the
 * face and checked, and as `vouched` for, where marks and unboxed lines cap what a check cannot
 * cover.
 */
function readTextFields(
  text: FaceText,
  side: 'front' | 'back' | 'auto',
  today: IsoDate,
): { read: CardReading; vouched: CardReading } {
  const decided = decideSide(sideEvidence(text), side);
  const reading =
    decided === 'front'
      ? readFrontFields(withoutMarkEnds(locateFrontFields(text), text.marks), today, text.marks)
      : readBackFields(withoutMarkEnds(locateBackFields(text), text.marks), today);
  // A line read with a mark's ink lifted off had a mark over it as surely as one whose wording
  // was read, and one read in a mark's ink alone was the mark: what the ink covered is vouched
  // for no more than under a mark read.
  const marks = [...text.marks, ...text.inked, ...markInkOutsideCardColours(text, reading.side)];
  const marked = withMarksConsidered(reading, marks, text.inkedFace);
  return { read: reading, vouched: withUnboxedConsidered(marked, text.unboxed) };
}

/** The sum of the confidences of a reading's fields that hold a value (`holdsValue`). */
export function heldConfidence(reading: CardReading): number {
  return Object.entries(reading.fields).reduce(
    (sum, [name, field]) => sum + (holdsValue(name, field.value) ? field.confidence : 0),
    0,
  );
}

/** Each field's glyphs without a mark's wording at their ends (`withoutPhraseEnds`). */
function withoutMarkEnds<T extends object>(fields: T, marks: Extent[]): T {
  return Object.fromEntries(
    Object.entries(fields).map(([field, glyphs]) => [
      field,
      Array.isArray(glyphs) ? withoutPhraseEnds(glyphs, marks) : glyphs,
    ]),
  ) as T;
}

/**
 * The values no check covers whole: a name or an address has nothing but the recogniser's word
 * for it where a mark or a line the detector had not boxed came near.
 */
const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set(['name', 'address']);

/**
 * A value a stamp or written mark stands over may have lost characters under it. On a face marked
 * anywhere, a name or an address is not vouched for either: only some of a mark's strokes are
 * read as one (one tile of a watermark repeated over the face, not the faint stamp frame around
 * a name), and the recogniser reads a character with a frame's or a tile's strokes through it as
 * another character at full confidence (熊娟羊 for 熊娟兰 inside the frame of a 样证 stamp), which
 * no check of those two fields can catch. `markedFace`: a mark's ink was found on the face,
 * wherever its wording was read or not (a watermark lifted off before detection).
 */
function withMarksConsidered(
  reading: CardReading,
  marks: readonly Extent[],
  markedFace: boolean,
): CardReading {
  if (marks.length === 0 && !markedFace) return reading;
  const fields: Record<string, FieldReading> = { ...reading.fields };
  for (const [field, read] of Object.entries(fields)) {
    const near = read.box !== null && touchesMark(extentOf([read.box]), marks);
    if (!near && !FREE_TEXT_FIELDS.has(field)) continue;
    fields[field] = { ...read, confidence: Math.min(read.confidence, CONFIDENCE.overlaidByMark) };
  }
  return { ...reading, fields } as CardReading;
}

/** A free-text value read in part from a line the detector had not boxed is not vouched for. */
function withUnboxedConsidered(reading: CardReading, unboxed: readonly Extent[]): CardReading {
  if (unboxed.length === 0) return reading;
  const fields: Record<string, FieldReading> = { ...reading.fields };
  for (const [field, read] of Object.entries(fields)) {
    if (!FREE_TEXT_FIELDS.has(field) || read.box === null) continue;
    const box = extentOf([read.box]);
    if (!unboxed.some((extent) => overlaps(extent, box))) continue;
    fields[field] = { ...read, confidence: Math.min(read.confidence, CONFIDENCE.readUnboxed) };
  }
  return { ...reading, fields } as CardReading;
}

/**
 * Where values the card always prints came back unread, or read as something else (a mark over
 * the row boxed in their place): the name, the ethnic group, the number (also one that failed
 * its checks: a seal's ring across it can end its box short of its last digits), the address's
 * lost lines and the row it may go on in (`FieldReading.goesOnIn`), the issuing authority, the
 * validity period's start or end (a start the rule chose counts as unread). The pipeline reads
 * each such region as one line (`lookAtUnboxed`).
 */
function unreadValueRegions(reading: CardReading, text: FaceText): Quad[] {
  if (reading.side === 'front') {
    const { name, ethnicity, number, address } = reading.fields;
    return [
      ...(name.value === '' ? [nameRegion(text)] : []),
      ...(isEthnicGroup(ethnicity.value) ? [] : [ethnicityRegion(text)]),
      ...(number.value === '' || number.confidence <= CONFIDENCE.failedCheck
        ? [numberRegion(text)]
        : []),
      // At `lostStart` or less, the address names no region (its start lost) or matched one only
      // faintly: either way its first row is worth a reading of its own.
      ...lostAddressRegions(text, address.box, address.confidence <= CONFIDENCE.lostStart),
      ...(address.goesOnIn ? [address.goesOnIn] : []),
    ];
  }
  const { issue, valid_from: from, valid_to: to } = reading.fields;
  return [
    ...(issue.value === '' || issue.confidence <= CONFIDENCE.failedCheck
      ? [issueRegion(text)]
      : []),
    ...(to.value === '' || !isIsoDate(from.value) || from.incomplete === true
      ? [validityRegion(text)]
      : []),
  ];
}

/**
 * Whether a field's value counts as read: not empty and, for the validity period, a date (or
 * 长期 at its end). A row read without either date comes back as its text, which is a mark's or
 * scraps of the row, and no better than nothing: rating it as a value kept that text over a
 * reading of the row that found the period's end.
 */
function holdsValue(name: string, value: string): boolean {
  if (value === '') return false;
  if (name === 'valid_from') return isIsoDate(value);
  if (name === 'valid_to') return isIsoDate(value) || value === LONG_TERM;
  return true;
}

/** How well a face was read (`rateReading`). */
export type FaceRating = {
  whole: boolean;
  sure: boolean;
  score: number;
  readScore: number;
  unboxed: Quad[];
  marks: Quad[];
  side?: 'front' | 'back';
};

/**
 * How well a face was read, for choosing between two readings of one card: `whole` when every
 * field was read and passed its checks (none empty, failed, taken from the number instead, or
 * open to a dropped character), and a `score`, the sum of the confidences of the fields that
 * hold a value (`holdsValue`; -1 for a face with none of the card's text), and `readScore`, the
 * same sum before a mark or an unboxed line caps what is vouched for. A name that is
 * complete but unsure (rare characters) leaves the reading whole: detecting the face again keeps
 * the name's line and so its reading. On the generated set of seed 11 this cut the second looks
 * from 29 to 12 of 116 faces and changed no value. `sure` when every field holds a value
 * vouched for (`VOUCHED_CONFIDENCE`): where one face is wanted, no other reading could be
 * answered in its place. `unboxed` holds where a value came back unread or as something else
 * (`unreadValueRegions`), for the pipeline to read as a line of its own; `marks`, where marks
 * were read, for the pipeline to look again without faint ones and to keep them whatever it
 * reads.
 */
export function rateReading(
  face: ReadFace,
  side: 'front' | 'back' | 'auto',
  today: IsoDate,
): FaceRating {
  try {
    const text = faceTextOf(face);
    const { read, vouched: reading } = readTextFields(text, side, today);
    const fields = Object.values(reading.fields);
    return {
      whole: fields.every(
        (field) =>
          field.value !== '' &&
          !(field.incomplete ?? field.confidence <= CONFIDENCE.mayMissCharacter),
      ),
      sure: fields.every((field) => field.value !== '' && field.confidence >= VOUCHED_CONFIDENCE),
      score: heldConfidence(reading),
      readScore: heldConfidence(read),
      unboxed: unreadValueRegions(reading, text),
      marks: [...text.marks, ...markInkOutsideCardColours(text, reading.side)].map(quadOf),
      side: reading.side,
    };
  } catch (error) {
    if (error instanceof NoCardFoundError)
      return { whole: false, sure: false, score: -1, readScore: -1, unboxed: [], marks: [] };
    throw error;
  }
}
