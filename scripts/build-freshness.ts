import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What the built app in `dist/` is made from. `src/server/` runs from source under tsx and never
 * reaches the bundle, so editing it needs no rebuild; everything else the browser gets does.
 */
export const APP_SOURCES = [
  'index.html',
  'public',
  'src',
  'vite.config.ts',
  'tailwind.config.ts',
  'tsconfig.json',
  'package-lock.json',
];
const NOT_IN_BUNDLE = ['src/server'];

/** Vite rewrites it on every build, so its time is the time of the last build. */
export const BUILD_STAMP = 'dist/index.html';

export type StampedFile = { path: string; mtimeMs: number };

export type BuildDecision = { build: boolean; reason: string };

/** Build when there is no build yet or when any source changed after it. */
export function decideBuild(
  built: StampedFile | null,
  newestSource: StampedFile | null,
): BuildDecision {
  if (!built) return { build: true, reason: `${BUILD_STAMP} does not exist` };
  if (newestSource && newestSource.mtimeMs > built.mtimeMs) {
    return { build: true, reason: `${newestSource.path} changed after the last build` };
  }
  return { build: false, reason: `${BUILD_STAMP} is newer than every app source` };
}

/** The most recently modified file among `paths` (folders walked), relative to `root`. */
export function newestFile(root: string, paths: readonly string[]): StampedFile | null {
  let newest: StampedFile | null = null;
  const visit = (path: string) => {
    const relativePath = relative(root, path);
    if (NOT_IN_BUNDLE.includes(relativePath)) return;
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return;
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (!newest || stats.mtimeMs > newest.mtimeMs) {
      newest = { path: relativePath, mtimeMs: stats.mtimeMs };
    }
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

export function stampOf(root: string, path: string): StampedFile | null {
  const stats = statSync(join(root, path), { throwIfNoEntry: false });
  return stats ? { path, mtimeMs: stats.mtimeMs } : null;
}
