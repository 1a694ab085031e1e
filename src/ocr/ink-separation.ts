import { luma, type RgbImage } from './rgb-image.ts';

/**
 * Ink separation: a stamp, a usage line or a watermark put over a card in red or blue ink is
 * lifted off a line crop before the recogniser reads it, and off a face before the detector
 * boxes its lines, while the card's own print, near-neutral dark text, stays as it is. Each pixel
 * is lightened in proportion to its mark-ink chroma (max - min of R, G, B), so a neutral pixel
 * keeps its bytes, red or blue ink turns light, and black print under a red stamp multiplied over
 * it (chroma near 0) stays dark.
 *
 * The card prints its front labels (姓名, 出生, 年 月 日…) and its guilloche in cyan; that hue is
 * the card's, not a mark's, and keeps its colour: cyan lies between green and blue, where a
 * pixel's green stands well above its red (hue below 216 degrees: the template cards' labels at
 * 198-200, the print-shop cards' paler blue ones at 210-212), while blue ink leaves green nearer
 * red (hue 220-240 on the marked template cards).
 */
export const INK_SEPARATION = {
  /**
   * How much a pixel is lightened per unit of mark-ink chroma, on every channel: red ink
   * (190, 50, 65; chroma 140) and blue ink (35, 65, 160; chroma 125) reach a luminance above 200,
   * print darkened by a stamp over it (50, 20, 20) stays below 100.
   */
  chromaWeight: 1.5,
  /**
   * A pixel whose mark-ink chroma is at least this is ink, on paper lit as `paperBrightness` says
   * (less in proportion on paper lit worse).
   */
  inkChroma: 48,
  /** …and is counted only when at most this light (BT.601 luma): light tints are background. */
  inkLuminance: 170,
  /** A crop is separated when at least this share of its pixels is ink. */
  minInkShare: 0.02,
  /**
   * On a whole face before detection a watermark counts too, whose tiles are lighter than
   * written ink (red 225, 160, 160: luma 180), so a pixel counts up to this luma…
   */
  faceInkLuminance: 200,
  /**
   * …and the face is separated when at least this share of it, outside the emblem and the
   * photo, is ink: unmarked template faces held at most 0.16 %, faces with a red or blue mark
   * 0.3-6 % (a small stamp or a short written line at the low end).
   */
  faceMinInkShare: 0.003,
  /**
   * A face's edges, this share of its width and height each side, are not looked at: a face
   * straightened roughly overhangs its card onto the desk (an orange desk filled 5 % of an
   * unmarked committed face), and the card prints no value there.
   */
  faceEdgeMargin: 0.06,
  /** Cyan (hue below 216°) is where green exceeds red by more than this share of the chroma. */
  cyanGreenShare: 0.4,
  /**
   * Paper photographed in good light is at least this bright (the brightest channel of an
   * image's `paperQuantile` pixel: a mark's ink over all of a crop is bright in its own hue, where
   * its luma is not): the template cards' faces at 234-245 in luma, where a dim photo's are at
   * 108-110, and its blue ink, darkened with everything else, at a chroma of 53 at most. The
   * ink's chroma and luma bounds above are scaled by how far an image's paper falls short.
   */
  paperBrightness: 200,
  /** Share of an image's pixels darker than its paper: its text and marks cover less. */
  paperQuantile: 0.9,
} as const;

/** A pixel's chroma when its hue is a mark's (red, magenta, blue), 0 for the card's cyan. */
function markInkChroma(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  if (chroma === 0) return 0;
  // Green brightest (green to cyan), or blue brightest with green well above red (cyan).
  if (g === max && g > r && g > b) return 0;
  if (b === max && g - r > INK_SEPARATION.cyanGreenShare * chroma) return 0;
  return chroma;
}

/** A rectangle of an image's pixels, right and bottom excluded. */
export type PixelArea = { left: number; top: number; right: number; bottom: number };

/** Visits the byte offset of each of an image's pixels outside `outside`'s areas. */
function forEachPixelOutside(
  { width, height }: RgbImage,
  outside: readonly PixelArea[],
  visit: (offset: number) => void,
): void {
  // The columns `outside` covers on the current row, marked once per row, not per pixel.
  const skipped = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    skipped.fill(0);
    for (const area of outside) {
      if (y < area.top || y >= area.bottom) continue;
      skipped.fill(1, Math.max(0, Math.ceil(area.left)), Math.max(0, Math.ceil(area.right)));
    }
    for (let x = 0; x < width; x++) if (skipped[x] === 0) visit((y * width + x) * 3);
  }
}

