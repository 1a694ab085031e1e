import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../generate-cards/seeded-random.ts';
import { markFace } from './template-marks.ts';

const MARGIN = 20;

async function blankFace(): Promise<Buffer> {
  return sharp({ create: { width: 896, height: 580, channels: 3, background: PAPER } })
    .png()
    .toBuffer();
}

const PAPER = { r: 236, g: 238, b: 232 };

/** Pixels that a mark, however faint (a watermark at 0.15), took off the paper's colour. */
async function inkedPixels(image: Buffer): Promise<number> {
  const { data } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let inked = 0;
  for (let i = 0; i < data.length; i += 3) {
    const off = Math.max(
      Math.abs((data[i] as number) - PAPER.r),
      Math.abs((data[i + 1] as number) - PAPER.g),
      Math.abs((data[i + 2] as number) - PAPER.b),
    );
    if (off > 6) inked += 1;
  }
  return inked;
}

describe('markFace', () => {
  it('draws the planned marks over some faces, records them, and leaves the others as drawn', async () => {
    const face = await blankFace();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        markFace(
          face,
          'front',
          MARGIN,
          createRandom(1, index, 'front', 'marks'),
          createRandom(1, index, 'front', 'ink'),
        ),
      ),
    );
    const marked = results.filter((result) => result.marks.length > 0);
    const plain = results.filter((result) => result.marks.length === 0);
    expect(marked.length).toBeGreaterThan(0);
    expect(plain.length).toBeGreaterThan(0);
    for (const result of plain) expect(result.bytes).toBe(face);
    for (const result of marked) {
      expect(result.marks[0]).toMatchObject({ face: 'front' });
      expect(await inkedPixels(result.bytes)).toBeGreaterThan(500);
    }
  });
});
