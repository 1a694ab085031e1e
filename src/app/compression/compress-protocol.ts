import type { ImageFormat } from '../intake/image-formats.ts';
import type { PixelSize } from './compression-target.ts';

/** Why an image cannot be sent; decided in the worker, worded in the error-messages module. */
export type ImageFailure =
  | { kind: 'undecodable' }
  | { kind: 'too-small'; size: PixelSize }
  | { kind: 'too-elongated'; size: PixelSize }
  | { kind: 'too-large'; bytes: number };

export type CompressRequest = { file: File; format: ImageFormat };

export type CompressedImage = {
  /** JPEG without metadata, upright, within the API limits. */
  blob: Blob;
  size: PixelSize;
  /** The photo's own size after EXIF orientation. */
  originalSize: PixelSize;
  /** Milliseconds spent in the worker, decode included. */
  elapsedMs: number;
};

export type CompressReply =
  | { type: 'progress'; percent: number }
  | { type: 'done'; image: CompressedImage }
  | { type: 'failed'; failure: ImageFailure }
  /** An unexpected exception; its message is shown as is. */
  | { type: 'crashed'; message: string };
