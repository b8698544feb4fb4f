// The hindsight layer as a reader meets it: off by default, a switch kept in the URL, outcomes and sourced facts on
// cards, a scorecard whose counts open the items behind them, and nothing of it left once the switch is off.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { openExplorer, watchErrors, expectNoAxeViolations, loadData, viewLink, pageScrollsSideways } from './helpers.mjs';

const data = loadData();
const hindsight = JSON.parse(readFileSync(new URL('../data/hindsight.json', import.meta.url), 'utf8'));
const TOTAL = data.items.length;

const outcomeOf = (id) => hindsight.outcomes.find((o) => o.item === id);
const entriesOf = (id) => hindsight.entries.filter((e) => e.items.includes(id));
const verdictLabel = {
  'borne-out': 'Borne out',
  partly: 'Partly borne out',
  'not-borne-out': 'Not borne out',
  overtaken: 'Overtaken by events',
};
const hostOf = (url) => new URL(url).hostname.replace(/^www\./, '');

/** A few hindsight sentences of each kind, to look for on the page. */
const SAMPLE_SENTENCES = [
  ...hindsight.entries.filter((_, i) => i % 8 === 0).map((e) => e.text),
  ...hindsight.outcomes.filter((_, i) => i % 6 === 0).map((o) => o.reason),
];

const hindsightSwitch = (page) => page.getByRole('switch', { name: 'Hindsight: what happened next' });
const cards = (page) => page.getByRole('main').getByRole('article');
// textContent, not innerText: CSS upper-cases some labels on screen.
const bodyText = (page) => page.locator('body').evaluate((body) => body.textContent);

/** The first item with an outcome, at least two dated facts and a background fact (so every part shows). */
const richItem =
  data.items.find((i) => outcomeOf(i.id) && entriesOf(i.id).some((e) => e.background) && entriesOf(i.id).length >= 2) ??
  data.items.find((i) => outcomeOf(i.id));

