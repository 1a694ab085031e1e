import { BACK_LABEL_CENTERS, BACK_ROW_CENTERS } from './card-geometry.ts';
import { fitFaceFrame } from './face-frame.ts';
import {
  type FaceText,
  labelAnchors,
  type PlacedLabel,
  placeLabels,
  type Segment,
  valueSegments,
} from './face-text.ts';
import type { Glyph } from './glyphs.ts';
import { BACK_LABELS, type BackLabel, findLabels } from './labels.ts';
import { centerOf, onSameRow } from './quad-geometry.ts';

/** The glyphs of the emblem side's two labelled rows, left to right; empty when unread. */
export type BackGlyphs = { issue: Glyph[]; validity: Glyph[] };

type BackRow = keyof typeof BACK_ROW_CENTERS;

const ROW_OF_LABEL: Record<BackLabel, BackRow> = {
  titleCountry: 'title',
  titleCard: 'title',
  issue: 'issue',
  validity: 'validity',
};

function rowOf(
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

/** Finds the emblem side's labels and gathers the glyphs of 签发机关 and 有效期限. */
export function locateBackFields(text: FaceText): BackGlyphs {
  const hits = findLabels(text.lines, BACK_LABELS, text);
  const labels = placeLabels(text, hits);
  const frame = fitFaceFrame(text, labelAnchors(labels, BACK_LABEL_CENTERS));
  const rows: Record<BackRow, Segment[]> = { title: [], issue: [], validity: [] };
  for (const segment of valueSegments(text, hits)) {
    rows[rowOf(segment, labels, frame.y)].push(segment);
  }
  const ordered = (segments: Segment[]) =>
    segments.sort((a, b) => a.extent.left - b.extent.left).flatMap((s) => s.glyphs);
  return { issue: ordered(rows.issue), validity: ordered(rows.validity) };
}
