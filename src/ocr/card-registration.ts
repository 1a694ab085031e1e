import { FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import { applyHomography, fitTransform, type Homography, type Point } from './geometry.ts';
import {
  BACK_LABEL_CENTERS,
  type FacePoint,
  FRONT_LABEL_CENTERS,
  NUMBER_LINE_ENDS,
} from './layout/card-geometry.ts';
import { extentOfGlyphs, type Glyph, glyphsOfLine } from './layout/glyphs.ts';
import { centerOf } from './layout/quad-geometry.ts';
import type { RecognizedLine } from './recognized-line.ts';

/** The printed words whose places on the card are known, with their centres. */
const ANCHOR_TEXTS: readonly { text: string; center: FacePoint }[] = [
  { text: '姓名', center: FRONT_LABEL_CENTERS.name },
  { text: '性别', center: FRONT_LABEL_CENTERS.sex },
  { text: '民族', center: FRONT_LABEL_CENTERS.ethnicity },
  { text: '出生', center: FRONT_LABEL_CENTERS.birth },
  { text: '住址', center: FRONT_LABEL_CENTERS.address },
  { text: '公民身份号码', center: FRONT_LABEL_CENTERS.number },
  { text: '中华人民共和国', center: BACK_LABEL_CENTERS.titleCountry },
  { text: '居民身份证', center: BACK_LABEL_CENTERS.titleCard },
  { text: '签发机关', center: BACK_LABEL_CENTERS.issue },
  { text: '有效期限', center: BACK_LABEL_CENTERS.validity },
];

/** The number is told by this many digits in a row (the birth row prints at most 4). */
const NUMBER_RUN = 15;
/**
 * An anchor this far (share of the face width) from where the fitted transform puts it is taken
 * for a misplaced reading and left out of the fit.
 */
const MAX_RESIDUAL = 0.03;
/** The fitted card may be this much smaller or larger than the face it was read on. */
const AREA_LIMITS = { min: 0.5, max: 2 } as const;

type Anchor = { nominal: Point; found: Point };

function runsOf(glyphs: readonly Glyph[], test: (g: Glyph) => boolean): Glyph[][] {
  const runs: Glyph[][] = [];
  let run: Glyph[] = [];
  for (const glyph of glyphs) {
    if (test(glyph)) {
      run.push(glyph);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Labels and titles read exactly once on the face, and the ends of the number. */
function findAnchors(lines: readonly RecognizedLine[]): Anchor[] {
  const anchors: Anchor[] = [];
  const glyphLines = lines.map(glyphsOfLine);
  for (const { text, center } of ANCHOR_TEXTS) {
    const hits = glyphLines.flatMap((glyphs) => {
      const chars = glyphs.map((g) => g.char).join('');
      const at = chars.indexOf(text);
      if (at === -1 || chars.indexOf(text, at + 1) !== -1) return [];
      return [extentOfGlyphs(glyphs.slice(at, at + text.length))];
    });
    const hit = hits.length === 1 ? hits[0] : undefined;
    if (hit === undefined) continue;
    const c = centerOf(hit);
    anchors.push({ nominal: [center.x * FACE_WIDTH, center.y * FACE_HEIGHT], found: [c.x, c.y] });
  }
  const numbers = glyphLines.flatMap((glyphs) =>
    runsOf(glyphs, (g) => /^[0-9X]$/.test(g.char)).filter((run) => run.length >= NUMBER_RUN),
  );
  const number = numbers.length === 1 ? numbers[0] : undefined;
  if (number) {
    const extent = extentOfGlyphs(number);
    const y = centerOf(extent).y;
    const { left, right } = NUMBER_LINE_ENDS;
    anchors.push({ nominal: [left.x * FACE_WIDTH, left.y * FACE_HEIGHT], found: [extent.left, y] });
    anchors.push({
      nominal: [right.x * FACE_WIDTH, right.y * FACE_HEIGHT],
      found: [extent.right, y],
    });
  }
  return anchors;
}

/** Face pixels scaled to order 1, so that the least-squares solve stays well conditioned. */
function scaled(p: Point): Point {
  return [p[0] / FACE_WIDTH, p[1] / FACE_WIDTH];
}

function fitAnchors(anchors: readonly Anchor[]): Homography | null {
  const h = fitTransform(
    anchors.map((a) => scaled(a.nominal)),
    anchors.map((a) => scaled(a.found)),
  );
  if (h === null) return null;
  // Back to face pixels: S^-1 h S with S = diag(1/W, 1/W, 1).
  const w = FACE_WIDTH;
  return Float64Array.from([
    h[0] as number,
    h[1] as number,
    (h[2] as number) * w,
    h[3] as number,
    h[4] as number,
    (h[5] as number) * w,
    (h[6] as number) / w,
    (h[7] as number) / w,
    h[8] as number,
  ]);
}

function residual(h: Homography, anchor: Anchor): number {
  const [x, y] = applyHomography(h, anchor.nominal[0], anchor.nominal[1]);
  return Math.hypot(x - anchor.found[0], y - anchor.found[1]) / FACE_WIDTH;
}

function quadArea(points: Point[]): number {
  let area = 0;
  points.forEach(([x0, y0], i) => {
    const [x1, y1] = points[(i + 1) % points.length] as Point;
    area += x0 * y1 - x1 * y0;
  });
  return area / 2;
}

/**
 * Registers a face read on a roughly straightened card against the card's printed layout: the
 * labels and titles read exactly, and the ends of the number, are matched to where the card
 * prints them, and a transform is fitted by least squares (projective with five or more anchors,
 * which takes out a camera's perspective; affine with three or four). Anchors the fit cannot
 * place are dropped one at a time. Returns the map from the true face to the rough one, or null
 * when too little was read to tell, or the fit makes no sense as a card.
 */
export function registerFace(lines: readonly RecognizedLine[]): Homography | null {
  let anchors = findAnchors(lines);
  for (;;) {
    if (anchors.length < 3) return null;
    const h = fitAnchors(anchors);
    if (h === null) return null;
    const errors = anchors.map((a) => residual(h, a));
    const worst = Math.max(...errors);
    if (worst <= MAX_RESIDUAL) {
      const corners: Point[] = [
        [0, 0],
        [FACE_WIDTH, 0],
        [FACE_WIDTH, FACE_HEIGHT],
        [0, FACE_HEIGHT],
      ].map(([x, y]) => applyHomography(h, x as number, y as number));
      const area = quadArea(corners) / (FACE_WIDTH * FACE_HEIGHT);
      return area >= AREA_LIMITS.min && area <= AREA_LIMITS.max ? h : null;
    }
    anchors = anchors.filter((_, i) => errors[i] !== worst);
  }
}
