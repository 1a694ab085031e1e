import { resolve } from 'node:path';
import { APP_SOURCES, BUILD_STAMP, decideBuild, newestFile, stampOf } from './build-freshness.ts';

/**
 * `npm start`: builds the app when `dist/` is missing or older than its sources, then serves the
 * built app and the OCR route on one port (src/server/server.ts).
 */
const root = resolve(import.meta.dirname, '..');
const decision = decideBuild(stampOf(root, BUILD_STAMP), newestFile(root, APP_SOURCES));
if (decision.build) {
  console.log(`Building the app: ${decision.reason}.`);
  // Loaded only when needed: a server that skips the build never holds Vite in memory.
  const { build } = await import('vite');
  await build({ root });
} else {
  console.log(`Skipping the build: ${decision.reason}.`);
}
await import('../src/server/server.ts');
