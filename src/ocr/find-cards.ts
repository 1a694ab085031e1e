import { CARD_ASPECT, TEXT_WIDTH_SHARE } from './card-geometry.ts';
import type { DetectedBox } from './db-postprocess.ts';
import { distance, type Point, quadCentre } from './geometry.ts';
import { MARK_TILT_DEG } from './layout/tilted-lines.ts';
import type { RgbImage } from './rgb-image.ts';

/** A card located in the photo: its corners in photo pixels, in upright reading order up to 180°. */
export type CardCandidate = {
  corners: [Point, Point, Point, Point];
  /** The detected text boxes that belong to this card. */
  boxes: DetectedBox[];
  /** Whether the card's border was measured on all four sides in the ID-1 proportions. */
  outlined: boolean;
};

/** Lines at least this much longer than tall vote for the text direction. */
const MIN_LINE_ASPECT = 1.5;
/**
 * Boxes closer than this many line heights may belong to the same card (the emblem side's title
 * stands about five value-line heights above its first labelled row).
 */
const CLUSTER_GAP_LINES = 7;
/** Bounds on the width/height of one card's text extent (see `fitsOneCard`). */
const MIN_CARD_TEXT_ASPECT = 0.9;
const MAX_CARD_TEXT_ASPECT = 3;
/**
 * Two stacked faces set off to either side are wide enough to pass the aspect bound, with text
 * twice as tall in lines as one face's: its 43 mm at most over boxes of about 4 mm makes 8.6-11.7
 * line heights on the generated sets, the committed cards and the photocopy pages, and 20-25 for
 * two stacked faces on those pages. Type is not the same size on every card, though: a template
 * card set in 2.8 mm type and blurred measured 13.8, so past this many line heights text is taken
 * for one face only when its extent is also as wide as one face's is (`ONE_CARD_TEXT_ASPECT`).
 */
const MAX_CARD_TEXT_LINES = 13;
/**
 * One face's text spans at least 0.6 of the card's width and at most 0.8 of its height, 1.19
 * times wider than tall on a card seen straight on; two stacked faces, whatever their offset,
 * measured 1.11 at most on the photocopy pages.
 */
const ONE_CARD_TEXT_ASPECT = 1.3;
/**
 * A join of two groups apart along the rows that widens one by more than this factor puts two
 * cards side by side.
 */
const SIDE_BY_SIDE_GROWTH = 1.5;
/**
 * A cluster needs this many boxes to be a card: every face prints at least four lines. A blurred
 * card's lines run together into fewer boxes, so a smaller cluster counts when the card's border
 * was measured all around it.
 */
const MIN_CARD_BOXES = 4;
/**
 * A cluster one box short of `MIN_CARD_BOXES` counts when two opposite sides of the card's border
 * were measured: an emblem side on a photocopy page whose small letter-spaced labels went
 * unboxed, and whose two rows a usage line across them boxed as one, leaves its two titles and
 * that box.
 */
const MIN_BORDERED_CARD_BOXES = 3;
/**
 * The least share of the card's width a card's text cluster spans (the emblem side's two bottom
 * rows alone span about 0.62): bounds how far from the text the card's edges are looked for.
 */
const MIN_TEXT_WIDTH_SHARE = 0.55;

/**
 * A face's lines are 2.5-5 mm tall on a 54 mm card, so its boxes 0.07-0.11 of the card's height
 * at the first pass (the median box, on our cards and the photocopy pages; the emblem side's
 * titles stand taller). A median box taller than this holds more than one row: a card a third
 * of the frame wide in small type measured 0.14-0.25.
 */
const MAX_LINE_SHARE = 0.125;

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
 * How much a line counts in choosing the bin the card's direction lies in: its squared length.
 * A mark tiled over a copy repeats one short phrase (4-8 characters) many times at its own
 * angle, while the card prints few but long rows (the number's 18 digits, the address, the
 * validity row); by length alone, seven tiles of a pale card's watermark outweighed its title
 * and issuing-office rows and turned it by 23°.
 */
function binWeight(line: { length: number }): number {
  return line.length ** 2;
}

/**
 * The direction text runs in, in radians within [0, π): the length-weighted mean of the text
 * lines' long sides (averaged on doubled angles so 1° and 179° agree), taken around the
 * strongest 10° bin (by `binWeight`) so that stray boxes do not pull it.
 */
