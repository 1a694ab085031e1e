import { type Glyph, type GlyphChoice, HAN_CHAR, isStandardHan, readAs } from './glyphs.ts';
import { inSimplifiedForm } from './simplified-forms.ts';
import { isCommonSingleSurname, startsWithCompoundSurname } from './surnames.ts';

/**
 * What is true of real names, used only to choose between characters the recogniser scored
 * close: a name starts with a surname, and names are registered in the 通用规范汉字表. Blur turns
 * 吕 into 昌 (not a surname) at 0.83 against 0.14, and the dictionary's traditional forms stand
 * beside the simplified ones (瑤 and 瑶). A character read surely is never overridden by another
 * (its own simplified form is no other character), and a name a prior changed is not vouched for.
 */

/** A character read at least this surely keeps its reading whatever the priors say. */
const SURE_PROB = 0.9;
/** An alternative is close when the recogniser gave it at least this share of the reading's probability. */
const CLOSE_RATIO = 0.5;

/** The most likely close alternative `fits` accepts, when the glyph's reading does not and is unsure. */
function closeFit(glyph: Glyph, fits: (char: string) => boolean): GlyphChoice | undefined {
  if (glyph.prob >= SURE_PROB || fits(glyph.char)) return undefined;
  return glyph.alternatives.find(
    (alternative) => fits(alternative.char) && alternative.prob >= CLOSE_RATIO * glyph.prob,
  );
}

/**
 * The name's glyphs with the priors applied: a traditional or variant form read as the simplified
 * form the card prints (`inSimplifiedForm`), an unsure first character that is no common
 * surname read as a close alternative that is one (unless the name starts with a compound
 * surname), and an unsure Han character outside the 通用规范汉字表 read as a close alternative
 * inside it. `changed` when any was.
 */
export function withNamePriors(glyphs: readonly Glyph[]): { glyphs: Glyph[]; changed: boolean } {
  let changed = false;
  const read = glyphs.map((glyph, i) => {
    const simplified = inSimplifiedForm(glyph);
    if (simplified !== undefined) {
      changed = true;
      return simplified;
    }
    const surname =
      i === 0 && !startsWithCompoundSurname(glyphs.map((g) => g.char).join(''))
        ? closeFit(glyph, isCommonSingleSurname)
        : undefined;
    const standard = HAN_CHAR.test(glyph.char) ? closeFit(glyph, isStandardHan) : undefined;
    const choice = surname ?? standard;
    if (choice === undefined) return glyph;
    changed = true;
    return readAs(glyph, choice);
  });
  return { glyphs: read, changed };
}
