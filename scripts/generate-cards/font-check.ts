import { execFileSync } from 'node:child_process';
import { FONT_PACKAGES } from './card-style.ts';

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
