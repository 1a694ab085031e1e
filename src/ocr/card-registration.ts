import { FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import {
  applyHomography,
  fitTransform,
  type Homography,
  invertHomography,
  type Point,
  solveLinear,
} from './geometry.ts';
import {
  ANCHOR_TOLERANCE,
  BACK_LABEL_CENTERS,
  type FacePoint,
  FRONT_LABEL_CENTERS,
  NUMBER_LINE_ENDS,
} from './layout/card-geometry.ts';
import { extentOfGlyphs, type Glyph, glyphsOfLine } from './layout/glyphs.ts';
import { holdsMarkWording } from './layout/overlay-marks.ts';
import { centerOf } from './layout/quad-geometry.ts';
import { joinSpacedWords } from './layout/spaced-labels.ts';
import type { RecognizedLine } from './recognized-line.ts';
import { weightedMedian } from './weighted-median.ts';

type Tolerance = { x: number; y: number };

/** The printed words whose places on the card are known, with their centres and tolerances. */
const ANCHOR_TEXTS: readonly { text: string; center: FacePoint; tolerance: Tolerance }[] = [
  { text: '姓名', center: FRONT_LABEL_CENTERS.name, tolerance: ANCHOR_TOLERANCE.label },
  { text: '性别', center: FRONT_LABEL_CENTERS.sex, tolerance: ANCHOR_TOLERANCE.label },
  { text: '民族', center: FRONT_LABEL_CENTERS.ethnicity, tolerance: ANCHOR_TOLERANCE.label },
  { text: '出生', center: FRONT_LABEL_CENTERS.birth, tolerance: ANCHOR_TOLERANCE.label },
  { text: '住址', center: FRONT_LABEL_CENTERS.address, tolerance: ANCHOR_TOLERANCE.label },
  { text: '公民身份号码', center: FRONT_LABEL_CENTERS.number, tolerance: ANCHOR_TOLERANCE.label },
  {
    text: '中华人民共和国',
    center: BACK_LABEL_CENTERS.titleCountry,
    tolerance: ANCHOR_TOLERANCE.title,
  },
  { text: '居民身份证', center: BACK_LABEL_CENTERS.titleCard, tolerance: ANCHOR_TOLERANCE.title },
  { text: '签发机关', center: BACK_LABEL_CENTERS.issue, tolerance: ANCHOR_TOLERANCE.label },
  { text: '有效期限', center: BACK_LABEL_CENTERS.validity, tolerance: ANCHOR_TOLERANCE.label },
];

/** The number is told by this many digits in a row (the birth row prints at most 4). */
const NUMBER_RUN = 15;
/**
 * An anchor further than this many of its tolerances from where the fit puts it is taken for a
 * misplaced reading (or a card laid out unlike the specimen there) and left out of the fit.
 */
const MAX_NORMALIZED_RESIDUAL = 3;
/**
 * The fitted card may be this much smaller or larger than the face it was read on. A rough face
 * framed around text whose widest rows the locating pass missed (a number row under a typed
 * line) is guessed from the text's width, taken for 0.8 of the card's (`TEXT_WIDTH_SHARE`).
 * Labels and address lines alone span about 0.57 of the card on the specimen (labels from 7 %,
 * lines wrapped at the photo near 64 %), a card 1.4 times the face; copy shops' templates that
 * print no photo wrap sooner, and on the generated ones the span fell to 0.45: 1.8 times as wide
 * and as tall as the face.
 */
const AREA_LIMITS = { min: 0.2, max: 4 } as const;
/**
 * The card's height against its width may differ this much from the face it was read on, where
 * edges found wrongly squeezed it; more is a fit gone wrong.
 */
const ASPECT_LIMITS = { min: 0.8, max: 1.25 } as const;
/**
 * The card's proportions are fixed (ID-1), so the fit's two scales are held together with this
 * tolerance, and only anchors well spread along an axis can pull them apart.
 */
const SCALE_RATIO_TOLERANCE = 0.05;
/**
 * A projective fit may replace the aligned one only with this many anchors that agree, spread
 * over this share of the face each way: anchors bunched in the label column gave heavy keystone
 * on cards photographed straight on.
 */
const PROJECTIVE_MIN_ANCHORS = 6;
const PROJECTIVE_MIN_SPREAD = { x: 0.5, y: 0.5 } as const;
/** A text line at least this many heights long shows the direction the card's text runs. */
const DIRECTION_LINE_ASPECT = 3;
/**
 * Lines straightened by a fit must be level within this angle (radians, 1.5°): a fit that tilts
 * lines the rough face had level is fitting the layout's disagreement with the card, not the card.
 */
const LEVEL_TOLERANCE = (1.5 * Math.PI) / 180;

/**
 * The aligned fit needs this many anchors: two in one column (the emblem side's titles) leave
 * its scale to their spacing alone, 0.17 of the face, which their tolerances cannot pin.
 */
const MIN_ALIGNED_ANCHORS = 3;

/** A printed thing found on the face: where the specimen prints it, where it was read, how sure. */
export type Anchor = { nominal: Point; found: Point; tolerance: Tolerance };

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

function inFacePixels(point: FacePoint): Point {
  return [point.x * FACE_WIDTH, point.y * FACE_HEIGHT];
}

function tolerancePx(tolerance: Tolerance): Tolerance {
  return { x: tolerance.x * FACE_WIDTH, y: tolerance.y * FACE_HEIGHT };
}

/** Labels and titles read exactly once on the face (letter-spaced ones too), and the number's ends. */
export function findAnchors(lines: readonly RecognizedLine[]): Anchor[] {
  const anchors: Anchor[] = [];
  const glyphLines = joinSpacedWords(
    lines.map(glyphsOfLine),
    ANCHOR_TEXTS.map((anchor) => anchor.text),
  );
  for (const { text, center, tolerance } of ANCHOR_TEXTS) {
    const hits = glyphLines.flatMap((glyphs) => {
      const chars = glyphs.map((g) => g.char).join('');
      const at = chars.indexOf(text);
      if (at === -1 || chars.indexOf(text, at + 1) !== -1) return [];
      return [extentOfGlyphs(glyphs.slice(at, at + text.length))];
    });
    const hit = hits.length === 1 ? hits[0] : undefined;
    if (hit === undefined) continue;
    const c = centerOf(hit);
    anchors.push({
      nominal: inFacePixels(center),
      found: [c.x, c.y],
      tolerance: tolerancePx(tolerance),
    });
  }
  const numbers = glyphLines.flatMap((glyphs) =>
    runsOf(glyphs, (g) => /^[0-9X]$/.test(g.char)).filter((run) => run.length >= NUMBER_RUN),
  );
  const number = numbers.length === 1 ? numbers[0] : undefined;
  if (number) {
    const extent = extentOfGlyphs(number);
    const y = centerOf(extent).y;
    const tolerance = tolerancePx(ANCHOR_TOLERANCE.numberEnd);
    anchors.push({
      nominal: inFacePixels(NUMBER_LINE_ENDS.left),
      found: [extent.left, y],
      tolerance,
    });
    anchors.push({
      nominal: inFacePixels(NUMBER_LINE_ENDS.right),
      found: [extent.right, y],
      tolerance,
    });
  }
  return anchors;
}

/** The angle of a line's box along its length (radians), from its top and bottom edges. */
function lineAngle(line: RecognizedLine): { angle: number; length: number; height: number } {
  const [p0, p1, p2, p3] = line.box;
  const dx = p1[0] - p0[0] + (p2[0] - p3[0]);
  const dy = p1[1] - p0[1] + (p2[1] - p3[1]);
  const length = Math.hypot(dx, dy) / 2;
  const height =
    (Math.hypot(p3[0] - p0[0], p3[1] - p0[1]) + Math.hypot(p2[0] - p1[0], p2[1] - p1[1])) / 2;
  return { angle: Math.atan2(dy, dx), length, height };
}

/**
 * The direction the face's text runs (radians, 0 = level): the length-weighted median angle of
 * its long lines, which every card has whatever its typography; 0 when none is long enough.
 * Lines holding a mark's wording do not vote: a watermark tiled over a copy at 25° can outweigh
 * the card's own lines and turn the face by half as much.
 */
export function textDirection(lines: readonly RecognizedLine[]): number {
  const long = lines
    .filter((line) => !holdsMarkWording(line.text))
    .map(lineAngle)
    .filter((l) => l.height > 0 && l.length >= DIRECTION_LINE_ASPECT * l.height);
  return weightedMedian(long.map((l) => ({ value: l.angle, weight: l.length }))) ?? 0;
}

/**
 * The aligned fit: the card turned by the text's own direction `angle` (never by the anchors),
 * then scaled along each axis and moved, by weighted least squares over the anchors. The two
 * scales are held together (`SCALE_RATIO_TOLERANCE`) unless the anchors spread along both axes
 * say otherwise. Returns the map from the true face to the rough one.
 */
function fitAligned(anchors: readonly Anchor[], angle: number): Homography | null {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Unknowns [sx, sy, tx, ty] in the turned frame: R(-angle) found = S nominal + t.
  const normal = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  const rhs = [0, 0, 0, 0];
  const addRow = (row: number[], value: number, weight: number) => {
    for (let i = 0; i < 4; i++) {
      rhs[i] = (rhs[i] as number) + weight * (row[i] as number) * value;
      const target = normal[i] as number[];
      for (let j = 0; j < 4; j++) {
        target[j] = (target[j] as number) + weight * (row[i] as number) * (row[j] as number);
      }
    }
  };
  for (const { nominal, found, tolerance } of anchors) {
    const u = cos * found[0] + sin * found[1];
    const v = -sin * found[0] + cos * found[1];
    addRow([nominal[0], 0, 1, 0], u, 1 / tolerance.x ** 2);
    addRow([0, nominal[1], 0, 1], v, 1 / tolerance.y ** 2);
  }
  // The prior sx = sy, weighed as an anchor across the face would be at the ratio's tolerance.
  const prior = 1 / (SCALE_RATIO_TOLERANCE * FACE_WIDTH) ** 2;
  addRow([FACE_WIDTH, -FACE_WIDTH, 0, 0], 0, prior);
  const solved = solveLinear(normal, rhs);
  if (solved === null) return null;
  const [sx, sy, tx, ty] = solved as [number, number, number, number];
  return Float64Array.from([
    cos * sx,
    -sin * sy,
    cos * tx - sin * ty,
    sin * sx,
    cos * sy,
    sin * tx + cos * ty,
    0,
    0,
    1,
  ]);
}

/**
 * The shifted fit, for a face with too few anchors to scale it: the card turned by the text's
 * own direction `angle` and moved by the anchors' weighted mean offset, its scale left as the
 * rough face has it (from the card's width, measured or from its text's). A pale emblem side
 * whose locating pass boxed only its titles was framed from them, its bottom rows off the face;
 * the two titles say where the card lies even when they cannot say how large it is.
 */
function fitShifted(anchors: readonly Anchor[], angle: number): Homography {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  let sumX = 0;
  let sumY = 0;
  let weightsX = 0;
  let weightsY = 0;
  for (const { nominal, found, tolerance } of anchors) {
    const weightX = 1 / tolerance.x ** 2;
    const weightY = 1 / tolerance.y ** 2;
    sumX += weightX * (found[0] - (cos * nominal[0] - sin * nominal[1]));
    sumY += weightY * (found[1] - (sin * nominal[0] + cos * nominal[1]));
    weightsX += weightX;
    weightsY += weightY;
  }
  return Float64Array.from([cos, -sin, sumX / weightsX, sin, cos, sumY / weightsY, 0, 0, 1]);
}

/** How many face pixels of the rough face one of the true face's spans, near its centre. */
function scaleOf(h: Homography): number {
  const [x0, y0] = applyHomography(h, FACE_WIDTH / 2, FACE_HEIGHT / 2);
  const [x1, y1] = applyHomography(h, FACE_WIDTH / 2 + 1, FACE_HEIGHT / 2);
  const [x2, y2] = applyHomography(h, FACE_WIDTH / 2, FACE_HEIGHT / 2 + 1);
  return Math.sqrt(Math.abs((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)));
}

/** How far the fit puts an anchor from where it was read, in its tolerances on the true face. */
function normalizedResidual(h: Homography, anchor: Anchor): number {
  const [x, y] = applyHomography(h, anchor.nominal[0], anchor.nominal[1]);
  const scale = scaleOf(h);
  return Math.hypot(
    (x - anchor.found[0]) / (scale * anchor.tolerance.x),
    (y - anchor.found[1]) / (scale * anchor.tolerance.y),
  );
}

/** Face pixels scaled to order 1, so that the least-squares solve stays well conditioned. */
function scaled(p: Point): Point {
  return [p[0] / FACE_WIDTH, p[1] / FACE_WIDTH];
}

function fitProjective(anchors: readonly Anchor[]): Homography | null {
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

function spread(values: readonly number[]): number {
  return Math.max(...values) - Math.min(...values);
}

/** Whether the long lines, moved by `trueToRough`'s inverse, lie level on the true face. */
function keepsLinesLevel(trueToRough: Homography, lines: readonly RecognizedLine[]): boolean {
  const roughToTrue = invertHomography(trueToRough);
  return lines.every((line) => {
    const shape = lineAngle(line);
    if (shape.height <= 0 || shape.length < DIRECTION_LINE_ASPECT * shape.height) return true;
    const [p0, p1, p2, p3] = line.box;
    const start = applyHomography(roughToTrue, (p0[0] + p3[0]) / 2, (p0[1] + p3[1]) / 2);
    const end = applyHomography(roughToTrue, (p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2);
    return Math.abs(Math.atan2(end[1] - start[1], end[0] - start[0])) <= LEVEL_TOLERANCE;
  });
}

function quadArea(points: Point[]): number {
  let area = 0;
  points.forEach(([x0, y0], i) => {
    const [x1, y1] = points[(i + 1) % points.length] as Point;
    area += x0 * y1 - x1 * y0;
  });
  return area / 2;
}

/** Whether a fitted card makes sense as the card on the face it was read on. */
function plausible(h: Homography): boolean {
  const corners: Point[] = [
    [0, 0],
    [FACE_WIDTH, 0],
    [FACE_WIDTH, FACE_HEIGHT],
    [0, FACE_HEIGHT],
  ].map(([x, y]) => applyHomography(h, x as number, y as number));
  const area = quadArea(corners) / (FACE_WIDTH * FACE_HEIGHT);
  const [c0, c1, , c3] = corners as [Point, Point, Point, Point];
  const width = Math.hypot(c1[0] - c0[0], c1[1] - c0[1]) / FACE_WIDTH;
  const height = Math.hypot(c3[0] - c0[0], c3[1] - c0[1]) / FACE_HEIGHT;
  const aspect = height / width;
  return (
    area >= AREA_LIMITS.min &&
    area <= AREA_LIMITS.max &&
    aspect >= ASPECT_LIMITS.min &&
    aspect <= ASPECT_LIMITS.max
  );
}

/**
 * A projective fit replaces the aligned one only when enough well-spread anchors agree with it
 * (`PROJECTIVE_MIN_ANCHORS`, `PROJECTIVE_MIN_SPREAD`), every one within its tolerances, it
 * leaves the lines level and it makes sense as a card (`plausible`). Eight anchors leave its
 * eight unknowns almost no redundancy, so agreeing with them says little about the corners: on
 * a steep photo it sheared the card by about 11° and, found implausible only afterwards, took
 * the aligned fit down with it (the face was then read unregistered, its rows one off).
 */
function projectiveIfAgreed(
  anchors: readonly Anchor[],
  lines: readonly RecognizedLine[],
): Homography | null {
  if (anchors.length < PROJECTIVE_MIN_ANCHORS) return null;
  if (spread(anchors.map((a) => a.nominal[0])) < PROJECTIVE_MIN_SPREAD.x * FACE_WIDTH) return null;
  if (spread(anchors.map((a) => a.nominal[1])) < PROJECTIVE_MIN_SPREAD.y * FACE_HEIGHT) return null;
  const h = fitProjective(anchors);
  if (h === null) return null;
  if (anchors.some((a) => normalizedResidual(h, a) > MAX_NORMALIZED_RESIDUAL)) return null;
  return keepsLinesLevel(h, lines) && plausible(h) ? h : null;
}

/**
 * The shifted fit (`fitShifted`) of a face that read too few anchors for the aligned one, when
 * at least two were read and every one lies within its tolerances of where the fit puts it: at
 * the rough face's scale, their spacing must match the specimen's.
 */
function shiftedIfAgreed(anchors: readonly Anchor[], angle: number): Homography | null {
  if (anchors.length < 2) return null;
  const h = fitShifted(anchors, angle);
  return anchors.every((a) => normalizedResidual(h, a) <= MAX_NORMALIZED_RESIDUAL) ? h : null;
}

/**
 * Registers a face read on a roughly straightened card against the card's printed layout, with
 * as little freedom as the evidence allows. The text's own direction sets the turn; the labels
 * and titles read exactly, and the number's ends, set scale and place by least squares weighted
 * by how far each may stray on cards of other makers (`ANCHOR_TOLERANCE`), anchors that
 * disagree beyond their tolerances dropped one at a time. Only many well-spread anchors that
 * agree may add perspective (`projectiveIfAgreed`); a face with only two anchors that agree is
 * moved to them at its own scale (`shiftedIfAgreed`). Returns the map from the true face to the
 * rough one, or null when too little was read to tell, or the fit makes no sense as a card.
 */
export function registerFace(lines: readonly RecognizedLine[]): Homography | null {
  const angle = textDirection(lines);
  let anchors = findAnchors(lines);
  if (anchors.length < MIN_ALIGNED_ANCHORS) return shiftedIfAgreed(anchors, angle);
  for (;;) {
    if (anchors.length < MIN_ALIGNED_ANCHORS) return null;
    const h = fitAligned(anchors, angle);
    if (h === null) return null;
    const errors = anchors.map((a) => normalizedResidual(h, a));
    const worst = Math.max(...errors);
    if (worst <= MAX_NORMALIZED_RESIDUAL) {
      const fitted = projectiveIfAgreed(anchors, lines) ?? h;
      return plausible(fitted) ? fitted : null;
    }
    anchors = anchors.filter((_, i) => errors[i] !== worst);
  }
}
