import type { ReadFace, RecognizedLine } from '../recognized-line.ts';
import { crossedBoxes } from './crossed-boxes.ts';
import type { FrameAnchor } from './face-frame.ts';
import { extentOfGlyphs, type Glyph, glyphsOfLine } from './glyphs.ts';
import { BACK_LABELS, FRONT_LABELS, type LabelHit, type LabelKind } from './labels.ts';
import { isMarkCharacter, withoutOverlayMarks } from './overlay-marks.ts';
import { joinSpacedWords } from './spaced-labels.ts';

/** The labels and titles either side prints, which print shops may set letter-spaced. */
const PRINTED_WORDS = [...FRONT_LABELS, ...BACK_LABELS].map((label) => label.text);

import { centerOf, type Extent, extentOf, onSameRow } from './quad-geometry.ts';

/**
 * A face's lines as glyphs with positions, without the marks stamped or written over a copy;
 * empty lines are dropped. `marks` are where those marks were read, on these lines or by another
 * reading of the face (`ReadFace.marks`); `unboxed`, where lines were read that the detector had
 * not boxed (`RecognizedLine.unboxed`); `inked`, lines read with a mark's ink lifted off
 * (`RecognizedLine.inkSeparated`); `inkedFace`, whether the face carried a mark's ink anywhere
 * (`RecognizedLine.onInkedFace`).
 */
export type FaceText = {
  width: number;
  height: number;
  lines: Glyph[][];
  marks: Extent[];
  unboxed: Extent[];
  inked: Extent[];
  inkedFace: boolean;
};

export function faceTextOf(face: ReadFace): FaceText {
  const crossed = crossedBoxes(face.lines.map((line) => line.box));
  // A box over the print that reads one character of a mark's wording (a written 用 over an
  // address line's end) holds the mark's strokes, not the card's: it is no value's character.
  const glyphLines = face.lines.map((line, i) =>
    crossed.includes(i) && isMarkCharacter(line.text) ? [] : glyphsOfLine(line, i),
  );
  const { lines, marks } = withoutOverlayMarks(glyphLines);
  return {
    width: face.width,
    height: face.height,
    lines: joinSpacedWords(
      lines.filter((glyphs) => glyphs.length > 0),
      PRINTED_WORDS,
    ),
    marks: [
      ...marks,
      ...crossed.map((i) => extentOf([(face.lines[i] as RecognizedLine).box])),
      ...(face.marks ?? []).map((mark) => extentOf([mark])),
    ],
    unboxed: face.lines.filter((line) => line.unboxed).map((line) => extentOf([line.box])),
    inked: face.lines.filter((line) => line.inkSeparated).map((line) => extentOf([line.box])),
    inkedFace: face.lines.some((line) => line.inkSeparated || line.onInkedFace),
  };
}

/** A run of glyphs in one line that is not a label: a value or part of one. */
export type Segment = { glyphs: Glyph[]; extent: Extent };

/** Segments grouped into printed rows, top to bottom, each left to right. */
export function segmentsInReadingOrder(segments: readonly Segment[]): Segment[] {
  const rows: Segment[][] = [];
  const byTop = [...segments].sort((a, b) => centerOf(a.extent).y - centerOf(b.extent).y);
  for (const segment of byTop) {
    const row = rows.find((r) => r[0] !== undefined && onSameRow(r[0].extent, segment.extent));
    if (row) row.push(segment);
    else rows.push([segment]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.extent.left - b.extent.left));
}

/** A label found on the face, with where it was read. */
export type PlacedLabel<K extends LabelKind> = { kind: K; extent: Extent };

/** Cuts every line at its labels; what is left between and around them are value segments. */
export function valueSegments(text: FaceText, hits: readonly LabelHit[]): Segment[] {
  return text.lines.flatMap((glyphs, lineIndex) => {
    const cuts = hits.filter((hit) => hit.line === lineIndex).sort((a, b) => a.start - b.start);
    const runs: Glyph[][] = [];
    let from = 0;
    for (const cut of cuts) {
      runs.push(glyphs.slice(from, cut.start));
      from = cut.end;
    }
    runs.push(glyphs.slice(from));
    return runs
      .filter((run) => run.length > 0)
      .map((run) => ({ glyphs: run, extent: extentOfGlyphs(run) }));
  });
}

export function placeLabels<K extends LabelKind>(
  text: FaceText,
  hits: readonly LabelHit<K>[],
): PlacedLabel<K>[] {
  return hits.map((hit) => ({
    kind: hit.kind,
    extent: extentOfGlyphs((text.lines[hit.line] ?? []).slice(hit.start, hit.end)),
  }));
}

/** Frame anchors from placed labels and the nominal centres of their kinds. */
export function labelAnchors<K extends LabelKind>(
  labels: readonly PlacedLabel<K>[],
  centers: Record<K, { x: number; y: number }>,
): FrameAnchor[] {
  return labels.map((label) => ({ nominal: centers[label.kind], actual: centerOf(label.extent) }));
}
