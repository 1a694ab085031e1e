import type { LocalEngineSettings } from '../config/config.ts';
import {
  apiErrorReply,
  isExpectedFailure,
  RequestTimeoutError,
  ShuttingDownError,
} from '../http/api-error.ts';
import { decodeBase64Image, MAX_IMAGE_BYTES } from '../http/base64-image.ts';
import { parseIdCardRequest } from '../http/id-card-request.ts';
import type { OcrCall, OcrReply, OcrUpstream } from '../http/ocr-upstream.ts';
import { checkImage } from '../image/image-check.ts';
import { fetchImageUrl, MAX_URL_REDIRECTS, type UrlFetchPolicy } from '../image/image-url-fetch.ts';
import { type AdmissionLimits, type AdmissionLoad, createAdmission } from './admission.ts';
import type { LocalEngine } from './local-engine.ts';

export type EngineState = 'loading' | 'loaded' | 'failed' | 'closing' | 'closed';

export type LocalUpstreamSettings = {
  admission: AdmissionLimits;
  /** For the whole request after its body arrived: download, queue wait and recognition. */
  requestTimeoutMs: number;
  urlFetch: UrlFetchPolicy;
};

export type LocalUpstream = OcrUpstream & {
  engineState(): EngineState;
  /** Recognitions running and requests waiting for a slot, for /health. */
  load(): AdmissionLoad;
};

/** The configured variables plus the API's fixed limits. */
export function localUpstreamSettings(config: LocalEngineSettings): LocalUpstreamSettings {
  return {
    admission: {
      concurrency: config.workers,
      queueLimit: config.queueLimit,
      maxWaitMs: config.queueWaitMs,
    },
    requestTimeoutMs: config.requestTimeoutMs,
    urlFetch: {
      allowList: config.urlAllowList,
      timeoutMs: config.urlTimeoutMs,
      maxBytes: MAX_IMAGE_BYTES,
      maxRedirects: MAX_URL_REDIRECTS,
    },
  };
}

/**
 * The OCR route answered by the bundled engine. Validation runs in the fixed order of the
 * design (JSON, parameters, base64 and byte limit, image format, pixel limits) before a
 * recognition slot is taken, so a bad request never waits in the queue.
 */
export function createLocalUpstream(
  engineLoading: Promise<LocalEngine>,
  settings: LocalUpstreamSettings,
): LocalUpstream {
  const admission = createAdmission(settings.admission);
  let state: EngineState = 'loading';
  let closed: Promise<void> | null = null;
  engineLoading.then(
    () => {
      if (state === 'loading') state = 'loaded';
    },
    // server.ts reports the load error and exits; requests waiting on it answer AIS.0105.
    () => {
      state = 'failed';
    },
  );

  async function answer(call: OcrCall, signal: AbortSignal): Promise<OcrReply> {
    const plan = parseIdCardRequest(call.body);
    const bytes =
      plan.source.kind === 'base64'
        ? decodeBase64Image(plan.source.text)
        : await fetchImageUrl(plan.source.url, settings.urlFetch, signal);
    await checkImage(bytes);
    const recognition = admission.run(async () => {
      const engine = await engineLoading;
      return engine.recognize(bytes, plan.options, signal);
    }, signal);
    const result = await untilAborted(recognition, signal);
    return { status: 200, body: { result } };
  }

  return {
    name: 'local engine',
    engineState: () => state,
    load: () => admission.load(),
    full: () => admission.full(),
    async call(call) {
      if (closed) return apiErrorReply(new ShuttingDownError());
      const deadline = AbortSignal.timeout(settings.requestTimeoutMs);
      const signal = AbortSignal.any([call.signal, deadline]);
      try {
        return await answer(call, signal);
      } catch (error) {
        if (deadline.aborted && !call.signal.aborted) {
          return apiErrorReply(new RequestTimeoutError(settings.requestTimeoutMs));
        }
        if (!isExpectedFailure(error) && !call.signal.aborted) {
          console.error('OCR request failed inside the engine:', error);
        }
        return apiErrorReply(error);
      }
    },
    close() {
      closed ??= (async () => {
        state = 'closing';
        await admission.drain();
        const engine = await engineLoading;
        await engine.close();
        state = 'closed';
      })();
      return closed;
    },
  };
}

/**
 * Answers when the signal fires even if the engine has not noticed yet; its slot stays taken
 * until it really stops, because the cores are still busy until then.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
