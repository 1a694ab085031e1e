import { existsSync } from 'node:fs';
import { type Browser, chromium } from '@playwright/test';

/** Debian's Chromium, as in playwright.config.ts; Playwright never downloads a browser here. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type SceneRenderer = {
  /** Photographs the page `html` at `width` x `height` CSS pixels; returns a PNG. */
  render(html: string, width: number, height: number): Promise<Buffer>;
  close(): Promise<void>;
};

export async function createSceneRenderer(executablePath?: string): Promise<SceneRenderer> {
  const path = executablePath ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
  const browser: Browser = await chromium.launch({
    executablePath: path,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // Pixels must depend on the scene alone, not on the GPU or LCD text settings.
      '--disable-gpu',
      '--disable-lcd-text',
      '--force-color-profile=srgb',
    ],
  });
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const page = await context.newPage();
  return {
    async render(html, width, height) {
      await page.setViewportSize({ width, height });
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return page.screenshot({
        clip: { x: 0, y: 0, width, height },
        type: 'png',
        animations: 'disabled',
      });
    },
    async close() {
      await browser.close();
    },
  };
}
