import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  apiErrorReply,
  BodyTooLargeError,
  isExpectedFailure,
  NotJsonContentTypeError,
  OverloadedError,
  RouteNotFoundError,
  TokenMismatchError,
  TokenMissingError,
} from './api-error.ts';
import { tokensMatch } from './auth-token.ts';
import { MAX_WRAPPED_BASE64_JSON_BYTES } from './base64-image.ts';
import type { OcrUpstream } from './ocr-upstream.ts';
import { declaredLength, discardBody, readBodyText } from './request-body.ts';
import { securityHeaders } from './security-headers.ts';

/** Room for the JSON around the image: the other parameters, a URL, whitespace. */
const JSON_OVERHEAD_BYTES = 64 * 1024;
/** The API's 10 MB of base64 (line breaks allowed) plus the JSON around it. */
export const MAX_BODY_BYTES = MAX_WRAPPED_BASE64_JSON_BYTES + JSON_OVERHEAD_BYTES;

/**
 * Seconds a client told "too many requests" should wait: a card takes one to two seconds per
 * worker (config.ts), so a second frees a place in a full queue.
 */
export const RETRY_AFTER_SECONDS = 1;

const OCR_ROUTE = '/v2/:projectId/ocr/id-card';
const API_PREFIX = '/v2/';
const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

export type HealthReport = {
  /** False while the engine loads or after shutdown began: /health then answers 503. */
  ready: boolean;
  upstream: string;
  engine?: string;
  /** The local engine's model files once loaded: what each network is and where it came from. */
  models?: { det: string; rec: string; cls: string };
  /** Why the local engine reads with another recogniser than its default. */
  models_note?: string;
  /** The local engine's recognitions running and requests waiting for one. */
  requests?: { running: number; waiting: number };
};

export type OcrRouteDeps = {
  /** What answers the OCR route. */
  upstream: OcrUpstream;
  /** The `X-Auth-Token` callers must send, or null to ignore the header. */
  requiredToken: string | null;
  health: () => HealthReport;
  /**
   * Request bodies read at once, whatever their state: each may hold up to `MAX_BODY_BYTES`
   * in memory until it is parsed, so this bounds that memory.
   */
  maxUploads: number;
};

export type AppDeps = {
  /** Folder of the built single-page app, or null to serve the API alone. */
  staticRoot: string | null;
  /** The OCR route; absent for an app that serves files only (tests of other routes). */
  ocr?: OcrRouteDeps;
};

function errorResponse(c: Context, error: unknown, headers: Record<string, string> = {}): Response {
  const reply = apiErrorReply(error);
  return c.json(reply.body, reply.status as ContentfulStatusCode, {
    ...headers,
    ...retryAfter(reply.status),
  });
}

/** Every 429 says when to come back (RFC 9110 section 10.2.3). */
function retryAfter(status: number): Record<string, string> {
  return status === 429 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {};
}

/**
 * Answers before the body was read. The body is read and dropped first, so the connection is
 * at the next request and stays open (a proxy reusing it for another client loses nothing);
 * a body over the limit is not worth reading: the answer says `Connection: close` and means it.
 */
async function refuseUnread(c: Context, error: unknown): Promise<Response> {
  const drained = await discardBody(c.req.raw, MAX_BODY_BYTES);
  return errorResponse(c, error, drained ? {} : { Connection: 'close' });
}

/** Builds the HTTP app without any I/O, so tests can call it in-process. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // No CORS middleware: the app and the OCR route share one origin, and no other is let in.
  app.use(securityHeaders());
  // Answers carry card data: no browser or intermediary may keep them.
  app.use('/v2/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const ocr = deps.ocr;
  app.get('/health', (c) => {
    const report: HealthReport | { ready: true } = ocr ? ocr.health() : { ready: true };
    return c.json(
      { status: report.ready ? 'ok' : 'unavailable', ...report },
      report.ready ? 200 : 503,
    );
  });
  if (ocr) mountOcrRoute(app, ocr);

  if (deps.staticRoot) {
    app.use('/*', serveStatic({ root: deps.staticRoot }));
  }

  app.notFound((c) =>
    c.req.path.startsWith(API_PREFIX)
      ? errorResponse(c, new RouteNotFoundError())
      : c.text('Not Found', 404),
  );

  // Never an HTML page or a stack trace: the caller gets the API's error shape.
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (!isExpectedFailure(error)) console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return errorResponse(c, error);
  });

  return app;
}

/**
 * The OCR route checks, in this order, before reading the body: token, declared size,
 * Content-Type, load (a full queue or too many bodies being read); then it reads the body,
 * counting its size as it streams in. The upstream checks the rest.
 */
function mountOcrRoute(app: Hono, ocr: OcrRouteDeps): void {
  let uploads = 0;
  const beforeReading = (c: Context): Error | null => {
    if (ocr.requiredToken !== null) {
      const presented = c.req.header('x-auth-token');
      if (!presented) return new TokenMissingError();
      if (!tokensMatch(presented, ocr.requiredToken)) return new TokenMismatchError();
    }
    if ((declaredLength(c.req.raw) ?? 0) > MAX_BODY_BYTES) {
      return new BodyTooLargeError(MAX_BODY_BYTES);
    }
    if (!JSON_CONTENT_TYPE.test(c.req.header('content-type') ?? '')) {
      return new NotJsonContentTypeError();
    }
    if (ocr.upstream.full?.()) {
      return new OverloadedError(
        'every recognition slot is busy and the queue is full; retry later',
      );
    }
    if (uploads >= ocr.maxUploads) {
      return new OverloadedError(
        `${ocr.maxUploads} request bodies are being received; retry later`,
      );
    }
    return null;
  };

  app.post(OCR_ROUTE, async (c) => {
    const refusal = beforeReading(c);
    if (refusal) return refuseUnread(c, refusal);
    let body: string;
    uploads++;
    try {
      body = await readBodyText(c.req.raw, MAX_BODY_BYTES);
    } catch (error) {
      return errorResponse(c, error, { Connection: 'close' });
    } finally {
      uploads--;
    }
    const reply = await ocr.upstream.call({
      projectId: c.req.param('projectId'),
      body,
      authToken: c.req.header('x-auth-token') ?? null,
      signal: c.req.raw.signal,
    });
    return c.json(reply.body, reply.status as ContentfulStatusCode, retryAfter(reply.status));
  });
}
