import { describe, expect, it } from 'vitest';
import type { ConditionName } from './capture-conditions.ts';
import { randomLayoutVariation } from './layout-variation.ts';
import { OVERLAY_KINDS, type Overlay, overlaySvg, planOverlays } from './overlays.ts';
import { createRandom } from './seeded-random.ts';
import { HELD_BACK_FAMILY, STYLE_FAMILIES } from './style-families.ts';

const printShop = STYLE_FAMILIES['print-shop'];

function plans(condition: ConditionName, face: 'front' | 'back', family = printShop) {
  return Array.from({ length: 600 }, (_, index) =>
    planOverlays(
      createRandom(41, index, 'overlay'),
      family,
      condition,
      face,
      randomLayoutVariation(createRandom(41, index, 'layout'), family),
    ),
  );
}

const marked = (faces: Overlay[][]) =>
  faces.filter((marks) => marks.length > 0).length / faces.length;

describe('planned overlays', () => {
  it('mark most photocopies, a third of scans and a fifth of photos', () => {
    expect(marked(plans('photocopy-double', 'front'))).toBeGreaterThan(0.62);
    expect(marked(plans('photocopy-double', 'front'))).toBeLessThan(0.78);
    expect(marked(plans('flat-scan', 'back'))).toBeGreaterThan(0.28);
    expect(marked(plans('flat-scan', 'back'))).toBeLessThan(0.42);
    expect(marked(plans('glare', 'front'))).toBeGreaterThan(0.15);
    expect(marked(plans('glare', 'front'))).toBeLessThan(0.25);
  });

  it('come in every kind, at several angles both ways, over every field', () => {
    const marks = [
      ...plans('photocopy-double', 'front'),
      ...plans('photocopy-double', 'back'),
    ].flat();
    expect(new Set(marks.map((mark) => mark.kind))).toEqual(new Set(OVERLAY_KINDS));
    const angles = marks.map((mark) => mark.angleDeg);
    expect(angles.some((angle) => angle < -20)).toBe(true);
    expect(angles.some((angle) => angle > 20)).toBe(true);
    expect(angles.some((angle) => Math.abs(angle) < 5)).toBe(true);
    const over = new Set(marks.map((mark) => mark.over));
    for (const field of [
      'name',
      'birth',
      'address',
      'number',
      'photo',
      'title',
      'issue',
      'validity',
    ]) {
      expect(over.has(field), field).toBe(true);
    }
    expect(marks.some((mark) => /^仅供.*使用/.test(mark.text))).toBe(true);
    expect(marks.some((mark) => mark.text === '复印无效')).toBe(true);
    const seals = marks.filter((mark) => mark.shape === 'seal');
    expect(seals.length).toBeGreaterThan(10);
    for (const seal of seals) expect([...seal.text]).toHaveLength(4);
  });

  it('use the held-back family its own marks only', () => {
    const held = STYLE_FAMILIES[HELD_BACK_FAMILY];
    const marks = plans('photocopy-double', 'front', held).flat();
    expect(marks.length).toBeGreaterThan(100);
    const ownTexts = [...held.overlays.stampTexts, ...held.overlays.watermarkTexts];
    for (const mark of marks) {
      if (mark.kind === 'stamp' || mark.kind === 'watermark') expect(ownTexts).toContain(mark.text);
      if (mark.kind === 'stamp') expect(mark.shape).toBe('double-oval');
      expect(mark.tiled ?? false).toBe(false);
    }
  });

  it('are the same for the same seed, and drawn with their text', () => {
    const again = plans('photocopy-double', 'back');
    expect(again).toEqual(plans('photocopy-double', 'back'));
    const marks = again.find((faces) => faces.length === 2) ?? [];
    const svg = overlaySvg(marks, createRandom(1, 1, 'ink'), 'back');
    for (const mark of marks) {
      const drawn = mark.shape === 'seal' ? [...mark.text] : [mark.text];
      for (const text of drawn) expect(svg).toContain(text);
    }
    expect(svg).toContain('mix-blend-mode:multiply');
  });
});
