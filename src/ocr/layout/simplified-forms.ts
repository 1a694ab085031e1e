import { Converter } from 'opencc-js/t2cn';
import { isGeneralUseCharacter, isStandardCharacter } from '../../idcard/standard-characters.ts';
import { type Glyph, HAN_CHAR, readAs } from './glyphs.ts';

/** OpenCC's traditional-to-mainland conversion, character by character here. */
const toMainland = Converter({ from: 't', to: 'cn' });

/**
 * The simplified form a card prints for a traditional or variant form outside the 通用规范汉字表
 * (黃 → 黄, 瑤 → 瑶, 強 → 强), where that form is a character of general use (the table's first
 * two levels). The recogniser's dictionary holds both forms and reads one for the other; a
 * resident ID card prints the table's form. A form of the third level is not taken: that level
 * keeps rare characters for names and places, and some cards print their older form (龑 for 䶮).
 * Undefined where there is no such form.
 */
export function simplifiedFormOf(char: string): string | undefined {
  if (!HAN_CHAR.test(char) || isStandardCharacter(char)) return undefined;
  const form = toMainland(char);
  return form !== char && isGeneralUseCharacter(form) ? form : undefined;
}

/** The glyph read as its simplified form (`simplifiedFormOf`), its reading kept among its alternatives. */
export function inSimplifiedForm(glyph: Glyph): Glyph | undefined {
  const form = simplifiedFormOf(glyph.char);
  // The form is the character read, in the shape the card prints: its probability carries over.
  return form === undefined ? undefined : readAs(glyph, { char: form, prob: glyph.prob });
}
