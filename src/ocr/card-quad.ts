import type { Quad } from '../idcard/api-contract.ts';
import { convexHull, distance, type Point } from './geometry.ts';
import type { GrayImage } from './gray-image.ts';

/**
 * Finds the card in a small grey frame (about 400 px wide) as four corners.
 *
 * The card's outline is a closed line of strong brightness steps: everything the background,
 * grown from the frame's border over pixels without such a step, cannot reach is the card with
 * its print. The largest such blob's outline is cut to the four-cornered shape that covers most
 * of it, and each side is then fitted as a straight line through the outline's points along it,
 * so the rounded corners do not pull the corners inwards. About 5 ms a frame on a phone; the
 * README's design notes compare it with OpenCV.js's contour finding on the same frames.
 */

/** A brightness step (Sobel, |gx| + |gy|, over 4) at least this strong can be the card's edge:
 * a dimly lit card's shaded side on a dark desk measures 12-20; the downscaled desk's grain
 * stays under 6. At 14 the finder lost 5 of 40 such frames (`npm run bench:card-finders`). */
const EDGE_STRENGTH = 10;
/** Below 2 % of the frame a blob is print or clutter, not a card one could ask to come closer. */
const MIN_AREA_SHARE = 0.02;
/** ID-1 is 1.585:1; a tilted view shortens one side pair, but beyond these it is not a card. */
const MIN_ASPECT = 1.2;
const MAX_ASPECT = 2.2;
/** A card blob fills its own quad almost whole; a hand, a cable or a shadow does not. */
const MIN_FILL = 0.85;
/** Outline points this close to a side of the rough quad (share of the side's length) take part
 * in fitting its line: the rough corners are hull vertices and may sit a few pixels inside. */
const ROUGH_SIDE_TOLERANCE = 0.05;
/** The second fit takes only points within 2 px of the first fit's lines. */
const FINE_SIDE_TOLERANCE_PX = 2;

export function findCardQuad(frame: GrayImage): Quad | null {
  const edges = edgeMask(frame);
  const outside = floodBackground(edges, frame.width, frame.height);
  const blob = largestBlob(outside, frame.width, frame.height);
  if (!blob || blob.pixels < MIN_AREA_SHARE * frame.width * frame.height) return null;
  const outline = outlinePoints(blob.mask, frame.width, frame.height);
  // The shared hull runs counter-clockwise on screen; the quads here run clockwise.
  const hull = convexHull(outline).reverse();
  if (hull.length < 4) return null;
  const rough = largestQuad(hull);
  const fitted = fitSides(rough, outline, ROUGH_SIDE_TOLERANCE, 0);
  const quad = (fitted && fitSides(fitted, outline, 0, FINE_SIDE_TOLERANCE_PX)) ?? fitted ?? rough;
  const area = polygonArea(quad);
  if (area === 0 || blob.pixels / Math.abs(area) < MIN_FILL) return null;
  const sides = sideLengths(quad);
  const aspect = sides.long / sides.short;
  if (aspect < MIN_ASPECT || aspect > MAX_ASPECT) return null;
  const clockwise: Quad = area > 0 ? quad : [quad[0], quad[3], quad[2], quad[1]];
  return landscapeOrder(clockwise);
}

/** Edge pixels, grown by one pixel so a faint gap in the outline does not let the background in. */
function edgeMask({ width, height, data }: GrayImage): Uint8Array {
  const strong = new Uint8Array(width * height);
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      // Plain reads, no helper: this runs for every pixel of every frame.
      const nw = data[i - width - 1] as number;
      const n = data[i - width] as number;
      const ne = data[i - width + 1] as number;
      const w = data[i - 1] as number;
      const e = data[i + 1] as number;
      const sw = data[i + width - 1] as number;
      const s = data[i + width] as number;
      const se = data[i + width + 1] as number;
      const gx = ne + 2 * e + se - nw - 2 * w - sw;
      const gy = sw + 2 * s + se - nw - 2 * n - ne;
      if ((Math.abs(gx) + Math.abs(gy)) >> 2 >= EDGE_STRENGTH) strong[i] = 1;
    }
  }
  const grown = new Uint8Array(width * height);
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      if (!strong[i]) continue;
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) grown[i + dy * width + dx] = 1;
      }
    }
  }
  return grown;
}

