/**
 * Style families: coherent ways a card gets printed and marked, each with its own typefaces,
 * layout tolerances, title style, date punctuation and overlay style. The default families cover
 * what the card's specification and print shops' reproductions show; the held-back family uses
 * typefaces, offsets, a title style and overlay marks that no default family uses, and is made
 * only on request, so an engine tuned on the default families can be measured on print it never
 * saw.
 */

import type { SeededRandom } from './seeded-random.ts';

export type Range = readonly [number, number];
export type Weighted<T> = readonly (readonly [T, number])[];

/** How the two titles of the emblem side are set. */
export type TitleStyle =
  /** Glyphs at their natural width, spread to the title's width (the specification's look). */
  | 'spaced-to-width'
  /** Glyphs stretched horizontally to the title's width, little space between them. */
  | 'stretched'
  /** Glyphs at their natural width with a fixed letter spacing, whatever width that gives. */
  | 'letter-spaced';

/** How the birth date row is set. */
export type BirthStyle =
  /** Digits and 年月日 in fixed columns, month and day centred in two-digit slots (the card's). */
  | 'columns'
  /** One run of text, `1990年3月5日`. */
  | 'compact'
  /** One run with spaces around the digits, `1990 年 3 月 5 日`. */
  | 'spaced';

export type StampShape =
  | 'rectangle'
  | 'rounded'
  | 'circle'
  | 'double-oval'
  /**
   * A square seal whose ground is inked and whose four characters are left bare, read in two
   * columns from the right (禁止复印 stamped on photocopies): the print under its ground shows
   * only as darker strokes on dark.
   */
  | 'seal';

export type OverlayStyle = {
  stampShapes: readonly StampShape[];
  stampFonts: readonly string[];
  /** CSS colours of stamp ink with a name for the ground truth. */
  stampColors: readonly (readonly [name: string, css: string])[];
  stampTexts: readonly string[];
  typedFonts: readonly string[];
  handFonts: readonly string[];
  lineColors: readonly (readonly [name: string, css: string])[];
  watermarkFonts: readonly string[];
  watermarkColors: readonly (readonly [name: string, css: string])[];
  watermarkTexts: readonly string[];
  /** Repeated over the whole face, or one large line. */
  watermarkLayout: 'tiled' | 'single';
  /** Words that fill `仅供{organisation}办理{purpose}使用` style lines. */
  lineTemplates: readonly string[];
};

export type StyleFamily = {
  name: FamilyName;
  fonts: {
    value: Weighted<string>;
    label: readonly string[];
    title: readonly string[];
    number: Weighted<string>;
  };
  /** Offsets in millimetres of the card face (85.6 x 54 mm), drawn uniformly from each range. */
  layout: {
    textShiftX: Range;
    textShiftY: Range;
    labelColumnShift: Range;
    valueColumnShift: Range;
    /** Row spacing relative to the specification's. */
    rowPitch: Range;
    photoShiftX: Range;
    photoShiftY: Range;
    emblemShiftX: Range;
    emblemShiftY: Range;
    titleShiftX: Range;
    titleShiftY: Range;
    /** Width of the titles relative to the specification's. */
    titleWidth: Range;
    backLabelShift: Range;
    backValueShift: Range;
    backRowsShiftY: Range;
    numberWidth: Range;
  };
  type: {
    /** Size of values and labels relative to the specification's. */
    valueScale: Range;
    labelScale: Range;
    titleScale: Range;
    /** Share of cards whose labels are letter-spaced, and the spacing range in em. */
    labelSpacedShare: number;
    labelSpacingEm: Range;
    boldValueShare: number;
    boldLabelShare: number;
  };
  titles: Weighted<TitleStyle>;
  titleSpacingEm: Range;
  birth: Weighted<BirthStyle>;
  /** What joins the two dates of the validity period (`2016.10.12-2036.10.12`). */
  dateJoiners: Weighted<string>;
  overlays: OverlayStyle;
};

