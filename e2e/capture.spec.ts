import { resolve } from 'node:path';
import { type Browser, expect, test } from '@playwright/test';
import { HINT_TEXT } from '../src/app/capture/capture-rules.ts';
import { cardsOfSide } from './support/card-fixtures.ts';
import { CAPTURE_CARDS, CAPTURE_SCENARIO, launchWithCameraVideo } from './support/card-video.ts';
import { isOcrRequest } from './support/desk.ts';
import { RECOGNITION_TIMEOUT_MS, resultFields } from './support/recognition.ts';

// Chromium's fake camera plays a video made from the committed cards: dim, empty, far, tilted,
// moving, glare, then the portrait side steady, then the emblem side steady (in a loop).
const videoPath = resolve(import.meta.dirname, '../test-results/capture-video/front-then-back.y4m');

test.setTimeout(4 * RECOGNITION_TIMEOUT_MS);

// This spec launches its own Chromium once the video is written (`launchWithCameraVideo`).
let browser: Browser;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  browser = await launchWithCameraVideo(videoPath, CAPTURE_SCENARIO, CAPTURE_CARDS);
});

test.afterAll(async () => {
  await browser?.close();
});

type LogEntry = { hint: string; step: string };

test('hints come in order, the steady sharp card is shot by itself, and both faces file into one person', async ({
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, permissions: ['camera'], locale: 'zh-CN' });
  const page = await context.newPage();
  const answers: Promise<Record<string, string>>[] = [];
  page.on('response', (response) => {
    if (isOcrRequest(response.url(), response.request().method())) {
      answers.push(resultFields(response));
    }
  });
  await page.goto('/');
  await page.getByRole('button', { name: '取景拍摄' }).click();
  const camera = page.getByRole('dialog', { name: '取景拍摄' });
  // Every change of the hint and of the step line, in order, as the page saw it.
  await page.evaluate(() => {
    const log: { hint: string; step: string }[] = [];
    (window as unknown as { captureLog: typeof log }).captureLog = log;
    const read = (id: string) =>
      document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
    new MutationObserver(() => {
      const entry = { hint: read('capture-hint'), step: read('capture-step') };
      const last = log.at(-1);
      if (!last || last.hint !== entry.hint || last.step !== entry.step) log.push(entry);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  await expect(camera.getByTestId('capture-step')).toContainText('此人两面已归入同一人', {
    timeout: 2 * RECOGNITION_TIMEOUT_MS,
  });
  const log = await page.evaluate(
    () => (window as unknown as { captureLog: LogEntry[] }).captureLog,
  );

  // The hints of the first pass through the video, in the video's order.
  const shotAt = log.findIndex((entry) => entry.step.startsWith('已拍第一面'));
  expect(shotAt).toBeGreaterThan(0);
  const before = log.slice(0, shotAt).map((entry) => entry.hint);
  const firstSeen = (text: string) => before.indexOf(text);
  const order = [
    HINT_TEXT.dark,
    HINT_TEXT['no-card'],
    HINT_TEXT['too-far'],
    HINT_TEXT.tilted,
    HINT_TEXT.moving,
    HINT_TEXT.glare,
    HINT_TEXT.hold,
  ].map(firstSeen);
  expect(order.every((index) => index >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // The shot came from the steady stretch: after the reflection, only 'hold' was said.
  const sinceGlare = before.slice(before.lastIndexOf(HINT_TEXT.glare) + 1);
  expect(new Set(sinceGlare)).toEqual(new Set([HINT_TEXT.hold]));
  // After the portrait side was read, the view asked for the emblem side by name.
  expect(log.some((entry) => entry.step === '第一面已识别。请翻面，拍国徽面')).toBe(true);

  // Two crops were sent and read as the cards they came from.
  expect(answers).toHaveLength(2);
  const [front, back] = await Promise.all(answers);
  const frontCard = cardsOfSide('front').find((card) => card.path.endsWith(CAPTURE_CARDS.front));
  const backCard = cardsOfSide('back').find((card) => card.path.endsWith(CAPTURE_CARDS.back));
  expect(front).toMatchObject(frontCard?.expected ?? {});
  expect(back).toMatchObject(backCard?.expected ?? {});

  await camera.getByRole('button', { name: '完成' }).click();
  const people = page.getByRole('navigation', { name: '人员' }).getByRole('button');
  await expect(people).toHaveCount(1);
  await expect(people.first()).toContainText('人像面✓ 国徽面✓');
  await expect(page.getByRole('textbox', { name: '公民身份号码' })).toHaveValue(
    frontCard?.expected.number ?? '',
  );
  await expect(page.getByRole('textbox', { name: '签发机关' })).toHaveValue(
    backCard?.expected.issue ?? '',
  );
  const queue = page.getByRole('region', { name: '图片队列' }).getByRole('listitem');
  await expect(queue).toHaveCount(2);
  await expect(queue.first()).toHaveAccessibleName(/^取景裁切 .*\.jpg$/);
});
