import { UpstreamTimeoutError, UpstreamUnavailableError } from './api-error.ts';

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
 * One outbound HTTP call with a time limit covering connection, headers and body. A timeout
 * becomes an `UpstreamTimeoutError`, a network failure an `UpstreamUnavailableError`; redirects are refused, because following
 * one would carry the `X-Auth-Token` header to wherever it points.
 */
export async function fetchWithin(
  url: string,
  init: RequestInit,
  limits: OutboundLimits,
): Promise<OutboundAnswer> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([limits.signal, deadline]) : deadline;
  try {
    const response = await fetch(url, { ...init, signal, redirect: 'error' });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
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