export const FAMILY_NAMES = ['specimen', 'print-shop', 'held-back'] as const;
export type FamilyName = (typeof FAMILY_NAMES)[number];

/** The families a set is made of unless `--family` names others. */
export const DEFAULT_FAMILIES: readonly FamilyName[] = ['specimen', 'print-shop'];

/** Kept out of all tuning: generated only when asked for, and reported apart. */
export const HELD_BACK_FAMILY: FamilyName = 'held-back';

const NO_SHIFT: Range = [0, 0];

/** Stamp and usage-line wording seen on photocopies clerks receive. */
const DEFAULT_OVERLAYS: OverlayStyle = {
  stampShapes: ['rectangle', 'rounded', 'circle', 'seal'],
  stampFonts: ['Noto Sans CJK SC', 'Noto Serif CJK SC'],
  stampColors: [
    ['red', 'rgb(214 40 40)'],
    ['red', 'rgb(196 28 52)'],
    ['black', 'rgb(35 35 38)'],
  ],
  stampTexts: ['复印无效', '样证', '仅供核对', '样本', '已核验', '禁止复印'],
  typedFonts: ['Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Noto Serif CJK SC'],
  handFonts: ['AR PL UKai CN'],
  lineColors: [
    ['black', 'rgb(30 30 34)'],
    ['blue', 'rgb(28 52 150)'],
    ['red', 'rgb(190 30 40)'],
  ],
  watermarkFonts: ['Noto Sans CJK SC', 'WenQuanYi Micro Hei'],
  watermarkColors: [
    ['grey', 'rgb(90 90 90)'],
    ['red', 'rgb(200 40 40)'],
    ['blue', 'rgb(40 70 170)'],
  ],
  watermarkTexts: ['仅供办理业务使用', '复印无效', '仅限本次使用', '样证'],
  watermarkLayout: 'tiled',
  lineTemplates: [
    '仅供{organisation}办理{purpose}使用',
    '仅供办理{purpose}使用',
    '仅供{organisation}{purpose}使用，他用无效',
    '此复印件仅供办理{purpose}使用',
  ],
};

const SPECIMEN: StyleFamily = {
  name: 'specimen',
  fonts: {
    value: [
      ['Noto Sans CJK SC', 4],
      ['WenQuanYi Zen Hei', 3],
      ['WenQuanYi Micro Hei', 3],
      ['Noto Serif CJK SC', 1],
    ],
    label: ['Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei'],
    title: ['Noto Serif CJK SC', 'AR PL UMing CN'],
    number: [
      ['OCR B', 6],
      ['DejaVu Sans Mono', 1],
      ['Liberation Mono', 1],
    ],
  },
  // Printer registration and cutting tolerance: about half a percent of the face.
  layout: {
    textShiftX: [-0.5, 0.5],
    textShiftY: [-0.4, 0.4],
    labelColumnShift: [-0.3, 0.3],
    valueColumnShift: [-0.3, 0.3],
    rowPitch: [0.98, 1.02],
    photoShiftX: [-0.5, 0.5],
    photoShiftY: [-0.4, 0.4],
    emblemShiftX: [-0.5, 0.5],
    emblemShiftY: [-0.4, 0.4],
    titleShiftX: [-0.5, 0.5],
    titleShiftY: [-0.4, 0.4],
    titleWidth: [0.97, 1.03],
    backLabelShift: [-0.4, 0.4],
    backValueShift: [-0.4, 0.4],
    backRowsShiftY: [-0.4, 0.4],
    numberWidth: [49.5, 51.5],
  },
  type: {
    valueScale: [0.97, 1.03],
    labelScale: [0.96, 1.04],
    titleScale: [0.97, 1.03],
    labelSpacedShare: 0,
    labelSpacingEm: NO_SHIFT,
    boldValueShare: 0.1,
    boldLabelShare: 0.2,
  },
  titles: [['spaced-to-width', 1]],
  titleSpacingEm: NO_SHIFT,
  birth: [['columns', 1]],
  dateJoiners: [['-', 1]],
  overlays: DEFAULT_OVERLAYS,
};

