import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { IMAGE_LIMITS } from '../src/idcard/api-contract.ts';
import {
  cardInFormat,
  cardsOfSide,
  doubleSidedPage,
  firstBackCard,
  firstFrontCard,
} from './support/card-fixtures.ts';
import { dropFiles, isOcrRequest, pasteFile } from './support/desk.ts';
import { makeLargePhoto } from './support/large-photo.ts';
import {
  bodyOf,
  nextRecognitions,
  RECOGNITION_TIMEOUT_MS,
  resultFields,
} from './support/recognition.ts';

// These run against the real local engine started by the webServer of playwright.config.ts.
test.setTimeout(2 * RECOGNITION_TIMEOUT_MS);

const LABELS: Record<string, string> = {
  name: '姓名',
  sex: '性别',
  ethnicity: '民族',
  birth: '出生',
  address: '住址',
  number: '公民身份号码',
  issue: '签发机关',
  valid_from: '有效期限起',
  valid_to: '有效期限止',
};

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('a front and a back dropped together make one person with the fields read', async ({
  page,
}) => {
  const front = firstFrontCard();
  const back = firstBackCard();
  const answered = nextRecognitions(page, 2);
  await dropFiles(page, [front.file, back.file]);
  const responses = await answered;
  const people = page.getByRole('navigation', { name: '人员' }).getByRole('button');
  await expect(people).toHaveCount(1);
  for (const response of responses) {
    for (const [field, value] of Object.entries(await resultFields(response))) {
      await expect(page.getByRole('textbox', { name: LABELS[field], exact: true })).toHaveValue(
        value,
      );
    }
  }
  await expect(page.getByRole('textbox', { name: '公民身份号码' })).toHaveValue(
    front.expected.number ?? '',
  );
  await expect(page.getByRole('textbox', { name: '姓名' })).toHaveValue(front.expected.name ?? '');
});

test('a pasted image is read like a dropped one', async ({ page }) => {
  const front = firstFrontCard();
  const answered = nextRecognitions(page, 1);
  await pasteFile(page, front.file);
  await answered;
  await expect(page.getByRole('textbox', { name: '公民身份号码' })).toHaveValue(
    front.expected.number ?? '',
  );
});

test('many files dropped at once are filed into people in drop order', async ({ page }) => {
  const fronts = cardsOfSide('front').slice(0, 2);
  const backs = cardsOfSide('back').slice(0, 2);
  const files = [fronts[0], backs[0], fronts[1], backs[1]].map((card) => {
    if (!card) throw new Error('the card set needs two fronts and two backs');
    return card.file;
  });
  let sent = 0;
  page.on('request', (request) => {
    if (isOcrRequest(request.url(), request.method())) sent += 1;
  });
  const answered = nextRecognitions(page, 4);
  await dropFiles(page, files);
  await answered;
  const people = page.getByRole('navigation', { name: '人员' }).getByRole('button');
  await expect(people).toHaveCount(2);
  await expect(people.nth(0)).toContainText('人像面✓ 国徽面✓');
  await expect(people.nth(1)).toContainText('人像面✓ 国徽面✓');
  await expect(page.getByRole('region', { name: '图片队列' }).getByText('已识别')).toHaveCount(4);
  // Each image goes to the engine once: the queue starts the next one while another starts.
  expect(sent).toBe(files.length);
});

test('editing the number shows the check-character problem next to it', async ({ page }) => {
  const front = firstFrontCard();
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [front.file]);
  await answered;
  const number = page.getByRole('textbox', { name: '公民身份号码' });
  const read = await number.inputValue();
  const wrongLast = read.endsWith('1') ? '2' : '1';
  await number.fill(`${read.slice(0, 17)}${wrongLast}`);
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(number).toHaveAccessibleDescription(/校验码不符/);
  await expect(number).toHaveAccessibleDescription(new RegExp(`已修改（识别为：${read}）`));
});

test('Alt+C copies the person as one tab-separated row', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const front = firstFrontCard();
  const back = firstBackCard();
  const answered = nextRecognitions(page, 2);
  await dropFiles(page, [front.file, back.file]);
  await answered;
  await expect(page.getByRole('textbox', { name: '签发机关' })).not.toHaveValue('');
  await page.keyboard.press('Alt+KeyC');
  await expect(page.getByRole('status').filter({ hasText: '整行' })).toBeVisible();
  const row = await page.evaluate(() => navigator.clipboard.readText());
  const cells = row.split('\t');
  expect(cells).toHaveLength(9);
  expect(cells[0]).toBe(await page.getByRole('textbox', { name: '姓名' }).inputValue());
  expect(cells[5]).toBe(await page.getByRole('textbox', { name: '公民身份号码' }).inputValue());
  expect(cells[6]).toBe(await page.getByRole('textbox', { name: '签发机关' }).inputValue());
});

test('导出 CSV downloads a UTF-8 file with a BOM, a header and one row per person', async ({
  page,
}) => {
  const front = firstFrontCard();
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [front.file]);
  await answered;
  await page.getByRole('textbox', { name: '姓名' }).fill('测试改名');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^身份证-\d{8}-\d{4}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe(
    '\uFEFF姓名,性别,民族,出生,住址,公民身份号码,签发机关,有效期限起,有效期限止',
  );
  expect(lines[1]).toContain(`测试改名,`);
  expect(lines[1]).toContain(front.expected.number ?? '');
});

