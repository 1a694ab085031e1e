import cvModule from '@techstark/opencv-js';
import sharp from 'sharp';
import {
  CAPTURE_CARDS,
  type CardPose,
  renderFrames,
  VIDEO_SIZE,
} from '../../e2e/support/card-video.ts';
import type { Quad } from '../../src/idcard/api-contract.ts';
import { FACE_HEIGHT, FACE_WIDTH } from '../../src/ocr/card-geometry.ts';
import { findCardQuad } from '../../src/ocr/card-quad.ts';
import { distance, type Point } from '../../src/ocr/geometry.ts';
import { grayOf } from '../../src/ocr/gray-image.ts';

/**
 * Card finders compared on the same analysis frames (480 px wide, as the live view analyses):
 * ours (edges, background flood, hull, fitted sides) against OpenCV.js's textbook contour
 * method (Gaussian blur, Canny, dilate, external contours, approxPolyDP to four points).
 * Prints each finder's hit rate, corner error (share of the card's width) and ms per frame.
 *
 *   npm run bench:card-finders [-- --frames 60]
 */

const ANALYSIS_WIDTH = 480;
const frameCount = Number(process.argv[process.argv.indexOf('--frames') + 1]) || 60;

/** Poses spread over what the live view meets: near and far, turned, tilted, soft, dim. */
function poses(count: number): CardPose[] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () => ({
    x: 0.4 + random() * 0.2,
    y: 0.42 + random() * 0.16,
    size: 0.3 + random() * 0.32,
    turn: (random() - 0.5) * 30,
    shear: (random() - 0.5) * 0.3,
    blur: random() < 0.3 ? 1 + random() * 2 : 0,
    light: 0.6 + random() * 0.4,
  }));
}

/** Where the generator put the card's corners, at analysis scale. */
function trueCorners(pose: CardPose): Point[] {
  const scale = ANALYSIS_WIDTH / VIDEO_SIZE.width;
  const w = pose.size * VIDEO_SIZE.width;
  const h = (w * FACE_HEIGHT) / FACE_WIDTH;
  const angle = ((pose.turn ?? 0) * Math.PI) / 180;
  const shear = pose.shear ?? 0;
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([x = 0, y = 0]) => {
    const sx = x + shear * y;
    return [
      (pose.x * VIDEO_SIZE.width + sx * Math.cos(angle) - y * Math.sin(angle)) * scale,
      (pose.y * VIDEO_SIZE.height + sx * Math.sin(angle) + y * Math.cos(angle)) * scale,
    ];
  });
}

/** Mean distance from each true corner to the nearest found one, over the card's width. */
function cornerError(found: Quad, truth: Point[]): number {
  const width = distance(truth[0] as Point, truth[1] as Point);
  const errors = truth.map((corner) => Math.min(...found.map((p) => distance(p, corner))));
  return errors.reduce((a, b) => a + b, 0) / errors.length / width;
}

type CV = typeof cvModule;

/**
 * The Emscripten module is a thenable that passes itself on, so awaiting it (or resolving with
 * it) never ends;
 * its `then` callback says when the WebAssembly is ready.
 */
async function loadOpenCv(): Promise<{ cv: CV }> {
  const module = cvModule as unknown as { then: (ready: () => void) => void };
  await new Promise<void>((resolve) => module.then(() => resolve()));
  return { cv: cvModule };
}

function openCvQuad(cv: CV, gray: Uint8Array, width: number, height: number): Quad | null {
  const source = new cv.Mat(height, width, cv.CV_8UC1);
  source.data.set(gray);
  const blurred = new cv.Mat();
  const edges = new cv.Mat();
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  try {
    cv.GaussianBlur(source, blurred, new cv.Size(5, 5), 0);
    cv.Canny(blurred, edges, 30, 90);
    cv.dilate(edges, edges, cv.Mat.ones(3, 3, cv.CV_8U));
    cv.findContours(edges, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    let best: Quad | null = null;
    let bestArea = 0.02 * width * height;
    for (let i = 0; i < contours.size(); i += 1) {
      const contour = contours.get(i);
      const approx = new cv.Mat();
      cv.approxPolyDP(contour, approx, 0.02 * cv.arcLength(contour, true), true);
      const area = cv.contourArea(approx);
      if (approx.rows === 4 && cv.isContourConvex(approx) && area > bestArea) {
        bestArea = area;
        const p = approx.data32S;
        best = [
          [p[0] ?? 0, p[1] ?? 0],
          [p[2] ?? 0, p[3] ?? 0],
          [p[4] ?? 0, p[5] ?? 0],
          [p[6] ?? 0, p[7] ?? 0],
        ];
      }
      approx.delete();
      contour.delete();
    }
    return best;
  } finally {
    for (const mat of [source, blurred, edges, contours, hierarchy]) mat.delete();
  }
}

type Tally = { found: number; errors: number[]; ms: number[] };

function summary(name: string, tally: Tally, frames: number) {
  const errors = [...tally.errors].sort((a, b) => a - b);
  const ms = [...tally.ms].sort((a, b) => a - b);
  const median = (values: number[]) => values[Math.floor(values.length / 2)] ?? Number.NaN;
  const within2 = errors.filter((e) => e <= 0.02).length;
  console.log(
    `${name.padEnd(10)} found ${tally.found}/${frames}, corners within 2 % of the card's width ${within2}/${frames}, ` +
      `median corner error ${(median(errors) * 100).toFixed(2)} %, median ${median(ms).toFixed(1)} ms/frame`,
  );
}

const { cv } = await loadOpenCv();
const chosen = poses(frameCount);
const stretches = chosen.map((pose, i) => ({
  card: i % 2 === 0 ? ('front' as const) : ('back' as const),
  frames: 1,
  from: pose,
}));
const ours: Tally = { found: 0, errors: [], ms: [] };
const opencv: Tally = { found: 0, errors: [], ms: [] };
let index = 0;
for await (const frame of renderFrames(stretches, CAPTURE_CARDS)) {
  const height = Math.round((ANALYSIS_WIDTH * VIDEO_SIZE.height) / VIDEO_SIZE.width);
  const small = await sharp(frame, { raw: { ...VIDEO_SIZE, channels: 3 } })
    .resize(ANALYSIS_WIDTH, height)
    .raw()
    .toBuffer();
  const gray = grayOf({ width: ANALYSIS_WIDTH, height, data: new Uint8Array(small) });
  const truth = trueCorners(chosen[index] as CardPose);
  for (const [tally, find] of [
    [ours, () => findCardQuad(gray)],
    [opencv, () => openCvQuad(cv, gray.data, ANALYSIS_WIDTH, height)],
  ] as const) {
    const started = performance.now();
    const quad = find();
    tally.ms.push(performance.now() - started);
    if (!quad) continue;
    tally.found += 1;
    tally.errors.push(cornerError(quad, truth));
  }
  index += 1;
}
summary('ours', ours, frameCount);
summary('OpenCV.js', opencv, frameCount);
