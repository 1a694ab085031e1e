import { LONG_TERM } from '../../idcard/validity-period.ts';
import { BACK_LABEL_CENTERS, BACK_ROW_CENTERS } from './card-geometry.ts';
import { digitOf } from './digit-glyphs.ts';
import { fitFaceFrame } from './face-frame.ts';
import {
  type FaceText,
  labelAnchors,
  type PlacedLabel,
  placeLabels,
  type Segment,
  segmentsInReadingOrder,
  valueSegments,
} from './face-text.ts';
import { extentOfGlyphs, type Glyph, textOf } from './glyphs.ts';
import { BACK_LABELS, type BackLabel, findLabels } from './labels.ts';
import { centerOf, type Extent, onSameRow } from './quad-geometry.ts';

/**
 * The glyphs of the emblem side's two labelled rows, in reading order; empty when unread. With
 * them, where the label 签发机关 was read, for measuring what a mark hid after it.
 */
export type BackGlyphs = { issue: Glyph[]; validity: Glyph[]; issueLabel: Extent | null };

type BackRow = keyof typeof BACK_ROW_CENTERS;

const ROW_OF_LABEL: Record<BackLabel, BackRow> = {
  titleCountry: 'title',
  titleCard: 'title',
  issue: 'issue',
  validity: 'validity',
};

/**
 * A date of the period holds eight digits (YYYY.MM.DD); a run of this many digits in a segment
 * is dates, which only the validity row prints (the issuing authority has none).
 */
const DATE_DIGITS = 8;
/** Every issuing authority is a public-security organ: 某市公安局, 某县公安局某分局. */
const AUTHORITY_WORDS = /公安|分局/;
const LONG_TERM_CHARS = new Set(Array.from(LONG_TERM));

function digitCount(glyphs: readonly Glyph[]): number {
  return glyphs.filter((glyph) => digitOf(glyph.char) !== null).length;
}

/**
 * The row a segment's own text names, whatever its place: dates, or 长期 after digits, are the
 * validity period; a public-security organ is the issuing authority. Null for text that does not
 * tell (a piece of a name, a stray character), which goes by its place.
 */
function rowByContent(segment: Segment): BackRow | null {
  const text = textOf(segment.glyphs);
  if (AUTHORITY_WORDS.test(text)) return 'issue';
  if (digitCount(segment.glyphs) >= DATE_DIGITS) return 'validity';
  if (Array.from(text).some((char) => LONG_TERM_CHARS.has(char))) return 'validity';
  return null;
}

/** The row of a segment that its text does not name: that of a label on its row, else the nearest. */
function rowByPlace(
  segment: Segment,
  labels: readonly PlacedLabel<BackLabel>[],
  y: (fraction: number) => number,
): BackRow {
  const center = centerOf(segment.extent).y;
  const label = labels
    .filter((l) => onSameRow(l.extent, segment.extent))
    .sort(
      (a, b) => Math.abs(centerOf(a.extent).y - center) - Math.abs(centerOf(b.extent).y - center),
    )[0];
  if (label) return ROW_OF_LABEL[label.kind];
  let nearest: BackRow = 'title';
  let distance = Number.POSITIVE_INFINITY;
  for (const [row, centers] of Object.entries(BACK_ROW_CENTERS) as [BackRow, readonly number[]][]) {
    for (const c of centers) {
      const d = Math.abs(y(c) - center);
      if (d < distance) {
        distance = d;
        nearest = row;
      }
    }
  }
  return nearest;
}

/**
 * Splits a segment where the issuing authority runs into the dates (one box over both rows of
 * a tilted face): at the first digit, when what follows holds a date and what precedes does not.
 */
function splitAtDates(segment: Segment): Segment[] {
  const first = segment.glyphs.findIndex((glyph) => digitOf(glyph.char) !== null);
  if (first <= 0) return [segment];
  const before = segment.glyphs.slice(0, first);
  const after = segment.glyphs.slice(first);
  if (digitCount(after) < DATE_DIGITS || !AUTHORITY_WORDS.test(textOf(before))) return [segment];
  return [before, after].map((glyphs) => ({ glyphs, extent: extentOfGlyphs(glyphs) }));
}

/**
 * Finds the emblem side's labels and gathers the glyphs of 签发机关 and 有效期限. A segment goes
 * to the row its text names (`rowByContent`), so a tilted face or a label column printed a little
 * off cannot move the dates into the authority; only text that does not tell goes by its place.
 * Labels only cut their own text out of the lines.
 */
export function locateBackFields(text: FaceText): BackGlyphs {
  const hits = findLabels(text.lines, BACK_LABELS, text);
  const labels = placeLabels(text, hits);
  const frame = fitFaceFrame(text, labelAnchors(labels, BACK_LABEL_CENTERS));
  const rows: Record<BackRow, Segment[]> = { title: [], issue: [], validity: [] };
  for (const segment of valueSegments(text, hits).flatMap(splitAtDates)) {
    rows[rowByContent(segment) ?? rowByPlace(segment, labels, frame.y)].push(segment);
  }
  // The period is printed on one line, so its pieces go left to right whatever their tilt.
  const validity = rows.validity
    .sort((a, b) => a.extent.left - b.extent.left)
    .flatMap((segment) => segment.glyphs);
  return {
    issue: segmentsInReadingOrder(rows.issue).flatMap((segment) => segment.glyphs),
    validity,
    issueLabel: labels.find((label) => label.kind === 'issue')?.extent ?? null,
  };
}