test('a photo over 10 MB is compressed in the browser, stripped of its metadata and read', async ({
  page,
}) => {
  const front = firstFrontCard();
  const photo = await makeLargePhoto(front.file.buffer, { noiseSigma: 60, quality: 100 });
  expect(photo.length).toBeGreaterThan(10 * 1024 * 1024);
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [{ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  const [response] = await answered;
  const sent = Buffer.from(response?.request().postDataJSON().image, 'base64');
  expect(Math.ceil(sent.length / 3) * 4).toBeLessThanOrEqual(IMAGE_LIMITS.maxBase64Chars);
  const sentMeta = await sharp(sent).metadata();
  expect(sentMeta.exif).toBeUndefined();
  // Upright: the sideways pixels were turned by their EXIF orientation before sending.
  expect(sentMeta.width).toBeGreaterThan(sentMeta.height ?? 0);
  await expect(page.getByRole('listitem', { name: 'IMG_0001.jpg' })).toContainText(
    '（4000×3000）→ 发送',
  );
  await expect(page.getByRole('textbox', { name: '公民身份号码' })).toHaveValue(
    front.expected.number ?? '',
  );
});

test('a TIFF scan, which browsers cannot draw, is decoded in the page and read', async ({
  page,
}) => {
  const scan = cardInFormat('tiff');
  const answered = nextRecognitions(page, 1);
  await page.getByLabel('选择图片').setInputFiles(scan.file);
  const [response] = await answered;
  expect(response?.status()).toBe(200);
  const [field, value] = Object.entries(scan.expected)[0] ?? [];
  await expect(page.getByRole('textbox', { name: LABELS[field ?? ''], exact: true })).toHaveValue(
    value ?? '',
  );
});

test('photocopy pages marked as double-sided fill both slots of one person', async ({ page }) => {
  const copy = doubleSidedPage();
  await page.getByRole('checkbox', { name: /双面复印件/ }).check();
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [copy.file]);
  const [response] = await answered;
  expect(response?.request().postDataJSON().side).toBe('double_side');
  const people = page.getByRole('navigation', { name: '人员' }).getByRole('button');
  await expect(people).toHaveCount(1);
  await expect(people.first()).toContainText('人像面✓ 国徽面✓');
  await expect(page.getByRole('textbox', { name: '公民身份号码' })).toHaveValue(
    copy.expected.number ?? '',
  );
  await expect(page.getByRole('textbox', { name: '签发机关' })).toHaveValue(
    copy.expected.issue ?? '',
  );
});

test('one face sent as a double-sided page is offered the single-face reading', async ({
  page,
}) => {
  const front = firstFrontCard();
  await page.getByRole('checkbox', { name: /双面复印件/ }).check();
  const refused = nextRecognitions(page, 1);
  await dropFiles(page, [front.file]);
  const [response] = await refused;
  expect(response?.request().postDataJSON().side).toBe('double_side');
  expect((await bodyOf(response)).error_code).toBe('AIS.0104');
  const item = page.getByRole('listitem', { name: front.file.name });
  await expect(item.getByRole('alert')).toContainText('这页上没有同时找到人像面和国徽面');
  const answered = nextRecognitions(page, 1);
  await item.getByRole('button', { name: '按单面识别' }).click();
  const [again] = await answered;
  expect(again?.request().postDataJSON().side).toBeUndefined();
  await expect(page.getByRole('textbox', { name: '公民身份号码' })).toHaveValue(
    front.expected.number ?? '',
  );
  await expect(item.getByRole('button', { name: '按单面识别' })).toHaveCount(0);
});

test('导出 Excel writes the number as a text cell with all 18 digits', async ({ page }) => {
  const front = firstFrontCard();
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [front.file]);
  await answered;
  await page.getByRole('textbox', { name: '民族' }).fill(' 汉族 ');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^身份证-\d{8}-\d{4}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const row = workbook.getWorksheet('身份证')?.getRow(2);
  const number = row?.getCell(6);
  expect(number?.type).toBe(ExcelJS.ValueType.String);
  expect(number?.value).toBe(
    await page.getByRole('textbox', { name: '公民身份号码' }).inputValue(),
  );
  expect(number?.value).toHaveLength(18);
  expect(row?.getCell(3).value).toBe('汉');
});

test('a doubtful name offers the recogniser’s other readings, and one click takes one', async ({
  page,
}) => {
  // A low-resolution photo: the engine is unsure of the rare given-name character (湉) and
  // answers with the other spellings its recogniser saw.
  const card = cardsOfSide('front').find((front) => front.condition === 'low-resolution');
  if (!card) throw new Error('the card set needs a low-resolution front');
  const answered = nextRecognitions(page, 1);
  await dropFiles(page, [card.file]);
  const [response] = await answered;
  const offered: string[] = (await bodyOf(response)).result.alternatives?.name ?? [];
  expect(offered.length).toBeGreaterThan(0);

  const choices = page.getByRole('group', { name: '姓名的其他读法' }).getByRole('button');
  await expect(choices).toHaveText(offered);
  const taken = offered.at(-1) ?? '';
  await choices.filter({ hasText: taken }).click();
  await expect(page.getByRole('textbox', { name: '姓名' })).toHaveValue(taken);
  await expect(page.getByText(/^已修改/)).toBeVisible();
});