/** 1 where the background reaches from the frame's border without crossing an edge. */
function floodBackground(edges: Uint8Array, width: number, height: number): Uint8Array {
  const outside = new Uint8Array(width * height);
  const queue = new Int32Array(width * height);
  let tail = 0;
  const seed = (i: number) => {
    if (edges[i] || outside[i]) return;
    outside[i] = 1;
    queue[tail++] = i;
  };
  for (let x = 0; x < width; x += 1) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y += 1) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  for (let head = 0; head < tail; head += 1) {
    const i = queue[head] as number;
    const x = i % width;
    if (x > 0) seed(i - 1);
    if (x < width - 1) seed(i + 1);
    if (i >= width) seed(i - width);
    if (i < width * (height - 1)) seed(i + width);
  }
  return outside;
}

/** The largest 4-connected region the background did not reach. */
function largestBlob(
  outside: Uint8Array,
  width: number,
  height: number,
): { mask: Uint8Array; pixels: number } | null {
  const label = new Int32Array(width * height);
  const queue = new Int32Array(width * height);
  let best = 0;
  let bestSize = 0;
  let next = 0;
  for (let start = 0; start < label.length; start += 1) {
    if (outside[start] || label[start]) continue;
    next += 1;
    label[start] = next;
    queue[0] = start;
    let tail = 1;
    for (let head = 0; head < tail; head += 1) {
      const i = queue[head] as number;
      const x = i % width;
      if (x > 0 && !outside[i - 1] && !label[i - 1]) {
        label[i - 1] = next;
        queue[tail++] = i - 1;
      }
      if (x < width - 1 && !outside[i + 1] && !label[i + 1]) {
        label[i + 1] = next;
        queue[tail++] = i + 1;
      }
      if (i >= width && !outside[i - width] && !label[i - width]) {
        label[i - width] = next;
        queue[tail++] = i - width;
      }
      if (i < width * (height - 1) && !outside[i + width] && !label[i + width]) {
        label[i + width] = next;
        queue[tail++] = i + width;
      }
    }
    if (tail > bestSize) {
      bestSize = tail;
      best = next;
    }
  }
  if (!best) return null;
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i += 1) if (label[i] === best) mask[i] = 1;
  return { mask, pixels: bestSize };
}

/** The blob's extreme pixels in every row and every column: enough for its hull and sides. */
function outlinePoints(mask: Uint8Array, width: number, height: number): Point[] {
  const points: Point[] = [];
  const top = new Int32Array(width).fill(-1);
  const bottom = new Int32Array(width).fill(-1);
  for (let y = 0; y < height; y += 1) {
    let left = -1;
    let right = -1;
    for (let x = 0; x < width; x += 1) {
      if (!mask[y * width + x]) continue;
      if (left < 0) left = x;
      right = x;
      if ((top[x] as number) < 0) top[x] = y;
      bottom[x] = y;
    }
    if (left >= 0) points.push([left, y], [right, y]);
  }
  for (let x = 0; x < width; x += 1) {
    const y = top[x] as number;
    if (y >= 0) points.push([x, y], [x, bottom[x] as number]);
  }
  return points;
}

function triangleArea(a: Point, b: Point, c: Point): number {
  return Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])) / 2;
}

/** Hull vertices looked at for the rough quad: the search is cubic, and the sides are refitted. */
const QUAD_SEARCH_VERTICES = 40;

/** The four hull vertices enclosing the most area (each diagonal with its best two apexes). */
function largestQuad(fullHull: readonly Point[]): Quad {
  const step = Math.max(1, fullHull.length / QUAD_SEARCH_VERTICES);
  const hull: Point[] = [];
  for (let i = 0; i < fullHull.length; i += step) hull.push(fullHull[Math.floor(i)] as Point);
  const n = hull.length;
  const at = (i: number) => hull[i % n] as Point;
  let best = [0, 1, 2, 3];
  let bestArea = -1;
  for (let i = 0; i < n; i += 1) {
    for (let k = i + 2; k < n; k += 1) {
      let j = -1;
      let jArea = -1;
      for (let m = i + 1; m < k; m += 1) {
        const area = triangleArea(at(i), at(m), at(k));
        if (area > jArea) [j, jArea] = [m, area];
      }
      let l = -1;
      let lArea = -1;
      for (let m = k + 1; m < n + i; m += 1) {
        const area = triangleArea(at(k), at(m), at(i));
        if (area > lArea) [l, lArea] = [m % n, area];
      }
      if (j >= 0 && l >= 0 && jArea + lArea > bestArea) {
        bestArea = jArea + lArea;
        best = [i, j, k, l];
      }
    }
  }
  return best.map(at) as Quad;
}

