import type { Quad } from '../../idcard/api-contract.ts';
import { isStandardCharacter } from '../../idcard/standard-characters.ts';
import { ENGINE_REC } from '../ocr-params.ts';
import type { RecognizedChar, RecognizedLine } from '../recognized-line.ts';
import { type Extent, extentOf, lineShape, sliceQuad, unionQuad } from './quad-geometry.ts';

/**
 * Where the decoder emitted a character along its line, in heights of the line's box (a unit
 * that does not depend on the photo's scale): the centre from the line's start, the line's
 * length, and whether it is the first or last character of the line; and, in face pixels, the
 * centre's x on the line's midline and the line's height.
 */
export type Along = {
  centre: number;
  lineLength: number;
  first: boolean;
  last: boolean;
  x: number;
  height: number;
};

/**
 * One recognised character with where it sits on the face; `unboxed` where its line was read
 * without a box of the detector's (`RecognizedLine.unboxed`).
 */
export type Glyph = RecognizedChar & { box: Quad; line: number; along?: Along; unboxed?: true };

/**
 * Half-width characters (digits, Latin letters, punctuation) take about half the advance of a
 * CJK character in the card's fonts (黑体 and OCR-B at the same size); a character is as wide as
 * its advance, placed where the decoder emitted it or, for a reader that gives no positions,
 * estimated from these widths.
 */
function advanceOf(char: string): number {
  return (char.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
}

/**
 * The line's characters as the decoder gave them. A line whose `chars` do not spell its `text`
 * (a recogniser that reports no per-character detail) gets one character per code point, each
 * with the line's mean score and no alternatives.
 */
function charsOf(line: RecognizedLine): RecognizedChar[] {
  if (line.chars.map((c) => c.char).join('') === line.text) return line.chars;
  return Array.from(line.text, (char) => ({ char, prob: line.score, alternatives: [] }));
}

function alongOf(
  c: RecognizedChar,
  box: Quad,
  shape: { length: number; height: number },
  position: { index: number; count: number },
): Along | undefined {
  if (c.span === undefined || shape.height <= 0) return undefined;
  const share = (c.span.start + c.span.end) / 2;
  const lineLength = shape.length / shape.height;
  const [p0, p1, p2, p3] = box;
  const startX = (p0[0] + p3[0]) / 2;
  const endX = (p1[0] + p2[0]) / 2;
  return {
    centre: share * lineLength,
    lineLength,
    first: position.index === 0,
    last: position.index === position.count - 1,
    x: startX + share * (endX - startX),
    height: shape.height,
  };
}

/**
 * A character's slice of its line as shares of the line's length: centred where the decoder
 * emitted it, as wide as its advance at the card's character pitch; without a span, where its
 * advance falls when the line's characters are laid end to end.
 */
function sliceOf(
  along: Along | undefined,
  advance: number,
  laidOut: { start: number; end: number },
): { from: number; to: number } {
  if (along === undefined) return { from: laidOut.start, to: laidOut.end };
  const half = (advance * ENGINE_REC.charPitch) / 2;
  return {
    from: Math.max(0, (along.centre - half) / along.lineLength),
    to: Math.min(1, (along.centre + half) / along.lineLength),
  };
}

export function glyphsOfLine(line: RecognizedLine, lineIndex: number): Glyph[] {
  const chars = charsOf(line).filter((c) => c.char.trim() !== '');
  const total = chars.reduce((sum, c) => sum + advanceOf(c.char), 0);
  const shape = lineShape(line.box);
  let start = 0;
  return chars.map((c, i) => {
    const advance = advanceOf(c.char);
    const along = alongOf(c, line.box, shape, { index: i, count: chars.length });
    const { from, to } = sliceOf(along, advance, {
      start: start / total,
      end: (start + advance) / total,
    });
    start += advance;
    const glyph: Glyph = { ...c, box: sliceQuad(line.box, from, to), line: lineIndex };
    if (along !== undefined) glyph.along = along;
    if (line.unboxed) glyph.unboxed = true;
    return glyph;
  });
}

/** One reading of a glyph's character, with its probability. */
export type GlyphChoice = { char: string; prob: number };

/** The glyph read as `choice` instead, its own reading moved among its alternatives. */
export function readAs(glyph: Glyph, choice: GlyphChoice): Glyph {
  const others = glyph.alternatives.filter((alternative) => alternative.char !== choice.char);
  return {
    ...glyph,
    char: choice.char,
    prob: choice.prob,
    alternatives: [{ char: glyph.char, prob: glyph.prob }, ...others],
  };
}

/**
 * The glyph's reading that `wanted` accepts: its own, else the likeliest runner-up that is; or
 * undefined when none is.
 */
export function readingAmong(
  glyph: Glyph | undefined,
  wanted: (char: string) => boolean,
): string | undefined {
  if (glyph === undefined) return undefined;
  if (wanted(glyph.char)) return glyph.char;
  return glyph.alternatives.find((alternative) => wanted(alternative.char))?.char;
}

export function textOf(glyphs: readonly Glyph[]): string {
  return glyphs.map((g) => g.char).join('');
}

export function extentOfGlyphs(glyphs: readonly Glyph[]): Extent {
  return extentOf(glyphs.map((g) => g.box));
}

export function boxOfGlyphs(glyphs: readonly Glyph[]): Quad | null {
  return unionQuad(glyphs.map((g) => g.box));
}

/** One Han character. */
export const HAN_CHAR = /^\p{Script=Han}$/u;

/** Whether a character is a Han character of the 通用规范汉字表. */
export function isStandardHan(char: string): boolean {
  return HAN_CHAR.test(char) && isStandardCharacter(char);
}

/**
 * The glyphs without the non-Han characters at either end: the fields written only in Han
 * characters (sex, ethnic group, issuing authority) pick up stray Latin letters and marks from
 * the guilloche or the card's edge next to them.
 */
export function trimNonHan(glyphs: readonly Glyph[]): { glyphs: Glyph[]; trimmed: boolean } {
  let start = 0;
  let end = glyphs.length;
  while (start < end && !HAN_CHAR.test(glyphs[start]?.char ?? '')) start++;
  while (end > start && !HAN_CHAR.test(glyphs[end - 1]?.char ?? '')) end--;
  return { glyphs: glyphs.slice(start, end), trimmed: end - start < glyphs.length };
}
