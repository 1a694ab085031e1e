import sharp from 'sharp';
import { CARD_MM } from '../../generate-cards/card-layout.ts';
import { randomLayoutVariation } from '../../generate-cards/layout-variation.ts';
import { overlayRecord, overlaySvg, planOverlays } from '../../generate-cards/overlays.ts';
import type { SeededRandom } from '../../generate-cards/seeded-random.ts';
import { STYLE_FAMILIES } from '../../generate-cards/style-families.ts';

/**
 * Marks over a face drawn on the third-party template: the stamps, typed and handwritten lines
 * and watermarks the generator plans (`overlays.ts`), as often as on its photocopies, with the
 * specimen family's wording. They are centred on where the specification prints each field, so
 * on this maker's card they fall a few percent off its own places, as marks do.
 */

/** The generator's share of marked faces on its photocopy pages. */
const MARKED_CONDITION = 'photocopy-double';
const MARK_FAMILY = STYLE_FAMILIES.specimen;

export type MarkedFace = { bytes: Buffer; marks: ReturnType<typeof overlayRecord>[] };

/**
 * The face with its marks drawn in, for a face image cut out with `marginPx` around the card;
 * `random` draws the plan, `ink` the stamps' worn ink.
 */
export async function markFace(
  face: Buffer,
  side: 'front' | 'back',
  marginPx: number,
  random: SeededRandom,
  ink: SeededRandom,
): Promise<MarkedFace> {
  const variation = randomLayoutVariation(random, MARK_FAMILY);
  const overlays = planOverlays(random, MARK_FAMILY, MARKED_CONDITION, side, variation);
  if (overlays.length === 0) return { bytes: face, marks: [] };
  const { width = 0, height = 0 } = await sharp(face).metadata();
  const scaleX = (width - 2 * marginPx) / CARD_MM.width;
  const scaleY = (height - 2 * marginPx) / CARD_MM.height;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><g transform="translate(${marginPx} ${marginPx}) scale(${scaleX} ${scaleY})">${overlaySvg(overlays, ink, side)}</g></svg>`;
  const bytes = await sharp(face)
    .composite([{ input: Buffer.from(svg) }])
    .png()
    .toBuffer();
  return { bytes, marks: overlays.map((overlay) => overlayRecord(overlay, side)) };
}