type Line = { point: Point; direction: Point };

/**
 * Each side as the line through the outline's points along it (within `share` of the side's
 * length plus `pixels`); null if a side has too few.
 */
function fitSides(
  rough: Quad,
  outline: readonly Point[],
  share: number,
  pixels: number,
): Quad | null {
  const lines: Line[] = [];
  for (let s = 0; s < 4; s += 1) {
    const a = rough[s] as Point;
    const b = rough[(s + 1) % 4] as Point;
    const length = distance(a, b);
    const ux = (b[0] - a[0]) / length;
    const uy = (b[1] - a[1]) / length;
    const tolerance = share * length + pixels;
    // Only the middle of each side: the rounded corners bend away from both sides' lines.
    const along = outline.filter(([x, y]) => {
      const t = ((x - a[0]) * ux + (y - a[1]) * uy) / length;
      const off = Math.abs((x - a[0]) * uy - (y - a[1]) * ux);
      return t > 0.12 && t < 0.88 && off <= tolerance;
    });
    if (along.length < 6) return null;
    lines.push(principalLine(along));
  }
  const corners: Point[] = [];
  for (let s = 0; s < 4; s += 1) {
    const corner = intersect(lines[(s + 3) % 4] as Line, lines[s] as Line);
    if (!corner) return null;
    corners.push(corner);
  }
  return corners as Quad;
}

/** Total least squares: the line through the points' centre along their main direction. */
function principalLine(points: readonly Point[]): Line {
  let mx = 0;
  let my = 0;
  for (const [x, y] of points) {
    mx += x;
    my += y;
  }
  mx /= points.length;
  my /= points.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  const angle = Math.atan2(2 * sxy, sxx - syy) / 2;
  return { point: [mx, my], direction: [Math.cos(angle), Math.sin(angle)] };
}

function intersect(l1: Line, l2: Line): Point | null {
  const det = l1.direction[0] * l2.direction[1] - l1.direction[1] * l2.direction[0];
  if (Math.abs(det) < 1e-6) return null;
  const dx = l2.point[0] - l1.point[0];
  const dy = l2.point[1] - l1.point[1];
  const t = (dx * l2.direction[1] - dy * l2.direction[0]) / det;
  return [l1.point[0] + t * l1.direction[0], l1.point[1] + t * l1.direction[1]];
}

/** Shoelace area; positive for a clockwise quad on screen (y grows downwards). */
function polygonArea(quad: Quad): number {
  let sum = 0;
  for (let i = 0; i < 4; i += 1) {
    const a = quad[i] as Point;
    const b = quad[(i + 1) % 4] as Point;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/** Mean length of the long side pair and of the short one. */
export function sideLengths(q: Quad): { long: number; short: number } {
  const first = (distance(q[0], q[1]) + distance(q[2], q[3])) / 2;
  const second = (distance(q[1], q[2]) + distance(q[3], q[0])) / 2;
  return { long: Math.max(first, second), short: Math.min(first, second) };
}

/** Starts at the corner that makes the first side a long one, the more top-left of the two. */
function landscapeOrder(q: Quad): Quad {
  const firstLong =
    distance(q[0], q[1]) + distance(q[2], q[3]) >= distance(q[1], q[2]) + distance(q[3], q[0]);
  const [c1, c2] = firstLong ? [0, 2] : [1, 3];
  const sum = (i: number) => (q[i] as Point)[0] + (q[i] as Point)[1];
  const start = sum(c1) <= sum(c2) ? c1 : c2;
  return [0, 1, 2, 3].map((k) => q[(start + k) % 4]) as Quad;
}
