import {
  emblemPlaceholder,
  guillochePaths,
  portraitSilhouette,
  rosettePath,
  wallMotif,
} from './card-art.ts';
import { BACK_LAYOUT, CARD_MM, FRONT_LAYOUT, TYPE_MM, textUnits } from './card-layout.ts';
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

/** The per-card variation in printing, so an engine is not fitted to one rendering. */
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

/** Text sits with its top at `top`; SVG places the baseline, about 0.88 em lower for CJK fonts. */
const BASELINE = 0.88;

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.codePointAt(0)};`);
}

type TextOptions = {
  x: number;
  top: number;
  size: number;
  font: string;
  color: string;
  weight?: number;
  /** Stretch or squeeze the run to exactly this width (letter spacing and glyphs). */
  fitWidth?: number;
  anchor?: 'start' | 'middle';
};

function text(content: string, options: TextOptions): string {
  const attributes = [
    `x="${options.x.toFixed(2)}"`,
    `y="${(options.top + options.size * BASELINE).toFixed(2)}"`,
    `font-size="${options.size.toFixed(3)}"`,
    `font-family="${escapeXml(options.font)}"`,
    `fill="${options.color}"`,
  ];
  if (options.weight !== undefined) attributes.push(`font-weight="${options.weight}"`);
  if (options.fitWidth !== undefined) {
    attributes.push(`textLength="${options.fitWidth.toFixed(2)}"`);
    attributes.push('lengthAdjust="spacing"');
  }
  if (options.anchor === 'middle') attributes.push('text-anchor="middle"');
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

/** A value that would overflow its field is squeezed horizontally, as the card printer does. */
function fittedText(content: string, options: TextOptions & { maxWidth: number }): string {
  const natural = textUnits(content) * options.size;
  if (natural <= options.maxWidth) return text(content, options);
  const { maxWidth, ...rest } = options;
  return `<g transform="translate(${options.x} 0) scale(${(maxWidth / natural).toFixed(4)} 1) translate(${-options.x} 0)">${text(content, rest)}</g>`;
}

/** SVG ids are page-wide: each face prefixes its own so both faces can share a page. */
function cardShell(inner: string, style: CardStyle, widthPx: number, face: 'front' | 'back') {
  const { width, height, cornerRadius } = CARD_MM;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${(widthPx * height) / width}" viewBox="0 0 ${width} ${height}" style="display:block">`,
    '<defs>',
    `<linearGradient id="${face}-tint" x1="0" y1="0" x2="1" y2="0.3"><stop offset="0" stop-color="${style.tint[0]}"/><stop offset="0.5" stop-color="${style.tint[1]}"/><stop offset="1" stop-color="${style.tint[2]}"/></linearGradient>`,
    `<linearGradient id="${face}-portrait-bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4f5f6"/><stop offset="1" stop-color="#e6e9ec"/></linearGradient>`,
    `<clipPath id="${face}-card-shape"><rect width="${width}" height="${height}" rx="${cornerRadius}"/></clipPath>`,
    '</defs>',
    `<g clip-path="url(#${face}-card-shape)">`,
    `<rect width="${width}" height="${height}" fill="url(#${face}-tint)"/>`,
    inner,
    '</g>',
    '</svg>',
  ].join('');
}

