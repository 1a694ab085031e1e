import { describe, expect, it } from 'vitest';
import { randomLayoutVariation } from './layout-variation.ts';
import { createRandom } from './seeded-random.ts';
import {
  DEFAULT_FAMILIES,
  drawFamily,
  familyFonts,
  HELD_BACK_FAMILY,
  type Range,
  STYLE_FAMILIES,
  type StyleFamily,
} from './style-families.ts';

const heldBack = STYLE_FAMILIES[HELD_BACK_FAMILY];
const defaults = DEFAULT_FAMILIES.map((name) => STYLE_FAMILIES[name]);

const overlaps = ([a, b]: Range, [c, d]: Range) => a <= d && c <= b;

describe('the held-back family', () => {
  it('is not among the default families', () => {
    expect(DEFAULT_FAMILIES).not.toContain(HELD_BACK_FAMILY);
  });

  it('prints in typefaces no default family uses', () => {
    const defaultFonts = new Set(familyFonts(DEFAULT_FAMILIES));
    for (const font of familyFonts([HELD_BACK_FAMILY])) {
      expect(defaultFonts.has(font), font).toBe(false);
    }
  });

  it('moves labels, values, photo, emblem and titles outside every default range', () => {
    const keys = [
      'labelColumnShift',
      'valueColumnShift',
      'rowPitch',
      'photoShiftX',
      'photoShiftY',
      'emblemShiftX',
      'emblemShiftY',
      'titleShiftX',
      'titleShiftY',
      'titleWidth',
      'backLabelShift',
      'backValueShift',
      'backRowsShiftY',
      'numberWidth',
    ] as const satisfies readonly (keyof StyleFamily['layout'])[];
    for (const key of keys) {
      for (const family of defaults) {
        expect(overlaps(heldBack.layout[key], family.layout[key]), `${family.name} ${key}`).toBe(
          false,
        );
      }
    }
  });

  it('sets its titles and date dashes in a way no default family does', () => {
    for (const family of defaults) {
      const spaced = family.titles.some(([style]) => style === 'letter-spaced');
      if (spaced) expect(overlaps(heldBack.titleSpacingEm, family.titleSpacingEm)).toBe(false);
      const joiners = new Set(family.dateJoiners.map(([joiner]) => joiner));
      for (const [joiner] of heldBack.dateJoiners) expect(joiners.has(joiner)).toBe(false);
    }
  });

  it('marks cards with stamps, lines and watermarks of its own', () => {
    for (const family of defaults) {
      const own = family.overlays;
      const held = heldBack.overlays;
      expect(held.stampShapes.filter((shape) => own.stampShapes.includes(shape))).toEqual([]);
      expect(held.stampTexts.filter((text) => own.stampTexts.includes(text))).toEqual([]);
      expect(held.watermarkTexts.filter((text) => own.watermarkTexts.includes(text))).toEqual([]);
      expect(held.lineTemplates.filter((text) => own.lineTemplates.includes(text))).toEqual([]);
      expect(held.watermarkLayout).not.toBe(own.watermarkLayout);
    }
  });
});

describe('drawing families', () => {
  const draws = (families: typeof DEFAULT_FAMILIES) =>
    Array.from(
      { length: 400 },
      (_, index) => drawFamily(createRandom(41, index, 'family'), families).name,
    );

  it('never gives the held-back family to a default set, and mixes the defaults', () => {
    const names = draws(DEFAULT_FAMILIES);
    expect(names).not.toContain(HELD_BACK_FAMILY);
    for (const family of DEFAULT_FAMILIES) {
      const share = names.filter((name) => name === family).length / names.length;
      expect(share, family).toBeGreaterThan(0.4);
      expect(share, family).toBeLessThan(0.6);
    }
  });

  it('gives only the held-back family when asked for it', () => {
    expect(new Set(draws([HELD_BACK_FAMILY]))).toEqual(new Set([HELD_BACK_FAMILY]));
  });

  it('draws the same layout for the same seed', () => {
    const family = STYLE_FAMILIES['print-shop'];
    expect(randomLayoutVariation(createRandom(7, 3, 'layout'), family)).toEqual(
      randomLayoutVariation(createRandom(7, 3, 'layout'), family),
    );
  });

  it('letter-spaces the labels of about half the print-shop cards, up to 1 em', () => {
    const family = STYLE_FAMILIES['print-shop'];
    const spacings = Array.from(
      { length: 400 },
      (_, index) => randomLayoutVariation(createRandom(7, index, 'layout'), family).labelSpacingEm,
    );
    const spaced = spacings.filter((em) => em > 0);
    expect(spaced.length / spacings.length).toBeGreaterThan(0.4);
    expect(spaced.length / spacings.length).toBeLessThan(0.6);
    expect(Math.max(...spaced)).toBeLessThanOrEqual(1);
    expect(spaced.some((em) => em > 0.8)).toBe(true);
  });
});