export function dominantTextAngle(boxes: DetectedBox[]): number | null {
  const lines = boxes.map(longSide).filter((l) => l.length >= MIN_LINE_ASPECT * l.short);
  if (lines.length === 0) return null;
  const bins = new Float64Array(18);
  for (const line of lines) {
    const bin = Math.floor((line.angle / Math.PI) * 18) % 18;
    bins[bin] = (bins[bin] as number) + binWeight(line);
  }
  let peak = 0;
  for (let i = 1; i < 18; i++) if ((bins[i] as number) > (bins[peak] as number)) peak = i;
  const peakAngle = ((peak + 0.5) / 18) * Math.PI;
  let sx = 0;
  let sy = 0;
  for (const line of lines) {
    // Only lines within 15° of the peak (angles compared modulo π).
    if (angleApart(line.angle, peakAngle) > Math.PI / 12) continue;
    sx += line.length * Math.cos(2 * line.angle);
    sy += line.length * Math.sin(2 * line.angle);
  }
  const mean = Math.atan2(sy, sx) / 2;
  return (mean + Math.PI) % Math.PI;
}

type Extent = { x0: number; y0: number; x1: number; y1: number };

/**
 * Whether a box runs more than `MARK_TILT_DEG` off the card's text `direction`, as no printed row
 * does: a mark's tile or line. Boxes too short to have a direction are never tilted.
 */
function runsTilted(box: DetectedBox, direction: number): boolean {
  const line = longSide(box);
  if (line.length < MIN_LINE_ASPECT * line.short) return false;
  return angleApart(line.angle, direction) > (MARK_TILT_DEG * Math.PI) / 180;
}

/** Whether a box's centre lies inside `extent`, in the frame turned by (`cos`, `sin`). */
function centreWithin(box: DetectedBox, extent: Extent, cos: number, sin: number): boolean {
  const [x, y] = rotate(quadCentre(box.box), cos, sin);
  return x >= extent.x0 && x <= extent.x1 && y >= extent.y0 && y <= extent.y1;
}

/** How far apart two line directions lie (radians within [0, π), compared modulo π). */
function angleApart(a: number, b: number): number {
  return Math.abs(((a - b + 1.5 * Math.PI) % Math.PI) - Math.PI / 2);
}

function rotate(p: Point, cos: number, sin: number): Point {
  return [p[0] * cos - p[1] * sin, p[0] * sin + p[1] * cos];
}

/** A frame turned by `direction` so that text running along it runs left to right. */
type TurnedFrame = { cos: number; sin: number; toPhoto: (u: number, v: number) => Point };

function turnedFrame(direction: number): TurnedFrame {
  // Turn by the smaller angle (179° is -1°): 0° against 180° is settled later by the classifier.
  const angle = direction > Math.PI / 2 ? direction - Math.PI : direction;
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  return { cos, sin, toPhoto: (u, v) => rotate([u, v], cos, -sin) };
}

/** The extent of a box in a turned frame. */
function turnedExtent(box: DetectedBox, { cos, sin }: TurnedFrame): Extent {
  const pts = box.box.map((p) => rotate(p, cos, sin));
  return {
    x0: Math.min(...pts.map((p) => p[0])),
    x1: Math.max(...pts.map((p) => p[0])),
    y0: Math.min(...pts.map((p) => p[1])),
    y1: Math.max(...pts.map((p) => p[1])),
  };
}

function union(a: Extent, b: Extent): Extent {
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}

/** The empty space between two extents: the larger of their horizontal and vertical gaps. */
function gapBetween(a: Extent, b: Extent): number {
  return Math.max(a.x0 - b.x1, b.x0 - a.x1, a.y0 - b.y1, b.y0 - a.y1, 0);
}

/**
 * Whether text spanning `merged` can lie on one card. One face's text spans 0.6-0.9 of the
 * card's width and 0.55-0.8 of its height, so its extent is never taller than wide; two cards
 * stacked on a photocopy page are, and two side by side span more than three times their height
 * with no column in common.
 * Two stacked faces set off to either side are wide enough to pass that, but not short enough
 * for one card's text (`MAX_CARD_TEXT_LINES` of the median `lineHeight`) nor as wide for their
 * height as one face's (`ONE_CARD_TEXT_ASPECT`).
 */
