import { ETHNIC_GROUPS, OTHER_PRINTED_ETHNICITIES } from '../idcard/ethnic-groups.ts';
import type { DecodedLine } from './ctc-decode.ts';
import { BACK_LABELS, LABEL_TEXTS } from './layout/labels.ts';
import { isMarkWordingAlone } from './layout/overlay-marks.ts';
import { PERIOD_DASHES } from './layout/validity-fields.ts';

/**
 * Which lines a small first reader settles on its own. PP-OCRv6 tiny reads a line about five
 * times faster than PP-OCRv6 small, but its 6,904 characters lack thousands that names and
 * addresses use, and it turns rare ones into look-alikes with confidence. So it reads every line
 * first, and keeps its reading only where the card prints a closed form (the titles, a label
 * alone, 性别/民族 values, a birth date, an 18-character number, a validity period), or where
 * the line is a mark's wording alone (a watermark's tile, a stamp, a usage line), and it read
 * every character surely; names, addresses, issuing authorities and anything unsure are read
 * again by the large recogniser, whose reading replaces the first.
 */

/** Below this a character's reading is not sure enough to skip the large recogniser. */
export const FIRST_READING_MIN_PROB = 0.9;

const alternation = (words: readonly string[]) => words.join('|');

const LABELS = alternation(LABEL_TEXTS);
/**
 * Parts of a title of this many characters or more: letter-spaced titles are often boxed in
 * parts (中华人民共和 | 国), and no name or place is spelled inside them. Two characters (人民,
 * 华人) could be a name's.
 */
const MIN_TITLE_PART = 3;
const TITLE_PARTS = alternation(
  BACK_LABELS.filter((label) => label.kind.startsWith('title')).flatMap(({ text }) => {
    const parts: string[] = [];
    for (let start = 0; start < text.length; start++) {
      for (let end = start + MIN_TITLE_PART; end <= text.length; end++) {
        parts.push(text.slice(start, end));
      }
    }
    return parts;
  }),
);
const ETHNICITIES = alternation([...ETHNIC_GROUPS, ...OTHER_PRINTED_ETHNICITIES]);
const DATE = String.raw`\d{4}[.\-]\d{2}[.\-]\d{2}`;

/** Spaces, the dots between a date's parts, and the dash between a period's dates. */
const SEPARATOR = new RegExp(`^[${PERIOD_DASHES}\\s.]$`, 'u');

/** Whole lines a card prints from a closed set, spaces removed. */
const CLOSED_FORMS: readonly RegExp[] = [
  new RegExp(`^(?:${LABELS})$`),
  new RegExp(`^(?:${TITLE_PARTS})$`),
  new RegExp(`^(?:性别)?[男女]?(?:民族)?(?:${ETHNICITIES})?$`),
  /^(?:出生)?\d{4}年\d{1,2}月\d{1,2}日$/,
  /^(?:公民身份号码)?\d{17}[\dX]$/,
  new RegExp(`^(?:有效期限)?${DATE}[${PERIOD_DASHES}](?:${DATE}|长期)$`),
];

/** The line's text without spaces, where every character but a separator was read surely. */
function surelyRead(line: DecodedLine): string | null {
  const text = line.text.replace(/\s+/g, '');
  if (text.length === 0) return null;
  // A space's or separator's own probability says how sure the gap or the dash is, not what
  // the line says: the forms fix where separators stand, so a misread one fails the form.
  const unsure = line.chars.some(
    (char) => !SEPARATOR.test(char.char) && char.prob < FIRST_READING_MIN_PROB,
  );
  return unsure ? null : text;
}

/** Whether a line's text, spaces removed, is one of the card's closed forms (`CLOSED_FORMS`). */
function isClosedForm(text: string): boolean {
  return CLOSED_FORMS.some((form) => form.test(text));
}

/**
 * Whether the first reader read a line surely as one of the card's closed forms: such a line has
 * lost nothing, to a mark's ink or otherwise.
 */
export function settledByFirstReading(line: DecodedLine): boolean {
  const text = surelyRead(line);
  return text !== null && isClosedForm(text);
}

/**
 * Whether the first reader's reading of a line stands without the large recogniser's: a closed
 * form (`settledByFirstReading`), or a mark's wording alone (`isMarkWordingAlone`), read surely. A
 * watermark's tiles are boxed one by one, a dozen lines on a face, which the layout sets aside
 * by their wording whoever read it; on the marked faces of template seed 1303 this spared the
 * large recogniser half a line a face and changed no value on any set.
 */
export function standsWithoutRecogniser(line: DecodedLine): boolean {
  const text = surelyRead(line);
  return text !== null && (isClosedForm(text) || isMarkWordingAlone(text));
}
