import {
  errorBodySchema,
  type IdCardRequest,
  type IdCardResponse,
  idCardResponseSchema,
  ocrRoutePath,
} from '../../idcard/api-contract.ts';
import { appConfig } from '../config.ts';

/**
 * How long one recognition may take before the app gives up on it. The local engine reads a card
 * in a few seconds on two cores; a minute leaves room for a queue of other counters' requests and
 * for Huawei Cloud's own gateway limit, which answers APIG.0201 well before this.
 */
export const RECOGNITION_TIMEOUT_MS = 60_000;

/** Everything that can go wrong between sending an image and holding a valid result. */
export type RecognitionFailure =
  /** The service answered with an API error body (`error_code`, `error_msg`). */
  | { kind: 'api'; code: string; serverMessage: string; status: number }
  /** An HTTP error without an API error body, e.g. a gateway's HTML page. */
  | { kind: 'http'; status: number }
  /** No answer at all: the proxy is down or the connection broke. */
  | { kind: 'network' }
  /** The browser knows it has no network. */
  | { kind: 'offline' }
  | { kind: 'timeout' }
  /** A 200 whose body is not a result the contract describes. */
  | { kind: 'bad-response'; detail: string }
  | { kind: 'cancelled' };

export class RecognitionError extends Error {
  constructor(readonly failure: RecognitionFailure) {
    super(`recognition failed: ${failure.kind}`);
    this.name = 'RecognitionError';
  }
}

/** What the app always asks for, besides the image and the side. */
const REQUESTED_EXTRAS = {
  return_verification: true,
  return_adjusted_image: true,
  return_portrait_image: true,
  return_text_location: true,
} satisfies Omit<IdCardRequest, 'image' | 'url' | 'side'>;

export type RecognizeInput = {
  /** Base64 of the image file, without a `data:` prefix. */
  imageBase64: string;
  /** Left out to let the service detect the side; `double_side` for a page with both faces. */
  side?: 'double_side';
  signal: AbortSignal;
};

export async function recognizeIdCard({
  imageBase64,
  side,
  signal,
}: RecognizeInput): Promise<IdCardResponse> {
  if (!navigator.onLine) throw new RecognitionError({ kind: 'offline' });
  const timeout = AbortSignal.timeout(RECOGNITION_TIMEOUT_MS);
  const request: IdCardRequest = {
    image: imageBase64,
    ...(side ? { side } : {}),
    ...REQUESTED_EXTRAS,
  };
  let response: Response;
  try {
    response = await fetch(ocrRoutePath(appConfig.ocrProjectId), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      body: JSON.stringify(request),
      signal: AbortSignal.any([signal, timeout]),
    });
  } catch (error) {
    throw new RecognitionError(classifyFetchError(error, signal, timeout));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal.aborted || timeout.aborted) {
      throw new RecognitionError(classifyFetchError(error, signal, timeout));
    }
    throw new RecognitionError(
      response.ok
        ? { kind: 'bad-response', detail: 'body is not JSON' }
        : { kind: 'http', status: response.status },
    );
  }
  if (!response.ok) {
    const apiError = errorBodySchema.safeParse(body);
    throw new RecognitionError(
      apiError.success
        ? {
            kind: 'api',
            code: apiError.data.error_code,
            serverMessage: apiError.data.error_msg,
            status: response.status,
          }
        : { kind: 'http', status: response.status },
    );
  }
  const parsed = idCardResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new RecognitionError({ kind: 'bad-response', detail: parsed.error.message });
  }
  return parsed.data;
}

function classifyFetchError(
  error: unknown,
  signal: AbortSignal,
  timeout: AbortSignal,
): RecognitionFailure {
  if (signal.aborted) return { kind: 'cancelled' };
  if (timeout.aborted) return { kind: 'timeout' };
  if (!navigator.onLine) return { kind: 'offline' };
  // fetch rejects with a TypeError for every transport failure; anything else is a bug.
  if (error instanceof TypeError) return { kind: 'network' };
  throw error;
}

/** Whether the service answers its health check now (the server's `GET /health`). */
export async function isServiceUp(signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch('/health', { signal, cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}