test.describe('the hindsight switch', () => {
  test('is off by default, and turning it on adds outcomes and sourced facts to the cards and to the URL', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    await expect(cards(page)).toHaveCount(TOTAL);
    const toggle = hindsightSwitch(page);
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(viewLink(page, 'Scorecard')).toHaveCount(0);
    expect(await bodyText(page)).not.toContain('After the article');

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(page).toHaveURL(/[#&]hindsight=1(&|$)/);
    await expect(viewLink(page, 'Scorecard')).toBeVisible();
    await expect(cards(page).getByRole('region', { name: 'After the article, not in it' })).toHaveCount(TOTAL);

    const card = cards(page).filter({ has: page.getByRole('heading', { name: richItem.title, exact: true }) });
    const section = card.getByRole('region', { name: 'After the article, not in it' });
    const outcome = outcomeOf(richItem.id);
    await expect(section.locator('.outcome-badge')).toContainText(verdictLabel[outcome.verdict]);
    await expect(section).toContainText(outcome.reason);
    const entries = entriesOf(richItem.id);
    const sources = section.getByRole('link', { name: /^Source: / });
    await expect(sources).toHaveCount(entries.length);
    for (const entry of entries) {
      const row = section.locator('li').filter({ hasText: entry.text });
      await expect(row).toHaveCount(1);
      await expect(row.locator('time')).toHaveAttribute('datetime', entry.date);
      const link = row.getByRole('link', { name: `Source: ${hostOf(entry.source)}` });
      await expect(link).toHaveAttribute('href', entry.source);
      await expect(link).toHaveAttribute('rel', 'noopener');
    }
    if (entries.some((e) => e.background)) {
      await expect(section).toContainText('Background (before the article)');
    }

    // The setting survives a reload, like every other.
    await page.reload();
    await expect(hindsightSwitch(page)).toHaveAttribute('aria-checked', 'true');
    await expect(cards(page).getByRole('region', { name: 'After the article, not in it' })).toHaveCount(TOTAL);

    // And the detail dialog carries the same facts.
    await card.getByRole('link', { name: richItem.title }).click();
    const dialog = page.getByRole('dialog', { name: richItem.title });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('link', { name: /^Source: / })).toHaveCount(entries.length);
    expect(errors).toEqual([]);
  });

  test('turning it off leaves no hindsight anywhere: cards, matrix, timeline', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, '#hindsight=1');
    // The layer comes from the on-demand module, one round trip after the page.
    await expect(page.locator('body')).toContainText('After the article, not in it');
    const text = await bodyText(page);
    expect(SAMPLE_SENTENCES.some((s) => text.includes(s))).toBe(true);

    await hindsightSwitch(page).click();
    await expect(hindsightSwitch(page)).toHaveAttribute('aria-checked', 'false');
    await expect(page).not.toHaveURL(/hindsight=1/);
    for (const view of ['Cards', 'Matrix', 'Timeline']) {
      await viewLink(page, view).click();
      await expect(viewLink(page, view)).toHaveAttribute('aria-current', 'page');
      const after = await bodyText(page);
      expect(after, view).not.toContain('After the article');
      expect(after, view).not.toContain('after the summit');
      for (const sentence of SAMPLE_SENTENCES) expect(after, view).not.toContain(sentence);
      expect(await page.locator('.hindsight-panel, .hindsight-timeline, .matrix-mark-verdict, .hindsight-source').count()).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  test('switching it off on the scorecard goes back to the cards', async ({ page }) => {
    await openExplorer(page, '#view=scorecard&hindsight=1');
    await expect(viewLink(page, 'Scorecard')).toHaveAttribute('aria-current', 'page');
    await hindsightSwitch(page).click();
    await expect(viewLink(page, 'Cards')).toHaveAttribute('aria-current', 'page');
    await expect(viewLink(page, 'Scorecard')).toHaveCount(0);
    await expect(cards(page)).toHaveCount(TOTAL);
    expect(await bodyText(page)).not.toContain('After the article');
  });

  test('never puts hindsight in the article’s quotations', async ({ page }) => {
    await openExplorer(page, '#hindsight=1');
    const quotes = await page.locator('blockquote, q').allInnerTexts();
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      expect(quote).not.toContain('After the article');
      for (const sentence of SAMPLE_SENTENCES) expect(quote).not.toContain(sentence);
    }
    await viewLink(page, 'Article').click();
    await expect(page.getByRole('heading', { name: 'The article', level: 2 })).toBeVisible();
    const article = await page.getByRole('main').innerText();
    for (const sentence of SAMPLE_SENTENCES) expect(article).not.toContain(sentence);
  });
});

