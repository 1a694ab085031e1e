import { expect, test } from '@playwright/test';
import { firstFrontCard } from './support/card-fixtures.ts';
import { chromiumLaunchOptions } from './support/chromium-launch.ts';
import { dropFiles } from './support/desk.ts';
import { nextRecognitions, RECOGNITION_TIMEOUT_MS } from './support/recognition.ts';

// A counter PC opens the desk by a LAN name over plain HTTP: not a secure context, so no async
// Clipboard API. The name is mapped to loopback inside this browser only.
const LAN_HOST = 'desk.lan';
test.use({
  launchOptions: chromiumLaunchOptions([`--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`]),
});
test.setTimeout(2 * RECOGNITION_TIMEOUT_MS);

test('on a plain-HTTP LAN origin Alt+C still puts the row on the clipboard as text and HTML', async ({
  page,
  context,
  baseURL,
}) => {
  const port = new URL(baseURL ?? '').port;
  await page.goto(`http://${LAN_HOST}:${port}/`);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [firstFrontCard().file]);
  await answered;
  const number = await page.getByRole('textbox', { name: '公民身份号码' }).inputValue();
  await page.keyboard.press('Alt+KeyC');
  await expect(page.getByRole('status').filter({ hasText: '整行' })).toBeVisible();
  // Read the system clipboard back from a secure page of the same browser.
  await context.grantPermissions(['clipboard-read'], { origin: baseURL });
  const reader = await context.newPage();
  await reader.goto('/');
  const flavours = await reader.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item) return null;
    const text = await (await item.getType('text/plain')).text();
    const html = await (await item.getType('text/html')).text();
    return { text, html };
  });
  expect(flavours?.text.split('\t')[5]).toBe(number);
  expect(flavours?.html).toContain(`mso-number-format:'\\@'">${number}</td>`);
});
