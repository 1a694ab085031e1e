import { test } from '@playwright/test';
import sharp from 'sharp';
import { dropFiles } from './support/desk.ts';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540"><rect width="856" height="540" rx="30" fill="#e8efe9"/>
<text x="60" y="90" font-size="28" font-family="Noto Sans CJK SC">姓名 张三</text>
<text x="60" y="150" font-size="28" font-family="Noto Sans CJK SC">性别 男  民族 汉</text>
<text x="60" y="210" font-size="28" font-family="Noto Sans CJK SC">出生 1990 年 3 月 6 日</text>
<text x="60" y="270" font-size="28" font-family="Noto Sans CJK SC">住址 北京市东城区景山前街4号</text>
<text x="60" y="460" font-size="30" font-family="Noto Sans CJK SC">公民身份号码 110101199003060019</text></svg>`;

test('screens', async ({ page }) => {
  const card = await sharp(Buffer.from(svg)).jpeg().toBuffer();
  await page.route(
    (url) => /\/ocr\/id-card$/.test(url.pathname),
    async (route) => {
      const body = route.request().postDataJSON();
      const isBack = (await sharp(Buffer.from(body.image, 'base64')).metadata()).width === 857;
      await route.fulfill({
        json: isBack
          ? {
              result: {
                side: 'back',
                issue: '北京市公安局东城分局',
                valid_from: '2015-03-06',
                valid_to: '2025-03-06',
                confidence: { issue: 0.99, valid_from: 0.98, valid_to: 0.97 },
              },
            }
          : {
              result: {
                side: 'front',
                name: '张三',
                sex: '男',
                ethnicity: '汉',
                birth: '1990-03-06',
                address: '北京市东城区景山前街4号',
                number: '110101199003060019',
                confidence: {
                  name: 0.99,
                  sex: 0.99,
                  ethnicity: 0.99,
                  birth: 0.95,
                  address: 0.8,
                  number: 0.97,
                },
                text_location: {
                  name: [
                    [130, 62],
                    [215, 62],
                    [215, 98],
                    [130, 98],
                  ],
                  number: [
                    [250, 430],
                    [580, 430],
                    [580, 468],
                    [250, 468],
                  ],
                },
                adjusted_image: card.toString('base64'),
              },
            },
      });
    },
  );
  const back = await sharp(Buffer.from(svg.replace('width="856"', 'width="857"')))
    .jpeg()
    .toBuffer();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/');
  await dropFiles(page, [
    { name: 'front.jpg', mimeType: 'image/jpeg', buffer: card },
    { name: 'back.jpg', mimeType: 'image/jpeg', buffer: back },
    { name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('x') },
  ]);
  await page.getByRole('textbox', { name: '签发机关' }).waitFor();
  await page.getByRole('textbox', { name: '公民身份号码' }).focus();
  await page.screenshot({ path: 'test-results/desk.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/phone.png', fullPage: true });
});
