import {
  emblemPlaceholder,
  guillochePaths,
  portraitSilhouette,
  rosettePath,
  wallMotif,
} from './card-art.ts';
import { CARD_MM, textUnits } from './card-layout.ts';
import { type PlacedText, placeBack, placeFront, type TitlePlacement } from './card-placement.ts';
import type { LayoutVariation } from './layout-variation.ts';
import type { SeededRandom } from './seeded-random.ts';

/** What is printed on the portrait side, already in printed form. */
export type FrontPrint = {
  name: string;
  sex: string;
  ethnicity: string;
  birthYear: string;
  birthMonth: string;
  birthDay: string;
  addressLines: readonly string[];
  number: string;
};

/** What is printed on the emblem side. */
export type BackPrint = {
  issue: string;
  /** `2015.03.06-2035.03.06` or `2015.03.06-长期`. */
  validity: string;
};

/** The per-card choice of typefaces and inks, so an engine is not fitted to one rendering. */
export type CardStyle = {
  valueFont: string;
  labelFont: string;
  numberFont: string;
  titleFont: string;
  labelColor: string;
  inkColor: string;
  /** Background tint from left through the middle to the right edge. */
  tint: readonly [string, string, string];
  patternColors: readonly string[];
};

/** What is drawn over the printed face: marks, and a white wash that bleaches the tint. */
export type FaceExtras = {
  /** SVG in card millimetres, drawn over everything printed. */
  overlay?: string;
  /** 0-1: how far the background tint and art are washed towards white (over-exposed scans). */
  wash?: number;
};

/** Text sits with its top at `top`; SVG places the baseline, about 0.88 em lower for CJK fonts. */
const BASELINE = 0.88;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.codePointAt(0)};`);
}

type TextOptions = {
  x: number;
  top: number;
  size: number;
  font: string;
  color: string;
  weight?: number;
  /** Stretch or squeeze the run to exactly this width by letter spacing. */
  fitWidth?: number;
  /** Extra space after each character, in em: every character gets its own x. */
  spacingEm?: number;
  anchor?: 'start' | 'middle';
};

/**
 * Some CJK faces (Droid Sans Fallback) carry no Latin digits; name a sans face for them so the
 * browser's fallback does not pick a serif one.
 */
export function fontList(font: string): string {
  return `'${font}', '${DIGIT_FALLBACK_FONT}'`;
}

export const DIGIT_FALLBACK_FONT = 'DejaVu Sans';

function glyphPositions(content: string, x: number, size: number, spacingEm: number): string {
  const positions: string[] = [];
  let at = x;
  for (const char of content) {
    positions.push(at.toFixed(2));
    at += size * (textUnits(char) + spacingEm);
  }
  return positions.join(' ');
}

function text(content: string, options: TextOptions): string {
  const spaced = options.spacingEm !== undefined && options.spacingEm > 0;
  const attributes = [
    `x="${spaced ? glyphPositions(content, options.x, options.size, options.spacingEm ?? 0) : options.x.toFixed(2)}"`,
    `y="${(options.top + options.size * BASELINE).toFixed(2)}"`,
    `font-size="${options.size.toFixed(3)}"`,
    `font-family="${escapeXml(fontList(options.font))}"`,
    `fill="${options.color}"`,
  ];
  if (options.weight !== undefined && options.weight !== 400) {
    attributes.push(`font-weight="${options.weight}"`);
  }
  if (options.fitWidth !== undefined) {
    attributes.push(`textLength="${options.fitWidth.toFixed(2)}"`);
    attributes.push('lengthAdjust="spacing"');
  }
  if (options.anchor === 'middle') attributes.push('text-anchor="middle"');
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

/** Scales `inner` horizontally by `factor` about the vertical line at `x`. */
function scaledX(inner: string, x: number, factor: number): string {
  return `<g transform="translate(${x.toFixed(3)} 0) scale(${factor.toFixed(4)} 1) translate(${(-x).toFixed(3)} 0)">${inner}</g>`;
}

/** A value that would overflow its field is squeezed horizontally, as the card printer does. */
function fittedText(content: string, options: TextOptions & { maxWidth: number }): string {
  const natural = textUnits(content) * options.size;
  const { maxWidth, ...rest } = options;
  if (natural <= maxWidth) return text(content, rest);
  return scaledX(text(content, rest), options.x, maxWidth / natural);
}

function titleText(title: TitlePlacement, font: string, color: string): string {
  const options = { x: title.x, top: title.top, size: title.size, font, color, weight: 700 };
  switch (title.style) {
    case 'spaced-to-width':
      return text(title.text, { ...options, fitWidth: title.width });
    case 'stretched':
      return scaledX(
        text(title.text, options),
        title.x,
        title.width / (textUnits(title.text) * title.size),
      );
    case 'letter-spaced':
      return text(title.text, { ...options, spacingEm: title.spacingEm });
  }
}

/** SVG ids are page-wide: each face prefixes its own so both faces can share a page. */
function cardShell(
  art: string,
  printed: string,
  style: CardStyle,
  widthPx: number,
  face: 'front' | 'back',
  extras: FaceExtras,
) {
  const { width, height, cornerRadius } = CARD_MM;
  const wash =
    extras.wash !== undefined && extras.wash > 0
      ? `<rect width="${width}" height="${height}" fill="#ffffff" opacity="${extras.wash.toFixed(3)}"/>`
      : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${(widthPx * height) / width}" viewBox="0 0 ${width} ${height}" style="display:block">`,
    '<defs>',
    `<linearGradient id="${face}-tint" x1="0" y1="0" x2="1" y2="0.3"><stop offset="0" stop-color="${style.tint[0]}"/><stop offset="0.5" stop-color="${style.tint[1]}"/><stop offset="1" stop-color="${style.tint[2]}"/></linearGradient>`,
    `<linearGradient id="${face}-portrait-bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4f5f6"/><stop offset="1" stop-color="#e6e9ec"/></linearGradient>`,
    `<clipPath id="${face}-card-shape"><rect width="${width}" height="${height}" rx="${cornerRadius}"/></clipPath>`,
    '</defs>',
    `<g clip-path="url(#${face}-card-shape)">`,
    `<rect width="${width}" height="${height}" fill="url(#${face}-tint)"/>`,
    art,
    wash,
    printed,
    extras.overlay ?? '',
    '</g>',
    '</svg>',
  ].join('');
}

