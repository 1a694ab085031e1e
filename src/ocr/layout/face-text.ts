import { EMBLEM_AREA, PORTRAIT_AREA } from '../card-geometry.ts';
import type { ReadFace, RecognizedLine } from '../recognized-line.ts';
import { crossedBoxes } from './crossed-boxes.ts';
import type { FrameAnchor } from './face-frame.ts';
import { extentOfGlyphs, type Glyph, glyphsOfLine } from './glyphs.ts';
import { LABEL_TEXTS, type LabelHit, type LabelKind } from './labels.ts';
import { isMarkCharacter, withoutOverlayMarks } from './overlay-marks.ts';
import { centerOf, type Extent, extentOf, onSameRow } from './quad-geometry.ts';
import { joinSpacedWords } from './spaced-labels.ts';

/**
 * What the card prints in a colour of its own: the labels and titles, and 年 月 日 of the birth
 * row. A maker's blue or violet there is a mark's hue to ink separation (the 别 of 性别 reads
 * nothing lifted), so a line reading only these is the card's print, whatever its ink.
 */
const CARD_INK_CHARACTERS: ReadonlySet<string> = new Set([
  ...LABEL_TEXTS.join(''),
  '年',
  '月',
  '日',
]);

/** Whether a line was read in a mark's ink alone (`RecognizedLine.markInk`) and is no print. */
function inMarkInk(line: RecognizedLine): boolean {
  return line.markInk === true && !Array.from(line.text).every((c) => CARD_INK_CHARACTERS.has(c));
}

/**
 * A face's lines as glyphs with positions, without the marks stamped or written over a copy;
 * empty lines are dropped. `marks` are where those marks were read, on these lines or by another
 * reading of the face (`ReadFace.marks`); `unboxed`, where lines were read that the detector had
 * not boxed (`RecognizedLine.unboxed`); `markInk`, lines read in a mark's ink alone
 * (`RecognizedLine.markInk`), whose glyphs are left out of `lines`; `inked`, lines read with a
 * mark's ink lifted off (`RecognizedLine.inkSeparated`); `inkedFace`, whether the face carried a
 * mark's ink anywhere (`RecognizedLine.onInkedFace`).
 */
export type FaceText = {
  width: number;
  height: number;
  lines: Glyph[][];
  marks: Extent[];
  unboxed: Extent[];
  markInk: Extent[];
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
  // A line read in a mark's ink alone goes through the marks' wording first, so that a stamp's
  // 样本 read on the holder's photo is still a mark, and none of it stays a value.
  const boxedAlone = face.lines.map((line) => !line.unboxed);
  const { lines, marks } = withoutOverlayMarks(glyphLines, boxedAlone);
  const printed = lines.filter((glyphs, i) => {
    const line = face.lines[i] as RecognizedLine;
    return glyphs.length > 0 && !inMarkInk(line);
  });
  return {
    width: face.width,
    height: face.height,
    lines: joinSpacedWords(printed, LABEL_TEXTS),
    marks: [
      ...marks,
      ...crossed.map((i) => extentOf([(face.lines[i] as RecognizedLine).box])),
      ...(face.marks ?? []).map((mark) => extentOf([mark])),
    ],
    unboxed: face.lines.filter((line) => line.unboxed).map((line) => extentOf([line.box])),
    markInk: face.lines.filter(inMarkInk).map((line) => extentOf([line.box])),
    inked: face.lines.filter((line) => line.inkSeparated).map((line) => extentOf([line.box])),
    inkedFace: face.lines.some((line) => line.inkSeparated || line.onInkedFace),
  };
}

/**
 * Where lines were read in a mark's ink alone (`FaceText.markInk`) outside the area the card
 * prints in colour on `side` (the holder's photo, the red emblem): those are marks, while a box
 * on the photo or the emblem read in their own colours is the card's.
 */
export function markInkOutsideCardColours(text: FaceText, side: 'front' | 'back'): Extent[] {
  const area = side === 'front' ? PORTRAIT_AREA : EMBLEM_AREA;
  return text.markInk.filter((extent) => {
    const { x, y } = centerOf(extent);
    return x < area.left || x > area.right || y < area.top || y > area.bottom;
  });
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
