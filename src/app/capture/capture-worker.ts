/// <reference lib="webworker" />

import { rgbaToRgb, rgbToRgba } from './canvas-pixels.ts';
import type { CaptureReply, CaptureRequest } from './capture-protocol.ts';
import { cropCard } from './card-crop.ts';
import { analyseFrame } from './frame-analysis.ts';

/**
 * Looks at live frames and cuts the card out of the shot, off the main thread so the video and
 * the page stay smooth on a phone. Frames arrive as ImageBitmaps (already downscaled for
 * analysis, full size for the crop) and nothing leaves the browser.
 */
declare const self: DedicatedWorkerGlobalScope;

/** JPEG quality of the crop; the compression step re-encodes it anyway. */
const CROP_QUALITY = 0.92;

function pixels(frame: ImageBitmap) {
  const canvas = new OffscreenCanvas(frame.width, frame.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context in the worker');
  context.drawImage(frame, 0, 0);
  frame.close();
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  return rgbaToRgb(data, canvas.width, canvas.height);
}

async function handle(request: CaptureRequest): Promise<CaptureReply> {
  if (request.type === 'analyse') {
    const started = performance.now();
    const analysis = analyseFrame(pixels(request.frame));
    return { type: 'analysed', analysis, ms: performance.now() - started };
  }
  const card = cropCard(pixels(request.frame), request.quad);
  const canvas = new OffscreenCanvas(card.width, card.height);
  canvas
    .getContext('2d')
    ?.putImageData(new ImageData(rgbToRgba(card), card.width, card.height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: CROP_QUALITY });
  return { type: 'cropped', blob, width: card.width, height: card.height };
}

self.addEventListener('message', (event: MessageEvent<CaptureRequest>) => {
  handle(event.data).then(
    (reply) => self.postMessage(reply),
    (error: unknown) =>
      self.postMessage({
        type: 'crashed',
        message: error instanceof Error ? error.message : String(error),
      } satisfies CaptureReply),
  );
});