test.describe('the scorecard', () => {
  test('each count opens exactly the items behind it, and each table sums to every item', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, '#view=scorecard&hindsight=1');
    await expect(page.getByRole('heading', { name: /^Scorecard/, level: 2 }).last()).toBeVisible();

    const tables = {
      level: {
        caption: /By feasibility/,
        rowOf: (item) => String(item.feasibility.level),
      },
      category: {
        caption: /By category/,
        rowOf: (item) => item.category,
      },
    };
    for (const [name, spec] of Object.entries(tables)) {
      const table = page.getByRole('table', { name: spec.caption });
      await expect(table).toBeVisible();
      const rows = table.locator('tbody tr');
      let sum = 0;
      for (const row of await rows.all()) {
        const key = await row.getAttribute('data-key');
        for (const cell of await row.locator('td[data-column]').all()) {
          const column = await cell.getAttribute('data-column');
          const expected = data.items
            .filter((item) => spec.rowOf(item) === key)
            .filter((item) => {
              const outcome = outcomeOf(item.id);
              if (column === 'all') return true;
              if (column === 'unchecked') return !outcome;
              return outcome?.verdict === column;
            })
            .map((item) => item.title);
          const count = Number(await cell.getAttribute('data-count'));
          expect(count, `${name} ${key} ${column}`).toBe(expected.length);
          if (column !== 'all') sum += count;
          if (count === 0) {
            await expect(cell.getByRole('button')).toHaveCount(0);
            continue;
          }
          const button = cell.getByRole('button');
          await expect(button).toHaveText(new RegExp(`^${count}\\b`));
          await button.click();
          await expect(button).toHaveAttribute('aria-expanded', 'true');
          const list = page.locator(`#${await button.getAttribute('aria-controls')}`);
          await expect(list.getByRole('status')).toHaveText(new RegExp(`^${count} items?\\b`));
          await expect(list.getByRole('listitem')).toHaveText(expected);
        }
      }
      expect(sum, `${name}: counts sum to all items`).toBe(TOTAL);
      await expect(table.locator('tfoot td[data-column="all"]')).toHaveAttribute('data-count', String(TOTAL));
    }

    // A listed item opens its card, with its hindsight.
    const firstBorneOut = page.getByRole('table', { name: /By category/ }).locator('tfoot td[data-column="borne-out"] button');
    await firstBorneOut.click();
    const item = data.items.find((i) => outcomeOf(i.id)?.verdict === 'borne-out');
    const list = page.locator(`#${await firstBorneOut.getAttribute('aria-controls')}`);
    await list.getByRole('link', { name: item.title, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: item.title });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('region', { name: 'After the article, not in it' })).toContainText('Borne out');
    await expect(page).toHaveURL(/hindsight=1/);
    expect(errors).toEqual([]);
  });

  test('the matrix and the timeline carry the outcomes and the later facts', async ({ page }) => {
    await openExplorer(page, '#view=matrix&hindsight=1');
    const outcome = hindsight.outcomes[0];
    const item = data.items.find((i) => i.id === outcome.item);
    const mark = page.locator(`a.matrix-mark[data-item="${item.id}"]`).first();
    await expect(mark).toHaveAttribute('aria-label', new RegExp(`, after the summit: ${verdictLabel[outcome.verdict]}`));
    await expect(mark.locator(`.matrix-mark-verdict.verdict-${outcome.verdict}`)).toHaveCount(1);

    await viewLink(page, 'Timeline').click();
    const part = page.getByRole('region', { name: 'After the article: what happened' });
    await expect(part).toBeVisible();
    const later = hindsight.entries.filter((e) => !e.background);
    await expect(part.locator('.hindsight-event')).toHaveCount(later.length);
    await expect(part.locator('.hindsight-event-label').first()).toHaveText('Hindsight');
    for (const entry of hindsight.entries.filter((e) => e.background)) {
      expect(await part.innerText()).not.toContain(entry.text);
    }
  });
});

test.describe('accessibility with hindsight on', () => {
  const states = [
    { name: 'cards', path: '#hindsight=1', ready: (page) => expect(page.locator('.hindsight-panel')).toHaveCount(TOTAL) },
    {
      name: 'scorecard with a list open',
      path: '#view=scorecard&hindsight=1',
      ready: async (page) => {
        const button = page.locator('table[data-table="level"] tbody td[data-column="borne-out"] button').first();
        await button.click();
        await expect(button).toHaveAttribute('aria-expanded', 'true');
      },
    },
    {
      name: 'a card’s detail',
      path: `#item=${richItem.id}&hindsight=1`,
      ready: (page) => expect(page.getByRole('dialog', { name: richItem.title }).locator('.hindsight-panel')).toBeVisible(),
    },
    { name: 'matrix', path: '#view=matrix&hindsight=1', ready: (page) => expect(page.locator('.matrix-mark-verdict').first()).toBeVisible() },
    { name: 'timeline', path: '#view=timeline&hindsight=1', ready: (page) => expect(page.locator('.hindsight-timeline')).toBeVisible() },
  ];
  for (const width of [1280, 320]) {
    for (const state of states) {
      test(`${state.name} at ${width} px has no axe violations`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.setViewportSize({ width, height: 900 });
        await openExplorer(page, state.path);
        await state.ready(page);
        await expectNoAxeViolations(page, `${state.name} at ${width} px`);
        expect(await pageScrollsSideways(page)).toBe(false);
        expect(errors).toEqual([]);
      });
    }
  }
  test('the scorecard in the dark theme has no axe violations', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openExplorer(page, '#view=scorecard&hindsight=1');
    await expect(page.locator('table.scorecard-table')).toHaveCount(2);
    await expectNoAxeViolations(page, 'scorecard, dark');
  });
  test('cards in the dark theme have no axe violations', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openExplorer(page, '#hindsight=1');
    await expect(page.locator('.hindsight-panel')).toHaveCount(TOTAL);
    await expectNoAxeViolations(page, 'cards with hindsight, dark');
  });
});
