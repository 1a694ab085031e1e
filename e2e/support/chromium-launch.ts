import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

// Playwright must not download a browser: use the system Chromium when there is one
// (Debian's package), or a path given explicitly, and fall back to Playwright's own.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
const isRoot = process.getuid?.() === 0;

/** How every spec launches Chromium; a spec that needs a switch more passes it in. */
export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  return {
    executablePath,
    args: [
      ...(isRoot ? ['--no-sandbox'] : []),
      // The machine has no outside network: keep Chromium from trying to reach it.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...extraArgs,
    ],
  };
}

/**
 * The switches for Chromium's fake camera, granted without a prompt: its own moving test
 * pattern, or `video` (a Y4M file, read when the browser starts) played in a loop.
 */
export function fakeCameraSwitches(video?: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    ...(video === undefined ? [] : [`--use-file-for-fake-video-capture=${video}`]),
  ];
}
