import type { Quad } from '../idcard/api-contract.ts';

export type Point = [number, number];

/** A 3 x 3 projective transform in row-major order, mapping (x, y, 1) column vectors. */
export type Homography = Float64Array;

/** Convex hull by Andrew's monotone chain, counter-clockwise in image axes (y down). */
export function convexHull(points: Point[]): Point[] {
  if (points.length < 3) return points.slice();
  const sorted = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower.at(-2) as Point, lower.at(-1) as Point, p) <= 0) {
      lower.pop();
    }
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i] as Point;
    while (upper.length >= 2 && cross(upper.at(-2) as Point, upper.at(-1) as Point, p) <= 0) {
      upper.pop();
    }
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

export type RotatedRect = {
  center: Point;
  /** Length along `direction`. */
  width: number;
  /** Length across `direction`. */
  height: number;
  /** Unit vector of the side measured by `width`. */
  direction: Point;
};

/**
 * The smallest-area rectangle around the points (rotating calipers over the hull's edges), the
 * counterpart of cv2.minAreaRect that PaddleOCR's `get_mini_boxes` starts from.
 */
export function minAreaRect(points: Point[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) return { center: [0, 0], width: 0, height: 0, direction: [1, 0] };
  let best: RotatedRect | null = null;
  let bestArea = Number.POSITIVE_INFINITY;
  const edges = hull.length === 1 ? 1 : hull.length;
  for (let i = 0; i < edges; i++) {
    const a = hull[i] as Point;
    const b = hull[(i + 1) % hull.length] as Point;
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const ux = length > 0 ? (b[0] - a[0]) / length : 1;
    const uy = length > 0 ? (b[1] - a[1]) / length : 0;
    let minU = Number.POSITIVE_INFINITY;
    let maxU = Number.NEGATIVE_INFINITY;
    let minV = Number.POSITIVE_INFINITY;
    let maxV = Number.NEGATIVE_INFINITY;
    for (const p of hull) {
      const u = p[0] * ux + p[1] * uy;
      const v = -p[0] * uy + p[1] * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = {
        center: [cu * ux - cv * uy, cu * uy + cv * ux],
        width: maxU - minU,
        height: maxV - minV,
        direction: [ux, uy],
      };
    }
  }
  return best as RotatedRect;
}

export function rectCorners(rect: RotatedRect): Point[] {
  const [cx, cy] = rect.center;
  const [ux, uy] = rect.direction;
  const hw = rect.width / 2;
  const hh = rect.height / 2;
  return [
    [cx - ux * hw + uy * hh, cy - uy * hw - ux * hh],
    [cx + ux * hw + uy * hh, cy + uy * hw - ux * hh],
    [cx + ux * hw - uy * hh, cy + uy * hw + ux * hh],
    [cx - ux * hw - uy * hh, cy - uy * hw + ux * hh],
  ];
}

/**
 * Orders four corners as PaddleOCR's `get_mini_boxes` does: the two leftmost points form the left
 * side (upper one first), the two rightmost the right side.
 */
export function orderCorners(points: Point[]): Quad {
  const byX = points.slice().sort((a, b) => a[0] - b[0]);
  const [l1, l2, r1, r2] = byX as [Point, Point, Point, Point];
  const [topLeft, bottomLeft] = l1[1] <= l2[1] ? [l1, l2] : [l2, l1];
  const [topRight, bottomRight] = r1[1] <= r2[1] ? [r1, r2] : [r2, r1];
  return [topLeft, topRight, bottomRight, bottomLeft];
}

export function applyHomography(h: Homography, x: number, y: number): Point {
  const w = (h[6] as number) * x + (h[7] as number) * y + (h[8] as number);
  return [
    ((h[0] as number) * x + (h[1] as number) * y + (h[2] as number)) / w,
    ((h[3] as number) * x + (h[4] as number) * y + (h[5] as number)) / w,
  ];
}

/** The mean of a quad's corners. */
export function quadCentre(quad: Quad): Point {
  const [x, y] = quad.reduce(([sx, sy], [px, py]) => [sx + px, sy + py], [0, 0]);
  return [x / 4, y / 4];
}

export function mapQuad(h: Homography, quad: Quad): Quad {
  return quad.map(([x, y]) => applyHomography(h, x, y)) as Quad;
}

