import { BadParameterError } from './api-error.ts';

/**
 * The API's body is one flat object of about fifteen known fields; unknown fields are ignored,
 * so some room is left for a client's own, but not for the deep nesting or millions of values
 * that make `JSON.parse` block the server for seconds on a 10 MB body.
 */
export const MAX_JSON_DEPTH = 8;
export const MAX_JSON_VALUES = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Refuses a body nested deeper than `MAX_JSON_DEPTH` or holding more than `MAX_JSON_VALUES`
 * members and elements, before it is parsed. A scan, not a parser: it skips strings with
 * `indexOf` (a 10 MB base64 string costs one native search) and stops at the first excess;
 * whether the text is JSON at all is left to `JSON.parse`.
 */
export function checkJsonShape(text: string): void {
  let depth = 0;
  let values = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = closingQuote(text, i);
      if (i < 0) return;
    } else if (code === 0x7b || code === 0x5b) {
      // { [
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        throw new BadParameterError(`the body nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
    } else if (code === 0x7d || code === 0x5d) {
      // } ]
      depth--;
    } else if (code === 0x2c) {
      // , separates members and elements
      values++;
      if (values >= MAX_JSON_VALUES) {
        throw new BadParameterError(`the body holds more than ${MAX_JSON_VALUES} values`);
      }
    }
  }
}

/** Index of the quote that ends the string opened at `open`, or -1 when it never ends. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at >= 0) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}
