import { IMAGE_LIMITS } from '../../idcard/api-contract.ts';
import { ImageBytesLimitError, InvalidBase64Error } from './api-error.ts';

/**
 * Line breaks are the one thing tolerated besides the standard alphabet: `base64` (coreutils),
 * Python's `base64.encodebytes` and Java's MIME encoder wrap lines at 76 characters by default,
 * and RFC 2045 allows exactly that. Spaces, the URL-safe alphabet (`-`, `_`) and a `data:`
 * prefix are refused, as RFC 4648 section 3.3 asks of strict decoders.
 */
const LINE_BREAKS = /[\r\n]/g;
const OUTSIDE_ALPHABET = /[^A-Za-z0-9+/=]/;
const MISPLACED_PADDING = /=[^=]|={3}/;

/** The largest image file whose base64 fits the API's limit (4 characters per 3 bytes). */
export const MAX_IMAGE_BYTES = (IMAGE_LIMITS.maxBase64Chars / 4) * 3;

/** The shortest line length encoders wrap at: PEM and `openssl base64` (RFC 7468), 64. */
const SHORTEST_WRAPPED_LINE = 64;
/** A CR LF inside a JSON string is written escaped, `\r\n`: four bytes of the body. */
const ESCAPED_LINE_BREAK_BYTES = 4;

/** The most bytes the API's longest base64 takes in a JSON body, wrapped in lines. */
export const MAX_WRAPPED_BASE64_JSON_BYTES =
  IMAGE_LIMITS.maxBase64Chars +
  Math.ceil(IMAGE_LIMITS.maxBase64Chars / SHORTEST_WRAPPED_LINE) * ESCAPED_LINE_BREAK_BYTES;

/** Steps four and five of the edge validation: strict base64, within the API's byte limit. */
export function decodeBase64Image(text: string): Uint8Array {
  const compact = text.replace(LINE_BREAKS, '');
  if (compact.length > IMAGE_LIMITS.maxBase64Chars) {
    throw new ImageBytesLimitError(
      `image is longer than ${IMAGE_LIMITS.maxBase64Chars} characters of base64`,
    );
  }
  if (compact.startsWith('data:')) {
    throw new InvalidBase64Error('image must be plain base64, without a data: URL prefix');
  }
  if (OUTSIDE_ALPHABET.test(compact)) {
    throw new InvalidBase64Error('image contains characters outside the base64 alphabet');
  }
  if (compact.length % 4 !== 0 || MISPLACED_PADDING.test(compact)) {
    throw new InvalidBase64Error('image is not correctly padded base64');
  }
  return Buffer.from(compact, 'base64');
}
