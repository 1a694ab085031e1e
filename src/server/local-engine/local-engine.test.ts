import { getEventListeners } from 'node:events';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageDecodeError, NoCardFoundError } from '../../ocr/errors.ts';
import { oneWorkerEngine } from '../test-support/one-worker-engine.ts';
import type { RecognizeOptions } from './local-engine.ts';

const OPTIONS: RecognizeOptions = {
  side: 'auto',
  returnVerification: false,
  returnTextLocation: false,
  returnAdjustedImage: false,
  returnPortraitImage: false,
  returnPortraitLocation: false,
  alarms: [],
};

async function png(width: number, height: number, background = '#fff'): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background } })
      .png()
      .toBuffer(),
  );
}

describe('local engine on hostile input', () => {
  const engine = oneWorkerEngine();

  it('refuses bytes that are no image', async () => {
    await expect(
      engine().recognize(new TextEncoder().encode('not an image at all'), OPTIONS),
    ).rejects.toBeInstanceOf(ImageDecodeError);
  });

  it('refuses a truncated file', async () => {
    const file = await png(200, 200, '#abc');
    await expect(engine().recognize(file.subarray(0, 60), OPTIONS)).rejects.toBeInstanceOf(
      ImageDecodeError,
    );
  });

  it('refuses a PNG declaring 100000 x 100000 pixels without decoding it', async () => {
    const file = await png(1, 1);
    const view = new DataView(file.buffer);
    view.setUint32(16, 100_000);
    view.setUint32(20, 100_000);
    view.setUint32(29, crc32(file.subarray(12, 29)));
    await expect(engine().recognize(file, OPTIONS)).rejects.toBeInstanceOf(ImageDecodeError);
  });

  it('answers a 1 x 1 image and a blank page with NoCardFoundError', async () => {
    await expect(engine().recognize(await png(1, 1), OPTIONS)).rejects.toBeInstanceOf(
      NoCardFoundError,
    );
    await expect(engine().recognize(await png(1200, 900), OPTIONS)).rejects.toBeInstanceOf(
      NoCardFoundError,
    );
  });

  it('lets go of the signal of the caller once a recognition settles', async () => {
    // A listener left on an `AbortSignal.any()` kept it, and the image, alive for good.
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(60_000)]);
    await expect(engine().recognize(await png(1200, 900), OPTIONS, signal)).rejects.toBeInstanceOf(
      NoCardFoundError,
    );
    await expect(engine().recognize(await png(1, 1), OPTIONS, signal)).rejects.toBeInstanceOf(
      NoCardFoundError,
    );
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('answers an abort while queued at once', async () => {
    const busy = engine().recognize(await png(1200, 900), OPTIONS);
    const controller = new AbortController();
    const queued = engine().recognize(await png(1200, 900), OPTIONS, controller.signal);
    controller.abort(new Error('client went away'));
    await expect(queued).rejects.toThrow('client went away');
    await expect(busy).rejects.toBeInstanceOf(NoCardFoundError);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('survives a large image of noise within a bounded time', async () => {
    const size = 4096;
    const noise = new Uint8Array(size * size * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const file = new Uint8Array(
      await sharp(noise, { raw: { width: size, height: size, channels: 3 } })
        .jpeg()
        .toBuffer(),
    );
    const started = performance.now();
    await expect(engine().recognize(file, OPTIONS)).rejects.toBeInstanceOf(NoCardFoundError);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
