import type { Quad } from '../../idcard/api-contract.ts';
import type { RecognizedChar, RecognizedLine } from '../recognized-line.ts';
import { type Extent, extentOf, sliceQuad, unionQuad } from './quad-geometry.ts';

/** One recognised character with where it sits on the face. */
export type Glyph = RecognizedChar & { box: Quad; line: number };

/**
 * Half-width characters (digits, Latin letters, punctuation) take about half the advance of a
 * CJK character in the card's fonts (黑体 and OCR-B at the same size); the recogniser gives no
 * per-character positions, so a character's place is estimated from these widths.
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

export function glyphsOfLine(line: RecognizedLine, lineIndex: number): Glyph[] {
  const chars = charsOf(line).filter((c) => c.char.trim() !== '');
  const total = chars.reduce((sum, c) => sum + advanceOf(c.char), 0);
  let start = 0;
  return chars.map((c) => {
    const end = start + advanceOf(c.char);
    const glyph = { ...c, box: sliceQuad(line.box, start / total, end / total), line: lineIndex };
    start = end;
    return glyph;
  });
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

const HAN = /^\p{Script=Han}$/u;

/**
 * The glyphs without the non-Han characters at either end: the fields written only in Han
 * characters (sex, ethnic group, issuing authority) pick up stray Latin letters and marks from
 * the guilloche or the card's edge next to them.
 */
export function trimNonHan(glyphs: readonly Glyph[]): { glyphs: Glyph[]; trimmed: boolean } {
  let start = 0;
  let end = glyphs.length;
  while (start < end && !HAN.test(glyphs[start]?.char ?? '')) start++;
  while (end > start && !HAN.test(glyphs[end - 1]?.char ?? '')) end--;
  return { glyphs: glyphs.slice(start, end), trimmed: end - start < glyphs.length };
}
