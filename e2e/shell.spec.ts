import { expect, test } from '@playwright/test';

test('the built app renders its shell in Chinese', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/证件速录/);
  await expect(page.getByRole('heading', { level: 1, name: '证件速录' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
