import type { Quad } from '../../idcard/api-contract.ts';
import { extentOfGlyphs, type Glyph, textOf } from './glyphs.ts';
import { centerOf, quadOf } from './quad-geometry.ts';

/**
 * Where an address may go on past what was read: cards print 号 or 室 after house and room
 * numbers, and wrap a line at the photo, so an address that ends in a bare number on a wrapped
 * line may have its last character alone on the row below (…3单元3306 | 室), a box the detector
 * can miss.
 */

/** An address ending in a digit: house and room numbers are printed with 号 or 室 after them. */
const BARE_NUMBER_END = /\d$/u;

/** Whether an address ends in a bare number (`CONFIDENCE.openEnded`). */
export function endsInBareNumber(address: string): boolean {
  return BARE_NUMBER_END.test(address);
}

/**
 * A last line that ends within this many of its heights of the line above's end was wrapped
 * like it: the next character, as wide as the line is high less the box's margins, did not fit.
 */
const WRAP_ROOM = 1;

/** What every row of an address holds: a Han character or a digit. */
const ADDRESS_ROW_PRINT = /[\p{Script=Han}\d]/u;

/**
 * The address without rows that hold neither a Han character nor a digit: no print of the
 * card's, but the guilloche or a stroke read as letters (X on the row below a room number,
 * looked at for a 室 that was not there).
 */
export function withoutScrapRows(address: readonly Glyph[]): Glyph[] {
  const printed = new Set(
    address.filter((glyph) => ADDRESS_ROW_PRINT.test(glyph.char)).map((glyph) => glyph.line),
  );
  return address.filter((glyph) => printed.has(glyph.line));
}

/** The address's lines as read, top to bottom, each its glyphs. */
function linesOf(address: readonly Glyph[]): Glyph[][] {
  const lines = new Map<number, Glyph[]>();
  for (const glyph of address) {
    const line = lines.get(glyph.line);
    if (line === undefined) lines.set(glyph.line, [glyph]);
    else line.push(glyph);
  }
  return [...lines.values()].sort(
    (a, b) => centerOf(extentOfGlyphs(a)).y - centerOf(extentOfGlyphs(b)).y,
  );
}

/** The 单 of 单元 ending an address: a unit is always numbered after it, so the address goes on. */
const UNIT_WORD_CUT = /单$/u;

/**
 * Where an address may go on past what was read. One that ends in a bare number or is cut after
 * the 单 of 单元, on a line that ends where the line above it does (wrapped), may go on in the row
 * after its last line, one line pitch below it and as wide as the lines read. One cut after 单
 * on a line that ends short of the line above goes on in the rest of that line's own row, from
 * where its box ends to where the line above ends: a mark over the line's end kept the detector
 * from boxing it (…21栋3单 of …21栋3单元1203室). A bare number on such a line is left alone: an
 * address may end in one, and reading the rest of its row read its last digit twice (…17588).
 * Null otherwise, and for an address on one line.
 */
export function rowAfterAddress(address: readonly Glyph[]): Quad | null {
  const text = textOf(address);
  const cut = UNIT_WORD_CUT.test(text);
  if (!cut && !endsInBareNumber(text)) return null;
  const lines = linesOf(address);
  const [above, last] = lines.slice(-2).map(extentOfGlyphs);
  if (above === undefined || last === undefined) return null;
  const height = last.bottom - last.top;
  const wrapped = above.right - last.right <= WRAP_ROOM * height;
  if (cut && !wrapped) return quadOf({ ...last, left: last.right, right: above.right });
  if (!wrapped) return null;
  const pitch = centerOf(last).y - centerOf(above).y;
  return quadOf({
    left: Math.min(above.left, last.left),
    right: Math.max(above.right, last.right),
    top: last.top + pitch,
    bottom: last.bottom + pitch,
  });
}