export function frontFaceSvg(
  print: FrontPrint,
  style: CardStyle,
  random: SeededRandom,
  widthPx: number,
): string {
  const layout = FRONT_LAYOUT;
  const label = (entry: { x: number; y: number; text: string }) =>
    text(entry.text, {
      x: entry.x,
      top: entry.y,
      size: TYPE_MM.label,
      font: style.labelFont,
      color: style.labelColor,
    });
  const value = (content: string, x: number, top: number, size: number = TYPE_MM.value) =>
    text(content, { x, top, size, font: style.valueFont, color: style.inkColor });
  const birth = layout.birth;
  const slotCentre = (left: number) => left + birth.slotWidth / 2;
  const parts = [
    guillochePaths(random, CARD_MM.width, CARD_MM.height, style.patternColors),
    rosettePath(random, 42, 30, 14, style.patternColors[0] ?? '#9ab'),
    portraitSilhouette(
      random,
      layout.portrait.x,
      layout.portrait.y,
      layout.portrait.width,
      layout.portrait.height,
    ),
    ...Object.values(layout.labels).map(label),
    fittedText(print.name, {
      x: layout.name.x,
      top: layout.name.y,
      size: TYPE_MM.name,
      font: style.valueFont,
      color: style.inkColor,
      maxWidth: layout.portrait.x - layout.name.x - 1,
    }),
    value(print.sex, layout.sex.x, layout.sex.y),
    value(print.ethnicity, layout.ethnicity.x, layout.ethnicity.y),
    value(print.birthYear, birth.year, birth.y),
    value('年', birth.yearMark, birth.y),
    text(print.birthMonth, {
      x: slotCentre(birth.month),
      top: birth.y,
      size: TYPE_MM.value,
      font: style.valueFont,
      color: style.inkColor,
      anchor: 'middle',
    }),
    value('月', birth.monthMark, birth.y),
    text(print.birthDay, {
      x: slotCentre(birth.day),
      top: birth.y,
      size: TYPE_MM.value,
      font: style.valueFont,
      color: style.inkColor,
      anchor: 'middle',
    }),
    value('日', birth.dayMark, birth.y),
    ...print.addressLines.map((line, index) =>
      value(line, layout.address.x, layout.address.y + index * layout.address.lineGap),
    ),
    text(print.number, {
      x: layout.number.x,
      top: layout.number.y,
      size: TYPE_MM.number,
      font: style.numberFont,
      color: style.inkColor,
      fitWidth: layout.number.width,
    }),
  ];
  return cardShell(parts.join(''), style, widthPx, 'front');
}

export function backFaceSvg(
  print: BackPrint,
  style: CardStyle,
  random: SeededRandom,
  widthPx: number,
): string {
  const layout = BACK_LAYOUT;
  const emblem = layout.emblem;
  const parts = [
    guillochePaths(random, CARD_MM.width, CARD_MM.height, style.patternColors),
    wallMotif(random, CARD_MM.width, 26, 34, style.patternColors[1] ?? '#c9a'),
    rosettePath(random, 62, 30, 12, style.patternColors[0] ?? '#9ab'),
    emblemPlaceholder(emblem.x, emblem.y, emblem.width, emblem.height),
    text(layout.titleSmall.text, {
      x: layout.titleSmall.x,
      top: layout.titleSmall.y,
      size: TYPE_MM.titleSmall,
      font: style.titleFont,
      color: style.inkColor,
      weight: 700,
      fitWidth: layout.titleSmall.width,
    }),
    text(layout.titleLarge.text, {
      x: layout.titleLarge.x,
      top: layout.titleLarge.y,
      size: TYPE_MM.titleLarge,
      font: style.titleFont,
      color: style.inkColor,
      weight: 700,
      fitWidth: layout.titleLarge.width,
    }),
    ...Object.values(layout.labels).map((entry) =>
      text(entry.text, {
        x: entry.x,
        top: entry.y,
        size: TYPE_MM.label,
        font: style.labelFont,
        color: style.inkColor,
        weight: 700,
      }),
    ),
    fittedText(print.issue, {
      x: layout.issue.x,
      top: layout.issue.y,
      size: TYPE_MM.backValue,
      font: style.valueFont,
      color: style.inkColor,
      maxWidth: layout.issue.maxWidth,
    }),
    fittedText(print.validity, {
      x: layout.validity.x,
      top: layout.validity.y,
      size: TYPE_MM.backValue,
      font: style.valueFont,
      color: style.inkColor,
      maxWidth: layout.validity.maxWidth,
    }),
  ];
  return cardShell(parts.join(''), style, widthPx, 'back');
}
