// Shared steps for the journeys: open the explorer, fail on console errors, run axe-core.
import { readFileSync } from 'node:fs';
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

/**
 * Runs axe-core with the WCAG 2.2 AA tags (target-size included) and expects no violations.
 *
 * `withTags(...).withRules([...])` would not add a rule: each replaces `runOnly`, so only the rules would run.
 * The tags go in `runOnly` and target-size (off by default in axe-core) is switched on by name instead.
 */
export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: WCAG_TAGS }, rules: { 'target-size': { enabled: true } } })
    .analyze();
  expect(results.passes.length, `axe-core ran its WCAG rules in ${label}`).toBeGreaterThan(10);
  expect(
    [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].some((r) => r.id === 'target-size'),
    `axe-core ran target-size in ${label}`,
  ).toBe(true);
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.help}; e.g. ${firstLine(v.nodes[0]?.failureSummary)}) on ${v.nodes.length} element(s): ` +
      v.nodes.map((n) => n.target.join(' ')).join(', '),
  );
  expect(summary, `axe-core violations in ${label}`).toEqual([]);
}

function firstLine(text = '') {
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('Fix ')).slice(0, 2).join(' ');
}

/** The open data set the app bundles, read from the repository so tests never hard-code its numbers. */
export function loadData() {
  return JSON.parse(readFileSync(new URL('../data/potential-fruits.json', import.meta.url), 'utf8'));
}

/** Opens the explorer embedded (`?embed=1`, no page header): waits for the result count instead of the title. */
export async function openEmbedded(page, path = '?embed=1') {
  await page.goto(path);
  await expect(resultCount(page)).toHaveText(/^Showing /);
}

/** The polite live region that says how many items are shown ("Showing 6 of 31 prospects and risks"). */
export function resultCount(page) {
  return page.getByRole('status').filter({ hasText: /^Showing / });
}

/** The text of the result count for `shown` of `total` items, as the app writes it. */
export function countText(shown, total) {
  return shown === total
    ? `Showing all ${total} prospects and risks`
    : `Showing ${shown} of ${total} prospects and risks`;
}

/** The navigation between views ("Cards", "Matrix", "Article", "Timeline"). */
export function viewLink(page, name) {
  return page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });
}

/** Whether the page as a whole can be scrolled sideways (it must not be, at any width). */
export async function pageScrollsSideways(page) {
  return page.evaluate(() => {
    const root = document.scrollingElement;
    return root.scrollWidth > root.clientWidth;
  });
}

/** Case-insensitive "does the item mention this word", over the fields the app searches. */
export function itemMentions(item, word) {
  const folded = word.toLowerCase();
  const fields = [
    item.title,
    item.summary,
    item.feasibility.rationale,
    ...item.evidence.map((e) => e.quote),
    ...item.people.flatMap((p) => [p.name, p.role]),
  ];
  return fields.some((f) => f.toLowerCase().includes(folded));
}
