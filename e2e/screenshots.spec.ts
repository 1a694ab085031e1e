import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { cardsOfSide, firstBackCard, firstFrontCard } from './support/card-fixtures.ts';
import { dropFiles } from './support/desk.ts';
import { nextRecognitions, RECOGNITION_TIMEOUT_MS } from './support/recognition.ts';

// The README's pictures of the desk, taken from the real app and engine. They are written to
// docs/screenshots/ when SCREENSHOTS=update, and to the test's output folder otherwise.
test.setTimeout(2 * RECOGNITION_TIMEOUT_MS);

function screenshotPath(name: string): string {
  return process.env.SCREENSHOTS === 'update'
    ? resolve(import.meta.dirname, '../docs/screenshots', name)
    : test.info().outputPath(name);
}

async function dropPerson(page: Page) {
  const answered = nextRecognitions(page, 2);
  await dropFiles(page, [firstFrontCard().file, firstBackCard().file]);
  await answered;
}

test.describe('on a counter screen', () => {
  test.use({ viewport: { width: 1280, height: 1080 } });

  test('the person view with the focused field enlarged', async ({ page }) => {
    await page.goto('/');
    await dropPerson(page);
    await page.getByRole('textbox', { name: '公民身份号码' }).focus();
    await expect(page.getByRole('img', { name: '公民身份号码在证件上的放大图' })).toBeVisible();
    await page.screenshot({ path: screenshotPath('desk-person.png') });
  });

  test('the batch table', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 560 });
    const fronts = cardsOfSide('front').slice(0, 3);
    const backs = cardsOfSide('back').slice(0, 3);
    const files = fronts.flatMap((front, index) => [front.file, backs[index]?.file ?? front.file]);
    await page.goto('/');
    const answered = nextRecognitions(page, files.length);
    await dropFiles(page, files);
    await answered;
    await expect(page.getByRole('progressbar', { name: '识别进度' })).toHaveAttribute(
      'aria-valuenow',
      String(files.length),
    );
    await page.getByRole('button', { name: '批量核对' }).click();
    await expect(page.getByRole('region', { name: '批量核对' }).getByRole('row')).toHaveCount(4);
    await page.screenshot({ path: screenshotPath('desk-batch.png') });
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the number shows whole at 390 px, without drag or key wording', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('点“拍照”或“选择图片”放入身份证照片')).toBeVisible();
    await expect(page.getByText(/拖到页面/)).toBeHidden();
    await dropPerson(page);
    const number = page.getByRole('textbox', { name: '公民身份号码' });
    await expect(number).not.toHaveValue('');
    const fits = await number.evaluate(
      (input: HTMLInputElement) => input.scrollWidth <= input.clientWidth,
    );
    expect(fits).toBe(true);
    const copy = page.getByRole('button', { name: '复制公民身份号码' });
    expect((await copy.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await number.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('desk-phone.png') });
  });
});
