// What `cargo xtask bench` measures by: the Element Timing name on the first card's title link, in the prerendered HTML
// (drawn by the app's own components) and in the card the app draws, and the performance mark the app sets once it
// handles input.
import { test, expect } from '@playwright/test';
import { loadData, openExplorer, watchErrors } from './helpers.mjs';

test('the prerendered first card carries the Element Timing name, and only it', async ({ request }) => {
  const html = await (await request.get('./')).text();
  expect(html.match(/elementtiming="first-card"/g)).toHaveLength(1);
  const { items } = loadData();
  expect(html).toMatch(new RegExp(`<a href="items/${items[0].id}/" elementtiming="first-card">${items[0].title}</a>`));
});

test('the app marks when it is interactive and names its first card for Element Timing', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.firstCardPaints = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.firstCardPaints.push(`${entry.identifier} ${entry.element?.tagName}`);
    }).observe({ type: 'element', buffered: true });
  });
  await openExplorer(page);
  const { items } = loadData();
  const titles = page.locator('[elementtiming="first-card"]');
  await expect(titles).toHaveCount(1);
  await expect(titles).toHaveText(items[0].title);
  await expect(titles).toHaveJSProperty('tagName', 'A');
  await expect(page.locator('h3.card-title').first().locator('a')).toHaveAttribute('elementtiming', 'first-card');
  const marks = await page.evaluate(() => performance.getEntriesByName('summit-fruits:interactive').length);
  expect(marks).toBe(1);
  // The app's own card is painted and reported, not only the prerendered one.
  await expect.poll(() => page.evaluate(() => window.firstCardPaints.includes('first-card A'))).toBe(true);
  expect(errors).toEqual([]);
});
