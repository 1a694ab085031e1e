/**
 * The card face as the pipeline straightens it: ISO/IEC 7810 ID-1, 85.6 x 54 mm, the size of every
 * second-generation resident ID card (GB/T 14916), at 10 px/mm.
 */
export const FACE_PX_PER_MM = 10;
export const FACE_WIDTH = 856;
export const FACE_HEIGHT = 540;
export const CARD_ASPECT = FACE_WIDTH / FACE_HEIGHT;

/** The straightened face's corners, top-left, top-right, bottom-right, bottom-left. */
export const FACE_CORNERS: [number, number][] = [
  [0, 0],
  [FACE_WIDTH, 0],
  [FACE_WIDTH, FACE_HEIGHT],
  [0, FACE_HEIGHT],
];

/**
 * Where the holder's photo sits on the portrait side, in face pixels (measured on published
 * specimen cards: about 55-80 mm across and 5-42 mm down).
 */
export const PORTRAIT_AREA = { left: 550, top: 50, right: 800, bottom: 420 } as const;

/**
 * Where the national emblem sits on the emblem side, in face pixels, with a few millimetres to
 * spare for a face registered roughly (printed about 5-23 mm across and 4-23 mm down).
 */
export const EMBLEM_AREA = { left: 20, top: 20, right: 270, bottom: 270 } as const;

/**
 * Share of the card's width that its printed text spans: about 0.86 on the portrait side
 * (labels at 6.5 mm to the number's end at 80 mm) and 0.72 on the emblem side (17-79 mm). The
 * average places the first guess within a few millimetres before the edges are looked for.
 */
export const TEXT_WIDTH_SHARE = 0.8;
