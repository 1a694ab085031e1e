import { createWriteStream, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import sharp, { type OverlayOptions } from 'sharp';
import { z } from 'zod';
import { FACE_HEIGHT, FACE_WIDTH } from '../../src/ocr/card-geometry.ts';
import { homographyFromQuads, type Point } from '../../src/ocr/geometry.ts';
import { warpImage } from '../../src/ocr/warp.ts';
import { CARDS_DIR } from './card-fixtures.ts';
import { chromiumLaunchOptions, fakeCameraSwitches } from './chromium-launch.ts';

/**
 * Camera videos for Chromium's fake camera (`--use-file-for-fake-video-capture`), made from the
 * committed card images: the card cut out along its ground-truth corners and composited on a desk,
 * moved, tilted, blurred, dimmed or lit with a reflection frame by frame.
 */

/** A 720p webcam or a phone's default preview. */
export const VIDEO_SIZE = { width: 1280, height: 720 } as const;
export const VIDEO_FPS = 10;

/** One frame's card: where it lies and what the camera does to it. */
export type CardPose = {
  /** Centre, in shares of the frame's width and height. */
  x: number;
  y: number;
  /** Card width as a share of the frame's width. */
  size: number;
  /** In-plane turn, degrees. */
  turn?: number;
  /** Horizontal shear (tan of the angle): a card seen from the side stops being a rectangle. */
  shear?: number;
  /** Gaussian blur of the whole frame, px: defocus, or the smear of a moving hand. */
  blur?: number;
  /** Brightness factor of the whole frame: 1 is the desk lamp, 0.2 a dim room. */
  light?: number;
  /** A blown-out reflection on the card. */
  glare?: boolean;
};

/** A stretch of the video: `frames` frames from `from` to `to` (poses are interpolated). */
export type Stretch = {
  card: 'front' | 'back' | null;
  frames: number;
  from: CardPose;
  to?: CardPose;
};

const groundTruthSchema = z.object({
  images: z.array(
    z.object({
      file: z.string(),
      cards: z.array(z.object({ corners: z.array(z.tuple([z.number(), z.number()])) })).optional(),
    }),
  ),
});

/** The straight card (ID-1 at 10 px/mm) cut from a committed image along its ground-truth corners. */
export async function cutCard(file: string): Promise<Buffer> {
  const truth = groundTruthSchema.parse(
    JSON.parse(await readFile(resolve(CARDS_DIR, 'ground-truth.json'), 'utf8')),
  );
  const corners = truth.images.find((image) => image.file === file)?.cards?.[0]?.corners;
  if (!corners) throw new Error(`no card corners for ${file}`);
  const { data, info } = await sharp(resolve(CARDS_DIR, file))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const face: Point[] = [
    [0, 0],
    [FACE_WIDTH, 0],
    [FACE_WIDTH, FACE_HEIGHT],
    [0, FACE_HEIGHT],
  ];
  const straight = warpImage(
    { width: info.width, height: info.height, data },
    homographyFromQuads(face, corners),
    FACE_WIDTH,
    FACE_HEIGHT,
  );
  // Rounded corners, as on a real card (3.18 mm radius).
  const mask = Buffer.from(
    `<svg width="${FACE_WIDTH}" height="${FACE_HEIGHT}"><rect width="100%" height="100%" rx="32" fill="#fff"/></svg>`,
  );
  return sharp(straight.data, { raw: { width: FACE_WIDTH, height: FACE_HEIGHT, channels: 3 } })
    .ensureAlpha()
    .composite([{ input: mask, blend: 'dest-in' }])
    .png()
    .toBuffer();
}

/** A plain dark desk with a little grain, the same in every frame. */
async function desk(): Promise<Buffer> {
  const { width, height } = VIDEO_SIZE;
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#3a3f47',
      noise: { type: 'gaussian', mean: 64, sigma: 4 },
    },
  })
    .png()
    .toBuffer();
}

async function renderFrame(
  background: Buffer,
  card: Buffer | null,
  pose: CardPose,
): Promise<Buffer> {
  const { width, height } = VIDEO_SIZE;
  const layers: OverlayOptions[] = [];
  if (card) {
    const cardWidth = Math.round(pose.size * width);
    let placed = sharp(card).resize({ width: cardWidth });
    if (pose.glare) {
      const h = Math.round((cardWidth * FACE_HEIGHT) / FACE_WIDTH);
      const spot = Buffer.from(
        `<svg width="${cardWidth}" height="${h}"><ellipse cx="${cardWidth * 0.3}" cy="${h * 0.45}" rx="${cardWidth * 0.12}" ry="${h * 0.14}" fill="#fff"/></svg>`,
      );
      placed = sharp(await placed.toBuffer()).composite([{ input: spot, blend: 'atop' }]);
    }
    let buffer = await placed.png().toBuffer();
    if (pose.shear) {
      buffer = await sharp(buffer)
        .affine([1, pose.shear, 0, 1], { background: '#00000000' })
        .png()
        .toBuffer();
    }
    if (pose.turn) {
      buffer = await sharp(buffer).rotate(pose.turn, { background: '#00000000' }).png().toBuffer();
    }
    const meta = await sharp(buffer).metadata();
    layers.push({
      input: buffer,
      left: Math.round(pose.x * width - (meta.width ?? 0) / 2),
      top: Math.round(pose.y * height - (meta.height ?? 0) / 2),
    });
  }
  let frame = sharp(background).composite(layers);
  if (pose.blur || pose.light !== undefined) {
    frame = sharp(await frame.png().toBuffer());
    if (pose.blur) frame = frame.blur(pose.blur);
    if (pose.light !== undefined) frame = frame.linear(pose.light, 0);
  }
  return frame.removeAlpha().raw().toBuffer();
}

