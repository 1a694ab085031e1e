/**
 * Characters the recogniser reads in place of digits in the card's number and dates. The
 * dictionary holds Latin letters and full-width forms, and OCR-B's 0 and 1 are close to O and
 * l/I; X only appears as the number's check character.
 */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  I: '1',
  l: '1',
  '|': '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  B: '8',
  x: 'X',
  '×': 'X',
  Ⅹ: 'X',
};

const FULL_WIDTH_OFFSET = 0xfee0;

/** The digit (or X) a character stands for in a digit field, or null for any other character. */
export function digitOf(char: string): string | null {
  const code = char.codePointAt(0) ?? 0;
  // Full-width digits and X (U+FF10..U+FF19, U+FF38, U+FF58)
  const ascii =
    (code >= 0xff10 && code <= 0xff19) || code === 0xff38 || code === 0xff58
      ? String.fromCodePoint(code - FULL_WIDTH_OFFSET)
      : char;
  if (/^[0-9X]$/.test(ascii)) return ascii;
  return DIGIT_LOOKALIKES[ascii] ?? null;
}
