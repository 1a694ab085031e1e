import type { Quad } from '../../idcard/api-contract.ts';
import { areaOf, extentOf, intersectionOf, onSameRow } from './quad-geometry.ts';

/**
 * Share of the smaller of two boxes on one row that the larger may cover while both hold the
 * card's print. The card sets a row's words apart, and the detector's boxes of a label and its
 * value overlap by at most about a third of the value's box (男 under the end of 性别); a mark's
 * character drawn over a line's end is boxed on top of it (a written 用 over an address's 4, its
 * box half inside the line's).
 */
const PRINT_OVERLAP = 0.4;

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
      if (i === j || areaOf(other) < areaOf(extent) || !onSameRow(extent, other)) return false;
      return areaOf(intersectionOf(extent, other)) > PRINT_OVERLAP * areaOf(extent);
    })
      ? [i]
      : [],
  );
}