function between(from: CardPose, to: CardPose | undefined, t: number): CardPose {
  if (!to) return from;
  const mix = (a = 0, b = 0) => a + (b - a) * t;
  return {
    ...from,
    x: mix(from.x, to.x),
    y: mix(from.y, to.y),
    size: mix(from.size, to.size),
    turn: mix(from.turn, to.turn),
    shear: mix(from.shear, to.shear),
  };
}

export type CardSources = { front: string; back: string };

/** Every frame of the stretches, as raw RGB at `VIDEO_SIZE`, in order. */
export async function* renderFrames(
  stretches: readonly Stretch[],
  sources: CardSources,
): AsyncGenerator<Buffer> {
  const background = await desk();
  const cards = { front: await cutCard(sources.front), back: await cutCard(sources.back) };
  for (const stretch of stretches) {
    const card = stretch.card ? cards[stretch.card] : null;
    for (let i = 0; i < stretch.frames; i += 1) {
      const t = stretch.frames > 1 ? i / (stretch.frames - 1) : 0;
      yield renderFrame(background, card, between(stretch.from, stretch.to, t));
    }
  }
}

/** BT.601 studio-swing YUV 4:2:0, the layout of a Y4M `C420jpeg` frame. */
export function rgbToI420(rgb: Buffer, width: number, height: number): Buffer {
  const out = Buffer.alloc((width * height * 3) / 2);
  const uOffset = width * height;
  const vOffset = uOffset + (width * height) / 4;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const p = (y * width + x) * 3;
      const r = rgb[p] as number;
      const g = rgb[p + 1] as number;
      const b = rgb[p + 2] as number;
      out[y * width + x] = 16 + ((66 * r + 129 * g + 25 * b + 128) >> 8);
      if (y % 2 === 0 && x % 2 === 0) {
        const c = (y / 2) * (width / 2) + x / 2;
        out[uOffset + c] = 128 + ((-38 * r - 74 * g + 112 * b + 128) >> 8);
        out[vOffset + c] = 128 + ((112 * r - 94 * g - 18 * b + 128) >> 8);
      }
    }
  }
  return out;
}

/** Writes the stretches as a Y4M file Chromium's fake camera plays in a loop. */
export async function writeCardVideo(
  path: string,
  stretches: readonly Stretch[],
  sources: CardSources,
): Promise<void> {
  const { width, height } = VIDEO_SIZE;
  const out = createWriteStream(path);
  const write = (chunk: Buffer | string) =>
    new Promise<void>((done, fail) => out.write(chunk, (error) => (error ? fail(error) : done())));
  await write(`YUV4MPEG2 W${width} H${height} F${VIDEO_FPS}:1 Ip A1:1 C420jpeg\n`);
  for await (const frame of renderFrames(stretches, sources)) {
    await write('FRAME\n');
    await write(rgbToI420(frame, width, height));
  }
  await new Promise<void>((done) => out.end(done));
}

/**
 * Chromium with its fake camera playing the stretches in a loop, the video written to `path`
 * first: the camera reads its file when the browser starts, so a spec that needs one launches its
 * own browser once the video is there (the shared browser fixture may start before beforeAll).
 */
export async function launchWithCameraVideo(
  path: string,
  stretches: readonly Stretch[],
  sources: CardSources,
): Promise<Browser> {
  mkdirSync(dirname(path), { recursive: true });
  await writeCardVideo(path, stretches, sources);
  return chromium.launch(chromiumLaunchOptions(fakeCameraSwitches(path)));
}

/** The cards every capture video shows: one holder's portrait side and a back whose period fits. */
export const CAPTURE_CARDS: CardSources = {
  front: '000-flat-scan-front.png',
  back: '009-uneven-light-back.jpg',
};

const steadyFront: CardPose = { x: 0.5, y: 0.5, size: 0.6 };

/**
 * The capture scenario, one problem after another in the order the hints rank them, then the
 * portrait side steady and sharp, then the card turned over and steady: dim room, nothing in
 * view, the card far, seen from the side, moving (smeared), a reflection, steady.
 */
export const CAPTURE_SCENARIO: readonly Stretch[] = [
  { card: 'front', frames: 15, from: { ...steadyFront, light: 0.2 } },
  { card: null, frames: 15, from: steadyFront },
  { card: 'front', frames: 15, from: { ...steadyFront, size: 0.3 } },
  { card: 'front', frames: 15, from: { ...steadyFront, shear: 0.45 } },
  {
    card: 'front',
    frames: 15,
    from: { ...steadyFront, x: 0.4, blur: 4 },
    to: { ...steadyFront, x: 0.6, blur: 4 },
  },
  { card: 'front', frames: 15, from: { ...steadyFront, glare: true } },
  { card: 'front', frames: 30, from: steadyFront },
  { card: null, frames: 5, from: steadyFront },
  { card: 'back', frames: 40, from: { ...steadyFront, turn: 2 } },
];
