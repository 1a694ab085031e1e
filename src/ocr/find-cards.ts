import { CARD_ASPECT, TEXT_WIDTH_SHARE } from './card-geometry.ts';
import type { DetectedBox } from './db-postprocess.ts';
import { distance, type Point } from './geometry.ts';
import type { RgbImage } from './rgb-image.ts';

/** A card located in the photo: its corners in photo pixels, in upright reading order up to 180°. */
export type CardCandidate = {
  corners: [Point, Point, Point, Point];
  /** The detected text boxes that belong to this card. */
  boxes: DetectedBox[];
};

/** Lines at least this much longer than tall vote for the text direction. */
const MIN_LINE_ASPECT = 1.5;
/** Boxes closer than this many line heights belong to the same card. */
const CLUSTER_GAP_LINES = 4;
/** A cluster needs this many boxes to be a card: every face prints at least four lines. */
const MIN_CARD_BOXES = 4;
/**
 * The least share of the card's width a card's text cluster spans (the emblem side's two bottom
 * rows alone span about 0.62): bounds how far from the text the card's edges are looked for.
 */
const MIN_TEXT_WIDTH_SHARE = 0.55;

function longSide(box: DetectedBox): { angle: number; length: number; short: number } {
  const [p0, p1, , p3] = box.box;
  const top = distance(p0, p1);
  const left = distance(p0, p3);
  const [a, b] = top >= left ? [p0, p1] : [p0, p3];
  const angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
  return {
    angle: ((angle % Math.PI) + Math.PI) % Math.PI,
    length: Math.max(top, left),
    short: Math.min(top, left),
  };
}

/**
 * The direction text runs in, in radians within [0, π): the length-weighted mean of the text
 * lines' long sides (averaged on doubled angles so 1° and 179° agree), taken around the
 * strongest 10° bin so that stray boxes do not pull it.
 */
export function dominantTextAngle(boxes: DetectedBox[]): number | null {
  const lines = boxes.map(longSide).filter((l) => l.length >= MIN_LINE_ASPECT * l.short);
  if (lines.length === 0) return null;
  const bins = new Float64Array(18);
  for (const line of lines) {
    const bin = Math.floor((line.angle / Math.PI) * 18) % 18;
    bins[bin] = (bins[bin] as number) + line.length;
  }
  let peak = 0;
  for (let i = 1; i < 18; i++) if ((bins[i] as number) > (bins[peak] as number)) peak = i;
  const peakAngle = ((peak + 0.5) / 18) * Math.PI;
  let sx = 0;
  let sy = 0;
  for (const line of lines) {
    // Only lines within 15° of the peak (angles compared modulo π).
    const diff = Math.abs(((line.angle - peakAngle + 1.5 * Math.PI) % Math.PI) - Math.PI / 2);
    if (diff > Math.PI / 12) continue;
    sx += line.length * Math.cos(2 * line.angle);
    sy += line.length * Math.sin(2 * line.angle);
  }
  const mean = Math.atan2(sy, sx) / 2;
  return (mean + Math.PI) % Math.PI;
}

type Extent = { x0: number; y0: number; x1: number; y1: number };

function rotate(p: Point, cos: number, sin: number): Point {
  return [p[0] * cos - p[1] * sin, p[0] * sin + p[1] * cos];
}

/**
 * Groups boxes into cards: in a frame turned so the text runs left to right, boxes whose extents
 * come within a few line heights of each other are joined.
 */
