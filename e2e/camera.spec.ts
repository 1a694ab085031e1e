import { resolve } from 'node:path';
import { type Browser, devices, expect, test } from '@playwright/test';
import { CAPTURE_CARDS, launchWithCameraVideo, type Stretch } from './support/card-video.ts';
import { chromiumLaunchOptions, fakeCameraSwitches } from './support/chromium-launch.ts';

/**
 * The desk the capture videos show, with no card on it. Chromium's own fake camera shows a
 * moving test pattern whose shapes the live view now and then takes for a card, so the test of
 * a shot without one plays this instead.
 */
const EMPTY_DESK: readonly Stretch[] = [
  { card: null, frames: 10, from: { x: 0.5, y: 0.5, size: 0.6 } },
];
const videoPath = resolve(import.meta.dirname, '../test-results/camera-video/empty-desk.y4m');

// A phone, and Chromium's fake camera (a moving test pattern) granted without a prompt.
test.use({
  ...devices['Pixel 7'],
  permissions: ['camera'],
  launchOptions: chromiumLaunchOptions(fakeCameraSwitches()),
});

test('the phone camera button asks for the rear camera', async ({ page }) => {
  await page.goto('/');
  const takePhoto = page.getByLabel('拍照');
  await expect(takePhoto).toHaveAttribute('capture', 'environment');
  await expect(takePhoto).toHaveAttribute('accept', 'image/*');
});

test.describe('with an empty desk in view', () => {
  // Launched once the video is written (`launchWithCameraVideo`).
  let browser: Browser;

  test.beforeAll(async () => {
    browser = await launchWithCameraVideo(videoPath, EMPTY_DESK, CAPTURE_CARDS);
  });

  test.afterAll(async () => {
    await browser?.close();
  });

  test('without a card in view the live view says so, and 拍摄 still sends the whole frame', async ({
    baseURL,
  }) => {
    const context = await browser.newContext({
      ...devices['Pixel 7'],
      baseURL,
      permissions: ['camera'],
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: '取景拍摄' }).click();
    const camera = page.getByRole('dialog', { name: '取景拍摄' });
    await expect(camera.getByTestId('capture-hint')).toHaveText('未找到证件，请将整张证件放入画面');
    await expect(camera.getByRole('button', { name: '拍摄' })).toHaveCSS('min-height', '44px');
    await camera.getByRole('button', { name: '拍摄' }).click();
    await expect(camera.getByTestId('capture-step')).toHaveText(/已拍第一面|没有识别出证件/);
    await camera.getByRole('button', { name: '完成' }).click();
    const shot = page.getByRole('region', { name: '图片队列' }).getByRole('listitem');
    await expect(shot).toHaveCount(1);
    await expect(shot).toHaveAccessibleName(/^相机拍摄 .*\.jpg$/);
    await context.close();
  });
});

test('without a secure context the live view explains what to do instead', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'isSecureContext', { value: false });
  });
  await page.goto('/');
  await page.getByRole('button', { name: '取景拍摄' }).click();
  await expect(page.getByRole('dialog', { name: '取景拍摄' }).getByRole('alert')).toContainText(
    '浏览器只允许 HTTPS 或本机地址的网页使用摄像头',
  );
});
