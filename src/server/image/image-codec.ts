import { decode as decodeBmpPixels } from 'fast-bmp';
import sharp, { type Sharp } from 'sharp';
import { IMAGE_LIMITS } from '../../idcard/api-contract.ts';
import { ImageDecodeError } from '../../ocr/errors.ts';
import type { RgbImage } from '../../ocr/rgb-image.ts';

/** The only module that touches sharp: sniffing, decoding and encoding image files. */

export type ImageFormat = 'jpeg' | 'png' | 'bmp' | 'tiff' | 'webp';

export type ImageInfo = {
  format: ImageFormat;
  /** Width after EXIF orientation. */
  width: number;
  /** Height after EXIF orientation. */
  height: number;
};

/** Decoded pixels plus the size of the image as sent (after EXIF orientation). */
export type DecodedImage = RgbImage & {
  sourceWidth: number;
  sourceHeight: number;
};

/**
 * The largest image the API accepts is 8192 x 8192; anything declaring more pixels is refused
 * before its pixels are decoded, so a decompression bomb costs nothing.
 */
const MAX_INPUT_PIXELS = IMAGE_LIMITS.maxSidePx * IMAGE_LIMITS.maxSidePx;

// 'error' also aborts on truncated data but tolerates the harmless warnings many phone JPEGs raise.
const SHARP_INPUT = { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS } as const;

sharp.cache(false);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/** Recognises the file by its magic bytes; sharp is never asked to guess (no SVG, GIF, HEIF). */
function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x42, 0x4d])) return 'bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return 'tiff';
  }
  if (
    startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
    startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
  ) {
    return 'webp';
  }
  return null;
}

type BmpHeader = {
  width: number;
  /** Negative for rows stored top to bottom. */
  height: number;
  bitsPerPixel: number;
  compression: number;
  paletteOffset: number;
  paletteSize: number;
};

// Offsets from the BITMAPFILEHEADER (14 bytes) and BITMAPINFOHEADER layouts (Microsoft's BMP spec).
const BMP_FILE_HEADER_BYTES = 14;
const BMP_INFO_HEADER_MIN_BYTES = 40;
const BMP_RGB = 0;
const BMP_BITFIELDS = 3;