/**
 * Reproductions, demo cards and copy-shop prints: positions a few percent of the face off,
 * titles stretched or letter-spaced, labels spaced up to 1 em, other weights and sizes.
 */
const PRINT_SHOP: StyleFamily = {
  name: 'print-shop',
  fonts: {
    value: [
      ['Noto Sans CJK SC', 3],
      ['WenQuanYi Zen Hei', 2],
      ['WenQuanYi Micro Hei', 2],
      ['Noto Serif CJK SC', 1],
      ['AR PL UMing CN', 1],
    ],
    label: ['Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei', 'Noto Serif CJK SC'],
    title: ['Noto Serif CJK SC', 'AR PL UMing CN', 'Noto Sans CJK SC'],
    number: [
      ['OCR B', 3],
      ['DejaVu Sans Mono', 1],
      ['Liberation Mono', 1],
      ['Noto Sans CJK SC', 1],
    ],
  },
  // About +-3 % of the face's width (2.6 mm) and height (1.6 mm).
  layout: {
    textShiftX: [-2.2, 2.2],
    textShiftY: [-1.4, 1.4],
    labelColumnShift: [-1.5, 1],
    valueColumnShift: [-1, 1.5],
    rowPitch: [0.95, 1.05],
    photoShiftX: [-2, 2],
    photoShiftY: [-1.5, 1.5],
    emblemShiftX: [-2, 2],
    emblemShiftY: [-1.5, 1.5],
    titleShiftX: [-2.5, 2.5],
    titleShiftY: [-1.5, 1.5],
    titleWidth: [0.85, 1.08],
    backLabelShift: [-2.5, 2],
    backValueShift: [-1.5, 2],
    backRowsShiftY: [-1.5, 1.5],
    numberWidth: [46, 53],
  },
  type: {
    valueScale: [0.94, 1.06],
    labelScale: [0.9, 1.12],
    titleScale: [0.9, 1.1],
    labelSpacedShare: 0.5,
    labelSpacingEm: [0.2, 1],
    boldValueShare: 0.3,
    boldLabelShare: 0.5,
  },
  titles: [
    ['spaced-to-width', 1],
    ['stretched', 1],
    ['letter-spaced', 1],
  ],
  titleSpacingEm: [0.1, 0.5],
  birth: [
    ['columns', 2],
    ['compact', 1],
    ['spaced', 1],
  ],
  dateJoiners: [
    ['-', 4],
    [' - ', 2],
    ['－', 1],
  ],
  overlays: DEFAULT_OVERLAYS,
};

/**
 * Never used in tuning. Its own typefaces (Droid Sans Fallback for text, AR PL SungtiL GB for the
 * titles, Noto Sans Mono CJK for the number), the label column further left and values further
 * right than any default family puts them, looser rows, widely letter-spaced small titles, dashes
 * between the dates, and its own marks: blue double-oval stamps, handwriting in LXGW WenKai and
 * single large watermarks.
 */
