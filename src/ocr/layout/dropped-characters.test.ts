import { describe, expect, it } from 'vitest';
import type { RecognizedLine } from '../recognized-line.ts';
import { mayMissCharacter, missingCharacterPositions } from './dropped-characters.ts';
import { glyphsOfLine } from './glyphs.ts';

/**
 * A line 30 px high holding characters whose centres lie at the given positions, in line
 * heights from the line's start, in a box `length` line heights long.
 */
function line(text: string, centres: number[], length: number): RecognizedLine {
  const height = 30;
  const width = length * height;
  const chars = Array.from(text, (char, i) => {
    const centre = (centres[i] as number) / length;
    return {
      char,
      prob: 0.99,
      alternatives: [],
      span: { start: centre - 0.01, end: centre + 0.01 },
    };
  });
  return {
    text,
    score: 0.99,
    chars,
    box: [
      [100, 100],
      [100 + width, 100],
      [100 + width, 100 + height],
      [100, 100 + height],
    ],
  };
}

describe('mayMissCharacter', () => {
  it('trusts a name set at a steady pitch', () => {
    expect(mayMissCharacter(glyphsOfLine(line('王小明', [0.45, 1.4, 2.35], 2.9), 0))).toBe(false);
    expect(mayMissCharacter(glyphsOfLine(line('张三', [0.45, 1.42], 1.95), 0))).toBe(false);
  });

  it('suspects a hole between two characters (邓明 for 邓铖明)', () => {
    expect(mayMissCharacter(glyphsOfLine(line('邓明', [0.58, 2.42], 2.84), 0))).toBe(true);
  });

  it('measures two characters alone against the pitch values are set at (钱鹏 for 钱旻鹏)', () => {
    expect(mayMissCharacter(glyphsOfLine(line('钱鹏', [0.45, 1.97], 2.4), 0))).toBe(true);
    expect(mayMissCharacter(glyphsOfLine(line('钱鹏', [0.45, 1.45], 1.9), 0))).toBe(false);
  });

  it('tells where the character may be missing', () => {
    expect(missingCharacterPositions(glyphsOfLine(line('邓明', [0.58, 2.42], 2.84), 0))).toEqual([
      1,
    ]);
    expect(missingCharacterPositions(glyphsOfLine(line('高永', [0.4, 1.38], 2.59), 0))).toEqual([
      2,
    ]);
    expect(missingCharacterPositions(glyphsOfLine(line('欣磊', [0.45, 1.4], 1.9), 0), 70)).toEqual([
      0,
    ]);
  });

  it('suspects a line end left empty (高永 for 高永韫)', () => {
    expect(mayMissCharacter(glyphsOfLine(line('高永', [0.4, 1.38], 2.59), 0))).toBe(true);
    expect(mayMissCharacter(glyphsOfLine(line('永韫', [1.4, 2.35], 2.85), 0))).toBe(true);
  });

  it('suspects a value that starts a character late in its printed column (欣磊 for 逯欣磊)', () => {
    // The line's box starts at x = 100 and is 30 px high; the first centre is at 113.5.
    const glyphs = glyphsOfLine(line('欣磊', [0.45, 1.4], 1.9), 0);
    expect(mayMissCharacter(glyphs, 100)).toBe(false);
    expect(mayMissCharacter(glyphs, 70)).toBe(true);
    // With the column known, a box reaching left of the text is no sign of a lost character.
    const early = glyphsOfLine(line('于新', [1.3, 2.16], 2.59), 0);
    expect(mayMissCharacter(early)).toBe(true);
    expect(mayMissCharacter(early, 100 + 0.95 * 30)).toBe(false);
  });

  it('never suspects glyphs that carry no positions', () => {
    const bare = line('邓明', [0.58, 2.42], 2.84);
    bare.chars = bare.chars.map(({ span: _, ...rest }) => rest);
    expect(mayMissCharacter(glyphsOfLine(bare, 0))).toBe(false);
  });
});

describe('missingCharacterPositions at a mark', () => {
  // An address wrapped after 和平, its 街 under a stamp: 和平 | 道12号 for 和平街 | 道12号. The
  // first line's box is 30 px high from x = 100 to 212.5; its 平 is centred at 199 and ends near
  // 214. The second line lies 40 px lower.
  const first = glyphsOfLine(line('建设和平', [0.45, 1.4, 2.35, 3.3], 3.75), 0);
  const second = glyphsOfLine(line('道12号', [0.45, 1.1, 1.6, 2.25], 2.7), 1).map((glyph) => ({
    ...glyph,
    box: glyph.box.map(([x, y]) => [x, y + 40]) as typeof glyph.box,
  }));
  const value = [...first, ...second];
  const stamp = (left: number, top = 95) => ({ left, top, right: left + 120, bottom: top + 40 });

  it('finds room at the end of a line that stops at a mark, wrapped or last', () => {
    expect(missingCharacterPositions(value, undefined, [stamp(225)])).toEqual([4]);
    expect(missingCharacterPositions(first, undefined, [stamp(225)])).toEqual([4]);
  });

  it('finds none where the mark is a character away, on other rows or over the last character', () => {
    expect(missingCharacterPositions(value, undefined, [stamp(260)])).toEqual([]);
    expect(missingCharacterPositions(value, undefined, [stamp(225, 200)])).toEqual([]);
    expect(missingCharacterPositions(value, undefined, [stamp(190)])).toEqual([]);
    expect(missingCharacterPositions(value)).toEqual([]);
  });
});
