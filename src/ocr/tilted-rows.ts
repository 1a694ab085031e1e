import { FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import { textDirection } from './card-registration.ts';
import { applyHomography, type Homography } from './geometry.ts';
import type { RecognizedLine } from './recognized-line.ts';

/**
 * The card's own rows may run this far off level on a rough face (radians, 5°) and still be
 * straightened by registration. The locating pass's direction strays 1° on average and under
 * 3° on cards photographed straight on (more only under perspective, where the top and bottom
 * rows tilt opposite ways and the median row stays level); a rough face turned by a mark's
 * direction instead leaves the card's rows 10-25° off, as marks stand more than 15° off them.
 */
export const MAX_ROUGH_TILT = (5 * Math.PI) / 180;

/**
 * Where the card's own rows run in the photo (radians within [0, π)) when, on a rough face, they
 * lie more than `MAX_ROUGH_TILT` off level: the face was straightened along something else, such
 * as the tiles of a watermark longer than the card's rows that were found at the locating pass.
 * Rows are told by `textDirection`, which leaves out lines holding a mark's wording. Null when
 * they lie level, or when no line long enough was read.
 */
export function tiltedRowsDirection(
  lines: readonly RecognizedLine[],
  faceToPhoto: Homography,
): number | null {
  const direction = textDirection(lines);
  // Rows run left to right up to 180°: a reading at 178° is 2° off level.
  const tilt = ((((direction + Math.PI / 2) % Math.PI) + Math.PI) % Math.PI) - Math.PI / 2;
  if (Math.abs(tilt) <= MAX_ROUGH_TILT) return null;
  const reach = FACE_WIDTH / 4;
  const [x0, y0] = applyHomography(
    faceToPhoto,
    FACE_WIDTH / 2 - reach * Math.cos(tilt),
    FACE_HEIGHT / 2 - reach * Math.sin(tilt),
  );
  const [x1, y1] = applyHomography(
    faceToPhoto,
    FACE_WIDTH / 2 + reach * Math.cos(tilt),
    FACE_HEIGHT / 2 + reach * Math.sin(tilt),
  );
  const angle = Math.atan2(y1 - y0, x1 - x0);
  return ((angle % Math.PI) + Math.PI) % Math.PI;
}
