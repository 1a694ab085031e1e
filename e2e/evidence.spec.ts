import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { firstBackCard, firstFrontCard } from './support/card-fixtures.ts';
import { dropFiles } from './support/desk.ts';
import { bodyOf, nextRecognitions, RECOGNITION_TIMEOUT_MS } from './support/recognition.ts';

// Against the real local engine started by the webServer of playwright.config.ts.
test.setTimeout(2 * RECOGNITION_TIMEOUT_MS);

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('the focused field is shown enlarged while the straightened card stays', async ({ page }) => {
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [firstFrontCard().file]);
  await answered;
  const card = page.getByRole('img', { name: '人像面证件' });
  await expect(card).toBeVisible();
  await page.getByRole('textbox', { name: '公民身份号码' }).focus();
  await expect(page.getByRole('img', { name: '公民身份号码在证件上的放大图' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('img', { name: '公民身份号码在证件上的放大图' })).toBeVisible();
  await page.getByRole('textbox', { name: '姓名' }).hover();
  await page.getByRole('textbox', { name: '姓名' }).focus();
  await expect(page.getByRole('img', { name: '姓名在证件上的放大图' })).toBeVisible();
  await expect(page.getByRole('img', { name: '公民身份号码在证件上的放大图' })).toHaveCount(0);
  await expect(card).toBeVisible();
});

test('the photo view outlines where the focused field was read', async ({ page }) => {
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [firstFrontCard().file]);
  const [response] = await answered;
  const { result } = await bodyOf(response);
  await page.getByRole('textbox', { name: '公民身份号码' }).focus();
  await page.getByRole('button', { name: '照片', exact: true }).click();
  await expect(page.getByTestId('field-outline')).toHaveAttribute(
    'points',
    result.text_location.number.map(([x, y]: [number, number]) => `${x},${y}`).join(' '),
  );
});

test('the straightened card outlines where the focused field is printed on it', async ({
  page,
}) => {
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [firstFrontCard().file]);
  const [response] = await answered;
  const { result } = await bodyOf(response);
  await expect(page.getByRole('img', { name: '人像面证件' })).toBeVisible();
  await page.getByRole('textbox', { name: '住址' }).focus();
  await expect(page.getByTestId('field-outline')).toHaveAttribute(
    'points',
    result.adjusted_text_location.address.map(([x, y]: [number, number]) => `${x},${y}`).join(' '),
  );
});

test('the emblem side is shown straightened too', async ({ page }) => {
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [firstBackCard().file]);
  const [response] = await answered;
  expect((await bodyOf(response)).result.adjusted_image.length).toBeGreaterThan(1000);
  await expect(page.getByRole('img', { name: '国徽面证件' })).toBeVisible();
});

test('doubt is worded for the clerk, never as a percentage', async ({ page }) => {
  // A card scanned at 220 px wide: the engine reads it, but not surely.
  const small = await sharp(firstFrontCard().file.buffer)
    .resize({ width: 220 })
    .jpeg({ quality: 90 })
    .toBuffer();
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [{ name: 'small.jpg', mimeType: 'image/jpeg', buffer: small }]);
  const [response] = await answered;
  const { result } = await bodyOf(response);
  const doubtful = Object.entries(result.confidence as Record<string, number>).filter(
    ([, confidence]) => confidence < 0.9,
  );
  expect(doubtful.length).toBeGreaterThan(0);
  const review = page.getByRole('region', { name: '核对' });
  await expect(review.getByText(/请对照证件核对/).first()).toBeVisible();
  await expect(review).not.toContainText('%');
});