const HELD_BACK: StyleFamily = {
  name: 'held-back',
  fonts: {
    value: [['Droid Sans Fallback', 1]],
    label: ['Droid Sans Fallback'],
    title: ['AR PL SungtiL GB'],
    number: [['Noto Sans Mono CJK SC', 1]],
  },
  layout: {
    textShiftX: [-1, 1],
    textShiftY: [-1.6, 1.6],
    labelColumnShift: [-3, -1.8],
    valueColumnShift: [1.6, 2.6],
    rowPitch: [1.055, 1.08],
    photoShiftX: [2.1, 2.8],
    photoShiftY: [1.6, 2.2],
    emblemShiftX: [-3, -2.1],
    emblemShiftY: [1.6, 2.5],
    titleShiftX: [2.6, 3.2],
    titleShiftY: [1.6, 2.5],
    titleWidth: [0.78, 0.84],
    backLabelShift: [-3.5, -2.6],
    backValueShift: [-2.5, -1.6],
    backRowsShiftY: [-2.5, -1.6],
    numberWidth: [44, 45.5],
  },
  type: {
    valueScale: [1.04, 1.08],
    labelScale: [0.86, 0.9],
    titleScale: [0.86, 0.9],
    labelSpacedShare: 0.6,
    labelSpacingEm: [0.5, 1],
    boldValueShare: 0.5,
    boldLabelShare: 0.5,
  },
  titles: [['letter-spaced', 1]],
  titleSpacingEm: [0.6, 0.9],
  birth: [
    ['spaced', 1],
    ['compact', 1],
  ],
  dateJoiners: [
    ['—', 1],
    [' – ', 1],
  ],
  overlays: {
    stampShapes: ['double-oval'],
    stampFonts: ['AR PL SungtiL GB'],
    stampColors: [['blue', 'rgb(40 60 170)']],
    stampTexts: ['与原件核对一致', '再次复印无效', '仅作备案'],
    typedFonts: ['Droid Sans Fallback'],
    handFonts: ['LXGW WenKai'],
    lineColors: [
      ['blue', 'rgb(20 40 130)'],
      ['black', 'rgb(20 20 20)'],
    ],
    watermarkFonts: ['LXGW WenKai'],
    watermarkColors: [['orange', 'rgb(220 120 30)']],
    watermarkTexts: ['仅供备案', '复印件'],
    watermarkLayout: 'single',
    lineTemplates: ['本复印件只用于{organisation}{purpose}', '限{purpose}用'],
  },
};

export const STYLE_FAMILIES: Record<FamilyName, StyleFamily> = {
  specimen: SPECIMEN,
  'print-shop': PRINT_SHOP,
  'held-back': HELD_BACK,
};

/** The family one image is printed in, drawn from those a set is made of. */
export function drawFamily(random: SeededRandom, families: readonly FamilyName[]): StyleFamily {
  return STYLE_FAMILIES[random.pick(families)];
}

/**
 * The fixed wording each font of the families prints: labels, titles, stamps, lines and
 * watermarks (template words included), to check before a set is made that no face would fall
 * back to another for any of it.
 */
export function familyWording(families: readonly FamilyName[]): [font: string, text: string][] {
  const labels = '姓名性别民族出生年月日住址公民身份号码签发机关有效期限长期';
  return families.flatMap((name) => {
    const { fonts, overlays } = STYLE_FAMILIES[name];
    const lines = overlays.lineTemplates.join('').replace(/\{\w+\}/g, '');
    return [
      ...fonts.value.map(([font]): [string, string] => [font, labels]),
      ...fonts.label.map((font): [string, string] => [font, labels]),
      ...fonts.title.map((font): [string, string] => [font, '中华人民共和国居民身份证']),
      ...overlays.stampFonts.map((font): [string, string] => [font, overlays.stampTexts.join('')]),
      ...[...overlays.typedFonts, ...overlays.handFonts].map((font): [string, string] => [
        font,
        lines,
      ]),
      ...overlays.watermarkFonts.map((font): [string, string] => [
        font,
        overlays.watermarkTexts.join(''),
      ]),
    ];
  });
}

/** Every font family a set of these style families prints with. */
export function familyFonts(families: readonly FamilyName[]): string[] {
  const fonts = families.flatMap((name) => {
    const { fonts: type, overlays } = STYLE_FAMILIES[name];
    return [
      ...type.value.map(([font]) => font),
      ...type.label,
      ...type.title,
      ...type.number.map(([font]) => font),
      ...overlays.stampFonts,
      ...overlays.typedFonts,
      ...overlays.handFonts,
      ...overlays.watermarkFonts,
    ];
  });
  return [...new Set(fonts)];
}
