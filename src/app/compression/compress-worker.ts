/// <reference lib="webworker" />
import imageCompression from 'browser-image-compression';
import type { ImageFormat } from '../intake/image-formats.ts';
import type { CompressReply, CompressRequest, ImageFailure } from './compress-protocol.ts';
import { COMPRESSION_TARGET, fitsApiLimits, planCompression } from './compression-target.ts';

/**
 * Runs browser-image-compression inside this Vite-bundled worker with `useWebWorker: false`: the
 * library's own worker mode would load its script from a CDN (`libURL`), which the page's
 * same-origin policy and the offline counter machines both forbid.
 */
declare const self: DedicatedWorkerGlobalScope;

/** Lossless enough to keep detail for the one real compression that follows. */
const INTERMEDIATE_JPEG_QUALITY = 0.95;

class ImageRefused extends Error {
  constructor(readonly failure: ImageFailure) {
    super(failure.kind);
  }
}

self.addEventListener('message', (event: MessageEvent<CompressRequest>) => {
  compress(event.data).then(
    (reply) => self.postMessage(reply),
    (error: unknown) => {
      const reply: CompressReply =
        error instanceof ImageRefused
          ? { type: 'failed', failure: error.failure }
          : { type: 'crashed', message: error instanceof Error ? error.message : String(error) };
      self.postMessage(reply);
    },
  );
});

async function compress({ file, format }: CompressRequest): Promise<CompressReply> {
  const started = performance.now();
  const source = await toBrowserDecodable(file, format);
  const originalSize = await measure(source);
  const plan = planCompression(originalSize);
  if (plan.kind !== 'compress') throw new ImageRefused(plan);
  const blob = await imageCompression(source, {
    maxSizeMB: COMPRESSION_TARGET.maxSizeMB,
    maxWidthOrHeight: plan.maxWidthOrHeight,
    initialQuality: COMPRESSION_TARGET.initialQuality,
    fileType: 'image/jpeg',
    // Re-encoding through a canvas drops EXIF (GPS position included); keep it that way.
    preserveExif: false,
    useWebWorker: false,
    onProgress: (percent) =>
      self.postMessage({ type: 'progress', percent } satisfies CompressReply),
  });
  const size = await measure(blob);
  if (!fitsApiLimits(size, blob.size))
    throw new ImageRefused({ kind: 'too-large', bytes: blob.size });
  return {
    type: 'done',
    image: { blob, size, originalSize, elapsedMs: performance.now() - started },
  };
}

/** Chromium draws JPEG, PNG, BMP and WebP itself; TIFF and HEIC are decoded here first. */
async function toBrowserDecodable(file: File, format: ImageFormat): Promise<File> {
  if (format === 'tiff') return asJpegFile(await decodeTiff(file), file.name);
  if (format === 'heic') {
    // Loaded only when an iPhone photo arrives: the decoder is about 3 MB of WebAssembly.
    const { heicTo } = await import('heic-to/next');
    const jpeg = await heicTo({
      blob: file,
      type: 'image/jpeg',
      quality: INTERMEDIATE_JPEG_QUALITY,
    }).catch(() => {
      throw new ImageRefused({ kind: 'undecodable' });
    });
    return new File([jpeg], file.name, { type: 'image/jpeg' });
  }
  return file;
}

async function decodeTiff(file: File): Promise<ImageData> {
  const UTIF = (await import('utif2')).default;
  const buffer = await file.arrayBuffer();
  const pages = UTIF.decode(buffer);
  const first = pages[0];
  if (!first) throw new ImageRefused({ kind: 'undecodable' });
  UTIF.decodeImage(buffer, first);
  const width = first.width;
  const height = first.height;
  if (!width || !height) throw new ImageRefused({ kind: 'undecodable' });
  const rgba = UTIF.toRGBA8(first);
  return new ImageData(
    new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, rgba.length),
    width,
    height,
  );
}

async function asJpegFile(pixels: ImageData, name: string): Promise<File> {
  const canvas = new OffscreenCanvas(pixels.width, pixels.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('OffscreenCanvas 2d context unavailable');
  context.putImageData(pixels, 0, 0);
  const jpeg = await canvas.convertToBlob({
    type: 'image/jpeg',
    quality: INTERMEDIATE_JPEG_QUALITY,
  });
  return new File([jpeg], name, { type: 'image/jpeg' });
}

/** Size as drawn, i.e. after EXIF orientation (createImageBitmap applies it by default). */
async function measure(image: Blob): Promise<{ width: number; height: number }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    throw new ImageRefused({ kind: 'undecodable' });
  }
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}
