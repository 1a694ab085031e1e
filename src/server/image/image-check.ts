import { IMAGE_LIMITS } from '../../idcard/api-contract.ts';
import { ImagePixelLimitError } from '../http/api-error.ts';
import { type ImageInfo, probeImage } from './image-codec.ts';

/**
 * The last two steps of the edge validation: a supported image format (the probe throws
 * `ImageDecodeError` otherwise) and the API's pixel limits, both read from the header alone so
 * that an image declaring 100000 x 100000 px is refused without decoding a pixel.
 */
export async function checkImage(bytes: Uint8Array): Promise<ImageInfo> {
  const info = await probeImage(bytes);
  const shortest = Math.min(info.width, info.height);
  const longest = Math.max(info.width, info.height);
  if (shortest < IMAGE_LIMITS.minSidePx || longest > IMAGE_LIMITS.maxSidePx) {
    throw new ImagePixelLimitError(
      `image is ${info.width} x ${info.height} px; each side must be ${IMAGE_LIMITS.minSidePx} to ${IMAGE_LIMITS.maxSidePx} px`,
    );
  }
  return info;
}