function fitsOneCard(merged: Extent, parts: [Extent, Extent], lineHeight: number): boolean {
  const width = merged.x1 - merged.x0;
  const height = merged.y1 - merged.y0;
  if (height > width / MIN_CARD_TEXT_ASPECT) return false;
  if (height > MAX_CARD_TEXT_LINES * lineHeight && width < ONE_CARD_TEXT_ASPECT * height) {
    return false;
  }
  const widest = Math.max(...parts.map((p) => p.x1 - p.x0));
  const [a, b] = parts;
  // Two cards' texts side by side do not share a column; rows of one card stacked do, however
  // wide a face with no photo makes them.
  const apart = a.x1 <= b.x0 || b.x1 <= a.x0;
  return !(apart && width > MAX_CARD_TEXT_ASPECT * height && width > SIDE_BY_SIDE_GROWTH * widest);
}

/**
 * Groups boxes into cards, in a frame turned so the text runs left to right: the two nearest
 * groups are joined while they are within a few line heights of each other and their text still
 * fits on one card. The emblem side's title and its two bottom rows sit as far apart as two
 * cards on a photocopy page, so the card's shape, not the gap alone, tells them apart.
 */
function clusterBoxes(
  boxes: DetectedBox[],
  frame: TurnedFrame,
): { boxes: DetectedBox[]; extent: Extent }[] {
  const extents = boxes.map((b) => turnedExtent(b, frame));
  const heights = extents.map((e) => e.y1 - e.y0).sort((a, b) => a - b);
  const lineHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  const maxGap = CLUSTER_GAP_LINES * lineHeight;
  let groups = extents.map((extent, i) => ({ members: [i], extent }));
  for (;;) {
    let best: { i: number; j: number; gap: number } | null = null;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i] as (typeof groups)[number];
        const b = groups[j] as (typeof groups)[number];
        const gap = gapBetween(a.extent, b.extent);
        if (gap > maxGap || (best && gap >= best.gap)) continue;
        if (!fitsOneCard(union(a.extent, b.extent), [a.extent, b.extent], lineHeight)) continue;
        best = { i, j, gap };
      }
    }
    if (!best) break;
    const a = groups[best.i] as (typeof groups)[number];
    const b = groups[best.j] as (typeof groups)[number];
    const merged = { members: [...a.members, ...b.members], extent: union(a.extent, b.extent) };
    groups = groups.filter((_, k) => k !== best.i && k !== best.j).concat(merged);
  }
  return groups.map(({ members, extent }) => ({
    boxes: members.map((i) => boxes[i] as DetectedBox),
    extent,
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

/** Samples across one edge: how many steps, and how far apart, in the turned frame. */
const EDGE_SAMPLES = 48;
/** A card border must change the gray level by at least this much on average along its length. */
const MIN_EDGE_CONTRAST = 12;
/** Edge candidates kept per side of the card, strongest first. */
const EDGE_CANDIDATES = 4;
/**
 * How far a measured card may stray from the ID-1 proportions (85.6 x 54 mm) before one of its
 * edges is taken for something else, such as a text row; it leaves room for mild perspective.
 */
const ASPECT_TOLERANCE = 0.08;
/** The card must hold its own text, give or take this share of a line height. */
const CONTAINMENT_SLACK = 0.5;
/**
 * The card's print keeps clear of its edges: on the GA 490 specimen layout the nearest text
 * stands 5 mm from the left edge (the labels at 6.5 mm), 5.6 mm from the right (the number ends
 * at 80 mm of 85.6) and 4 mm from the top and bottom. Edges are looked for at least this share
 * of the text's width (3 mm of a portrait side's 73.5 mm) outside the text, so that the text
 * block's own edge is never taken for the border of a white card on a white scanner bed.
 */
const MIN_TEXT_MARGIN = 0.04;

/**
 * Straight edges parallel to the text (horizontal) or across it between `searchFrom` and
 * `searchTo`, strongest first. Along each candidate position the signed brightness step is
 * summed: a border between card and background keeps its sign all along, while the strokes
 * inside a text row largely cancel out. Only local maxima count, so one border gives one
 * candidate.
 */
function edgeCandidates(
  image: RgbImage,
  toPhoto: (u: number, v: number) => Point,
  fixed: [number, number],
  searchFrom: number,
  searchTo: number,
  horizontal: boolean,
): Edge[] {
  const step = Math.max(1, (searchTo - searchFrom) / 80);
  const sample = (pos: number, along: number) => {
    const [x, y] = horizontal ? toPhoto(along, pos) : toPhoto(pos, along);
    return grayAt(image, x, y);
  };
  const profile: Edge[] = [];
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
    profile.push({ pos, strength: count < EDGE_SAMPLES / 2 ? 0 : Math.abs(sum / count) });
  }
  return profile
    .filter(
      (edge, i) =>
        edge.strength >= MIN_EDGE_CONTRAST &&
        edge.strength >= (profile[i - 1]?.strength ?? 0) &&
        edge.strength > (profile[i + 1]?.strength ?? 0),
    )
    .sort((a, b) => b.strength - a.strength)
    .slice(0, EDGE_CANDIDATES);
}

type Span = { start: number; end: number; strength: number; measured: boolean };

/**
 * The card's extent along one axis from candidate edges on either side of its text: both edges
 * when they lie a plausible `size` apart, else one edge and the expected size, else the text
 * centred; always holding the text from `textFrom` to `textTo`.
 */
function spansAlong(
  before: Edge[],
  after: Edge[],
  textFrom: number,
  textTo: number,
  size: { min: number; max: number; expected: number },
  slack: number,
): Span[] {
  const holdsText = (start: number, end: number) =>
    start <= textFrom + slack && end >= textTo - slack;
  const spans: Span[] = [];
  for (const a of before) {
    for (const b of after) {
      const length = b.pos - a.pos;
      if (length < size.min || length > size.max || !holdsText(a.pos, b.pos)) continue;
      spans.push({ start: a.pos, end: b.pos, strength: a.strength + b.strength, measured: true });
    }
  }
  for (const a of before) {
    const end = a.pos + size.expected;
    if (holdsText(a.pos, end))
      spans.push({ start: a.pos, end, strength: a.strength, measured: false });
  }
  for (const b of after) {
    const start = b.pos - size.expected;
    if (holdsText(start, b.pos))
      spans.push({ start, end: b.pos, strength: b.strength, measured: false });
  }
  const centre = (textFrom + textTo) / 2;
  spans.push({
    start: centre - size.expected / 2,
    end: centre + size.expected / 2,
    strength: 0,
    measured: false,
  });
  return spans;
}

/**
 * The card around one cluster of boxes, in `frame`: its rectangle chosen among the straight edges
 * around its text, the strongest set of edges that holds the text and keeps the ID-1 proportions
 * (a text row's edge taken for the card's gives a card of the wrong shape, or one that cuts its
 * own text). Null for a cluster of fewer than `MIN_CARD_BOXES` boxes whose card's border was not
 * measured all around, or on two opposite sides for one box fewer (`MIN_BORDERED_CARD_BOXES`).
 * `tilted`: a mark's boxes, kept with the card they lie inside.
 */
function cardAround(
  image: RgbImage,
  { boxes: members, extent }: { boxes: DetectedBox[]; extent: Extent },
  frame: TurnedFrame,
  tilted: readonly DetectedBox[],
): CardCandidate | null {
  const { cos, sin, toPhoto } = frame;
  const textWidth = extent.x1 - extent.x0;
  const textHeight = extent.y1 - extent.y0;
  const maxWidth = textWidth / MIN_TEXT_WIDTH_SHARE;
  const maxHeight = maxWidth / CARD_ASPECT;
  const lineHeights = members.map((b) => longSide(b).short).sort((a, b) => a - b);
  const slack = CONTAINMENT_SLACK * (lineHeights[Math.floor(lineHeights.length / 2)] ?? 0);
  // Brightness steps are summed along the text's own span, which surely lies on the card.
  const rows: [number, number] = [extent.y0, extent.y1];
  const cols: [number, number] = [extent.x0, extent.x1];
  const expectedWidth = textWidth / TEXT_WIDTH_SHARE;
  const margin = MIN_TEXT_MARGIN * textWidth;
  const widths = spansAlong(
    edgeCandidates(image, toPhoto, rows, extent.x1 - maxWidth, extent.x0 - margin, false),
    edgeCandidates(image, toPhoto, rows, extent.x1 + margin, extent.x0 + maxWidth, false),
    extent.x0,
    extent.x1,
    { min: textWidth, max: maxWidth, expected: expectedWidth },
    slack,
  );
  const tops = edgeCandidates(
    image,
    toPhoto,
    cols,
    extent.y1 - maxHeight,
    extent.y0 - margin,
    true,
  );
  const bottoms = edgeCandidates(
    image,
    toPhoto,
    cols,
    extent.y1 + margin,
    extent.y0 + maxHeight,
    true,
  );
  let best: { x: Span; y: Span; score: number } | null = null;
  for (const x of widths) {
    const width = x.end - x.start;
    const heights = spansAlong(
      tops,
      bottoms,
      extent.y0,
      extent.y1,
      { min: textHeight, max: maxHeight, expected: width / CARD_ASPECT },
      slack,
    );
    for (const y of heights) {
      const height = y.end - y.start;
      if (Math.abs(width / height / CARD_ASPECT - 1) > ASPECT_TOLERANCE) continue;
      const score = x.strength + y.strength;
      if (!best || score > best.score) best = { x, y, score };
    }
  }
  // The text-centred fallback always fits, so `best` is set; the guard keeps the types honest.
  if (!best) throw new Error('no card rectangle fits the text');
  const { x, y } = best;
  // The border measured on all four sides in the ID-1 proportions, not placed around the text
  // by the card's expected size: something card-shaped is there even when its text is blurred.
  const outlined = x.measured && y.measured;
  const bordered = members.length >= MIN_BORDERED_CARD_BOXES && (x.measured || y.measured);
  if (members.length < MIN_CARD_BOXES && !outlined && !bordered) return null;
  const card: Extent = { x0: x.start, x1: x.end, y0: y.start, y1: y.end };
  return {
    corners: [
      toPhoto(x.start, y.start),
      toPhoto(x.end, y.start),
      toPhoto(x.end, y.end),
      toPhoto(x.start, y.end),
    ],
    boxes: [...members, ...tilted.filter((box) => centreWithin(box, card, cos, sin))],
    outlined,
  };
}

/**
 * Finds up to `maxCards` cards: the text direction (from the detected boxes unless `rows`,
 * radians within [0, π), says where the card's own rows were read to run), the boxes grouped
 * per card, and each card's rectangle (`cardAround`). Cards outlined all around first, then the
 * rest, each largest first; the corners are in reading order for text running along the found
 * direction (the caller settles 0° against 180°).
 */
export function findCards(
  image: RgbImage,
  boxes: DetectedBox[],
  maxCards: number,
  rows?: number,
): CardCandidate[] {
  const direction = rows ?? dominantTextAngle(boxes);
  if (direction === null) return [];
  const frame = turnedFrame(direction);
  // Along rows the card was read to have, a mark's tiles and lines are left out of the
  // clusters, whose extents frame the cards: set over the card or beyond its edge at their own
  // angle, a watermark's tiles framed a turned portrait side so that its number fell off. Those
  // inside a card's rectangle are still its boxes, read with it. A direction voted by the boxes
  // may be a mark's own, and leaving out what runs across it would drop the card's rows.
  const tilted = rows === undefined ? [] : boxes.filter((box) => runsTilted(box, rows));
  const level = boxes.filter((box) => !tilted.includes(box));
  const clusters = clusterBoxes(level, frame).sort(
    (a, b) =>
      (b.extent.x1 - b.extent.x0) * (b.extent.y1 - b.extent.y0) -
      (a.extent.x1 - a.extent.x0) * (a.extent.y1 - a.extent.y0),
  );
  // A card pasted or copied onto a printed form stands among the form's own text, whose clusters
  // can be larger than the card's: a card outlined all around comes before text on plain paper.
  // Clusters past `maxCards` outlined cards could not be handed on, so they are not framed.
  const cards: CardCandidate[] = [];
  for (const cluster of clusters) {
    if (cards.filter((card) => card.outlined).length === maxCards) break;
    const card = cardAround(image, cluster, frame, tilted);
    if (card !== null) cards.push(card);
  }
  const ordered = [...cards.filter((c) => c.outlined), ...cards.filter((c) => !c.outlined)];
  return ordered.slice(0, maxCards);
}

/**
 * Whether a card's text was boxed as blobs over several rows rather than line by line: its
 * median box is taller than `MAX_LINE_SHARE` of the card.
 */
export function rowsRanTogether(card: CardCandidate): boolean {
  const [c0, c1, c2, c3] = card.corners;
  const cardHeight = (distance(c0, c3) + distance(c1, c2)) / 2;
  const heights = card.boxes.map((box) => longSide(box).short).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)] ?? 0;
  return median > MAX_LINE_SHARE * cardHeight;
}
