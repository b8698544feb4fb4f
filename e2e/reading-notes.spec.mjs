// Reading notes and bounded refusals in the release build: a rating whose quotation could mislead on its own says how
// it is read on the card, in the detail and in the prerendered page; a 16 MiB data set with 100,000 misplaced
// quotations is refused with one page of problems. The refusal's time is printed, never asserted.
import { test, expect } from '@playwright/test';
import { openExplorer, watchErrors, loadData, expectNoAxeViolations } from './helpers.mjs';

const data = loadData();
const noted = data.items.filter((i) => i.feasibility.reading_note);
const risk = data.items.find((i) => i.category === 'risk' && i.feasibility.reading_note);

test('a double negative is read on the card, in the detail and before the app starts', async ({ page, request }) => {
  expect(noted.length, 'the data set has reading notes').toBeGreaterThan(0);
  const errors = watchErrors(page);
  // The prerendered page (all a reader without WebAssembly gets) carries every note too.
  const html = await (await request.get('./')).text();
  expect(html.match(/<p class="reading-note">/g) || []).toHaveLength(noted.length);

  await openExplorer(page, '#cat=risk');
  const card = page.getByRole('main').getByRole('article').filter({ has: page.getByRole('heading', { name: risk.title }) });
  await expect(card.locator('.rationale blockquote')).toContainText(risk.feasibility.rationale);
  await expect(card.locator('.reading-note')).toHaveText(`How it is read: ${risk.feasibility.reading_note}`);

  await card.getByRole('link', { name: risk.title }).click();
  const detail = page.getByRole('dialog', { name: risk.title });
  await expect(detail.locator('.rationale .reading-note')).toHaveText(`How it is read: ${risk.feasibility.reading_note}`);
  expect(errors).toEqual([]);
});

/**
 * The malformed corpus's generated case (core/tests/support/misplaced.rs), built the same way: the bundled data set,
 * then items of 50 quotations each, every one twelve words of a paragraph cited at another paragraph of its section
 * that lacks them, 100,000 in all, padded with spaces to 16 MiB.
 */
function misplacedQuotations() {
  const set = loadData();
  const fold = (s) => s.split(/\s+/).filter(Boolean).join(' ');
  const quotations = [];
  for (const section of set.article.sections) {
    const folded = section.paragraphs.map(fold);
    folded.forEach((text, p) => {
      const words = text.split(' ');
      for (let start = 0; start + 12 <= words.length; start += 12) {
        const quote = words.slice(start, start + 12).join(' ');
        const wrong = folded.findIndex((other, q) => q !== p && !other.includes(quote));
        if (wrong >= 0) quotations.push({ quote, section: section.id, paragraph: wrong + 1 });
      }
    });
  }
  const templates = set.items.map((i) => structuredClone(i));
  let made = 0;
  for (let copy = 0; made < 100_000; copy += 1) {
    const item = structuredClone(templates[copy % templates.length]);
    item.id = `${item.id}-copy-${copy}`;
    item.related = [];
    item.evidence = Array.from({ length: Math.min(50, 100_000 - made) }, (_, k) => quotations[(made + k) % quotations.length]);
    made += item.evidence.length;
    set.items.push(item);
  }
  const json = JSON.stringify(set);
  const limit = 16 * 1024 * 1024;
  const bytes = Buffer.byteLength(json);
  expect(bytes).toBeLessThanOrEqual(limit);
  return Buffer.concat([Buffer.from(json), Buffer.alloc(limit - bytes, ' ')]);
}

test('100,000 misplaced quotations in 16 MiB are refused with one page of problems', async ({ page }) => {
  test.setTimeout(120_000);
  const buffer = misplacedQuotations();
  const errors = watchErrors(page);
  await openExplorer(page);
  await page.getByText('Use another data set', { exact: true }).click();
  // Times in the page: from the file input's change event (the file is the page's from then on) to the refusal panel
  // in the DOM, and to the next frame after it (drawn).
  await page.evaluate(() => {
    const times = {};
    window.refusalTimes = times;
    document.addEventListener('change', () => { times.change ??= performance.now(); }, true);
    new MutationObserver(() => {
      if (times.panel === undefined && document.querySelector('.data-refused')) {
        times.panel = performance.now();
        requestAnimationFrame(() => setTimeout(() => { times.drawn = performance.now(); }));
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByLabel(/^Data set file/).setInputFiles({ name: 'misplaced.json', mimeType: 'application/json', buffer });
  const panel = page.getByRole('alert').filter({ hasText: 'This data set was refused' });
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await page.waitForFunction(() => window.refusalTimes.drawn !== undefined);
  const times = await page.evaluate(() => window.refusalTimes);
  console.log(
    `16 MiB, 100000 misplaced quotations, release build in Chromium: panel in the DOM ${Math.round(times.panel - times.change)} ms ` +
      `after the file was chosen, drawn after ${Math.round(times.drawn - times.change)} ms`,
  );
  await expect(panel).toContainText('100000 errors were found');
  const items = panel.locator('.problem-list li');
  await expect(items).toHaveCount(51);
  await expect(items.last()).toContainText(/^…and \d+ more not shown \(\d+ errors, \d+ warnings\): the first 50 are listed above\.$/);
  await expectNoAxeViolations(page, 'the refusal panel with one page of 100,000 problems');
  expect(errors).toEqual([]);
});
