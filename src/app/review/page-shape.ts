import type { Quad } from '../../idcard/api-contract.ts';
import type { PixelSize } from '../compression/compression-target.ts';

/**
 * A4 is 1:1.414 and a photocopy page is upright; 1.3 also takes a page photographed with a little
 * margin. Cards are landscape, so a photo of one card this tall holds it small.
 */
const PAGE_ASPECT_MIN = 1.3;
/**
 * The fields of a face span about 70 % of the card's height; on the committed photocopy page
 * (1240 × 1754) the portrait side's fields span 14 % of the page. A card filling the width of a
 * portrait phone photo (3:4) spans about 27 %.
 */
const FIELDS_SHARE_OF_PAGE_MAX = 0.25;

/**
 * Whether one face was read from what looks like a photocopy page holding both faces: an upright
 * page-shaped image whose read fields sit in a small band of it. Only ever a reason to offer the
 * double-sided reading, never to do it.
 */
export function looksLikeDoubleSidedPage(
  image: PixelSize,
  fieldLocations: readonly Quad[],
): boolean {
  if (fieldLocations.length === 0 || image.height < image.width * PAGE_ASPECT_MIN) return false;
  const ys = fieldLocations.flatMap((quad) => quad.map(([, y]) => y));
  const span = Math.max(...ys) - Math.min(...ys);
  return span <= image.height * FIELDS_SHARE_OF_PAGE_MAX;
}
