import { expect, type Page, test } from '@playwright/test';
import { cardsOfSide } from './support/card-fixtures.ts';
import { dropFiles } from './support/desk.ts';
import { nextRecognitions, RECOGNITION_TIMEOUT_MS } from './support/recognition.ts';

// Against the real local engine started by the webServer of playwright.config.ts.
test.setTimeout(2 * RECOGNITION_TIMEOUT_MS);

/** Two people, each a front and a back, dropped as one batch and opened in the batch table. */
async function dropTwoPeople(page: Page) {
  const [front1, front2] = cardsOfSide('front');
  const [back1, back2] = cardsOfSide('back');
  if (!front1 || !front2 || !back1 || !back2) throw new Error('the set needs two of each side');
  await page.goto('/');
  const answered = nextRecognitions(page, 4);
  await dropFiles(page, [front1.file, back1.file, front2.file, back2.file]);
  await answered;
  await page.getByRole('button', { name: '批量核对' }).click();
  return { front1, front2 };
}

test('the batch table has a row per person and Alt+N goes to the next doubtful cell', async ({
  page,
}) => {
  const { front2 } = await dropTwoPeople(page);
  await expect(page.getByRole('progressbar', { name: '识别进度' })).toHaveAttribute(
    'aria-valuenow',
    '4',
  );
  const table = page.getByRole('region', { name: '批量核对' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('textbox', { name: '第 2 人公民身份号码' })).toHaveValue(
    front2.expected.number ?? '',
  );
  // A birth date that disagrees with the number makes the cell doubtful.
  const birth = table.getByRole('textbox', { name: '第 2 人出生' });
  await birth.fill('1900-01-01');
  await expect(birth).toHaveAttribute('aria-invalid', 'true');
  await table.getByRole('textbox', { name: '第 1 人姓名' }).focus();
  await page.keyboard.press('Alt+KeyN');
  await expect(birth).toBeFocused();
});

test('已核对 is set with Alt+K, cleared by an edit, and filtered on', async ({ page }) => {
  await dropTwoPeople(page);
  const table = page.getByRole('region', { name: '批量核对' });
  const name = table.getByRole('textbox', { name: '第 1 人姓名' });
  await name.focus();
  await page.keyboard.press('Alt+KeyK');
  await expect(table.getByRole('checkbox', { name: '第 1 人已核对' })).toBeChecked();
  await table.getByRole('button', { name: /^未核对/ }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('button', { name: /^全部/ }).click();
  await name.fill('改过的姓名');
  await expect(table.getByRole('checkbox', { name: '第 1 人已核对' })).not.toBeChecked();
});
