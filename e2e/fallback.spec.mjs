// The first paint does not depend on the wasm: the build draws the default view into the page with the app's own
// components, and a browser that cannot run WebAssembly (or JavaScript) keeps it, with a message.
import { test, expect } from '@playwright/test';
import { loadData, openExplorer } from './helpers.mjs';

const data = loadData();

test('without JavaScript the header and every item are in the page, with a message', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('');
  await expect(page.locator('h1')).toHaveText(data.article.title);
  await expect(page.locator('article.card')).toHaveCount(data.items.length);
  await expect(page.locator('.card-title').first()).toHaveText(data.items[0].title);
  await expect(page.locator('#prerender-notice')).toContainText('it needs JavaScript and WebAssembly');
  await context.close();
});

test('without WebAssembly the content stays and the page says why', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('');
  await expect(page.locator('#prerender-notice')).toContainText('cannot run WebAssembly');
  await expect(page.locator('article.card')).toHaveCount(data.items.length);
  await expect(page.locator('h1')).toHaveCount(1);
});

test('when the app starts it replaces the prerendered content', async ({ page }) => {
  await openExplorer(page);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveCount(1);
});
