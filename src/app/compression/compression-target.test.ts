import { describe, expect, it } from 'vitest';
import { IMAGE_LIMITS } from '../../idcard/api-contract.ts';
import { base64Length, fitsApiLimits, planCompression } from './compression-target.ts';

describe('planCompression', () => {
  it('shrinks a 12-megapixel photo to 2048 px on the long side', () => {
    expect(planCompression({ width: 4000, height: 3000 })).toEqual({
      kind: 'compress',
      maxWidthOrHeight: 2048,
      target: { width: 2048, height: 1536 },
    });
  });

  it('keeps a portrait photo upright in its target', () => {
    const plan = planCompression({ width: 3000, height: 4000 });
    expect(plan).toMatchObject({ target: { width: 1536, height: 2048 } });
  });

  it('never upscales a small image', () => {
    expect(planCompression({ width: 640, height: 400 })).toMatchObject({
      maxWidthOrHeight: 640,
      target: { width: 640, height: 400 },
    });
  });

  it('refuses an image whose short side is below 15 px', () => {
    expect(planCompression({ width: 200, height: 14 })).toEqual({
      kind: 'too-small',
      size: { width: 200, height: 14 },
    });
    expect(planCompression({ width: 15, height: 15 }).kind).toBe('compress');
  });

  it('shrinks a long thin image less so its short side stays at 15 px', () => {
    const plan = planCompression({ width: 6000, height: 20 });
    expect(plan).toMatchObject({ kind: 'compress', maxWidthOrHeight: 4500 });
    if (plan.kind === 'compress') expect(plan.target.height).toBeGreaterThanOrEqual(15);
  });

  it('refuses an image that no scale fits into 15-8192 px', () => {
    expect(planCompression({ width: 9000, height: 15 }).kind).toBe('too-elongated');
  });
});

describe('fitsApiLimits', () => {
  it('counts the limit in base64 characters, a third more than bytes', () => {
    expect(base64Length(3)).toBe(4);
    expect(base64Length(4)).toBe(8);
    const limitBytes = (IMAGE_LIMITS.maxBase64Chars / 4) * 3;
    expect(fitsApiLimits({ width: 100, height: 100 }, limitBytes)).toBe(true);
    expect(fitsApiLimits({ width: 100, height: 100 }, limitBytes + 1)).toBe(false);
  });

  it('checks both sides against 15-8192 px', () => {
    expect(fitsApiLimits({ width: 14, height: 100 }, 1000)).toBe(false);
    expect(fitsApiLimits({ width: 8193, height: 100 }, 1000)).toBe(false);
  });
});
