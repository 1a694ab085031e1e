import type { ImageFormat } from '../intake/image-formats.ts';
import type { CompressedImage, CompressReply, ImageFailure } from './compress-protocol.ts';

export class ImageRefusedError extends Error {
  constructor(readonly failure: ImageFailure) {
    super(`image refused: ${failure.kind}`);
    this.name = 'ImageRefusedError';
  }
}

export class CompressionCancelledError extends Error {
  constructor() {
    super('compression cancelled');
    this.name = 'CompressionCancelledError';
  }
}

type CompressOptions = {
  signal: AbortSignal;
  onProgress: (percent: number) => void;
};

/**
 * Compresses one image in a worker of its own, so that cancelling is simply ending the worker
 * (a 12-megapixel decode cannot be interrupted any other way).
 */
export function compressImage(
  file: File,
  format: ImageFormat,
  { signal, onProgress }: CompressOptions,
): Promise<CompressedImage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new CompressionCancelledError());
      return;
    }
    const worker = new Worker(new URL('./compress-worker.ts', import.meta.url), {
      type: 'module',
      name: 'compress-image',
    });
    const finish = () => {
      worker.terminate();
      signal.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      finish();
      reject(new CompressionCancelledError());
    };
    signal.addEventListener('abort', cancel);
    worker.addEventListener('message', (event: MessageEvent<CompressReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress(reply.percent);
        return;
      }
      finish();
      if (reply.type === 'done') resolve(reply.image);
      else if (reply.type === 'failed') reject(new ImageRefusedError(reply.failure));
      else reject(new Error(`image compression failed: ${reply.message}`));
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new Error(`image compression worker failed: ${event.message}`));
    });
    worker.postMessage({ file, format });
  });
}

/** Base64 of a blob without the `data:` prefix, as the API wants it. */
export async function blobToBase64(blob: Blob): Promise<string> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(blob);
  });
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}
