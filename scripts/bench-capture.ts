/**
 * Live capture benchmark: headless Chromium with a fake camera playing a generated card video,
 * the CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate`, about a mid-range phone), against the
 * real app and local engine. Prints the frames analysed per second, the time from the steady card
 * (the shot) to the fields shown, and the bytes sent for the cropped shot against the same frame
 * sent whole (through the same compression, as the shutter sent it before). Not a test: figures
 * vary with the machine's load.
 *
 *   npm run bench:capture [-- --port 8311] [--throttle 4]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Request } from '@playwright/test';
import sharp from 'sharp';
import {
  CAPTURE_CARDS,
  CAPTURE_SCENARIO,
  launchWithCameraVideo,
  renderFrames,
  VIDEO_SIZE,
} from '../e2e/support/card-video.ts';
import { isOcrRequest } from '../e2e/support/desk.ts';
import { serverOnPort } from './bench-load/server-process.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8311' },
    throttle: { type: 'string', default: '4' },
  },
});

/** Bytes of the image inside an OCR request (its base64 decoded). */
function imageBytes(request: Request): number {
  const body = JSON.parse(request.postData() ?? '{}') as { image?: string };
  return Buffer.from(body.image ?? '', 'base64').length;
}

/** The steady portrait-side frame of the video, whole, as the shutter used to send it. */
async function fullFrameJpeg(): Promise<Buffer> {
  const steady = CAPTURE_SCENARIO.find(
    (stretch) => stretch.card === 'front' && Object.keys(stretch.from).length === 3,
  );
  if (!steady) throw new Error('the scenario has no steady front');
  for await (const frame of renderFrames([{ ...steady, frames: 1 }], CAPTURE_CARDS)) {
    return sharp(frame, { raw: { ...VIDEO_SIZE, channels: 3 } })
      .jpeg({ quality: 92 })
      .toBuffer();
  }
  throw new Error('no frame rendered');
}

async function main() {
  const video = resolve(ROOT, 'bench-results/capture-video/front-then-back.y4m');
  const server = await serverOnPort(Number(args.port));
  const browser = await launchWithCameraVideo(video, CAPTURE_SCENARIO, CAPTURE_CARDS);
  try {
    const context = await browser.newContext({ permissions: ['camera'], locale: 'zh-CN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(args.throttle) });
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (isOcrRequest(request.url(), request.method())) sent.push(request);
    });
    await page.goto(`http://127.0.0.1:${args.port}/`);
    await page.getByRole('button', { name: '取景拍摄' }).click();
    const camera = page.getByRole('dialog', { name: '取景拍摄' });
    // The first face's fields shown (the step line that says so may last only a moment).
    await page.waitForFunction(
      () => performance.getEntriesByName('idcard:drop-to-fields').length > 0,
      undefined,
      { timeout: 240_000 },
    );
    const figures = await page.evaluate(() => {
      const frames = performance.getEntriesByName('idcard:capture-frame');
      const steady = performance.getEntriesByName('idcard:card-steady')[0];
      const fields = performance.getEntriesByName('idcard:drop-to-fields')[0];
      const first = frames[0]?.startTime ?? 0;
      const last = frames.at(-1)?.startTime ?? 0;
      const workerMs = frames
        .map((entry) => Number((entry as PerformanceMark).detail))
        .sort((a, b) => a - b);
      return {
        frames: frames.length,
        perSecond: (frames.length - 1) / ((last - first) / 1000),
        workerMs: workerMs[Math.floor(workerMs.length / 2)] ?? Number.NaN,
        steadyToFields:
          steady && fields ? fields.startTime + fields.duration - steady.startTime : Number.NaN,
      };
    });
    await camera.getByRole('button', { name: '完成' }).click();
    // The same frame sent whole, through the same compression.
    const whole = page.waitForRequest((request) => isOcrRequest(request.url(), request.method()));
    await page.getByLabel('选择图片').setInputFiles({
      name: 'whole-frame.jpg',
      mimeType: 'image/jpeg',
      buffer: await fullFrameJpeg(),
    });
    const wholeBytes = imageBytes(await whole);
    const cropBytes = sent[0] ? imageBytes(sent[0]) : Number.NaN;
    console.log(
      `CPU throttling ${args.throttle}×, camera ${VIDEO_SIZE.width}×${VIDEO_SIZE.height}`,
    );
    console.log(
      `frames analysed: ${figures.frames}, ${figures.perSecond.toFixed(1)}/s (worker median ${figures.workerMs.toFixed(0)} ms a frame)`,
    );
    console.log(`steady card to fields shown: ${(figures.steadyToFields / 1000).toFixed(2)} s`);
    console.log(
      `bytes sent: cropped ${cropBytes}, whole frame ${wholeBytes} (${((100 * cropBytes) / wholeBytes).toFixed(0)} %)`,
    );
  } finally {
    await browser.close();
    await server?.stop();
  }
}

await main();
