import type { FrontField } from '../../idcard/api-contract.ts';
import { FRONT_LABEL_CENTERS, FRONT_PHOTO_AREA, FRONT_ROW_CENTERS } from './card-geometry.ts';
import { digitOf } from './digit-glyphs.ts';
import { type FaceFrame, fitFaceFrame } from './face-frame.ts';
import {
  type FaceText,
  labelAnchors,
  type PlacedLabel,
  placeLabels,
  type Segment,
  segmentsInReadingOrder,
  valueSegments,
} from './face-text.ts';
import type { Glyph } from './glyphs.ts';
import { FRONT_LABELS, type FrontLabel, findLabels } from './labels.ts';
import { centerOf, type Extent, onSameRow } from './quad-geometry.ts';
import { valueColumnLeft } from './value-column.ts';

/**
 * The glyphs read for each field of the portrait side, in reading order, empty when unread; and
 * where the value column starts on this face (pixels).
 */
export type FrontGlyphs = Record<FrontField, Glyph[]> & { valueLeft: number };

type FrontRow = keyof typeof FRONT_ROW_CENTERS;

const ROW_OF_LABEL: Record<FrontLabel, FrontRow> = {
  name: 'name',
  sex: 'sexEthnicity',
  ethnicity: 'sexEthnicity',
  birth: 'birth',
  address: 'address',
  number: 'number',
};

/**
 * A run of this many digits in the lower part of the face is the number even with its label
 * unread; the birth row holds at most 8 digits in three groups, so 6 in a row is already rare
 * above the number row, and a run of 15 is the number wherever it sits.
 */
const NUMBER_RUN = { inNumberRow: 6, anywhere: 15 } as const;

/**
 * The most an address's lines stand apart, in line heights: cards print them at about 1.6 line
 * heights' pitch, a gap of about 0.6; one line height allows for a tilt or a loose box.
 */
const ADDRESS_LINE_GAP = 1;

/** Where the number row starts when its label was not read, between the address and number. */
const NUMBER_ROW_TOP = 0.76;

/**
 * Where the portrait side's print begins: half the rows' pitch (0.11 of the height) above the
 * name row's centre. The card prints nothing above its name but the edge, so text centred higher
 * up is a mark's or the guilloche's (a watermark's 多 or 正 beside the photo's top, read onto
 * the name as its first character).
 */
const PRINT_TOP = FRONT_ROW_CENTERS.name[0] - 0.055;

function longestDigitRun(glyphs: readonly Glyph[]): number {
  let longest = 0;
  let current = 0;
  for (const glyph of glyphs) {
    current = digitOf(glyph.char) === null ? 0 : current + 1;
    longest = Math.max(longest, current);
  }
  return longest;
}

function byLeft(a: Segment, b: Segment): number {
  return a.extent.left - b.extent.left;
}

function inPhotoArea(extent: Extent, frame: FaceFrame): boolean {
  const center = centerOf(extent);
  return (
    extent.left >= frame.x(FRONT_PHOTO_AREA.left) &&
    center.y >= frame.y(FRONT_PHOTO_AREA.top) &&
    center.y <= frame.y(FRONT_PHOTO_AREA.bottom)
  );
}

/** Whether a segment is centred above the card's print (`PRINT_TOP`). */
function abovePrint(extent: Extent, frame: FaceFrame): boolean {
  return centerOf(extent).y < frame.y(PRINT_TOP);
}

/**
 * How far left of the value column a segment on a row of no label may end and still be a value:
 * a quarter of its height. A lone half-width character at the column (the 8 of an address wrapped
 * after …单元175) ends only half an em past it, and a tilted photo or a loose fit of the column
 * puts it a little further left; what is left of a label ends an em or more short of the column.
 */
const LONE_VALUE_ROOM = 0.25;

/**
 * Whether a segment lies wholly left of where the values start (`column`, measured on the card):
 * what is left of a label read in pieces (福 3 for 出生, 姓 without 名), never a value, since
 * every value of the portrait side starts at the value column or, the number, further right. A
 * value's lone last character starts there too, on a row of its own (`LONE_VALUE_ROOM`), so it
 * is measured against the card's own column, not the specimen's.
 */
function inLabelColumn(
  segment: Segment,
  column: number,
  labels: readonly PlacedLabel<FrontLabel>[],
): boolean {
  const { extent } = segment;
  const room = onLabelRow(extent, labels) ? 0 : LONE_VALUE_ROOM * (extent.bottom - extent.top);
  return extent.right <= column - room;
}

