import type { IdCardResponse } from '../../idcard/api-contract.ts';
import { createApp } from '../http/create-app.ts';
import { EMPTY_ALLOW_LIST } from '../image/address-policy.ts';
import { encodeJpeg } from '../image/image-codec.ts';
import type { LocalEngine } from '../local-engine/local-engine.ts';
import { createLocalUpstream } from '../local-engine/local-upstream.ts';

/**
 * How long a test polls for a server to reach a state (a request admitted, queued or handed to
 * the engine): far above what an idle machine needs, so a loaded one passes too.
 */
export const SERVER_POLL_MS = 10_000;

/** What a test engine answers: an emblem side whose values pass the card's checks. */
export const SAMPLE_BACK_RESULT: IdCardResponse['result'] = {
  issue: '北京市公安局东城分局',
  valid_from: '2015-03-06',
  valid_to: '2035-03-06',
};

/** A small real JPEG, enough to pass the route's checks before the engine. */
export async function smallJpeg(): Promise<Buffer> {
  const pixels = { width: 64, height: 40, data: new Uint8Array(64 * 40 * 3).fill(90) };
  return Buffer.from(await encodeJpeg(pixels, 90));
}

/**
 * The app with its OCR route answered by `engine` through the real local upstream: one
 * recognition at a time, one waiting, short limits.
 */
export function localAppOver(engine: LocalEngine) {
  const upstream = createLocalUpstream(Promise.resolve(engine), {
    admission: { concurrency: 1, queueLimit: 1, maxWaitMs: 5000 },
    requestTimeoutMs: 5000,
    urlFetch: { allowList: EMPTY_ALLOW_LIST, timeoutMs: 1000, maxBytes: 1024, maxRedirects: 0 },
  });
  const app = createApp({
    staticRoot: null,
    ocr: {
      upstream,
      requiredToken: null,
      maxUploads: 16,
      health: () => ({ ready: true, upstream: upstream.name }),
    },
  });
  return { app, upstream };
}
