import { execFileSync } from 'node:child_process';
import { FONT_PACKAGES } from './card-style.ts';
import type { CanDraw } from './names.ts';

/**
 * Fails when a font the cards are printed in is not installed: Chromium would silently fall back
 * to another face and the set would not be the one its seed names.
 */
export function assertFontsInstalled(fonts: readonly string[]): void {
  const installed = new Set(
    execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' })
      .split('\n')
      .flatMap((line) => line.split(','))
      .map((family) => family.trim()),
  );
  const missing = fonts.filter((family) => !installed.has(family));
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((family) => FONT_PACKAGES[family] ?? family))];
    throw new Error(
      `fonts missing: ${missing.join(', ')}; install them with: apt-get install ${packages.join(' ')}`,
    );
  }
}

/** Fails when a font lacks a character of the fixed wording it prints (see `familyWording`). */
export function assertFontsDraw(
  wording: readonly (readonly [font: string, text: string])[],
  coverage: (font: string) => CanDraw,
): void {
  const gaps = wording.flatMap(([font, text]) => {
    const missing = [...new Set(text)].filter((character) => !coverage(font)(character));
    return missing.length === 0 ? [] : [`${font} lacks ${missing.join('')}`];
  });
  if (gaps.length > 0) throw new Error(`fonts cannot draw their wording: ${gaps.join('; ')}`);
}
