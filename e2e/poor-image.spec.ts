import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { CARDS_DIR } from './support/card-fixtures.ts';
import { dropFiles } from './support/desk.ts';
import { bodyOf, nextRecognitions, RECOGNITION_TIMEOUT_MS } from './support/recognition.ts';

// Runs against the real local engine started by the webServer of playwright.config.ts.
test.setTimeout(2 * RECOGNITION_TIMEOUT_MS);

test('a card photo blurred past reading comes back as its face for the clerk to fill in', async ({
  page,
}) => {
  // The generator's defocused emblem side, blurred far beyond its defocus condition.
  const sharpPhoto = await readFile(resolve(CARDS_DIR, '015-defocus-back.jpg'));
  const blurred = await sharp(sharpPhoto).blur(14).jpeg({ quality: 90 }).toBuffer();
  await page.goto('/');
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [{ name: 'blurred-back.jpg', mimeType: 'image/jpeg', buffer: blurred }]);
  const [response] = await answered;
  expect(response?.status()).toBe(200);
  const { result } = await bodyOf(response);
  expect(result).toMatchObject({ side: 'back', issue: '', valid_from: '', valid_to: '' });

  await expect(page.getByText('已识别', { exact: true })).toBeVisible();
  await expect(page.getByText('未能识别')).toHaveCount(0);
  const back = page.getByRole('region', { name: '国徽面' });
  await expect(back.getByRole('alert')).toContainText('图片太模糊，一项也没有读出');
  for (const label of ['签发机关', '有效期限起', '有效期限止']) {
    const field = back.getByRole('textbox', { name: label, exact: true });
    await expect(field).toHaveValue('');
    await expect(field).toHaveAccessibleDescription(/未识别到内容/);
  }
});
