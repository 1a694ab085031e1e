import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  apiErrorReply,
  BodyTooLargeError,
  isExpectedFailure,
  NotJsonContentTypeError,
  RouteNotFoundError,
  TokenMismatchError,
  TokenMissingError,
} from './api-error.ts';
import { tokensMatch } from './auth-token.ts';
import { MAX_WRAPPED_BASE64_CHARS } from './base64-image.ts';
import type { OcrUpstream } from './ocr-upstream.ts';
import { securityHeaders } from './security-headers.ts';

/** Room for the JSON around the image: the other parameters, a URL, whitespace. */
const JSON_OVERHEAD_BYTES = 64 * 1024;
/** The API's 10 MB of base64 (line breaks allowed) plus the JSON around it. */
export const MAX_BODY_BYTES = MAX_WRAPPED_BASE64_CHARS + JSON_OVERHEAD_BYTES;

const OCR_ROUTE = '/v2/:projectId/ocr/id-card';
const API_PREFIX = '/v2/';
const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

export type HealthReport = {
  /** False while the engine loads or after shutdown began: /health then answers 503. */
  ready: boolean;
  upstream: string;
  engine?: string;
  /** The local engine's recognitions running and requests waiting for one. */
  requests?: { running: number; waiting: number };
};

export type OcrRouteDeps = {
  /** What answers the OCR route. */
  upstream: OcrUpstream;
  /** The `X-Auth-Token` callers must send, or null to ignore the header. */
  requiredToken: string | null;
  health: () => HealthReport;
};

export type AppDeps = {
  /** Folder of the built single-page app, or null to serve the API alone. */
  staticRoot: string | null;
  /** The OCR route; absent for an app that serves files only (tests of other routes). */
  ocr?: OcrRouteDeps;
};

function errorResponse(c: Context, error: unknown): Response {
  const reply = apiErrorReply(error);
  return c.json(reply.body, reply.status as ContentfulStatusCode);
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
 * The OCR route checks, in this order: token, body size (while the body streams in),
 * Content-Type; the upstream checks the rest.
 */
function mountOcrRoute(app: Hono, ocr: OcrRouteDeps): void {
  app.post(
    OCR_ROUTE,
    async (c, next) => {
      if (ocr.requiredToken === null) return next();
      const presented = c.req.header('x-auth-token');
      if (!presented) return errorResponse(c, new TokenMissingError());
      if (!tokensMatch(presented, ocr.requiredToken)) {
        return errorResponse(c, new TokenMismatchError());
      }
      return next();
    },
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, new BodyTooLargeError(MAX_BODY_BYTES)),
    }),
    async (c) => {
      if (!JSON_CONTENT_TYPE.test(c.req.header('content-type') ?? '')) {
        return errorResponse(c, new NotJsonContentTypeError());
      }
      const reply = await ocr.upstream.call({
        projectId: c.req.param('projectId'),
        body: await c.req.text(),
        authToken: c.req.header('x-auth-token') ?? null,
        signal: c.req.raw.signal,
      });
      return c.json(reply.body, reply.status as ContentfulStatusCode);
    },
  );
}
