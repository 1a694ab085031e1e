import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SOURCES, BUILD_STAMP, decideBuild, newestFile, stampOf } from './build-freshness.ts';

describe('decideBuild', () => {
  const built = { path: BUILD_STAMP, mtimeMs: 2000 };

  it('builds when there is no build yet', () => {
    expect(decideBuild(null, { path: 'src/app/app.tsx', mtimeMs: 1000 })).toEqual({
      build: true,
      reason: 'dist/index.html does not exist',
    });
  });

  it('builds when a source changed after the build', () => {
    expect(decideBuild(built, { path: 'src/app/app.tsx', mtimeMs: 2001 })).toEqual({
      build: true,
      reason: 'src/app/app.tsx changed after the last build',
    });
  });

  it('skips the build when the build is newer than every source', () => {
    expect(decideBuild(built, { path: 'src/app/app.tsx', mtimeMs: 1999 }).build).toBe(false);
    expect(decideBuild(built, { path: 'src/app/app.tsx', mtimeMs: 2000 }).build).toBe(false);
    expect(decideBuild(built, null).build).toBe(false);
  });
});

describe('newestFile and stampOf on a checkout', () => {
  let root: string;
  const touch = (path: string, seconds: number) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), seconds, seconds);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'checkout-'));
    touch('index.html', 100);
    touch('src/app/app.tsx', 200);
    touch('src/idcard/id-number.ts', 300);
    touch('public/favicon.svg', 150);
    touch(BUILD_STAMP, 400);
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('finds the newest app source in nested folders', () => {
    expect(newestFile(root, APP_SOURCES)).toEqual({
      path: 'src/idcard/id-number.ts',
      mtimeMs: 300_000,
    });
  });

  it('ignores the server, which never reaches the bundle', () => {
    touch('src/server/server.ts', 500);
    expect(decideBuild(stampOf(root, BUILD_STAMP), newestFile(root, APP_SOURCES)).build).toBe(
      false,
    );
  });

  it('asks for a build after an app source is edited', () => {
    touch('src/app/app.tsx', 500);
    expect(decideBuild(stampOf(root, BUILD_STAMP), newestFile(root, APP_SOURCES))).toEqual({
      build: true,
      reason: 'src/app/app.tsx changed after the last build',
    });
  });

  it('asks for a build when dist/ is missing', () => {
    rmSync(join(root, 'dist'), { recursive: true });
    expect(decideBuild(stampOf(root, BUILD_STAMP), newestFile(root, APP_SOURCES)).build).toBe(true);
  });
});
