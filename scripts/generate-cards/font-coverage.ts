import { execFileSync } from 'node:child_process';
import type { CanDraw } from './names.ts';

/**
 * Which characters an installed font can draw, from fontconfig's charset of the face it matches
 * (`fc-match --format=%{charset}`: hexadecimal code point ranges such as `4e00-9fff 3400`).
 * Chromium would draw a missing character in another face or as a tofu box; either way the card
 * would not be printed in its own typeface.
 */
function fontCoverage(family: string): CanDraw {
  const charset = execFileSync('fc-match', ['--format=%{charset}', family], { encoding: 'utf8' });
  const ranges = parseCharset(charset);
  return (character) => {
    const code = character.codePointAt(0) ?? -1;
    return ranges.some(([from, to]) => code >= from && code <= to);
  };
}

export function parseCharset(charset: string): [number, number][] {
  return charset
    .trim()
    .split(/\s+/)
    .filter((range) => range !== '')
    .map((range) => {
      const [from, to] = range.split('-').map((hex) => Number.parseInt(hex, 16));
      if (from === undefined || Number.isNaN(from)) throw new Error(`bad charset range ${range}`);
      return [from, to ?? from];
    });
}

/** One coverage per font, read once. */
export function createCoverageCache(): (family: string) => CanDraw {
  const cache = new Map<string, CanDraw>();
  return (family) => {
    let coverage = cache.get(family);
    if (coverage === undefined) {
      coverage = fontCoverage(family);
      cache.set(family, coverage);
    }
    return coverage;
  };
}
