import { extentOfGlyphs, type Glyph } from './glyphs.ts';
import { onSameRow } from './quad-geometry.ts';

/**
 * Letter-spaced print is boxed one character at a time: print shops set the labels with 0.5-1 em
 * between their characters (姓 名, 性 别), which the detector reads as separate lines. Two
 * boxes on one row at most this many character heights apart may be one spaced word.
 */
const MAX_SPACING = 2;

/** Whether `tail` ends with the start of `word` and `head` goes on with its next character. */
function continuesWord(tail: string, head: string, word: string): boolean {
  for (let length = Math.min(tail.length, word.length - 1); length >= 1; length--) {
    if (tail.endsWith(word.slice(0, length)) && head.startsWith(word.charAt(length))) return true;
  }
  return false;
}

function joins(left: readonly Glyph[], right: readonly Glyph[], words: readonly string[]) {
  const a = extentOfGlyphs(left);
  const b = extentOfGlyphs(right);
  const height = Math.min(a.bottom - a.top, b.bottom - b.top);
  const gap = b.left - a.right;
  if (!onSameRow(a, b) || gap < -height / 2 || gap > MAX_SPACING * height) return false;
  const tail = left.map((g) => g.char).join('');
  const head = right.map((g) => g.char).join('');
  return words.some((word) => continuesWord(tail, head, word));
}

/** A punctuation mark: none stands inside a label or title. */
const PUNCTUATION = /^\p{P}$/u;

/**
 * The line without punctuation read between two consecutive characters of one of `words`: the
 * space of letter-spaced print, boxed with the word, read as a comma (姓，名杜娜健, 民族、汉).
 */
function withoutSpacingRead(line: readonly Glyph[], words: readonly string[]): Glyph[] {
  return line.filter((glyph, i) => {
    const [before, after] = [line[i - 1], line[i + 1]];
    if (!PUNCTUATION.test(glyph.char) || before === undefined || after === undefined) return true;
    return !words.some((word) => word.includes(before.char + after.char));
  });
}

/**
 * Joins the boxes of a letter-spaced word back into one line (性 | 别 to 性别, 签 | 发 | 机 | 关
 * to 签发机关) when, side by side on one row, the end of one and the start of the next spell
 * consecutive characters of one of `words`; the value read in the same box as the word's last
 * character (别男) comes along. Punctuation read in the word's spacing is dropped
 * (`withoutSpacingRead`). Lines are otherwise left as they are.
 */
export function joinSpacedWords(lines: readonly Glyph[][], words: readonly string[]): Glyph[][] {
  const joined = lines.map((line) => withoutSpacingRead(line, words));
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < joined.length && !merged; i++) {
      for (let j = 0; j < joined.length && !merged; j++) {
        const left = joined[i] as Glyph[];
        const right = joined[j] as Glyph[];
        if (i === j || left.length === 0 || right.length === 0) continue;
        if (!joins(left, right, words)) continue;
        joined[i] = [...left, ...right];
        joined.splice(j, 1);
        merged = true;
      }
    }
  }
  return joined;
}
