import { PRINTED_ETHNICITIES } from '../../idcard/ethnic-groups.ts';
import { isSex } from '../../idcard/sex.ts';
import type { Glyph } from './glyphs.ts';

/**
 * The values of the closed fields found among other characters read into the same place: a
 * stamp or a usage line written across the 性别 / 民族 row is read together with the value
 * (男供核, 男亥验, 汉已核验). The card prints only a value of the list there, so the one value of
 * the list the reading holds is the card's, with the other characters the mark's. None or
 * several, and nothing is chosen.
 */

/** The one glyph reading 男 or 女 among `glyphs`, or null when none or more than one does. */
export function loneSexGlyph(glyphs: readonly Glyph[]): Glyph | null {
  const sexes = glyphs.filter((glyph) => isSex(glyph.char));
  return sexes.length === 1 ? (sexes[0] as Glyph) : null;
}

/**
 * The glyphs of the one printed ethnicity spelled inside `glyphs`, or null when none or several
 * are. A group inside another one found there (土 inside 土家) is not a second one.
 */
export function loneEthnicityGlyphs(glyphs: readonly Glyph[]): Glyph[] | null {
  const text = glyphs.map((glyph) => glyph.char).join('');
  const found = PRINTED_ETHNICITIES.filter((group) => text.includes(group));
  const outermost = found.filter(
    (group) => !found.some((other) => other !== group && other.includes(group)),
  );
  const [group, ...others] = outermost;
  if (group === undefined || others.length > 0 || text.indexOf(group) !== text.lastIndexOf(group)) {
    return null;
  }
  // One glyph is one character (`glyphsOfLine`), so offsets in the text are glyph positions.
  const start = text.indexOf(group);
  return glyphs.slice(start, start + group.length);
}
