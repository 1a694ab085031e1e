import { readFile } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import type { Quad } from '../../idcard/api-contract.ts';
import { FACE_CORNERS, FACE_HEIGHT, FACE_WIDTH } from '../../ocr/card-geometry.ts';
import { applyHomography, homographyFromQuads, type Point } from '../../ocr/geometry.ts';
import type { RgbImage } from '../../ocr/rgb-image.ts';
import { warpImage } from '../../ocr/warp.ts';

/**
 * Photos too poor to read, and photos with no ID card, made at test time from the committed
 * cards (e2e/fixtures/cards/) and from nothing: the engine's tests and `npm run bench:poor-photos`
 * share them.
 */

export const CARDS_DIR = new URL('../../../e2e/fixtures/cards/', import.meta.url);

const PHOTO = { width: 1280, height: 960 };
const JPEG_QUALITY = 90;

/** A committed card photo as it was taken, blurred by a Gaussian of `sigma` pixels. */
export async function blurredPhoto(file: string, sigma: number): Promise<Uint8Array> {
  const photo = await readFile(new URL(file, CARDS_DIR));
  return jpeg(sharp(photo).blur(sigma));
}

/** Where a composed card lies: square to the camera, or held at an angle (perspective). */
export type Pose = 'square' | 'tilted';
export type Background = 'white' | 'dark';

const POSES: Record<Pose, Point[]> = {
  square: [
    [212, 220],
    [1068, 220],
    [1068, 760],
    [212, 760],
  ],
  // The far side shorter and the card turned a little: a phone held over a desk at an angle.
  tilted: [
    [300, 250],
    [1040, 190],
    [1120, 790],
    [170, 740],
  ],
};

/**
 * The card of a committed photo (cut out along its ground-truth corners) laid on a `background`
 * in `pose`, the whole photo blurred by `sigma` pixels.
 */
export async function composedCard(
  file: string,
  corners: Quad,
  background: Background,
  pose: Pose,
  sigma: number,
): Promise<Uint8Array> {
  const photo = await rgbOf(await readFile(new URL(file, CARDS_DIR)));
  const face = warpImage(
    photo,
    homographyFromQuads(FACE_CORNERS, corners),
    FACE_WIDTH,
    FACE_HEIGHT,
  );
  const canvas = backgroundImage(background);
  const toFace = homographyFromQuads(POSES[pose], FACE_CORNERS);
  for (let y = 0; y < canvas.height; y++) {
    for (let x = 0; x < canvas.width; x++) {
      const [u, v] = applyHomography(toFace, x, y);
      if (u < 0 || v < 0 || u >= FACE_WIDTH || v >= FACE_HEIGHT) continue;
      const from = (Math.floor(v) * FACE_WIDTH + Math.floor(u)) * 3;
      canvas.data.set(face.data.subarray(from, from + 3), (y * canvas.width + x) * 3);
    }
  }
  return jpeg(raw(canvas).blur(sigma));
}

/** A card-sized white plate on a dark desk with sharp Chinese text that is no ID card's. */
export async function memberCard(): Promise<Uint8Array> {
  const lines = [
    '会员卡 金卡会员专享',
    '持卡人 请妥善保管本卡',
    '积分兑换 每月一日更新',
    '客服电话 请见背面',
  ];
  const text = lines
    .map((line, i) => `<text x="80" y="${170 + i * 90}" font-size="44">${line}</text>`)
    .join('');
  return svgPhoto(`<rect width="1280" height="960" fill="#4a3b2f"/>
    <rect x="40" y="60" width="1000" height="631" rx="30" fill="#f4f4f0"/>
    <g fill="#111" font-family="Noto Sans CJK SC">${text}</g>`);
}

/** A bank card: dark blue plate, embossed-looking digits and a name, no ID card's labels. */
export async function bankCard(): Promise<Uint8Array> {
  return svgPhoto(`<rect width="1280" height="960" fill="#d8d4cc"/>
    <rect x="190" y="200" width="900" height="568" rx="36" fill="#1d3b6e"/>
    <g fill="#f0f0f0" font-family="Noto Sans CJK SC">
      <text x="250" y="300" font-size="52">中国示例银行 借记卡</text>
      <text x="240" y="560" font-size="54" font-family="OCR B">6222 0210 0123 4567</text>
      <text x="250" y="660" font-size="40">ZHANG SAN      有效期 08/29</text>
    </g>`);
}

