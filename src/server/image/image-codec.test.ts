import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageDecodeError } from '../../ocr/errors.ts';
import { decodeImage, encodeJpeg, probeImage } from './image-codec.ts';

/** A 4 x 2 image: left half red, right half blue. */
const RED_BLUE = { width: 4, height: 2, channels: 3 } as const;
const RED_BLUE_PIXELS = Uint8Array.from([
  255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255,
]);

async function encodeAs(
  format: 'png' | 'tiff' | 'webp',
  orientation?: number,
): Promise<Uint8Array> {
  let pipeline = sharp(RED_BLUE_PIXELS, { raw: RED_BLUE }).toFormat(format, {
    lossless: true,
    compression: format === 'tiff' ? 'lzw' : undefined,
  });
  if (orientation) pipeline = pipeline.withMetadata({ orientation });
  return new Uint8Array(await pipeline.toBuffer());
}

/** A bottom-up 24-bit BMP, or top-down when `topDown`, written by hand. */
function bmp24(topDown = false): Uint8Array {
  const rowBytes = 12; // 4 px * 3 bytes, already a multiple of 4
  const file = new Uint8Array(54 + rowBytes * 2);
  const view = new DataView(file.buffer);
  file.set([0x42, 0x4d]);
  view.setUint32(2, file.length, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, 4, true);
  view.setInt32(22, topDown ? -2 : 2, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  for (let y = 0; y < 2; y++) {
    const row = 54 + (topDown ? y : 1 - y) * rowBytes;
    for (let x = 0; x < 4; x++) {
      // Blue, green, red: top row red-red-blue-blue, bottom row the same.
      file.set(x < 2 ? [0, 0, 255] : [255, 0, 0], row + x * 3);
    }
  }
  return file;
}

/** An 8-bit palette BMP whose palette maps index 0 to green and 1 to white. */
function bmp8Palette(): Uint8Array {
  const rowBytes = 4;
  const file = new Uint8Array(54 + 8 + rowBytes * 2);
  const view = new DataView(file.buffer);
  file.set([0x42, 0x4d]);
  view.setUint32(10, 62, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, 4, true);
  view.setInt32(22, 2, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 8, true);
  view.setUint32(46, 2, true);
  file.set([0, 255, 0, 0, 255, 255, 255, 0], 54);
  file.set([0, 0, 1, 1], 62);
  file.set([1, 1, 0, 0], 66);
  return file;
}

/** A valid 1 x 1 PNG whose IHDR claims another size (CRC fixed so the header parses). */
async function pngDeclaring(width: number, height: number): Promise<Uint8Array> {
  const png = new Uint8Array(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  const view = new DataView(png.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  view.setUint32(29, crc32(png.subarray(12, 29)));
  return png;
}

function pixel(image: { width: number; data: Uint8Array }, x: number, y: number): number[] {
  const at = (y * image.width + x) * 3;
  return Array.from(image.data.subarray(at, at + 3));
}

describe('probeImage', () => {
  it.each(['png', 'tiff', 'webp'] as const)('reads the size of a %s header', async (format) => {
    expect(await probeImage(await encodeAs(format))).toEqual({ format, width: 4, height: 2 });
  });

  it('reports the size after EXIF orientation', async () => {
    const jpeg = new Uint8Array(
      await sharp(RED_BLUE_PIXELS, { raw: RED_BLUE })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .toBuffer(),
    );
    expect(await probeImage(jpeg)).toEqual({ format: 'jpeg', width: 2, height: 4 });
  });

  it('reads a BMP header, bottom-up or top-down', async () => {
    expect(await probeImage(bmp24())).toEqual({ format: 'bmp', width: 4, height: 2 });
    expect(await probeImage(bmp24(true))).toEqual({ format: 'bmp', width: 4, height: 2 });
  });

  it('reports a declared size without decoding the pixels', async () => {
    const info = await probeImage(await pngDeclaring(100_000, 100_000));
    expect(info).toEqual({ format: 'png', width: 100_000, height: 100_000 });
  });

  it.each([
    ['empty input', new Uint8Array()],
    ['wrong magic bytes', new TextEncoder().encode('GIF89a not supported here')],
    ['an SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a PNG signature alone', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['a BMP signature alone', Uint8Array.from([0x42, 0x4d, 0, 0])],
  ])('refuses %s with ImageDecodeError', async (_, bytes) => {
    await expect(probeImage(bytes)).rejects.toBeInstanceOf(ImageDecodeError);
  });
});

describe('decodeImage', () => {
  it.each(['png', 'tiff', 'webp'] as const)('decodes %s to packed RGB', async (format) => {
    const image = await decodeImage(await encodeAs(format));
    expect([image.width, image.height, image.sourceWidth, image.sourceHeight]).toEqual([
      4, 2, 4, 2,
    ]);
    expect(pixel(image, 0, 0)).toEqual([255, 0, 0]);
    expect(pixel(image, 3, 1)).toEqual([0, 0, 255]);
  });

  it('applies EXIF orientation 6 (rotate 90 degrees clockwise)', async () => {
    const image = await decodeImage(await encodeAs('png', 6));
    expect([image.width, image.height]).toEqual([2, 4]);
    // The red left half of the stored image becomes the top after turning clockwise.
    expect(pixel(image, 0, 0)).toEqual([255, 0, 0]);
    expect(pixel(image, 0, 3)).toEqual([0, 0, 255]);
  });

  it('decodes 24-bit BMP in both row orders', async () => {
    for (const file of [bmp24(), bmp24(true)]) {
      const image = await decodeImage(file);
      expect(pixel(image, 0, 0)).toEqual([255, 0, 0]);
      expect(pixel(image, 3, 1)).toEqual([0, 0, 255]);
    }
  });

  it('applies the palette of an 8-bit BMP', async () => {
    const image = await decodeImage(bmp8Palette());
    expect(pixel(image, 0, 0)).toEqual([255, 255, 255]);
    expect(pixel(image, 3, 0)).toEqual([0, 255, 0]);
    expect(pixel(image, 0, 1)).toEqual([0, 255, 0]);
  });

  it('shrinks to maxLongSide and keeps the source size for mapping back', async () => {
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer(),
    );
    const image = await decodeImage(jpeg, { maxLongSide: 1600 });
    expect([image.width, image.height, image.sourceWidth, image.sourceHeight]).toEqual([
      1600, 1200, 4000, 3000,
    ]);
  });

  it('refuses a decompression bomb before decoding it', async () => {
    await expect(decodeImage(await pngDeclaring(100_000, 100_000))).rejects.toBeInstanceOf(
      ImageDecodeError,
    );
  });

  it('refuses a truncated JPEG', async () => {
    const jpeg = await encodeJpeg(
      { width: 64, height: 64, data: new Uint8Array(64 * 64 * 3).fill(128) },
      90,
    );
    await expect(decodeImage(jpeg.subarray(0, jpeg.length / 2))).rejects.toBeInstanceOf(
      ImageDecodeError,
    );
  });
});

describe('encodeJpeg', () => {
  it('writes a JPEG that decodes to the same size', async () => {
    const jpeg = await encodeJpeg({ width: 4, height: 2, data: RED_BLUE_PIXELS }, 90);
    expect(await probeImage(jpeg)).toEqual({ format: 'jpeg', width: 4, height: 2 });
  });
});