function readBmpHeader(bytes: Uint8Array): BmpHeader {
  if (bytes.length < BMP_FILE_HEADER_BYTES + BMP_INFO_HEADER_MIN_BYTES) {
    throw new ImageDecodeError('BMP header is truncated');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const infoSize = view.getUint32(14, true);
  if (infoSize < BMP_INFO_HEADER_MIN_BYTES) {
    throw new ImageDecodeError('BMP with an OS/2 core header is not supported');
  }
  const bitsPerPixel = view.getUint16(28, true);
  const colorsUsed = view.getUint32(46, true);
  return {
    width: view.getInt32(18, true),
    height: view.getInt32(22, true),
    bitsPerPixel,
    compression: view.getUint32(30, true),
    paletteOffset: BMP_FILE_HEADER_BYTES + infoSize,
    paletteSize: bitsPerPixel <= 8 ? colorsUsed || 2 ** bitsPerPixel : 0,
  };
}

function checkBmpHeader(header: BmpHeader): void {
  if (header.width <= 0 || header.height === 0) {
    throw new ImageDecodeError('BMP header declares an empty image');
  }
  if (![1, 8, 24, 32].includes(header.bitsPerPixel)) {
    throw new ImageDecodeError(`BMP with ${header.bitsPerPixel} bits per pixel is not supported`);
  }
  if (header.compression !== BMP_RGB && header.compression !== BMP_BITFIELDS) {
    throw new ImageDecodeError('compressed BMP is not supported');
  }
}

/** Reads the format and the displayed size from the header alone; no pixels are decoded. */
export async function probeImage(bytes: Uint8Array): Promise<ImageInfo> {
  const format = sniffFormat(bytes);
  if (!format) throw new ImageDecodeError('not a JPEG, PNG, BMP, TIFF or WebP file');
  if (format === 'bmp') {
    const header = readBmpHeader(bytes);
    checkBmpHeader(header);
    return { format, width: header.width, height: Math.abs(header.height) };
  }
  try {
    // Header only: report the declared size so the caller can refuse it as too large (AIS.0103).
    const metadata = await sharp(bytes, { ...SHARP_INPUT, limitInputPixels: false }).metadata();
    const { width, height } = metadata.autoOrient;
    if (!(width > 0 && height > 0)) throw new ImageDecodeError('image header has no size');
    return { format, width, height };
  } catch (error) {
    if (error instanceof ImageDecodeError) throw error;
    throw new ImageDecodeError(`image header does not parse: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** BMP pixels through fast-bmp (sharp's prebuilt libvips has no BMP loader), as packed RGB. */
function decodeBmp(bytes: Uint8Array): RgbImage {
  const header = readBmpHeader(bytes);
  checkBmpHeader(header);
  const width = header.width;
  const height = Math.abs(header.height);
  if (width * height > MAX_INPUT_PIXELS) {
    throw new ImageDecodeError('image exceeds the pixel limit');
  }
  const topDown = header.height < 0;
  let input = bytes;
  if (topDown) {
    // fast-bmp reads the height unsigned; give it the bottom-up height and flip the rows after.
    input = bytes.slice();
    new DataView(input.buffer).setInt32(22, height, true);
  }
  let decoded: ReturnType<typeof decodeBmpPixels>;
  try {
    decoded = decodeBmpPixels(input);
  } catch (error) {
    throw new ImageDecodeError(`BMP does not decode: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const rgb = new Uint8Array(width * height * 3);
  const source = decoded.data as Uint8Array;
  const channels = decoded.channels;
  const palette =
    header.paletteSize > 0
      ? bytes.subarray(header.paletteOffset, header.paletteOffset + 4 * header.paletteSize)
      : null;
  for (let y = 0; y < height; y++) {
    const sourceRow = topDown ? height - 1 - y : y;
    for (let x = 0; x < width; x++) {
      const from = (sourceRow * width + x) * channels;
      const to = (y * width + x) * 3;
      if (palette) {
        // Palette entries are stored blue, green, red, reserved.
        const entry = 4 * (source[from] ?? 0);
        rgb[to] = palette[entry + 2] ?? 0;
        rgb[to + 1] = palette[entry + 1] ?? 0;
        rgb[to + 2] = palette[entry] ?? 0;
      } else {
        rgb[to] = source[from] ?? 0;
        rgb[to + 1] = source[from + 1] ?? 0;
        rgb[to + 2] = source[from + 2] ?? 0;
      }
    }
  }
  return { width, height, data: rgb };
}

export type DecodeOptions = {
  /** Shrink so the longer side is at most this many pixels (never enlarges). */
  maxLongSide?: number;
};

/**
 * Decodes to packed RGB with EXIF orientation applied. With `maxLongSide`, JPEGs are shrunk while
 * loading (libjpeg's DCT scaling), so a 12 MP photo never exists at full size in memory.
 */
export async function decodeImage(
  bytes: Uint8Array,
  options: DecodeOptions = {},
): Promise<DecodedImage> {
  const format = sniffFormat(bytes);
  if (!format) throw new ImageDecodeError('not a JPEG, PNG, BMP, TIFF or WebP file');
  let pipeline: Sharp;
  let sourceWidth: number;
  let sourceHeight: number;
  if (format === 'bmp') {
    const bmp = decodeBmp(bytes);
    sourceWidth = bmp.width;
    sourceHeight = bmp.height;
    pipeline = sharp(bmp.data, { raw: { width: bmp.width, height: bmp.height, channels: 3 } });
  } else {
    const info = await probeImage(bytes);
    sourceWidth = info.width;
    sourceHeight = info.height;
    pipeline = sharp(bytes, { ...SHARP_INPUT, autoOrient: true });
  }
  if (options.maxLongSide !== undefined) {
    pipeline = pipeline.resize({
      width: options.maxLongSide,
      height: options.maxLongSide,
      fit: 'inside',
      withoutEnlargement: true,
    });
  }
  try {
    const { data, info } = await pipeline
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new ImageDecodeError(`decoded to ${info.channels} channels`);
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      sourceWidth,
      sourceHeight,
    };
  } catch (error) {
    if (error instanceof ImageDecodeError) throw error;
    throw new ImageDecodeError(`image does not decode: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Packed RGB to a baseline JPEG file. */
export async function encodeJpeg(image: RgbImage, quality: number): Promise<Uint8Array> {
  const buffer = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .jpeg({ quality })
    .toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
