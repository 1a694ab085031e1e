import type { Quad } from '../../idcard/api-contract.ts';
import { type Extent, extentOf, onSameRow } from './quad-geometry.ts';

/**
 * Share of the smaller of two boxes on one row that the larger may cover while both hold the
 * card's print. The card sets a row's words apart, and the detector's boxes of a label and its
 * value overlap by at most about a third of the value's box (男 under the end of 性别); a mark's
 * character drawn over a line's end is boxed on top of it (a written 用 over an address's 4, its
 * box half inside the line's).
 */
const PRINT_OVERLAP = 0.4;

function area(extent: Extent): number {
  return Math.max(0, extent.right - extent.left) * Math.max(0, extent.bottom - extent.top);
}

function intersection(a: Extent, b: Extent): Extent {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

/**
 * Where the detector boxed one thing on top of another on the same row (`PRINT_OVERLAP`), going
 * by the boxes it drew (a line's characters may stop short of its box's end): the card prints
 * nothing over its own print, so the smaller box holds a mark's strokes or the print under them,
 * and what was read there is not sure. The smaller boxes' positions in `boxes`, for the values
 * they touch not to be vouched for; nothing is cut here, since either box may hold the card's
 * characters.
 */
export function crossedBoxes(boxes: readonly Quad[]): number[] {
  const extents = boxes.map((box) => extentOf([box]));
  return extents.flatMap((extent, i) =>
    extents.some((other, j) => {
      if (i === j || area(other) < area(extent) || !onSameRow(extent, other)) return false;
      return area(intersection(extent, other)) > PRINT_OVERLAP * area(extent);
    })
      ? [i]
      : [],
  );
}