/**
 * How well an image's paper was lit: the brightest channel of its `paperQuantile` pixel outside
 * `outside` against `paperBrightness`, at most 1 (a dim photo's card at about 0.55).
 */
function exposureOf(image: RgbImage, outside: readonly PixelArea[]): number {
  const { data } = image;
  const { paperBrightness, paperQuantile } = INK_SEPARATION;
  const counts = new Array<number>(256).fill(0);
  let total = 0;
  forEachPixelOutside(image, outside, (i) => {
    const level = Math.max(data[i] as number, data[i + 1] as number, data[i + 2] as number);
    counts[level] = (counts[level] as number) + 1;
    total++;
  });
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += counts[level] as number;
    if (seen >= paperQuantile * total) return Math.min(1, level / paperBrightness);
  }
  return 1;
}

/**
 * The share of an image's pixels that is mark ink: saturated in a mark's hue and at most
 * `lightest` light, both judged against how well its paper was lit (`exposureOf`, measured
 * outside `outside` unless given); pixels inside `outside` areas are neither ink nor counted.
 */
export function inkShare(
  image: RgbImage,
  lightest: number = INK_SEPARATION.inkLuminance,
  outside: readonly PixelArea[] = [],
  exposure: number = exposureOf(image, outside),
): number {
  const { data } = image;
  const minChroma = INK_SEPARATION.inkChroma * exposure;
  const maxLuma = lightest * exposure;
  let ink = 0;
  let counted = 0;
  forEachPixelOutside(image, outside, (i) => {
    counted++;
    const r = data[i] as number;
    const g = data[i + 1] as number;
    const b = data[i + 2] as number;
    if (markInkChroma(r, g, b) >= minChroma && luma(r, g, b) <= maxLuma) ink++;
  });
  return counted === 0 ? 0 : ink / counted;
}

/**
 * The image with every pixel lightened by its mark-ink chroma (`chromaWeight`), judged against
 * how well its paper was lit (`exposureOf`). On a dim photo the ink is lifted as far as the
 * paper's own brightness and no further: its strokes' darkened chroma alone left them as faint
 * ghosts the recogniser still read (国银行 of a usage line after a name), and lifted past the
 * paper they would stand out as light strokes.
 */
export function liftInk(image: RgbImage, exposure: number = exposureOf(image, [])): RgbImage {
  const { data } = image;
  const paper = exposure < 1 ? INK_SEPARATION.paperBrightness * exposure : 255;
  const out = new Uint8Array(data.length);
  const lifted = (value: number, lift: number) =>
    value >= paper ? value : Math.min(paper, Math.round(value + lift));
  for (let i = 0; i < data.length; i += 3) {
    const r = data[i] as number;
    const g = data[i + 1] as number;
    const b = data[i + 2] as number;
    const lift = (INK_SEPARATION.chromaWeight * markInkChroma(r, g, b)) / exposure;
    // A Uint8Array would wrap a value above 255 round to black.
    out[i] = lifted(r, lift);
    out[i + 1] = lifted(g, lift);
    out[i + 2] = lifted(b, lift);
  }
  return { width: image.width, height: image.height, data: out };
}

/**
 * A line crop with its mark ink lifted off (`liftInk`), where enough of it is ink to read it so
 * too (`INK_SEPARATION.minInkShare`); null where too little is. Its paper's light is measured
 * once for both.
 */
export function inkLifted(crop: RgbImage): RgbImage | null {
  const exposure = exposureOf(crop, []);
  const share = inkShare(crop, INK_SEPARATION.inkLuminance, [], exposure);
  return share >= INK_SEPARATION.minInkShare ? liftInk(crop, exposure) : null;
}

/**
 * A face to detect text on with its mark ink lifted off, or the face itself when too little of
 * it is ink (`INK_SEPARATION.faceMinInkShare`) outside `coloured`, the areas the card prints in
 * colour by nature (the red emblem, the holder's photo).
 */
export function separateFaceInk(face: RgbImage, coloured: readonly PixelArea[]): RgbImage {
  const { faceInkLuminance, faceMinInkShare, faceEdgeMargin } = INK_SEPARATION;
  const { width, height } = face;
  const dx = faceEdgeMargin * width;
  const dy = faceEdgeMargin * height;
  const edges: PixelArea[] = [
    { left: 0, top: 0, right: width, bottom: dy },
    { left: 0, top: height - dy, right: width, bottom: height },
    { left: 0, top: 0, right: dx, bottom: height },
    { left: width - dx, top: 0, right: width, bottom: height },
  ];
  const outside = [...coloured, ...edges];
  return inkShare(face, faceInkLuminance, outside) < faceMinInkShare ? face : liftInk(face);
}
