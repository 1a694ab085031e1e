import sharp from 'sharp';

/** A 12-megapixel phone camera's frame. */
export const PHONE_PHOTO_SIZE = { width: 4000, height: 3000 } as const;

export type LargePhotoOptions = {
  /** Gaussian noise of the background: more noise, more bytes (sensor grain at night). */
  noiseSigma: number;
  quality: number;
};

/**
 * A phone photo of a card lying on a grainy desk: 4000×3000 as seen, stored the way phones do,
 * as sideways pixels with EXIF orientation 6 and a GPS position that must never be sent.
 */
export async function makeLargePhoto(card: Buffer, options: LargePhotoOptions): Promise<Buffer> {
  const { width, height } = PHONE_PHOTO_SIZE;
  const cardWidth = Math.round(width * 0.62);
  const cardImage = await sharp(card).resize({ width: cardWidth }).toBuffer();
  const cardMeta = await sharp(cardImage).metadata();
  const upright = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#787878',
      noise: { type: 'gaussian', mean: 120, sigma: options.noiseSigma },
    },
  })
    .composite([
      {
        input: cardImage,
        left: Math.round((width - cardWidth) / 2),
        top: Math.round((height - (cardMeta.height ?? 0)) / 2),
      },
    ])
    .raw()
    .toBuffer({ resolveWithObject: true });
  return (
    sharp(upright.data, { raw: upright.info })
      // Stored rotated a quarter turn anticlockwise; orientation 6 tells viewers to turn it back.
      .rotate(270)
      .withExif({
        IFD0: { Make: 'TestPhone', Model: 'Counter Test' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100' },
      })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: options.quality })
      .toBuffer()
  );
}
