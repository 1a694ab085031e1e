import { existsSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { createApp } from './create-app.ts';
import { readTlsFiles } from './tls-files.ts';

const BUILT_APP_DIR = resolve(import.meta.dirname, '../../dist');
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

function main(): void {
  const config = loadConfig();
  const tls = config.tls ? readTlsFiles(config.tls) : null;
  const staticRoot = existsSync(BUILT_APP_DIR) ? BUILT_APP_DIR : null;
  if (!staticRoot) console.warn('dist/ not found: serving the API only (run `npm run build`).');
  warnAboutPlainHttpOnTheLan(config);
  const app = createApp({ staticRoot });
  const scheme = tls ? 'https' : 'http';
  const server = serve(
    {
      fetch: app.fetch,
      port: config.port,
      hostname: config.host,
      ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}),
    },
    (info) => {
      console.log(`Listening on ${scheme}://${info.address}:${info.port}`);
    },
  );
  const shutdown = () => server.close(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** Phones allow live camera capture only in a secure context: on a LAN that means HTTPS. */
function warnAboutPlainHttpOnTheLan(config: Config): void {
  if (config.tls || LOOPBACK_HOSTS.has(config.host)) return;
  console.warn(
    `Serving plain HTTP on ${config.host}: phones on the LAN cannot use the live camera. ` +
      'Set TLS_CERT and TLS_KEY to serve HTTPS (see the README).',
  );
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
