import { isStandardCharacter } from '../../idcard/standard-characters.ts';
import { type Glyph, HAN_CHAR, isStandardHan, readAs } from './glyphs.ts';
import { inSimplifiedForm } from './simplified-forms.ts';

/**
 * An address is printed in the characters of the 通用规范汉字表: every GB/T 2260 name is, and
 * the table was drawn up to hold the characters place names use. The recogniser's dictionary
 * also holds traditional and variant forms, and read 大厦 as 大廈 (0.94, 厦 its runner-up at
 * 0.06). A Han character outside the table whose runner-up is one inside it is read as the
 * runner-up, else as its simplified form where it has one (`inSimplifiedForm`: 濟 → 济), and
 * `changed` says so, since the value is then chosen rather than read. Names are
 * left alone: some are registered in characters outside the table (`holdsNonStandardHan`).
 */
export function withStandardRunnerUps(glyphs: readonly Glyph[]): {
  glyphs: Glyph[];
  changed: boolean;
} {
  let changed = false;
  const read = glyphs.map((glyph) => {
    const [runnerUp] = glyph.alternatives;
    if (!HAN_CHAR.test(glyph.char) || isStandardCharacter(glyph.char)) return glyph;
    const standard =
      runnerUp !== undefined && isStandardHan(runnerUp.char)
        ? readAs(glyph, runnerUp)
        : inSimplifiedForm(glyph);
    if (standard === undefined) return glyph;
    changed = true;
    return standard;
  });
  return { glyphs: read, changed };
}
