/**
 * Where things are printed on a resident ID card (85.6 x 54 mm, ISO/IEC 7810 ID-1), as fractions
 * of the straightened face's width (x) and height (y). Measured on the published specimen
 * images of the second-generation card (GA 490-2013 layout): the labels of the portrait side
 * stand in a column 5-17 % from the left edge with their values from about 18 %, the photo fills
 * the right third, and the number runs along the bottom; on the emblem side the title stands to
 * the right of the emblem and the two labelled rows fill the lower third.
 */

/** A point on the face in fractions of its width and height. */
export type FacePoint = { x: number; y: number };

/**
 * Centres of the printed labels of the portrait side, as the detector boxes them on the
 * specimen layout (the label column sits at 7-13.5 % of the width, the rows about 0.11 of the
 * height apart). Cards from other print runs and makers move them by a few percent, so they are
 * priors with the tolerances of `ANCHOR_TOLERANCE`, never exact places.
 */
export const FRONT_LABEL_CENTERS = {
  name: { x: 0.102, y: 0.166 },
  sex: { x: 0.104, y: 0.277 },
  ethnicity: { x: 0.33, y: 0.277 },
  birth: { x: 0.102, y: 0.388 },
  address: { x: 0.103, y: 0.499 },
  number: { x: 0.165, y: 0.852 },
} as const satisfies Record<string, FacePoint>;

/**
 * The left edge of the portrait side's value column (name, sex, birth and address start there):
 * 15.4 mm of 85.6 on the specimen.
 */
export const FRONT_VALUE_LEFT = 0.18;

/** The ends of the 18-digit number's box on the specimen layout (priors, as the labels). */
export const NUMBER_LINE_ENDS = {
  left: { x: 0.331, y: 0.848 },
  right: { x: 0.908, y: 0.848 },
} as const satisfies Record<string, FacePoint>;

/** Centres of the printed title lines and labels of the emblem side, on the specimen layout. */
export const BACK_LABEL_CENTERS = {
  titleCountry: { x: 0.612, y: 0.185 },
  titleCard: { x: 0.623, y: 0.354 },
  issue: { x: 0.282, y: 0.778 },
  validity: { x: 0.282, y: 0.893 },
} as const satisfies Record<string, FacePoint>;

/**
 * How far (fractions of the face's width and height, one standard deviation) a printed word's
 * centre or the number's ends may lie from the specimen's places on a card from another print
 * run or maker, as registration weighs them. Labels move with their column by a few percent;
 * the number's ends with its typeface's width; a title's centre along its line by much more,
 * since titles are printed stretched or letter-spaced to different widths, while its row holds.
 */
export const ANCHOR_TOLERANCE = {
  label: { x: 0.03, y: 0.02 },
  numberEnd: { x: 0.03, y: 0.02 },
  title: { x: 0.08, y: 0.025 },
} as const satisfies Record<string, FacePoint>;

/**
 * How far a label's centre may lie from where it is printed and still count as that label.
 * Rows are about 0.11 of the height apart, so an exact reading may be off by one row's worth of
 * straightening error; a misread label (one wrong character) must sit close to its place, so
 * that a value that happens to share a character with a label is not taken for one.
 */
export const LABEL_TOLERANCE = {
  exact: { x: 0.25, y: 0.12 },
  misread: { x: 0.1, y: 0.07 },
} as const;

/**
 * The portrait photo's area on the portrait side (right third, above the number row). Text read
 * there is noise from the photo or its guilloche, never a field.
 */
export const FRONT_PHOTO_AREA = { left: 0.6, top: 0.05, right: 1, bottom: 0.78 } as const;

/**
 * Vertical centres of the rows of the portrait side. The address is printed over up to three
 * lines at a 12 pt pitch (4.2 mm, 0.078 of the height).
 */
export const FRONT_ROW_CENTERS = {
  name: [0.166],
  sexEthnicity: [0.277],
  birth: [0.388],
  address: [0.499, 0.577, 0.655],
  number: [0.85],
} as const;

/** Vertical centres of the rows of the emblem side; the title rows carry no field. */
export const BACK_ROW_CENTERS = {
  title: [0.185, 0.354],
  issue: [0.778],
  validity: [0.893],
} as const;
