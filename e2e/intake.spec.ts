import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { firstFrontCard } from './support/card-fixtures.ts';
import { dropFiles, isOcrRequest, plainJpeg } from './support/desk.ts';
import { bodyOf, nextRecognitions, RECOGNITION_TIMEOUT_MS } from './support/recognition.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('a file that is not an image is refused by name, with the accepted formats', async ({
  page,
}) => {
  await dropFiles(page, [
    { name: '申请表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
  ]);
  const item = page.getByRole('listitem', { name: '申请表.pdf' });
  await expect(item.getByRole('alert')).toContainText('“申请表.pdf”不是可识别的图片');
  await expect(item.getByRole('alert')).toContainText('JPEG、PNG、BMP、TIFF、WebP、HEIC/HEIF');
});

test('an image below 15 px is refused with its size', async ({ page }) => {
  const tiny = await sharp({ create: { width: 12, height: 40, channels: 3, background: '#888' } })
    .png()
    .toBuffer();
  let sent = false;
  page.on('request', (request) => {
    if (isOcrRequest(request.url(), request.method())) sent = true;
  });
  await page
    .getByLabel('选择图片')
    .setInputFiles({ name: 'tiny.png', mimeType: 'image/png', buffer: tiny });
  const item = page.getByRole('listitem', { name: 'tiny.png' });
  await expect(item.getByRole('alert')).toContainText('图片太小（12×40 像素）');
  expect(sent).toBe(false);
});

test('a damaged HEIC file loads the HEIC decoder and is reported as unreadable', async ({
  page,
}) => {
  await dropFiles(page, [
    { name: 'IMG_0002.HEIC', mimeType: '', buffer: Buffer.from('not really an iPhone photo') },
  ]);
  const item = page.getByRole('listitem', { name: 'IMG_0002.HEIC' });
  await expect(item.getByRole('alert')).toContainText('图片无法打开', { timeout: 30_000 });
});

test('an unreachable engine is explained next to the image, with a retry', async ({ page }) => {
  await page.route(
    (url) => /\/ocr\/id-card$/.test(url.pathname),
    (route) => route.abort('connectionrefused'),
  );
  await dropFiles(page, [await plainJpeg('柜台照片.jpg')]);
  const item = page.getByRole('listitem', { name: '柜台照片.jpg' });
  await expect(item.getByRole('alert')).toContainText('连接不上识别服务');
  await expect(item.getByRole('button', { name: '重试' })).toBeVisible();
});

test('an API error code is worded in Chinese and the rest of the queue goes on', async ({
  page,
}) => {
  await page.route(
    (url) => /\/ocr\/id-card$/.test(url.pathname),
    (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        json: { error_code: 'AIS.0104', error_msg: 'no id card found' },
      }),
  );
  await dropFiles(page, [
    await plainJpeg('一.jpg'),
    await plainJpeg('二.jpg'),
    await plainJpeg('三.jpg'),
  ]);
  for (const name of ['一.jpg', '二.jpg', '三.jpg']) {
    await expect(page.getByRole('listitem', { name }).getByRole('alert')).toContainText(
      '未找到身份证，或图片不清晰',
    );
  }
});

test('a Huawei Cloud result without side or confidence is filed by its fields', async ({
  page,
}) => {
  await page.route(
    (url) => /\/ocr\/id-card$/.test(url.pathname),
    (route) =>
      route.fulfill({
        json: {
          result: {
            issue: '北京市公安局东城分局',
            valid_from: '2015-03-06',
            valid_to: '2035-03-06',
          },
        },
      }),
  );
  await dropFiles(page, [await plainJpeg('背面.jpg')]);
  await expect(page.getByRole('textbox', { name: '签发机关' })).toHaveValue('北京市公安局东城分局');
  await expect(page.getByRole('region', { name: '人像面' })).toContainText('尚无人像面');
});

