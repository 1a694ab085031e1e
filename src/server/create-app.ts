import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { securityHeaders } from './security-headers.ts';

export type AppDeps = {
  /** Folder of the built single-page app, or null to serve the API alone. */
  staticRoot: string | null;
};

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
  app.get('/health', (c) => c.json({ status: 'ok' }));
  if (deps.staticRoot) {
    app.use('/*', serveStatic({ root: deps.staticRoot }));
  }
  return app;
}
