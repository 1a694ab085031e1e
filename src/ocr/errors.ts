/**
 * The engine's typed failures. The HTTP layer maps each to one API error code; anything else
 * thrown by the engine is an internal failure (AIS.0105).
 */

/** The bytes are not a supported image, or the image does not decode (AIS.0102). */
export class ImageDecodeError extends Error {
  override readonly name = 'ImageDecodeError';
}

/** No ID card in the image, or one too poor to read (AIS.0104). */
export class NoCardFoundError extends Error {
  override readonly name = 'NoCardFoundError';
}

/** Two or more cards showing the same side in one image (AIS.0122). */
export class SameSideTwiceError extends Error {
  override readonly name = 'SameSideTwiceError';
}
