import { expect, type Page, test } from '@playwright/test';
import { parseCardDate } from '../src/idcard/card-dates.ts';
import { fitsValidityRule, parseValidTo, validityLengthOf } from '../src/idcard/validity-period.ts';
import {
  type CardFixture,
  cardsOfSide,
  doubleSidedPage,
  firstBackCard,
  firstFrontCard,
} from './support/card-fixtures.ts';
import { dropFiles, isOcrRequest } from './support/desk.ts';
import { nextRecognitions, RECOGNITION_TIMEOUT_MS } from './support/recognition.ts';

// Against the real local engine; only the failed front below is a stubbed network error.
test.setTimeout(2 * RECOGNITION_TIMEOUT_MS);

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

function peopleButtons(page: Page) {
  return page.getByRole('navigation', { name: '人员' }).getByRole('button');
}

async function dropAndWait(page: Page, cards: readonly CardFixture[]) {
  const answered = nextRecognitions(page, cards.length);
  await dropFiles(
    page,
    cards.map((card) => card.file),
  );
  await answered;
}

test('a failed front keeps its slot: the back dropped with it waits there, and 重试 fills it', async ({
  page,
}) => {
  const [earlier, front] = cardsOfSide('front');
  const back = firstBackCard();
  if (!earlier || !front) throw new Error('the card set needs two fronts');
  await dropAndWait(page, [earlier]);
  // The engine reads both images; the browser is told the front's connection broke.
  const ocrRoute = (url: URL) => /\/ocr\/id-card$/.test(url.pathname);
  await page.route(ocrRoute, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    if (body.result?.side === 'front') await route.abort('connectionreset');
    else await route.fulfill({ response });
  });
  const backAnswered = nextRecognitions(page, 1);
  const frontFailed = page.waitForEvent('requestfailed', {
    predicate: (request) => isOcrRequest(request.url(), request.method()),
    timeout: RECOGNITION_TIMEOUT_MS,
  });
  await dropFiles(page, [front.file, back.file]);
  await Promise.all([backAnswered, frontFailed]);
  await expect(
    page.getByRole('listitem', { name: front.file.name }).getByRole('alert'),
  ).toContainText('连接不上识别服务');
  await page.unroute(ocrRoute);
  await expect(peopleButtons(page)).toHaveCount(2);
  await expect(peopleButtons(page).nth(0)).toContainText('人像面✓ 国徽面—');
  await peopleButtons(page).nth(1).click();
  const frontSlot = page.getByRole('region', { name: '人像面' });
  await expect(frontSlot).toContainText(`同一批放入的图片“${front.file.name}”未能识别`);
  await expect(page.getByRole('textbox', { name: '签发机关' })).toHaveValue(
    back.expected.issue ?? '',
  );
  const retried = nextRecognitions(page, 1);
  await frontSlot.getByRole('button', { name: `重试“${front.file.name}”` }).click();
  await retried;
  await expect(peopleButtons(page)).toHaveCount(2);
  await expect(peopleButtons(page).nth(1)).toContainText('人像面✓ 国徽面✓');
  await expect(page.getByRole('textbox', { name: '公民身份号码' })).toHaveValue(
    front.expected.number ?? '',
  );
  await expect(peopleButtons(page).nth(0)).toContainText('国徽面—');
});

test('a back dropped alone later is offered to the person, and filed only on a click', async ({
  page,
}) => {
  await dropAndWait(page, [firstFrontCard()]);
  await dropAndWait(page, [firstBackCard()]);
  await expect(peopleButtons(page)).toHaveCount(2);
  await peopleButtons(page).nth(1).click();
  const notices = page.getByRole('list', { name: '此人的提醒' });
  await expect(notices).toContainText('这张国徽面是单独放入的，可能属于第 1 人');
  await notices.getByRole('button', { name: '并入第 1 人' }).click();
  await expect(peopleButtons(page)).toHaveCount(1);
  await expect(peopleButtons(page).first()).toContainText('人像面✓ 国徽面✓');
});

test('the same card dropped twice is marked as a duplicate and can be deleted', async ({
  page,
}) => {
  const front = firstFrontCard();
  await dropAndWait(page, [front]);
  await dropAndWait(page, [front]);
  await expect(peopleButtons(page)).toHaveCount(2);
  await expect(peopleButtons(page).nth(1)).toContainText('待确认');
  await peopleButtons(page).nth(1).click();
  const notices = page.getByRole('list', { name: '此人的提醒' });
  await expect(notices).toContainText('与第 1 人的公民身份号码相同');
  await notices.getByRole('button', { name: '删除此人' }).click();
  await expect(peopleButtons(page)).toHaveCount(1);
  await expect(peopleButtons(page).first()).not.toContainText('待确认');
});

/** A front and a back of different people whose period could not be the front's holder's. */
function mismatchedPair(): [CardFixture, CardFixture] {
  for (const front of cardsOfSide('front')) {
    const birth = parseCardDate(front.expected.birth ?? '');
    for (const back of cardsOfSide('back')) {
      const from = parseCardDate(back.expected.valid_from ?? '');
      const to = parseValidTo(back.expected.valid_to ?? '');
      if (birth && from && to && validityLengthOf(from, to) && !fitsValidityRule(birth, from, to))
        return [front, back];
    }
  }
  throw new Error('the card set has no front and back whose period and age disagree');
}

test('a back whose period does not fit the front holder’s age is a warning on the person', async ({
  page,
}) => {
  const [front, back] = mismatchedPair();
  await dropAndWait(page, [front, back]);
  await expect(peopleButtons(page)).toHaveCount(1);
  await expect(page.getByRole('list', { name: '此人的提醒' })).toContainText(
    '国徽面可能不是此人的',
  );
});

test('a photocopy page read as one face offers the double-sided reading, keeping edits', async ({
  page,
}) => {
  const copy = doubleSidedPage();
  await dropAndWait(page, [copy]);
  const name = page.getByRole('textbox', { name: '姓名' });
  await name.fill('已核对的姓名');
  const backSlot = page.getByRole('region', { name: '国徽面' });
  await expect(backSlot).toContainText('像是一页双面复印件');
  const again = page.waitForRequest((request) => isOcrRequest(request.url(), request.method()));
  const answered = nextRecognitions(page, 1);
  await backSlot.getByRole('button', { name: '按双面复印件识别' }).click();
  expect((await again).postDataJSON().side).toBe('double_side');
  await answered;
  await expect(peopleButtons(page)).toContainText('人像面✓ 国徽面✓');
  await expect(page.getByRole('textbox', { name: '签发机关' })).toHaveValue(
    copy.expected.issue ?? '',
  );
  await expect(name).toHaveValue('已核对的姓名');
});