function clusterBoxes(
  boxes: DetectedBox[],
  cos: number,
  sin: number,
): { boxes: DetectedBox[]; extent: Extent }[] {
  const extents = boxes.map((b): Extent => {
    const pts = b.box.map((p) => rotate(p, cos, sin));
    return {
      x0: Math.min(...pts.map((p) => p[0])),
      x1: Math.max(...pts.map((p) => p[0])),
      y0: Math.min(...pts.map((p) => p[1])),
      y1: Math.max(...pts.map((p) => p[1])),
    };
  });
  const heights = extents.map((e) => e.y1 - e.y0).sort((a, b) => a - b);
  const gap = CLUSTER_GAP_LINES * (heights[Math.floor(heights.length / 2)] ?? 0);
  const parent = extents.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (let i = 0; i < extents.length; i++) {
    for (let j = i + 1; j < extents.length; j++) {
      const a = extents[i] as Extent;
      const b = extents[j] as Extent;
      const apart =
        a.x1 + gap < b.x0 || b.x1 + gap < a.x0 || a.y1 + gap < b.y0 || b.y1 + gap < a.y0;
      if (!apart) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, number[]>();
  extents.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()].map((members) => ({
    boxes: members.map((i) => boxes[i] as DetectedBox),
    extent: {
      x0: Math.min(...members.map((i) => (extents[i] as Extent).x0)),
      x1: Math.max(...members.map((i) => (extents[i] as Extent).x1)),
      y0: Math.min(...members.map((i) => (extents[i] as Extent).y0)),
      y1: Math.max(...members.map((i) => (extents[i] as Extent).y1)),
    },
  }));
}

/** Gray level at a point of the photo (nearest pixel), 0 outside. */
function grayAt(image: RgbImage, x: number, y: number): number {
  const xi = Math.round(x);
  const yi = Math.round(y);
  if (xi < 0 || yi < 0 || xi >= image.width || yi >= image.height) return -1;
  const i = (yi * image.width + xi) * 3;
  return (
    ((image.data[i] as number) * 299 +
      (image.data[i + 1] as number) * 587 +
      (image.data[i + 2] as number) * 114) /
    1000
  );
}

type Edge = { pos: number; strength: number };

/**
 * Two opposite edges, kept when their distance is plausible (within `tolerance` of `expected`,
 * when known, and within [min, max]); otherwise only the stronger one is kept.
 */
function pairEdges(
  first: Edge | null,
  second: Edge | null,
  min: number,
  max: number,
): [Edge | null, Edge | null] {
  if (!first || !second) return [first, second];
  const span = second.pos - first.pos;
  if (span >= min && span <= max) return [first, second];
  return first.strength >= second.strength ? [first, null] : [null, second];
}

/** Samples across one edge: how many steps, and how far apart, in the turned frame. */
const EDGE_SAMPLES = 48;
/** A card border must change the gray level by at least this much on average along its length. */
const MIN_EDGE_CONTRAST = 12;

/**
 * The position, between `searchFrom` and `searchTo`, of the strongest straight edge parallel to
 * the text (horizontal) or across it, or null when none is clear. Along the edge, the signed brightness step is summed: a border between card and background keeps its sign
 * all along, while text strokes (dark on light, both signs) cancel out.
 */
function strongestEdge(
  image: RgbImage,
  toPhoto: (u: number, v: number) => Point,
  fixed: [number, number],
  searchFrom: number,
  searchTo: number,
  horizontal: boolean,
): Edge | null {
  const step = Math.max(1, (searchTo - searchFrom) / 80);
  let best: Edge | null = null;
  let bestStrength = MIN_EDGE_CONTRAST;
  const sample = (pos: number, along: number) => {
    const [x, y] = horizontal ? toPhoto(along, pos) : toPhoto(pos, along);
    return grayAt(image, x, y);
  };
  for (let pos = searchFrom; pos <= searchTo; pos += step) {
    let sum = 0;
    let count = 0;
    for (let s = 0; s < EDGE_SAMPLES; s++) {
      const along = fixed[0] + ((s + 0.5) / EDGE_SAMPLES) * (fixed[1] - fixed[0]);
      const before = sample(pos - step, along);
      const after = sample(pos + step, along);
      if (before < 0 || after < 0) continue;
      sum += after - before;
      count++;
    }
    if (count < EDGE_SAMPLES / 2) continue;
    const strength = Math.abs(sum / count);
    if (strength > bestStrength) {
      bestStrength = strength;
      best = { pos, strength };
    }
  }
  return best;
}

/**
 * Finds up to `maxCards` cards: the text direction from the detected boxes, the boxes grouped
 * per card, each card's rectangle guessed from its text extent (ID-1 proportions) and its sides
 * moved onto the card's edges where the photo shows them. Largest card first; the corners are
 * in reading order for text running along `angle` (the caller settles 0° against 180°).
 */
export function findCards(
  image: RgbImage,
  boxes: DetectedBox[],
  maxCards: number,
): CardCandidate[] {
  const angle = dominantTextAngle(boxes);
  if (angle === null) return [];
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  const toPhoto = (u: number, v: number): Point => rotate([u, v], cos, -sin);
  const clusters = clusterBoxes(boxes, cos, sin)
    .filter((c) => c.boxes.length >= MIN_CARD_BOXES)
    .sort(
      (a, b) =>
        (b.extent.x1 - b.extent.x0) * (b.extent.y1 - b.extent.y0) -
        (a.extent.x1 - a.extent.x0) * (a.extent.y1 - a.extent.y0),
    )
    .slice(0, maxCards);
  return clusters.map(({ boxes: members, extent }) => {
    const textWidth = extent.x1 - extent.x0;
    const maxWidth = textWidth / MIN_TEXT_WIDTH_SHARE;
    const maxHeight = maxWidth / CARD_ASPECT;
    // Brightness steps are summed along the text's own span, which surely lies on the card.
    const rows: [number, number] = [extent.y0, extent.y1];
    const cols: [number, number] = [extent.x0, extent.x1];
    const [foundLeft, foundRight] = pairEdges(
      strongestEdge(image, toPhoto, rows, extent.x1 - maxWidth, extent.x0, false),
      strongestEdge(image, toPhoto, rows, extent.x1, extent.x0 + maxWidth, false),
      textWidth,
      maxWidth,
    );
    const [foundTop, foundBottom] = pairEdges(
      strongestEdge(image, toPhoto, cols, extent.y1 - maxHeight, extent.y0, true),
      strongestEdge(image, toPhoto, cols, extent.y1, extent.y0 + maxHeight, true),
      extent.y1 - extent.y0,
      maxHeight,
    );
    // Each measured span stands; one that is missing follows from the other and the ID-1
    // proportions, and with neither the text extent decides.
    const measuredWidth = foundLeft && foundRight ? foundRight.pos - foundLeft.pos : null;
    const measuredHeight = foundTop && foundBottom ? foundBottom.pos - foundTop.pos : null;
    const width =
      measuredWidth ??
      (measuredHeight ? measuredHeight * CARD_ASPECT : textWidth / TEXT_WIDTH_SHARE);
    const height = measuredHeight ?? width / CARD_ASPECT;
    // A side the photo does not show (a card on a background of its own colour) is placed from
    // the opposite side, or centred on the text.
    const left =
      foundLeft?.pos ?? (foundRight ? foundRight.pos - width : (extent.x0 + extent.x1 - width) / 2);
    const top =
      foundTop?.pos ??
      (foundBottom ? foundBottom.pos - height : (extent.y0 + extent.y1 - height) / 2);
    const right = left + width;
    const bottom = top + height;
    return {
      corners: [
        toPhoto(left, top),
        toPhoto(right, top),
        toPhoto(right, bottom),
        toPhoto(left, bottom),
      ],
      boxes: members,
    };
  });
}
