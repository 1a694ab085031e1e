import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Playwright must not download a browser: use the system Chromium when there is one
// (Debian's package), or a path given explicitly, and fall back to Playwright's own.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

// Several checkouts may test side by side on one machine: each can pick its own port.
const E2E_PORT = Number(process.env.E2E_PORT ?? 8181);
const isRoot = process.getuid?.() === 0;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'zh-CN',
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        // The machine has no outside network: keep Chromium from trying to reach it.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'npm run build && tsx src/server/server.ts',
    url: `http://127.0.0.1:${E2E_PORT}/health`,
    env: { PORT: String(E2E_PORT), HOST: '127.0.0.1' },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
