import { describe, expect, it } from 'vitest';
import { withoutFaintMarks } from './faint-marks.ts';
import type { RgbImage } from './rgb-image.ts';

/** A 100-pixel grey face: `ink` pixels of print, `faint` of a watermark, the rest paper. */
function face(
  levels: { paper: number; ink: number; faint: number },
  counts = { ink: 8, faint: 20 },
) {
  const grey = [
    ...new Array<number>(counts.ink).fill(levels.ink),
    ...new Array<number>(counts.faint).fill(levels.faint),
  ];
  while (grey.length < 100) grey.push(levels.paper);
  const image: RgbImage = { width: 10, height: 10, data: new Uint8Array(300) };
  grey.forEach((level, pixel) => {
    image.data.fill(level, 3 * pixel, 3 * pixel + 3);
  });
  return image;
}

const lumaAt = (image: RgbImage, pixel: number) => image.data[3 * pixel];

describe('a face levelled for the detector', () => {
  it('turns a grey watermark white and keeps the print black', () => {
    const levelled = withoutFaintMarks(face({ paper: 240, ink: 30, faint: 200 }));
    expect(lumaAt(levelled, 0)).toBe(0);
    expect(lumaAt(levelled, 10)).toBe(255);
    expect(lumaAt(levelled, 99)).toBe(255);
  });

  it("measures ink and paper on the face itself: a dim photo's print stays", () => {
    const levelled = withoutFaintMarks(face({ paper: 150, ink: 70, faint: 125 }));
    expect(lumaAt(levelled, 0)).toBe(0);
    expect(lumaAt(levelled, 10)).toBe(255);
  });

  it('keeps a mid-grey stroke between ink and the white point grey', () => {
    const image = face({ paper: 240, ink: 30, faint: 100 });
    const value = lumaAt(withoutFaintMarks(image), 10) ?? 0;
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(255);
  });

  it('leaves the input as it was', () => {
    const image = face({ paper: 240, ink: 30, faint: 200 });
    const before = Uint8Array.from(image.data);
    withoutFaintMarks(image);
    expect(image.data).toEqual(before);
  });
});
