import {
  BACK_LABEL_CENTERS,
  type FacePoint,
  FRONT_LABEL_CENTERS,
  LABEL_TOLERANCE,
} from './card-geometry.ts';
import { extentOfGlyphs, type Glyph } from './glyphs.ts';
import { centerOf } from './quad-geometry.ts';

export type FrontLabel = keyof typeof FRONT_LABEL_CENTERS;
export type BackLabel = keyof typeof BACK_LABEL_CENTERS;
export type LabelKind = FrontLabel | BackLabel;

export type LabelSpec<K extends LabelKind> = { kind: K; text: string; center: FacePoint };

/** The printed labels of the portrait side (the blue 黑体 words), as GA 490 prints them. */
export const FRONT_LABELS: readonly LabelSpec<FrontLabel>[] = [
  { kind: 'name', text: '姓名', center: FRONT_LABEL_CENTERS.name },
  { kind: 'sex', text: '性别', center: FRONT_LABEL_CENTERS.sex },
  { kind: 'ethnicity', text: '民族', center: FRONT_LABEL_CENTERS.ethnicity },
  { kind: 'birth', text: '出生', center: FRONT_LABEL_CENTERS.birth },
  { kind: 'address', text: '住址', center: FRONT_LABEL_CENTERS.address },
  { kind: 'number', text: '公民身份号码', center: FRONT_LABEL_CENTERS.number },
];

/** The title and labels of the emblem side. */
export const BACK_LABELS: readonly LabelSpec<BackLabel>[] = [
  { kind: 'titleCountry', text: '中华人民共和国', center: BACK_LABEL_CENTERS.titleCountry },
  { kind: 'titleCard', text: '居民身份证', center: BACK_LABEL_CENTERS.titleCard },
  { kind: 'issue', text: '签发机关', center: BACK_LABEL_CENTERS.issue },
  { kind: 'validity', text: '有效期限', center: BACK_LABEL_CENTERS.validity },
];

/** The words of every label and title either side prints (姓名 … 有效期限). */
export const LABEL_TEXTS: readonly string[] = [...FRONT_LABELS, ...BACK_LABELS].map(
  (label) => label.text,
);

/** A label found in a line: glyphs `start` to `end` (exclusive) of line `line`. */
export type LabelHit<K extends LabelKind = LabelKind> = {
  kind: K;
  line: number;
  start: number;
  end: number;
  exact: boolean;
};

/**
 * How many characters of a label must be read right for it to count: all but one of a two- to
 * five-character label (性剐 for 性别, 签发机荚 for 签发机关), all but two of the longer ones
 * (公民身价号玛). With one wrong character allowed, a two-character label rests on a single
 * character, which is why a misread label must also sit where the card prints it.
 */
function requiredMatches(labelLength: number): number {
  return labelLength <= 5 ? labelLength - 1 : labelLength - 2;
}

type Candidate<K extends LabelKind> = LabelHit<K> & { matches: number; distance: number };

function candidatesInLine<K extends LabelKind>(
  glyphs: readonly Glyph[],
  lineIndex: number,
  spec: LabelSpec<K>,
  face: { width: number; height: number },
): Candidate<K>[] {
  const label = Array.from(spec.text);
  const found: Candidate<K>[] = [];
  // A long label may be cut by the line's end or start when detection splits it over two boxes
  // (公民身份 | 号码), so its window may hang over either end of the line. A two-character label
  // boxed with its value may have lost its first character to the box's edge (生1990年3月6日,
  // 名张三): its window may hang over the line's start, and its last character, read exactly,
  // must then sit where the label is printed.
  const overhang = label.length > 2 ? label.length - requiredMatches(label.length) : 0;
  const overStart = label.length === 2 ? 1 : overhang;
  for (let offset = -overStart; offset <= glyphs.length - label.length + overhang; offset++) {
    let matches = 0;
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    label.forEach((char, i) => {
      const glyph = glyphs[offset + i];
      if (glyph === undefined) return;
      start = Math.min(start, offset + i);
      end = Math.max(end, offset + i + 1);
      if (glyph.char === char) matches++;
    });
    if (matches < requiredMatches(label.length) || end <= start) continue;
    const exact = matches === label.length;
    const extent = extentOfGlyphs(glyphs.slice(start, end));
    const center = centerOf(extent);
    const dx = Math.abs(center.x / face.width - spec.center.x);
    const dy = Math.abs(center.y / face.height - spec.center.y);
    const tolerance = exact ? LABEL_TOLERANCE.exact : LABEL_TOLERANCE.misread;
    if (dx > tolerance.x || dy > tolerance.y) continue;
    const distance = dx / tolerance.x + dy / tolerance.y;
    found.push({ kind: spec.kind, line: lineIndex, start, end, exact, matches, distance });
  }
  return found;
}

function overlaps(a: LabelHit, b: LabelHit): boolean {
  return a.line === b.line && a.start < b.end && b.start < a.end;
}

/**
 * The labels read on a face, at most one of each kind: exact readings first, then the ones with
 * most characters right, then the ones nearest their printed place; a glyph belongs to at most
 * one label.
 */
export function findLabels<K extends LabelKind>(
  lines: readonly (readonly Glyph[])[],
  specs: readonly LabelSpec<K>[],
  face: { width: number; height: number },
): LabelHit<K>[] {
  const candidates = lines.flatMap((glyphs, lineIndex) =>
    specs.flatMap((spec) => candidatesInLine(glyphs, lineIndex, spec, face)),
  );
  candidates.sort(
    (a, b) => Number(b.exact) - Number(a.exact) || b.matches - a.matches || a.distance - b.distance,
  );
  const chosen: LabelHit<K>[] = [];
  for (const { kind, line, start, end, exact } of candidates) {
    const hit = { kind, line, start, end, exact };
    if (chosen.some((c) => c.kind === kind || overlaps(c, hit))) continue;
    chosen.push(hit);
  }
  return chosen;
}