/** The transform taking each `from` corner onto the matching `to` corner (direct linear solve). */
export function homographyFromQuads(from: Point[], to: Point[]): Homography {
  // Eight equations in h0..h7 with h8 = 1, solved by Gaussian elimination with pivoting.
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i] as Point;
    const [u, v] = to[i] as Point;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) {
      if (
        Math.abs((rows[r] as number[])[col] as number) >
        Math.abs((rows[pivot] as number[])[col] as number)
      )
        pivot = r;
    }
    [rows[col], rows[pivot]] = [rows[pivot] as number[], rows[col] as number[]];
    const pivotRow = rows[col] as number[];
    const p = pivotRow[col] as number;
    if (Math.abs(p) < 1e-12) throw new Error('degenerate quadrilateral: corners are collinear');
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const row = rows[r] as number[];
      const factor = (row[col] as number) / p;
      for (let c = col; c < 9; c++) row[c] = (row[c] as number) - factor * (pivotRow[c] as number);
    }
  }
  const h = new Float64Array(9);
  for (let i = 0; i < 8; i++)
    h[i] = ((rows[i] as number[])[8] as number) / ((rows[i] as number[])[i] as number);
  h[8] = 1;
  return h;
}

export function invertHomography(h: Homography): Homography {
  const [a, b, c, d, e, f, g, i, j] = h as unknown as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const det = a * (e * j - f * i) - b * (d * j - f * g) + c * (d * i - e * g);
  if (Math.abs(det) < 1e-12) throw new Error('transform is not invertible');
  return Float64Array.from([
    (e * j - f * i) / det,
    (c * i - b * j) / det,
    (b * f - c * e) / det,
    (f * g - d * j) / det,
    (a * j - c * g) / det,
    (c * d - a * f) / det,
    (d * i - e * g) / det,
    (b * g - a * i) / det,
    (a * e - b * d) / det,
  ]);
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** The product `a * b`: apply `b` first, then `a`. */
export function composeHomographies(a: Homography, b: Homography): Homography {
  const out = new Float64Array(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += (a[r * 3 + k] as number) * (b[k * 3 + c] as number);
      out[r * 3 + c] = sum;
    }
  }
  return out;
}

/** Solves the square system `m x = v` by Gaussian elimination with partial pivoting. */
export function solveLinear(m: number[][], v: number[]): number[] | null {
  const n = v.length;
  const rows = m.map((row, i) => [...row, v[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(rows[r]?.[col] as number) > Math.abs(rows[pivot]?.[col] as number)) pivot = r;
    }
    [rows[col], rows[pivot]] = [rows[pivot] as number[], rows[col] as number[]];
    const pivotRow = rows[col] as number[];
    const p = pivotRow[col] as number;
    if (Math.abs(p) < 1e-12) return null;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = rows[r] as number[];
      const factor = (row[col] as number) / p;
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - factor * (pivotRow[c] as number);
    }
  }
  return rows.map((row, i) => (row[n] as number) / (row[i] as number));
}

/**
 * The least-squares transform taking each `from` point near its `to` point: projective with five
 * or more pairs (eight unknowns, h8 = 1), affine with three or four, null with fewer or when
 * the points are degenerate. Coordinates should be of order 1 for a well-conditioned solve.
 */
export function fitTransform(from: Point[], to: Point[]): Homography | null {
  const projective = from.length >= 5;
  if (from.length < 3) return null;
  const unknowns = projective ? 8 : 6;
  const normal = Array.from({ length: unknowns }, () => new Array<number>(unknowns).fill(0));
  const rhs = new Array<number>(unknowns).fill(0);
  const addRow = (row: number[], value: number) => {
    for (let i = 0; i < unknowns; i++) {
      rhs[i] = (rhs[i] as number) + (row[i] as number) * value;
      const target = normal[i] as number[];
      for (let j = 0; j < unknowns; j++) {
        target[j] = (target[j] as number) + (row[i] as number) * (row[j] as number);
      }
    }
  };
  from.forEach(([x, y], i) => {
    const [u, v] = to[i] as Point;
    if (projective) {
      addRow([x, y, 1, 0, 0, 0, -u * x, -u * y], u);
      addRow([0, 0, 0, x, y, 1, -v * x, -v * y], v);
    } else {
      addRow([x, y, 1, 0, 0, 0], u);
      addRow([0, 0, 0, x, y, 1], v);
    }
  });
  const h = solveLinear(normal, rhs);
  if (h === null) return null;
  return Float64Array.from(projective ? [...h, 1] : [...h, 0, 0, 1]);
}

/** Inside or on the edge of a convex polygon given in either winding. */
export function insideConvex(polygon: Point[], x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [ax, ay] = polygon[i] as Point;
    const [bx, by] = polygon[(i + 1) % polygon.length] as Point;
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (Math.abs(cross) < 1e-9) continue;
    const s = Math.sign(cross);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}