/** Whether a segment shares its row with a label read on the face. */
function onLabelRow(extent: Extent, labels: readonly PlacedLabel<FrontLabel>[]): boolean {
  return labels.some((label) => onSameRow(label.extent, extent));
}

/**
 * The segments a nominal row filed with the number that are the address's next line: below its
 * last line by at most `ADDRESS_LINE_GAP` of a line's height, above the number row and starting
 * at the value column within a line's height. A face framed a little too small puts an address's
 * third line (504室) nearer the number row's nominal centre than the address's; what shares the
 * number's row is its label's remains, and a mark beside it starts far right of the column.
 */
function addressLinesFiledWithNumber(
  filed: readonly Segment[],
  address: readonly Segment[],
  number: readonly Segment[],
  column: number,
): Segment[] {
  const last = address.reduce<Extent | null>(
    (lowest, segment) =>
      lowest === null || segment.extent.bottom > lowest.bottom ? segment.extent : lowest,
    null,
  );
  const numberTop = Math.min(...number.map((segment) => segment.extent.top));
  if (last === null || !Number.isFinite(numberTop)) return [];
  const height = last.bottom - last.top;
  return filed.filter(
    ({ extent }) =>
      extent.top >= last.bottom - height / 2 &&
      extent.top - last.bottom <= ADDRESS_LINE_GAP * height &&
      extent.bottom <= numberTop &&
      Math.abs(extent.left - column) <= height,
  );
}

/** The segments of the number row, left to right. */
function numberRow(
  segments: readonly Segment[],
  labels: readonly PlacedLabel<FrontLabel>[],
  frame: FaceFrame,
): Segment[] {
  const label = labels.find((l) => l.kind === 'number');
  const candidates = segments
    .map((segment) => ({ segment, run: longestDigitRun(segment.glyphs) }))
    .filter(({ segment, run }) => {
      if (run >= NUMBER_RUN.anywhere) return true;
      if (run < NUMBER_RUN.inNumberRow) return false;
      return label
        ? onSameRow(label.extent, segment.extent)
        : centerOf(segment.extent).y >= frame.y(NUMBER_ROW_TOP);
    })
    .sort((a, b) => b.run - a.run);
  const primary = candidates[0]?.segment;
  if (primary === undefined) return [];
  return segments
    .filter(
      (s) =>
        s === primary || (onSameRow(primary.extent, s.extent) && longestDigitRun(s.glyphs) > 0),
    )
    .sort(byLeft);
}

/**
 * How far (in the line's heights) a box's centre may stand above or below the name's line and
 * still hold the name's characters: the card prints the name on one line.
 */
const NAME_LINE_ROOM = 0.5;

/**
 * The name row's segments that stand on the name's line (`NAME_LINE_ROOM`), the segment nearest
 * where the name prints: level with its label 姓名 where that was read, else on the frame's name
 * row. A box between the name and the sex row holds a mark's characters (大人 of a usage line
 * written under 宋宏红, its centre 0.9 of the name's height lower, read onto the name's end as 木林).
 */
function onNameLine(
  segments: readonly Segment[],
  labels: readonly PlacedLabel<FrontLabel>[],
  frame: FaceFrame,
): Segment[] {
  const label = labels.find((placed) => placed.kind === 'name');
  const printedAt = label ? centerOf(label.extent).y : frame.y(FRONT_ROW_CENTERS.name[0]);
  const line = [...segments].sort(
    (a, b) =>
      Math.abs(centerOf(a.extent).y - printedAt) - Math.abs(centerOf(b.extent).y - printedAt),
  )[0];
  if (line === undefined) return [];
  const y = centerOf(line.extent).y;
  const room = NAME_LINE_ROOM * (line.extent.bottom - line.extent.top);
  return segments.filter((segment) => Math.abs(centerOf(segment.extent).y - y) <= room);
}

/** The row a segment belongs to: that of a label on its row, else the nearest nominal row. */
function rowOf(
  segment: Segment,
  labels: readonly PlacedLabel<FrontLabel>[],
  frame: FaceFrame,
): FrontRow {
  const y = centerOf(segment.extent).y;
  const sameRow = labels
    .filter((label) => onSameRow(label.extent, segment.extent))
    .sort((a, b) => Math.abs(centerOf(a.extent).y - y) - Math.abs(centerOf(b.extent).y - y));
  const label = sameRow[0];
  if (label) return ROW_OF_LABEL[label.kind];
  let nearest: FrontRow = 'name';
  let distance = Number.POSITIVE_INFINITY;
  for (const [row, centers] of Object.entries(FRONT_ROW_CENTERS) as [
    FrontRow,
    readonly number[],
  ][]) {
    for (const center of centers) {
      const d = Math.abs(frame.y(center) - y);
      if (d < distance) {
        distance = d;
        nearest = row;
      }
    }
  }
  return nearest;
}

