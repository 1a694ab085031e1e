import { existsSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { type Config, ConfigError, loadConfig } from './config/config.ts';
import { readTlsFiles } from './config/tls-files.ts';
import { createApp, type OcrRouteDeps } from './http/create-app.ts';
import { type ClosableServer, shutDownGracefully } from './http/graceful-shutdown.ts';
import { httpServerOptions } from './http/http-server-options.ts';
import { REPEAT_SIGNAL_GRACE_MS, signalHandler } from './http/stop-on-signals.ts';
import { selectUpstream } from './http/upstream-selection.ts';
import { localEngineHealth } from './local-engine/engine-health.ts';
import { createLocalEngine, type StartedLocalEngine } from './local-engine/local-engine.ts';
import {
  createLocalUpstream,
  type LocalUpstream,
  localUpstreamSettings,
} from './local-engine/local-upstream.ts';

const BUILT_APP_DIR = resolve(import.meta.dirname, '../../dist');
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

// Past the request time limit every answer is out; a little more lets the last bytes go.
const SHUTDOWN_SLACK_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const tls = config.tls ? readTlsFiles(config.tls) : null;
  const staticRoot = existsSync(BUILT_APP_DIR) ? BUILT_APP_DIR : null;
  if (!staticRoot) console.warn('dist/ not found: serving the API only (run `npm run build`).');
  warnAboutPlainHttpOnTheLan(config);
  const ocr = await ocrRoute(config);
  const app = createApp({ staticRoot, ocr });
  const scheme = tls ? 'https' : 'http';
  const server = serve(
    {
      fetch: app.fetch,
      port: config.port,
      hostname: config.host,
      serverOptions: { ...httpServerOptions(config.http.bodyTimeoutMs), ...(tls ?? {}) },
      ...(tls ? { createServer: createHttpsServer } : {}),
    },
    (info) => {
      console.log(`Listening on ${scheme}://${info.address}:${info.port}`);
    },
  );
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(listenFailure(error, config));
    process.exit(1);
  });
  stopOnSignals(server as ClosableServer, ocr, config.localEngine.requestTimeoutMs);
}

/** The chosen upstream; the local engine's models load in the background while /health says so. */
async function ocrRoute(config: Config): Promise<OcrRouteDeps> {
  // Set by the factory when the local engine is the chosen upstream.
  let local = null as LocalUpstream | null;
  let started = null as StartedLocalEngine | null;
  const upstream = await selectUpstream(config.upstream, () => {
    const loading = loadEngine(config.localEngine.workers);
    loading.then((engine) => {
      started = engine;
    }, noop); // a failed load is reported by loadEngine
    local = createLocalUpstream(loading, localUpstreamSettings(config.localEngine));
    return local;
  });
  const localUpstream = local;
  if (!localUpstream) {
    return {
      upstream,
      requiredToken: null,
      maxUploads: config.http.maxUploads,
      health: () => ({ ready: true, upstream: upstream.name }),
    };
  }
  const requiredToken = config.localEngine.token;
  console.log(
    requiredToken
      ? 'The OCR route requires the X-Auth-Token set in OCR_LOCAL_TOKEN.'
      : 'The OCR route ignores X-Auth-Token (OCR_LOCAL_TOKEN is not set).',
  );
  return {
    upstream,
    requiredToken,
    maxUploads: config.http.maxUploads,
    health: () => ({
      ...localEngineHealth(upstream.name, localUpstream.engineState(), started?.models ?? null),
      requests: localUpstream.load(),
    }),
  };
}

function loadEngine(workers: number) {
  const started = performance.now();
  const loading = Promise.resolve().then(() => createLocalEngine({ workers }));
  loading.then(
    ({ models }) => {
      console.log(`Local engine loaded in ${Math.round(performance.now() - started)} ms.`);
      console.log(`Models: ${Object.values(models.names).join('; ')}.`);
      if (models.fallbackReason) console.warn(models.fallbackReason);
    },
    (error: unknown) => {
      console.error('The local engine failed to load:', error);
      process.exit(1);
    },
  );
  return loading;
}

function noop(): void {}

/**
 * First signal: finish the work in hand, then exit. Repeats within a short grace are the same
 * Ctrl+C arriving by another path (see `stop-on-signals.ts`); a signal after it exits at once.
 */
function stopOnSignals(server: ClosableServer, ocr: OcrRouteDeps, requestTimeoutMs: number): void {
  const handle = signalHandler({
    stop(signal) {
      console.log(`${signal}: finishing the requests in hand, then exiting.`);
      shutDownGracefully(server, ocr.upstream, requestTimeoutMs + SHUTDOWN_SLACK_MS).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Shutdown failed:', error);
          process.exit(1);
        },
      );
    },
    ignore(signal) {
      console.log(`${signal} again within ${REPEAT_SIGNAL_GRACE_MS / 1000} s: still finishing.`);
    },
    force(signal) {
      console.error(`${signal} again: exiting without waiting.`);
      process.exit(1);
    },
  });
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}

/** One line an operator can act on, instead of the stack trace of an unhandled 'error' event. */
function listenFailure(error: NodeJS.ErrnoException, config: Config): string {
  const where = `${config.host}:${config.port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `Cannot listen on ${where}: the port is already in use. Stop what holds it, or set PORT to another port.`;
    case 'EACCES':
      return `Cannot listen on ${where}: permission denied (ports below 1024 need privileges). Set PORT to 1024 or above.`;
    case 'EADDRNOTAVAIL':
      return `Cannot listen on ${where}: this machine has no such address. Check HOST.`;
    default:
      return `Cannot listen on ${where}: ${error.message}`;
  }
}

/** Phones allow live camera capture only in a secure context: on a LAN that means HTTPS. */
function warnAboutPlainHttpOnTheLan(config: Config): void {
  if (config.tls || LOOPBACK_HOSTS.has(config.host)) return;
  console.warn(
    `Serving plain HTTP on ${config.host}: phones on the LAN cannot use the live camera. ` +
      'Set TLS_CERT and TLS_KEY to serve HTTPS (see the README).',
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
