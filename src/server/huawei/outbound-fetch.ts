import { UpstreamTimeoutError, UpstreamUnavailableError } from '../http/api-error.ts';

export type OutboundAnswer = {
  status: number;
  headers: Headers;
  /** The whole body, read within the same time limit as the headers. */
  text: string;
};

export type OutboundLimits = {
  /** Names the upstream in failure messages, e.g. `Huawei Cloud OCR at https://ocr...`. */
  upstream: string;
  timeoutMs: number;
  /** The caller's own signal: when it aborts, its reason is thrown as it is. */
  signal?: AbortSignal;
};

/**
 * The largest answer read into memory. Huawei's richest answer (adjusted card image, portrait
 * crop and locations for a 10 MB photo) stays well below it.
 */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/**
 * One outbound HTTP call with a time limit covering connection, headers and body. A timeout
 * becomes an `UpstreamTimeoutError`, a network failure an `UpstreamUnavailableError`. Redirects
 * are refused: following one would carry the `X-Auth-Token` header to wherever it points.
 */
export async function fetchWithin(
  url: string,
  init: RequestInit,
  limits: OutboundLimits,
): Promise<OutboundAnswer> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([limits.signal, deadline]) : deadline;
  let response: Response;
  let text: string | null;
  try {
    response = await fetch(url, { ...init, signal, redirect: 'error' });
    text = await readText(response, MAX_ANSWER_BYTES);
  } catch (error) {
    if (limits.signal?.aborted) throw limits.signal.reason;
    if (deadline.aborted) {
      throw new UpstreamTimeoutError(
        `${limits.upstream} did not answer within ${limits.timeoutMs / 1000} s`,
      );
    }
    throw new UpstreamUnavailableError(
      `${limits.upstream} is unreachable (${networkCause(error)})`,
    );
  }
  if (text === null) {
    throw new UpstreamUnavailableError(
      `${limits.upstream} answered more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`,
    );
  }
  return { status: response.status, headers: response.headers, text };
}

/** The body as UTF-8 text, or null (and the rest left unread) once it passes `maxBytes`. */
async function readText(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    // Leaving the loop cancels the stream: the rest is never downloaded.
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The system error code (ECONNREFUSED, ENOTFOUND, ...) or undici's reason, for the operator. */
function networkCause(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object') {
    if ('code' in cause && typeof cause.code === 'string') return cause.code;
    if ('message' in cause && typeof cause.message === 'string') return cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}
