import { ocrRoutePath } from '../../idcard/api-contract.ts';
import { apiErrorReply, isExpectedFailure, UpstreamUnavailableError } from '../http/api-error.ts';
import type { OcrCall, OcrReply, OcrUpstream } from '../http/ocr-upstream.ts';
import type { HuaweiSettings } from './huawei-settings.ts';
import { createFixedTokenSource, createIamTokenSource, type TokenSource } from './iam-token.ts';
import { fetchWithin, type OutboundAnswer } from './outbound-fetch.ts';

export type HuaweiUpstreamOptions = {
  /** Milliseconds since the epoch, for the token cache; tests move it forward. */
  now?: () => number;
};

const REDACTED = '[redacted]';

/**
 * Huawei Cloud OCR's `RecognizeIdCard` behind the proxy. The request body goes out unchanged, to
 * the configured project whatever project id the browser used; the token is the proxy's own,
 * and the browser's `X-Auth-Token` is never forwarded. Huawei's answers come back with their
 * status and body unchanged; none of Huawei's response headers are passed on.
 */
export function createHuaweiUpstream(
  settings: HuaweiSettings,
  options: HuaweiUpstreamOptions = {},
): OcrUpstream {
  const tokens: TokenSource =
    settings.auth.kind === 'token'
      ? createFixedTokenSource(settings.auth.token)
      : createIamTokenSource(settings.auth, { timeoutMs: settings.timeoutMs, now: options.now });
  const url = `${settings.ocrBaseUrl}${ocrRoutePath(settings.projectId)}`;
  const upstream = `Huawei Cloud OCR at ${settings.ocrBaseUrl}`;

  function send(body: string, token: string, signal: AbortSignal): Promise<OutboundAnswer> {
    return fetchWithin(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json;charset=UTF-8', 'X-Auth-Token': token },
        body,
      },
      { upstream, timeoutMs: settings.timeoutMs, signal },
    );
  }

  async function forward(call: OcrCall): Promise<OcrReply> {
    let token = await tokens.token();
    let answer = await send(call.body, token, call.signal);
    // A 401 means the token expired early or was revoked (password or permission change):
    // a fresh one is worth exactly one more try.
    if (answer.status === 401 && tokens.refreshable) {
      tokens.invalidate(token);
      token = await tokens.token();
      answer = await send(call.body, token, call.signal);
    }
    return { status: answer.status, body: parseAnswer(answer, token) };
  }

  function parseAnswer(answer: OutboundAnswer, token: string): unknown {
    // Belt and braces: should an answer ever echo the token, it is cut out before the browser.
    const text = answer.text.replaceAll(token, REDACTED);
    try {
      return JSON.parse(text);
    } catch {
      throw new UpstreamUnavailableError(
        `${upstream} answered HTTP ${answer.status} with a body that is not JSON`,
      );
    }
  }

  return {
    name: upstream,
    async call(call) {
      try {
        return await forward(call);
      } catch (error) {
        // A browser that went away needs no answer and the log no line.
        if (!call.signal.aborted) {
          console.error(
            isExpectedFailure(error) ? `OCR upstream failure: ${(error as Error).message}` : error,
          );
        }
        return apiErrorReply(error);
      }
    },
    async close() {},
  };
}