function labelText(label: PlacedText, style: CardStyle, color: string, weight: number): string {
  return text(label.text, {
    x: label.x,
    top: label.top,
    size: label.size,
    font: style.labelFont,
    color,
    weight,
    spacingEm: label.spacingEm,
  });
}

function birthRow(
  print: FrontPrint,
  place: ReturnType<typeof placeFront>['birth'],
  variation: LayoutVariation,
  ink: Omit<TextOptions, 'x' | 'top' | 'size'>,
): string[] {
  const base = { ...ink, top: place.top, size: place.size };
  const { birthYear: year, birthMonth: month, birthDay: day } = print;
  switch (variation.birthStyle) {
    case 'compact':
      return [text(`${year}年${month}月${day}日`, { ...base, x: place.x })];
    case 'spaced':
      return [text(`${year} 年 ${month} 月 ${day} 日`, { ...base, x: place.x })];
    case 'columns': {
      const columns = {
        yearMark: place.column(23.4),
        month: place.column(27.8),
        monthMark: place.column(32.0),
        day: place.column(36.0),
        dayMark: place.column(40.4),
      };
      const slotCentre = (left: number) => left + place.slotWidth / 2;
      return [
        text(year, { ...base, x: place.x }),
        text('年', { ...base, x: columns.yearMark }),
        text(month, { ...base, x: slotCentre(columns.month), anchor: 'middle' }),
        text('月', { ...base, x: columns.monthMark }),
        text(day, { ...base, x: slotCentre(columns.day), anchor: 'middle' }),
        text('日', { ...base, x: columns.dayMark }),
      ];
    }
  }
}

export function frontFaceSvg(
  print: FrontPrint,
  style: CardStyle,
  variation: LayoutVariation,
  random: SeededRandom,
  widthPx: number,
  extras: FaceExtras = {},
): string {
  const place = placeFront(variation);
  const ink = { font: style.valueFont, color: style.inkColor, weight: variation.valueWeight };
  const portrait = place.portrait;
  const art = [
    guillochePaths(random, CARD_MM.width, CARD_MM.height, style.patternColors),
    rosettePath(random, 42, 30, 14, style.patternColors[0] ?? '#9ab'),
  ];
  const printed = [
    portraitSilhouette(random, portrait.x, portrait.y, portrait.width, portrait.height),
    ...place.labels.map((label) =>
      labelText(label, style, style.labelColor, variation.labelWeight),
    ),
    fittedText(print.name, { ...ink, ...place.name, maxWidth: place.nameMaxWidth }),
    text(print.sex, { ...ink, ...place.sex }),
    text(print.ethnicity, { ...ink, ...place.ethnicity }),
    ...birthRow(print, place.birth, variation, ink),
    ...print.addressLines.map((line, index) =>
      text(line, {
        ...ink,
        x: place.address.x,
        top: place.address.top + index * place.address.lineGap,
        size: place.address.size,
      }),
    ),
    text(print.number, {
      x: place.number.x,
      top: place.number.top,
      size: place.number.size,
      font: style.numberFont,
      color: style.inkColor,
      fitWidth: place.number.width,
    }),
  ];
  return cardShell(art.join(''), printed.join(''), style, widthPx, 'front', extras);
}

export function backFaceSvg(
  print: BackPrint,
  style: CardStyle,
  variation: LayoutVariation,
  random: SeededRandom,
  widthPx: number,
  extras: FaceExtras = {},
): string {
  const place = placeBack(variation);
  const emblem = place.emblem;
  const ink = { font: style.valueFont, color: style.inkColor, weight: variation.valueWeight };
  const art = [
    guillochePaths(random, CARD_MM.width, CARD_MM.height, style.patternColors),
    wallMotif(random, CARD_MM.width, 24, 30, style.patternColors[1] ?? '#c9a'),
    rosettePath(random, 62, 30, 12, style.patternColors[0] ?? '#9ab'),
  ];
  const printed = [
    emblemPlaceholder(emblem.x, emblem.y, emblem.width, emblem.height),
    titleText(place.titleSmall, style.titleFont, style.inkColor),
    titleText(place.titleLarge, style.titleFont, style.inkColor),
    // The emblem side prints its labels in the value ink, bold (specification: 6号 黑体).
    ...place.labels.map((label) => labelText(label, style, style.inkColor, 700)),
    fittedText(print.issue, { ...ink, ...place.issue }),
    fittedText(print.validity, { ...ink, ...place.validity }),
  ];
  return cardShell(art.join(''), printed.join(''), style, widthPx, 'back', extras);
}