/** A blank white plate on a dark desk: card-shaped, but with no print at all. */
export async function blankPlate(): Promise<Uint8Array> {
  return svgPhoto(`<rect width="1280" height="960" fill="#3a3430"/>
    <rect x="212" y="220" width="856" height="540" rx="30" fill="#f6f6f3"/>`);
}

/** The same plate lit by a desk lamp from one side: bright at one end, greyer at the other. */
export async function lampLitPlate(): Promise<Uint8Array> {
  return svgPhoto(`<defs><radialGradient id="lamp" cx="0.2" cy="0.3" r="1">
      <stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#a8a49c"/></radialGradient></defs>
    <rect width="1280" height="960" fill="#3a3430"/>
    <rect x="212" y="220" width="856" height="540" rx="30" fill="url(#lamp)"/>`);
}

/** A landscape with nothing card-shaped in it: sky, sun, hills, trees, a lake. */
export async function landscape(): Promise<Uint8Array> {
  const trees = Array.from({ length: 9 }, (_, i) => {
    const x = 80 + i * 130;
    return `<polygon points="${x},620 ${x + 40},470 ${x + 80},620" fill="#1f4d2b"/>`;
  }).join('');
  return svgPhoto(`<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#5b8fd6"/><stop offset="1" stop-color="#dbe9f7"/></linearGradient></defs>
    <rect width="1280" height="960" fill="url(#sky)"/>
    <circle cx="980" cy="170" r="70" fill="#ffe9a0"/>
    <path d="M0 560 Q 320 380 640 540 T 1280 500 V 960 H 0 Z" fill="#4f7d3a"/>
    ${trees}
    <ellipse cx="640" cy="800" rx="420" ry="90" fill="#6f9fc8"/>`);
}

/** Every pixel drawn at random: edges everywhere, nothing card-shaped. */
export async function noise(): Promise<Uint8Array> {
  const image = { ...PHOTO, data: new Uint8Array(PHOTO.width * PHOTO.height * 3) };
  const next = random(11);
  for (let i = 0; i < image.data.length; i++) image.data[i] = next() * 256;
  return jpeg(raw(image));
}

/** A blank page. */
export async function blankPage(): Promise<Uint8Array> {
  return svgPhoto('<rect width="1280" height="960" fill="#fafafa"/>');
}

/** A single white pixel. */
export async function onePixel(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer(),
  );
}

async function svgPhoto(body: string): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO.width}" height="${PHOTO.height}">${body}</svg>`;
  return jpeg(sharp(Buffer.from(svg)));
}

/** A pale desk, or a dark wooden one with grain and grit. */
function backgroundImage(kind: Background): RgbImage {
  const data = new Uint8Array(PHOTO.width * PHOTO.height * 3);
  const next = random(kind === 'white' ? 3 : 5);
  for (let y = 0; y < PHOTO.height; y++) {
    for (let x = 0; x < PHOTO.width; x++) {
      const grit = (next() - 0.5) * 12;
      const grain = kind === 'dark' ? 14 * Math.sin(y / 7 + 3 * Math.sin(x / 90)) : 0;
      const base = kind === 'white' ? [242, 241, 236] : [78, 58, 42];
      const i = (y * PHOTO.width + x) * 3;
      for (let c = 0; c < 3; c++) data[i + c] = (base[c] as number) + grain + grit;
    }
  }
  return { ...PHOTO, data };
}

async function rgbOf(bytes: Uint8Array | Buffer): Promise<RgbImage> {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

function raw(image: RgbImage): Sharp {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
}

async function jpeg(pipeline: Sharp): Promise<Uint8Array> {
  return new Uint8Array(await pipeline.jpeg({ quality: JPEG_QUALITY }).toBuffer());
}

/** A small seeded generator (Park-Miller), so every run makes the same pixels. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}
