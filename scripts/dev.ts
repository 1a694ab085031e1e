import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { loadConfig } from '../src/server/config/config.ts';
import { readTlsFiles } from '../src/server/config/tls-files.ts';
import { freeLoopbackPort } from './free-loopback-port.ts';
import { ocrRouteProxy } from './ocr-route-proxy.ts';

/**
 * `npm run dev`: the API server (restarted by `tsx watch` when server code changes) on a free
 * loopback port, and Vite with hot reload on PORT/HOST, proxying the OCR route to the API.
 */
const root = resolve(import.meta.dirname, '..');
const config = loadConfig();
const tls = config.tls ? readTlsFiles(config.tls) : null;
const apiPort = await freeLoopbackPort();

const api = spawn(
  process.execPath,
  [
    createRequire(import.meta.url).resolve('tsx/cli'),
    'watch',
    '--clear-screen=false',
    'src/server/server.ts',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    // The hop from Vite to the API stays on loopback: plain HTTP, whatever the page uses.
    env: { ...process.env, PORT: String(apiPort), HOST: '127.0.0.1', TLS_CERT: '', TLS_KEY: '' },
  },
);

const vite = await createServer({
  root,
  server: {
    port: config.port,
    host: config.host,
    strictPort: true,
    proxy: ocrRouteProxy(`http://127.0.0.1:${apiPort}`),
    ...(tls ? { https: tls } : {}),
  },
});
await vite.listen();
vite.printUrls();

let stopping = false;
const stop = async () => {
  stopping = true;
  api.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
api.once('exit', (code, signal) => {
  if (stopping) return;
  console.error(`The API server stopped (${signal ?? `exit status ${code}`}); stopping Vite.`);
  void vite.close().then(() => process.exit(1));
});
