import { devices, expect, test } from '@playwright/test';
import config from '../playwright.config.ts';

const baseLaunch = config.use?.launchOptions ?? {};

// A phone, and Chromium's fake camera (a moving test pattern) granted without a prompt.
test.use({
  ...devices['Pixel 7'],
  permissions: ['camera'],
  launchOptions: {
    ...baseLaunch,
    args: [
      ...(baseLaunch.args ?? []),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  },
});

test('the phone camera button asks for the rear camera', async ({ page }) => {
  await page.goto('/');
  const takePhoto = page.getByLabel('拍照');
  await expect(takePhoto).toHaveAttribute('capture', 'environment');
  await expect(takePhoto).toHaveAttribute('accept', 'image/*');
});

test('without a card in view the live view says so, and 拍摄 still sends the whole frame', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: '取景拍摄' }).click();
  const camera = page.getByRole('dialog', { name: '取景拍摄' });
  // Chromium's own fake camera shows a moving test pattern: no card to find.
  await expect(camera.getByTestId('capture-hint')).toHaveText('未找到证件，请将整张证件放入画面');
  await expect(camera.getByRole('button', { name: '拍摄' })).toHaveCSS('min-height', '44px');
  await camera.getByRole('button', { name: '拍摄' }).click();
  await expect(camera.getByTestId('capture-step')).toHaveText(/已拍第一面|没有识别出证件/);
  await camera.getByRole('button', { name: '完成' }).click();
  const shot = page.getByRole('region', { name: '图片队列' }).getByRole('listitem');
  await expect(shot).toHaveCount(1);
  await expect(shot).toHaveAccessibleName(/^相机拍摄 .*\.jpg$/);
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
