import type { CardStyle } from './card-face-svg.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * Fonts the cards are printed in. The real card uses a 黑体 for values and OCR-B for the number;
 * we spread over the CJK families Debian packages (fonts-noto-cjk, fonts-wqy-zenhei,
 * fonts-wqy-microhei, fonts-arphic-uming) and OCR-B from fonts-ocr-b, with a few serif and
 * generic-monospace cards so an engine is not fitted to one typeface.
 */
export const SANS_FONTS = ['Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei'] as const;
export const SERIF_FONTS = ['Noto Serif CJK SC', 'AR PL UMing CN'] as const;
export const NUMBER_FONTS = ['OCR B', 'DejaVu Sans Mono', 'Liberation Mono'] as const;

/** The Debian package that provides each font family above. */
export const FONT_PACKAGES: Record<string, string> = {
  'Noto Sans CJK SC': 'fonts-noto-cjk',
  'Noto Serif CJK SC': 'fonts-noto-cjk',
  'WenQuanYi Zen Hei': 'fonts-wqy-zenhei',
  'WenQuanYi Micro Hei': 'fonts-wqy-microhei',
  'AR PL UMing CN': 'fonts-arphic-uming',
  'OCR B': 'fonts-ocr-b',
  'DejaVu Sans Mono': 'fonts-dejavu-core',
  'Liberation Mono': 'fonts-liberation',
};

/** Light blue to pale pink to light blue, the card's printed tint, with small shifts per card. */
function tint(random: SeededRandom): readonly [string, string, string] {
  const shade = (hue: number, saturation: number, lightness: number) =>
    `hsl(${(hue + random.float(-8, 8)).toFixed(0)} ${saturation}% ${(lightness + random.float(-2, 2)).toFixed(1)}%)`;
  return [shade(200, 45, 90), shade(345, 40, 92), shade(195, 40, 89)];
}

export function randomCardStyle(random: SeededRandom): CardStyle {
  const sans = random.pick(SANS_FONTS);
  const valueFont = random.chance(0.85) ? sans : random.pick(SERIF_FONTS);
  const ink = random.int(10, 40);
  return {
    valueFont,
    labelFont: sans,
    numberFont: random.weighted([
      [NUMBER_FONTS[0], 6],
      [NUMBER_FONTS[1], 1],
      [NUMBER_FONTS[2], 1],
    ]),
    titleFont: random.pick(SERIF_FONTS),
    labelColor: `hsl(${random.int(200, 212)} ${random.int(45, 65)}% ${random.int(38, 50)}%)`,
    inkColor: `rgb(${ink} ${ink} ${ink + random.int(0, 8)})`,
    tint: tint(random),
    patternColors: ['#9fc3d9', '#d9a9b8', '#b7d3c2', '#c9b6dd'].map((color) =>
      random.chance(0.5) ? color : '#a9c4d6',
    ),
  };
}
