import type { Quad } from '../../idcard/api-contract.ts';

/** Axis-aligned extent of one or more quads, in the same pixel space. */
export type Extent = { left: number; top: number; right: number; bottom: number };

export function extentOf(quads: readonly Quad[]): Extent {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const quad of quads) {
    for (const [x, y] of quad) {
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x);
      bottom = Math.max(bottom, y);
    }
  }
  return { left, top, right, bottom };
}

/** The smallest upright quad holding every given quad (TL, TR, BR, BL); null for none. */
export function unionQuad(quads: readonly Quad[]): Quad | null {
  if (quads.length === 0) return null;
  const { left, top, right, bottom } = extentOf(quads);
  return [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ];
}

function lerp(a: readonly [number, number], b: readonly [number, number], t: number) {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t] as [number, number];
}

/** Length and height of a line's box, each the mean of its two opposite edges. */
export function lineShape(box: Quad): { length: number; height: number } {
  const [p0, p1, p2, p3] = box;
  const edge = (a: Quad[number], b: Quad[number]) => Math.hypot(b[0] - a[0], b[1] - a[1]);
  return { length: (edge(p0, p1) + edge(p3, p2)) / 2, height: (edge(p0, p3) + edge(p1, p2)) / 2 };
}

/**
 * The part of a text line's quad between two fractions of its length, cut along the line's own
 * top and bottom edges so that slightly tilted lines keep their slant.
 */
export function sliceQuad(quad: Quad, fromFraction: number, toFraction: number): Quad {
  const [tl, tr, br, bl] = quad;
  return [
    lerp(tl, tr, fromFraction),
    lerp(tl, tr, toFraction),
    lerp(bl, br, toFraction),
    lerp(bl, br, fromFraction),
  ];
}

/** The rectangle an extent spans, as a quad: top-left, top-right, bottom-right, bottom-left. */
export function quadOf({ left, top, right, bottom }: Extent): Quad {
  return [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ];
}

/** The area an extent covers; none for one turned inside out (an empty intersection). */
export function areaOf(extent: Extent): number {
  return Math.max(0, extent.right - extent.left) * Math.max(0, extent.bottom - extent.top);
}

/** The extent two extents share, inside out where they share none (`areaOf` gives 0). */
export function intersectionOf(a: Extent, b: Extent): Extent {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

/** Whether two extents share any area. */
export function overlaps(a: Extent, b: Extent): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export function centerOf(extent: Extent): { x: number; y: number } {
  return { x: (extent.left + extent.right) / 2, y: (extent.top + extent.bottom) / 2 };
}

/**
 * Whether two extents sit on the same printed row: their vertical overlap covers at least half
 * of the shorter one. Detection boxes of neighbouring card rows barely touch (the card's rows are
 * about 1.5 line heights apart), while pieces of one row overlap almost fully.
 */
export function onSameRow(a: Extent, b: Extent): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  const shorter = Math.min(a.bottom - a.top, b.bottom - b.top);
  return shorter > 0 && overlap >= shorter / 2;
}
