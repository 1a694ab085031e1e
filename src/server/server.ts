import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from './config.ts';
import { createApp } from './create-app.ts';

const BUILT_APP_DIR = resolve(import.meta.dirname, '../../dist');

function main(): void {
  const config = loadConfig();
  const staticRoot = existsSync(BUILT_APP_DIR) ? BUILT_APP_DIR : null;
  if (!staticRoot) console.warn('dist/ not found: serving the API only (run `npm run build`).');
  const app = createApp({ staticRoot });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Listening on http://${info.address}:${info.port}`);
  });
  const shutdown = () => server.close(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

try {
  main();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
