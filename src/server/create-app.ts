import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

export type AppDeps = {
  /** Folder of the built single-page app, or null to serve the API alone. */
  staticRoot: string | null;
};

/** Builds the HTTP app without any I/O, so tests can call it in-process. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }));
  if (deps.staticRoot) {
    app.use('/*', serveStatic({ root: deps.staticRoot }));
  }
  return app;
}
