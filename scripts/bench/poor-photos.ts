import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import type { Quad } from '../../src/idcard/api-contract.ts';
import { FACE_CORNERS, FACE_HEIGHT, FACE_WIDTH } from '../../src/ocr/card-geometry.ts';
import { NoCardFoundError } from '../../src/ocr/errors.ts';
import { homographyFromQuads } from '../../src/ocr/geometry.ts';
import { warpImage } from '../../src/ocr/warp.ts';
import { createLocalEngine } from '../../src/server/local-engine/local-engine.ts';
import type { RecognizeOptions } from '../../src/server/local-engine/local-engine-recognize.ts';
import {
  type Background,
  bankCard,
  blankPage,
  blankPlate,
  blurredPhoto,
  CARDS_DIR,
  composedCard,
  lampLitPlate,
  landscape,
  memberCard,
  noise,
  onePixel,
  type Pose,
} from '../../src/server/test-support/poor-photos.ts';

/**
 * What the local engine answers for committed cards blurred past reading (as photographed, and
 * cut out and laid on a pale or dark desk, square or tilted) and for photos with no ID card.
 * Prints, per blur and side, how many came back as a face and how many as AIS.0104.
 *
 *   npm run bench:poor-photos [-- --sigmas 8,10,12,14,18]
 */

const sigmaArg = process.argv[process.argv.indexOf('--sigmas') + 1];
const SIGMAS = process.argv.includes('--sigmas')
  ? (sigmaArg ?? '').split(',').map(Number)
  : [8, 10, 12, 14, 18];
const CARDS = [
  '002-desk-perspective-front.jpg',
  '004-rotation-small-front.jpg',
  '006-rotation-large-front.jpg',
  '010-shadow-front.jpg',
  '014-defocus-front.jpg',
  '003-desk-perspective-back.jpg',
  '005-rotation-small-back.jpg',
  '007-rotation-large-back.jpg',
  '011-shadow-back.jpg',
  '015-defocus-back.jpg',
];
const SETTINGS: ({ background: Background; pose: Pose } | 'photo')[] = [
  'photo',
  { background: 'white', pose: 'square' },
  { background: 'white', pose: 'tilted' },
  { background: 'dark', pose: 'tilted' },
];
const OPTIONS: RecognizeOptions = {
  side: 'auto',
  returnVerification: false,
  returnTextLocation: false,
  returnAdjustedImage: true,
  returnPortraitImage: false,
  returnPortraitLocation: false,
  alarms: [],
};

type GroundTruth = { images: { file: string; cards: { corners: Quad }[] }[] };
const truth = JSON.parse(
  await readFile(new URL('ground-truth.json', CARDS_DIR), 'utf8'),
) as GroundTruth;
const cornersOf = (file: string) =>
  truth.images.find((image) => image.file === file)?.cards[0]?.corners as Quad;

const engine = await createLocalEngine({ workers: 1 });

/** A face as a small grey vector with its mean taken off, to compare faces' layouts. */
async function layoutOf(image: Sharp): Promise<Float64Array> {
  const pixels = await image.resize(43, 27, { fit: 'fill' }).greyscale().raw().toBuffer();
  const mean = pixels.reduce((sum, v) => sum + v, 0) / pixels.length;
  return Float64Array.from(pixels, (v) => v - mean);
}

const dot = (a: Float64Array, b: Float64Array) =>
  a.reduce((sum, v, i) => sum + v * (b[i] as number), 0);

/** Whether a straightened face stands as the card does upright, not turned half round. */
async function isUpright(adjusted: string, file: string): Promise<boolean> {
  const photo = await readFile(new URL(file, CARDS_DIR));
  const { data, info } = await sharp(photo)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const source = { width: info.width, height: info.height, data: new Uint8Array(data) };
  const face = warpImage(
    source,
    homographyFromQuads(FACE_CORNERS, cornersOf(file)),
    FACE_WIDTH,
    FACE_HEIGHT,
  );
  const raw = { raw: { width: FACE_WIDTH, height: FACE_HEIGHT, channels: 3 as const } };
  const upright = await layoutOf(sharp(face.data, raw));
  const turned = await layoutOf(sharp(face.data, raw).rotate(180));
  const answered = await layoutOf(sharp(Buffer.from(adjusted, 'base64')));
  return dot(answered, upright) > dot(answered, turned);
}

/**
 * 'face front' (every field empty; 'upside down' added where its straightened face is), 'read
 * front' (some field read), or 'AIS.0104'.
 */
async function outcome(photo: Uint8Array, file: string): Promise<{ answer: string; ms: number }> {
  const started = performance.now();
  try {
    const result = (await engine.recognize(photo, OPTIONS)) as Record<string, unknown>;
    const ms = performance.now() - started;
    const confidence = result.confidence as Record<string, number>;
    const read = Object.keys(confidence).some((field) => result[field] !== '');
    if (read) return { answer: `read ${result.side}`, ms };
    const upright = await isUpright(result.adjusted_image as string, file);
    return { answer: `face ${result.side}${upright ? '' : ' upside down'}`, ms };
  } catch (error) {
    if (!(error instanceof NoCardFoundError)) throw error;
    return { answer: 'AIS.0104', ms: performance.now() - started };
  }
}

const tally = new Map<string, Map<string, number>>();
for (const sigma of SIGMAS) {
  for (const file of CARDS) {
    const side = file.includes('front') ? 'front' : 'back';
    for (const setting of SETTINGS) {
      const name = setting === 'photo' ? 'photo' : `${setting.background}-${setting.pose}`;
      const photo =
        setting === 'photo'
          ? await blurredPhoto(file, sigma)
          : await composedCard(file, cornersOf(file), setting.background, setting.pose, sigma);
      const { answer, ms } = await outcome(photo, file);
      console.log(`sigma ${sigma}\t${file}\t${name}\t${answer}\t${Math.round(ms)} ms`);
      const key = `sigma ${sigma} ${side}`;
      const counts = tally.get(key) ?? new Map<string, number>();
      const kind = answer === 'AIS.0104' ? 'AIS.0104' : (answer.split(' ')[0] as string);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      if (answer.endsWith('upside down'))
        counts.set('upside down', (counts.get('upside down') ?? 0) + 1);
      tally.set(key, counts);
    }
  }
}
const negatives: [string, () => Promise<Uint8Array>][] = [
  ['blank page', blankPage],
  ['one pixel', onePixel],
  ['noise', noise],
  ['landscape', landscape],
  ['member card', memberCard],
  ['bank card', bankCard],
  ['blank plate', blankPlate],
  ['lamp-lit blank plate', lampLitPlate],
];
for (const [name, make] of negatives) {
  const { answer, ms } = await outcome(await make(), CARDS[0] as string);
  console.log(`negative\t${name}\t${answer}\t${Math.round(ms)} ms`);
}
console.log('\nper blur and side (runs: face / read / AIS.0104; faces upside down)');
for (const [key, counts] of tally) {
  console.log(
    `${key}\t${counts.get('face') ?? 0} / ${counts.get('read') ?? 0} / ${counts.get('AIS.0104') ?? 0}; ${counts.get('upside down') ?? 0}`,
  );
}
await engine.close();
