// Shared steps for the journeys: open the explorer, fail on console errors, run axe-core.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Collects console errors and uncaught exceptions so a journey can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

/** Opens the explorer at `path` (relative to BASE_URL) and waits until the app has rendered. */
export async function openExplorer(page, path = '') {
  await page.goto(path);
  await expect(page.locator('h1')).toHaveText('Potential Fruits of the Biden-Putin Summit');
}

/** Runs axe-core with the WCAG 2.2 AA tags (target-size included) and expects no violations. */
export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).withRules(['target-size']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe-core violations in ${label}`).toEqual([]);
}
