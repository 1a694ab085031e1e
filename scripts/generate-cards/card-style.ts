import type { CardStyle } from './card-face-svg.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { StyleFamily } from './style-families.ts';

/**
 * The Debian package that provides each font family the style families print with. The real
 * card uses a 黑体 for values and OCR-B for the number; the families spread over the CJK faces
 * Debian packages so an engine is not fitted to one typeface.
 */
export const FONT_PACKAGES: Record<string, string> = {
  'Noto Sans CJK SC': 'fonts-noto-cjk',
  'Noto Serif CJK SC': 'fonts-noto-cjk',
  'Noto Sans Mono CJK SC': 'fonts-noto-cjk',
  'WenQuanYi Zen Hei': 'fonts-wqy-zenhei',
  'WenQuanYi Micro Hei': 'fonts-wqy-microhei',
  'AR PL UMing CN': 'fonts-arphic-uming',
  'AR PL UKai CN': 'fonts-arphic-ukai',
  'AR PL SungtiL GB': 'fonts-arphic-gbsn00lp',
  'Droid Sans Fallback': 'fonts-droid-fallback',
  'LXGW WenKai': 'fonts-lxgw-wenkai',
  'OCR B': 'fonts-ocr-b',
  'DejaVu Sans': 'fonts-dejavu-core',
  'DejaVu Sans Mono': 'fonts-dejavu-core',
  'Liberation Mono': 'fonts-liberation',
};

/** Light blue to pale pink to light blue, the card's printed tint, with small shifts per card. */
function tint(random: SeededRandom): readonly [string, string, string] {
  const shade = (hue: number, saturation: number, lightness: number) =>
    `hsl(${(hue + random.float(-8, 8)).toFixed(0)} ${saturation}% ${(lightness + random.float(-2, 2)).toFixed(1)}%)`;
  return [shade(200, 45, 90), shade(345, 40, 92), shade(195, 40, 89)];
}

export function randomCardStyle(random: SeededRandom, family: StyleFamily): CardStyle {
  const ink = random.int(10, 40);
  return {
    valueFont: random.weighted(family.fonts.value),
    labelFont: random.pick(family.fonts.label),
    numberFont: random.weighted(family.fonts.number),
    titleFont: random.pick(family.fonts.title),
    labelColor: `hsl(${random.int(200, 212)} ${random.int(45, 65)}% ${random.int(38, 50)}%)`,
    inkColor: `rgb(${ink} ${ink} ${ink + random.int(0, 8)})`,
    tint: tint(random),
    patternColors: ['#9fc3d9', '#d9a9b8', '#b7d3c2', '#c9b6dd'].map((color) =>
      random.chance(0.5) ? color : '#a9c4d6',
    ),
  };
}
