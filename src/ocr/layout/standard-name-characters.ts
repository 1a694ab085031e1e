import { isStandardCharacter } from '../../idcard/standard-characters.ts';
import { type Glyph, HAN_CHAR } from './glyphs.ts';

/**
 * Whether a name holds a Han character outside the 通用规范汉字表. The PP-OCRv6 dictionary also
 * holds traditional and variant forms, and read 孙瑶海 as 孙瑤海 on a generated card; such a
 * name is not vouched for, and the runner-up in the table comes among its alternatives. A
 * character without a simplified form of general use (`simplifiedFormOf`) is not replaced: some
 * names are registered in characters outside the table (韡 and 龑 on cards of other makers), and
 * the recogniser may have read them right.
 */
export function holdsNonStandardHan(glyphs: readonly Glyph[]): boolean {
  return glyphs.some((glyph) => HAN_CHAR.test(glyph.char) && !isStandardCharacter(glyph.char));
}