/**
 * The number's glyphs: what precedes its first digit is the label's remains; anything after
 * stays as read (a check character misread as a letter must reach the check).
 */
function fromFirstDigit(glyphs: readonly Glyph[]): Glyph[] {
  const first = glyphs.findIndex((g) => digitOf(g.char) !== null);
  return first === -1 ? [] : glyphs.slice(first);
}

function glyphsOf(segments: readonly Segment[]): Glyph[] {
  return segments.flatMap((s) => s.glyphs);
}

/**
 * Splits the 性别 / 民族 row. With its labels read, a value belongs to the label left of it.
 * Without 民族, a segment centred past where the card prints that label (`frame`) is the ethnic
 * group's, and of the rest the sex is the first character (the card prints one, 男 or 女) and
 * what follows it the ethnic group's: a stamp over 民族 and the sex value, 回 alone past them,
 * is the ethnic group, not a sex the row's first character would make it. Without 性别, what
 * precedes 民族 is the sex.
 */
function splitSexEthnicity(
  segments: readonly Segment[],
  labels: readonly PlacedLabel<FrontLabel>[],
  frame: FaceFrame,
): { sex: Glyph[]; ethnicity: Glyph[] } {
  const ethnicityLabel = labels.find((l) => l.kind === 'ethnicity');
  const ordered = [...segments].sort(byLeft);
  if (ethnicityLabel === undefined) {
    const labelPlace = frame.x(FRONT_LABEL_CENTERS.ethnicity.x);
    const pastLabel = (s: Segment) => centerOf(s.extent).x >= labelPlace;
    const glyphs = glyphsOf(ordered.filter((s) => !pastLabel(s)));
    return {
      sex: glyphs.slice(0, 1),
      ethnicity: [...glyphs.slice(1), ...glyphsOf(ordered.filter(pastLabel))],
    };
  }
  const boundary = centerOf(ethnicityLabel.extent).x;
  return {
    sex: glyphsOf(ordered.filter((s) => centerOf(s.extent).x < boundary)),
    ethnicity: glyphsOf(ordered.filter((s) => centerOf(s.extent).x >= boundary)),
  };
}

/** Finds the portrait side's labels and gathers the glyphs of each field from its rows. */
export function locateFrontFields(text: FaceText): FrontGlyphs {
  const hits = findLabels(text.lines, FRONT_LABELS, text);
  const labels = placeLabels(text, hits);
  const frame = fitFaceFrame(text, labelAnchors(labels, FRONT_LABEL_CENTERS));
  const printed = valueSegments(text, hits).filter(
    (s) => !inPhotoArea(s.extent, frame) && !abovePrint(s.extent, frame),
  );
  const column = valueColumnLeft(
    printed.map((s) => s.glyphs[0]),
    frame,
  );
  const segments = printed.filter((s) => !inLabelColumn(s, column, labels));

  const numberSegments = numberRow(segments, labels, frame);
  const rows: Record<FrontRow, Segment[]> = {
    name: [],
    sexEthnicity: [],
    birth: [],
    address: [],
    number: numberSegments,
  };
  const filedWithNumber: Segment[] = [];
  for (const segment of segments) {
    if (numberSegments.includes(segment)) continue;
    const row = rowOf(segment, labels, frame);
    // What else shares the number row is its label's remains (号码 split off by detection).
    if (row !== 'number') rows[row].push(segment);
    else if (!onLabelRow(segment.extent, labels)) filedWithNumber.push(segment);
  }
  rows.address.push(
    ...addressLinesFiledWithNumber(filedWithNumber, rows.address, numberSegments, column),
  );

  const { sex, ethnicity } = splitSexEthnicity(rows.sexEthnicity, labels, frame);
  const birth = glyphsOf(segmentsInReadingOrder(rows.birth));
  const address = glyphsOf(segmentsInReadingOrder(rows.address));
  return {
    name: glyphsOf(segmentsInReadingOrder(onNameLine(rows.name, labels, frame))),
    sex,
    ethnicity,
    birth,
    address,
    number: fromFirstDigit(glyphsOf(numberSegments)),
    valueLeft: valueColumnLeft([sex[0], birth[0], address[0]], frame),
  };
}
