import type { Quad } from '../../idcard/api-contract.ts';
import { extentOfGlyphs, type Glyph, textOf } from './glyphs.ts';
import { isMarkCharacter } from './overlay-marks.ts';
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
 * What a print shop that wraps by count leaves alone on the row after a last line as long as
 * the line above: the end of a house or room number (…1单元162 | 9, …3单元 | 1205室).
 */
const NUMBER_TAIL = /^(?:\d{1,2}[号室]?|[号室])$/u;

/**
 * How far (in heights of the line) the row after a line wrapped by count is looked at from the
 * address's left edge: room for a number's tail, two digits and 号 or 室, with the box's
 * margins. Read as wide as the lines above, the guilloche beside a lone 7 read as TY.
 */
const TAIL_ROOM = 3;

/**
 * How sure the recogniser must be of each character of a number's tail read where the detector
 * boxed nothing. Beside a lone 7 it read the guilloche as 6 and 1 at 0.46 and 0.30, and on a row
 * with nothing printed as 4 at 0.94; the tails printed there read at 0.98 to 1.00.
 */
const TAIL_SURE = 0.95;

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

/**
 * The address with the row read where the detector boxed nothing below a line wrapped by count
 * alone (`wrappedByCountAlone`) kept only as a number's tail: that row was looked at for one
 * (`rowAfterAddress`). It keeps the characters it begins with that were read surely
 * (`TAIL_SURE`), where they spell one (`NUMBER_TAIL`), and is dropped otherwise (its pattern
 * read as A人A人).
 */
export function withSureTail(address: readonly Glyph[]): Glyph[] {
  const [above, wrapped, tail] = linesOf(address).slice(-3);
  if (above === undefined || wrapped === undefined || tail === undefined) return [...address];
  const looked = tail.every((glyph) => glyph.unboxed === true);
  if (!looked || !wrappedByCountAlone(above, wrapped)) return [...address];
  const unsure = tail.findIndex((glyph) => glyph.prob < TAIL_SURE);
  const sure = unsure === -1 ? tail : tail.slice(0, unsure);
  const dropped = NUMBER_TAIL.test(textOf(sure)) ? tail.slice(sure.length) : tail;
  return address.filter((glyph) => !dropped.includes(glyph));
}

/** The word that ends a house or room number: an address is whole after it. */
const NUMBER_END = /^[号室]$/u;

/**
 * The address without a character of a mark's wording read alone after the 号 or 室 it ends
 * with (…440号本 of a 样本 stamp, …24号样 under a tiled 样证, `isMarkCharacter`): no address
 * goes on after its number with such a character alone (after its 号 one goes on with a
 * building's or a yard's word, 号楼2247号 or 号院, none of them a mark's). `cut` says whether one
 * was cut, so that the address is not vouched for.
 */
export function withoutMarkAfterNumber(address: readonly Glyph[]): {
  glyphs: Glyph[];
  cut: boolean;
} {
  const [before, last] = address.slice(-2);
  const cut =
    before !== undefined &&
    last !== undefined &&
    NUMBER_END.test(before.char) &&
    isMarkCharacter(last.char);
  return { glyphs: cut ? address.slice(0, -1) : [...address], cut };
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

/** Whether a last line ends where the line above it does: the next character did not fit. */
function wrappedByWidth(above: readonly Glyph[], last: readonly Glyph[]): boolean {
  const [a, l] = [extentOfGlyphs(above), extentOfGlyphs(last)];
  return a.right - l.right <= WRAP_ROOM * (l.bottom - l.top);
}

/**
 * Whether a last line ends short of the line above but holds as many characters: wrapped by a
 * print shop that counts characters, its digits half as wide as the Han characters
 * (花园40幢1单元129 under 河北省沧州市泊头市平湾, the last 1 alone on the row below).
 */
function wrappedByCountAlone(above: readonly Glyph[], last: readonly Glyph[]): boolean {
  return last.length === above.length && !wrappedByWidth(above, last);
}

/**
 * Where an address may go on past what was read. One that ends in a bare number or is cut after
 * the 单 of 单元, on a line wrapped like the line above (`wrappedByWidth`, `wrappedByCountAlone`),
 * may go on in the row after its last line, one line pitch below it and as wide as the lines
 * read, or, wrapped by count, as wide as a number's tail (`TAIL_ROOM`). One cut after 单 on a
 * line that ends short of the line above goes on in the rest of that line's own row, from where
 * its box ends to where the line above ends: a mark over the line's end kept the detector from
 * boxing it (…21栋3单 of …21栋3单元1203室). A bare number on such a line is left alone: an
 * address may end in one, and reading the rest of its row read its last digit twice (…17588).
 * Null otherwise, and for an address on one line.
 */
export function rowAfterAddress(address: readonly Glyph[]): Quad | null {
  const text = textOf(address);
  const cut = UNIT_WORD_CUT.test(text);
  if (!cut && !endsInBareNumber(text)) return null;
  const [aboveGlyphs, lastGlyphs] = linesOf(address).slice(-2);
  if (aboveGlyphs === undefined || lastGlyphs === undefined) return null;
  const [above, last] = [extentOfGlyphs(aboveGlyphs), extentOfGlyphs(lastGlyphs)];
  const byWidth = wrappedByWidth(aboveGlyphs, lastGlyphs);
  if (cut && !byWidth) return quadOf({ ...last, left: last.right, right: above.right });
  const byCount = wrappedByCountAlone(aboveGlyphs, lastGlyphs);
  if (!byWidth && !byCount) return null;
  const pitch = centerOf(last).y - centerOf(above).y;
  const left = Math.min(above.left, last.left);
  const height = last.bottom - last.top;
  return quadOf({
    left,
    right: byCount ? left + TAIL_ROOM * height : Math.max(above.right, last.right),
    top: last.top + pitch,
    bottom: last.bottom + pitch,
  });
}
