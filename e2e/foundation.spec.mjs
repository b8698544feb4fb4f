// The first screen: the article header, rendered by the app from its bundled data.
import { test, expect } from '@playwright/test';
import { openExplorer, watchErrors, expectNoAxeViolations } from './helpers.mjs';

test('the first screen names the article and links to the original', async ({ page }) => {
  const errors = watchErrors(page);
  await openExplorer(page);
  await expect(page.locator('.byline')).toContainText('Simon Saradzhyan');
  await expect(page.locator('.byline')).toContainText('Russia Matters');
  await expect(page.locator('.byline time')).toHaveText('4 June 2021');
  await expect(page.getByRole('link', { name: 'Read the original' })).toHaveAttribute(
    'href',
    'https://www.belfercenter.org/publication/potential-fruits-biden-putin-summit',
  );
  await expectNoAxeViolations(page, 'the first screen');
  expect(errors).toEqual([]);
});

test('the open data is published beside the app', async ({ request, baseURL }) => {
  const response = await request.get(new URL('potential-fruits.json', baseURL).href);
  expect(response.ok()).toBeTruthy();
  const data = await response.json();
  expect(data.article.author).toBe('Simon Saradzhyan');
  expect(data.items.length).toBeGreaterThan(20);
});
