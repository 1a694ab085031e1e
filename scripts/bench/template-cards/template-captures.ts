import sharp from 'sharp';
import { applyHomography, homographyFromQuads, type Point } from '../../../src/ocr/geometry.ts';
import type { RgbImage } from '../../../src/ocr/rgb-image.ts';
import { warpImage } from '../../../src/ocr/warp.ts';
import type { SeededRandom } from '../../generate-cards/seeded-random.ts';

/**
 * How a face drawn on the third-party template is captured: scanned flat (in colour or as a grey
 * copy, straight or turned a few degrees), blurred, compressed hard, or photographed on a desk
 * (in perspective, small in the frame, dim, or at low resolution). Each draws its own
 * parameters from `random`.
 */
export const TEMPLATE_CONDITIONS = [
  'scan',
  'grey-copy',
  'rotated-scan',
  'defocus',
  'jpeg-quality',
  'desk-photo',
  'small-in-frame',
  'dim-photo',
  'low-resolution',
] as const;
export type TemplateCondition = (typeof TEMPLATE_CONDITIONS)[number];

/** A scan's width in pixels, about what the desk's compression sends. */
const SCAN_WIDTH = 1000;
/** A phone photo's frame. */
const PHOTO = { width: 1280, height: 960 } as const;
/** The scanner bed and the desk, as RGB. */
const BED = { r: 244, g: 244, b: 240 } as const;
const DESK: readonly [number, number, number] = [120, 100, 80];

export type Capture = { bytes: Buffer; format: 'png' | 'jpeg' };

async function raw(face: Buffer, width: number): Promise<RgbImage> {
  const { data, info } = await sharp(face)
    .removeAlpha()
    .resize({ width })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

/**
 * The face photographed on a desk: its corners placed `widthShare` of the frame wide around a
 * point near the middle, each moved by up to `skew` of its width (perspective), the desk
 * around it, brightness scaled by `light` with sensor noise.
 */
async function deskPhoto(
  face: Buffer,
  random: SeededRandom,
  shape: { widthShare: number; skew: number; light: number; noise: number },
): Promise<Buffer> {
  const card = await raw(face, SCAN_WIDTH);
  const width = PHOTO.width * shape.widthShare;
  const height = (width * card.height) / card.width;
  const cx = PHOTO.width / 2 + random.float(-0.3, 0.3) * (PHOTO.width - width);
  const cy = PHOTO.height / 2 + random.float(-0.3, 0.3) * (PHOTO.height - height);
  const jitter = () => random.float(-shape.skew, shape.skew) * width;
  const corners: Point[] = [
    [cx - width / 2 + jitter(), cy - height / 2 + jitter()],
    [cx + width / 2 + jitter(), cy - height / 2 + jitter()],
    [cx + width / 2 + jitter(), cy + height / 2 + jitter()],
    [cx - width / 2 + jitter(), cy + height / 2 + jitter()],
  ];
  const cardCorners: Point[] = [
    [0, 0],
    [card.width, 0],
    [card.width, card.height],
    [0, card.height],
  ];
  const photoToCard = homographyFromQuads(corners, cardCorners);
  const photo = warpImage(card, photoToCard, PHOTO.width, PHOTO.height);
  for (let y = 0; y < PHOTO.height; y++) {
    for (let x = 0; x < PHOTO.width; x++) {
      const [u, v] = applyHomography(photoToCard, x, y);
      const onCard = u >= 0 && v >= 0 && u < card.width && v < card.height;
      for (let c = 0; c < 3; c++) {
        const i = (y * PHOTO.width + x) * 3 + c;
        const value = onCard ? (photo.data[i] as number) : (DESK[c] as number);
        photo.data[i] = Math.max(
          0,
          Math.min(255, value * shape.light + random.normal() * shape.noise),
        );
      }
    }
  }
  return sharp(Buffer.from(photo.data), {
    raw: { width: PHOTO.width, height: PHOTO.height, channels: 3 },
  })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** The face, drawn on the template and cut out with its margin, captured under `condition`. */
export async function captureFace(
  face: Buffer,
  condition: TemplateCondition,
  random: SeededRandom,
): Promise<Capture> {
  const scan = () => sharp(face).removeAlpha().resize({ width: SCAN_WIDTH });
  switch (condition) {
    case 'scan':
      return { bytes: await scan().png().toBuffer(), format: 'png' };
    case 'grey-copy':
      return { bytes: await scan().greyscale().png().toBuffer(), format: 'png' };
    case 'rotated-scan': {
      const angle = random.pick([-1, 1]) * random.float(3, 8);
      const turned = await scan().rotate(angle, { background: BED }).png().toBuffer();
      return { bytes: turned, format: 'png' };
    }
    case 'defocus': {
      const blurred = await sharp(face).removeAlpha().blur(random.float(2.5, 3.5)).toBuffer();
      return {
        bytes: await sharp(blurred).resize({ width: SCAN_WIDTH }).png().toBuffer(),
        format: 'png',
      };
    }
    case 'jpeg-quality':
      return {
        bytes: await scan()
          .jpeg({ quality: random.int(30, 45) })
          .toBuffer(),
        format: 'jpeg',
      };
    case 'desk-photo': {
      const shape = { widthShare: random.float(0.65, 0.8), skew: 0.09, light: 1, noise: 4 };
      return { bytes: await deskPhoto(face, random, shape), format: 'jpeg' };
    }
    case 'small-in-frame': {
      const shape = { widthShare: random.float(0.3, 0.45), skew: 0.03, light: 1, noise: 4 };
      return { bytes: await deskPhoto(face, random, shape), format: 'jpeg' };
    }
    case 'dim-photo': {
      const shape = { widthShare: random.float(0.65, 0.8), skew: 0.03, light: 0.45, noise: 7 };
      return { bytes: await deskPhoto(face, random, shape), format: 'jpeg' };
    }
    case 'low-resolution': {
      const small = await sharp(face)
        .removeAlpha()
        .resize({ width: random.int(440, 520) });
      return { bytes: await small.jpeg({ quality: 85 }).toBuffer(), format: 'jpeg' };
    }
  }
}