test('清空 asks first, then removes every image and person', async ({ page }) => {
  await page.route(
    (url) => /\/ocr\/id-card$/.test(url.pathname),
    (route) =>
      route.fulfill({
        json: { result: { issue: '某局', valid_from: '2015-03-06', valid_to: '长期' } },
      }),
  );
  await dropFiles(page, [await plainJpeg('a.jpg')]);
  await expect(page.getByRole('textbox', { name: '签发机关' })).toHaveValue('某局');
  await page.getByRole('button', { name: '清空' }).click();
  const dialog = page.getByRole('dialog', { name: '清空全部？' });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('textbox', { name: '签发机关' })).toBeVisible();
  await page.getByRole('button', { name: '清空' }).click();
  await dialog.getByRole('button', { name: '确认清空' }).click();
  await expect(page.getByRole('textbox', { name: '签发机关' })).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: 'a.jpg' })).toHaveCount(0);
});

test('nothing about the cards is written to browser storage', async ({ page }) => {
  await page.route(
    (url) => /\/ocr\/id-card$/.test(url.pathname),
    (route) =>
      route.fulfill({
        json: { result: { issue: '某局', valid_from: '2015-03-06', valid_to: '长期' } },
      }),
  );
  await dropFiles(page, [await plainJpeg('a.jpg')]);
  await page.getByRole('textbox', { name: '签发机关' }).fill('某某局');
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
  }));
  expect(stored).toEqual({ local: 0, session: 0, databases: 0 });
});

test('an empty file is named as empty, with no retry or double-sided reading', async ({ page }) => {
  await dropFiles(page, [{ name: '扫描.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) }]);
  const item = page.getByRole('listitem', { name: '扫描.jpg' });
  await expect(item.getByRole('alert')).toContainText('“扫描.jpg”是空文件（0 字节）');
  await expect(item.getByRole('button', { name: '重试' })).toHaveCount(0);
  await expect(item.getByRole('button', { name: '按双面复印件识别' })).toHaveCount(0);
});

test('a file named as a photo that is none offers no dead-end retry', async ({ page }) => {
  await dropFiles(page, [
    { name: '照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是图片，是一段文字') },
  ]);
  const item = page.getByRole('listitem', { name: '照片.jpg' });
  await expect(item.getByRole('alert')).toContainText('图片无法打开');
  await expect(item.getByRole('button', { name: '移除' })).toBeVisible();
  await expect(item.getByRole('button', { name: '重试' })).toHaveCount(0);
  await expect(item.getByRole('button', { name: '按双面复印件识别' })).toHaveCount(0);
});

test('a down service is one banner, and 全部重试 reads every image once it is back', async ({
  page,
}) => {
  // The real engine answers the retries: a missing answer is then named, not a test timeout.
  test.setTimeout(2 * RECOGNITION_TIMEOUT_MS);
  const ocrRoute = (url: URL) => /\/ocr\/id-card$/.test(url.pathname);
  const healthRoute = (url: URL) => url.pathname === '/health';
  await page.route(ocrRoute, (route) => route.abort('connectionrefused'));
  await page.route(healthRoute, (route) => route.abort('connectionrefused'));
  await dropFiles(page, [await plainJpeg('一.jpg'), await plainJpeg('二.jpg')]);
  const banner = page.getByRole('alert').filter({ hasText: '连接不上识别服务：2 张图片未能识别' });
  await expect(banner).toBeVisible();
  await page.unroute(ocrRoute);
  await page.unroute(healthRoute);
  await expect(page.getByRole('alert').filter({ hasText: '识别服务已恢复' })).toBeVisible();
  const answered = nextRecognitions(page, 2);
  await page.getByRole('button', { name: '全部重试' }).click();
  // The real engine finds no card on a blank photo: what matters is that both were sent again.
  for (const response of await answered) expect(response.status()).toBe(400);
  await expect(page.getByRole('button', { name: '全部重试' })).toHaveCount(0);
});

test('a card too small to read says the resolution is too low', async ({ page }) => {
  test.setTimeout(2 * RECOGNITION_TIMEOUT_MS);
  const tiny = await sharp(firstFrontCard().file.buffer)
    .resize({ width: 140 })
    .jpeg({ quality: 90 })
    .toBuffer();
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [{ name: '小图.jpg', mimeType: 'image/jpeg', buffer: tiny }]);
  const [response] = await answered;
  expect((await bodyOf(response)).error_code).toBe('AIS.0104');
  const item = page.getByRole('listitem', { name: '小图.jpg' });
  await expect(item.getByRole('alert')).toContainText('分辨率太低');
  await expect(item.getByRole('button', { name: '重试' })).toHaveCount(0);
});
