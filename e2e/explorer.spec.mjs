// Journeys through the explorer, as a reader takes them: filter, search, open cards, follow quotations,
// share links, and come back to the same view.
import { test, expect } from '@playwright/test';
import {
  openExplorer,
  watchErrors,
  loadData,
  resultCount,
  countText,
  viewLink,
  pageScrollsSideways,
  itemMentions,
} from './helpers.mjs';

const data = loadData();
const TOTAL = data.items.length;
const categoryLabel = (id) => data.vocabularies.categories.find((c) => c.id === id).label;
const levelLabel = (level) => data.feasibility_scale.find((l) => l.level === level).label;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The accessible name of a facet checkbox: its label and its count ("Diplomacy 2 items"). */
const facetName = (label, count) => new RegExp(`^${escapeRegExp(label)}\\s*${count} items?$`);

/** The cards shown in the Cards view. */
const cards = (page) => page.getByRole('main').getByRole('article');

test.describe('filtering by a facet', () => {
  test('ticking a category narrows the cards, recounts the other facets and adds a removable chip', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    await expect(resultCount(page)).toHaveText(countText(TOTAL, TOTAL));
    await expect(cards(page)).toHaveCount(TOTAL);

    const lowHanging = data.items.filter((i) => i.category === 'low-hanging');
    const label = categoryLabel('low-hanging');
    const categoryFacet = page.getByRole('group', { name: 'Category' });
    const domainFacet = page.getByRole('group', { name: 'Domain' });
    const checkbox = categoryFacet.getByRole('checkbox', { name: facetName(label, lowHanging.length) });

    // Before: each domain counts every item that has it.
    const domains = data.vocabularies.domains;
    const allCount = (d) => data.items.filter((i) => i.domains.includes(d.id)).length;
    const lowCount = (d) => lowHanging.filter((i) => i.domains.includes(d.id)).length;
    for (const d of domains) {
      await expect(domainFacet.getByRole('checkbox', { name: facetName(d.label, allCount(d)) })).toBeEnabled();
    }

    await checkbox.check();
    await expect(checkbox).toBeChecked();
    await expect(resultCount(page)).toHaveText(countText(lowHanging.length, TOTAL));
    await expect(cards(page)).toHaveCount(lowHanging.length);
    for (const card of await cards(page).all()) {
      await expect(card).toContainText(label);
    }
    await expect(cards(page).getByRole('heading', { level: 3 })).toHaveText(lowHanging.map((i) => i.title));

    // The other categories keep their own counts; the domains now count only low-hanging items.
    for (const c of data.vocabularies.categories) {
      const n = data.items.filter((i) => i.category === c.id).length;
      await expect(categoryFacet.getByRole('checkbox', { name: facetName(c.label, n) })).toBeVisible();
    }
    const changed = domains.filter((d) => lowCount(d) !== allCount(d));
    expect(changed.length, 'some domain count changes with the category').toBeGreaterThan(0);
    for (const d of domains) {
      await expect(domainFacet.getByRole('checkbox', { name: facetName(d.label, lowCount(d)) })).toBeVisible();
    }
    // A zero-count option stays in the list but cannot be ticked.
    const empty = domains.filter((d) => lowCount(d) === 0);
    expect(empty.length, 'some domain has no low-hanging item').toBeGreaterThan(0);
    for (const d of empty) {
      const option = domainFacet.getByRole('checkbox', { name: facetName(d.label, 0) });
      await expect(option).toBeVisible();
      await expect(option).toBeDisabled();
    }

    // The active filter is a chip; removing it restores everything.
    const chip = page.getByRole('button', { name: `Remove filter Category: ${label}` });
    await expect(chip).toBeVisible();
    await chip.click();
    await expect(chip).toHaveCount(0);
    await expect(checkbox).not.toBeChecked();
    await expect(resultCount(page)).toHaveText(countText(TOTAL, TOTAL));
    await expect(cards(page)).toHaveCount(TOTAL);
    for (const d of domains) {
      await expect(domainFacet.getByRole('checkbox', { name: facetName(d.label, allCount(d)) })).toBeEnabled();
    }

    // Two filters, then "Clear all filters".
    await checkbox.check();
    const easy = data.items.filter((i) => i.category === 'low-hanging' && i.feasibility.level === 5);
    await page
      .getByRole('group', { name: 'Feasibility at the summit' })
      .getByRole('checkbox', { name: facetName(`${levelLabel(5)} (5)`, easy.length) })
      .check();
    await expect(resultCount(page)).toHaveText(countText(easy.length, TOTAL));
    await expect(page.getByRole('button', { name: /^Remove filter / })).toHaveCount(2);
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect(resultCount(page)).toHaveText(countText(TOTAL, TOTAL));
    await expect(page.getByRole('button', { name: /^Remove filter / })).toHaveCount(0);
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
    await expect(cards(page)).toHaveCount(TOTAL);
    expect(errors).toEqual([]);
  });
});

test.describe('searching', () => {
  test('a word narrows the cards, is highlighted and goes into the link', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    const word = 'Navalny';
    const matching = data.items.filter((i) => itemMentions(i, word));
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(TOTAL);

    const search = page.getByLabel('Search titles, summaries, quotations and people');
    await search.fill(word);
    await expect(resultCount(page)).toHaveText(countText(matching.length, TOTAL));
    await expect(cards(page).getByRole('heading', { level: 3 })).toHaveText(matching.map((i) => i.title));
    const hits = page.locator('mark.search-hit');
    await expect(hits.first()).toBeVisible();
    for (const hit of await hits.all()) {
      await expect(hit).toHaveText(new RegExp(`^${word}$`, 'i'));
    }
    await expect(page).toHaveURL(new RegExp(`#.*q=${word}`));
    await expect(page.getByRole('button', { name: `Remove filter Search: “${word}”` })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a search with no match offers a way back to everything', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    const search = page.getByLabel('Search titles, summaries, quotations and people');
    await search.fill('xylophone');
    await expect(resultCount(page)).toHaveText(countText(0, TOTAL));
    await expect(cards(page)).toHaveCount(0);
    const empty = page.getByText('No prospect or risk matches these filters.');
    await expect(empty).toBeVisible();
    // The way out sits right below the message, in the results.
    const clear = page.locator('.empty-result').getByRole('button', { name: 'Clear all filters' });
    await expect(clear).toBeVisible();
    await clear.click();
    await expect(resultCount(page)).toHaveText(countText(TOTAL, TOTAL));
    await expect(cards(page)).toHaveCount(TOTAL);
    await expect(search).toHaveValue('');
    await expect(page).not.toHaveURL(/q=/);
    expect(errors).toEqual([]);
  });
});

test.describe('the matrix', () => {
  test('clicking a mark opens its card; Escape closes it and focus returns to the mark', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    await viewLink(page, 'Matrix').click();
    await expect(viewLink(page, 'Matrix')).toHaveAttribute('aria-current', 'page');
    const matrix = page.getByRole('region', { name: 'Feasibility matrix', exact: true });
    await expect(matrix).toBeVisible();

    const item = data.items.find((i) => i.id === 'strategic-stability-talks');
    const mark = matrix.getByRole('link', { name: new RegExp(`^${escapeRegExp(item.title)}: `) }).first();
    await mark.click();
    const dialog = page.getByRole('dialog', { name: item.title });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`item=${item.id}`));
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page).not.toHaveURL(/item=/);
    await expect(mark).toBeFocused();
    expect(errors).toEqual([]);
  });

  test('the keyboard moves between marks with the arrow keys and opens one with Enter', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, '#view=matrix');
    const matrix = page.getByRole('region', { name: 'Feasibility matrix', exact: true });
    await expect(matrix).toBeVisible();

    // The scrollable region is a tab stop; the next Tab lands on the grid's one mark with tabindex 0.
    await matrix.focus();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('tabindex', '0');
    await expect(focused).toHaveRole('link');
    const first = await focused.getAttribute('aria-label');
    expect(first).toMatch(/: .*feasibility \d of \d/);

    await page.keyboard.press('ArrowDown');
    await expect(focused).not.toHaveAttribute('aria-label', first);
    await page.keyboard.press('ArrowRight');
    const name = await focused.getAttribute('aria-label');
    await expect(matrix.getByRole('link', { name, exact: true }).first()).toBeFocused();
    // Only the focused mark is in the tab order.
    await expect(matrix.locator('a[tabindex="0"]')).toHaveCount(1);

    const title = data.items.map((i) => i.title).find((t) => name.startsWith(`${t}: `));
    expect(title, `a known item is focused (${name})`).toBeTruthy();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', name);
    expect(errors).toEqual([]);
  });
});

test.describe('reading in the article', () => {
  test('"Read in the article" shows the passage emphasised, in view, with focus on its card link', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    const item = data.items[0];
    await cards(page).getByRole('link', { name: item.title, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: item.title });
    await expect(dialog).toBeVisible();
    const evidence = 1;
    await dialog.getByRole('link', { name: 'Read in the article' }).nth(evidence).click();

    await expect(dialog).toHaveCount(0);
    await expect(viewLink(page, 'Article')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'The article', level: 2 })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`passage=${item.id}\\.${evidence}`));
    const current = page.locator('.passage-current');
    await expect(current.first()).toBeVisible();
    await expect(current.first()).toBeInViewport();
    // The emphasised text is the quotation (or its start): some of its words, not an empty mark.
    const quote = item.evidence[evidence].quote;
    const text = (await current.allTextContents()).join('');
    expect(text.trim().length, 'the current passage has text').toBeGreaterThan(0);
    expect(quote).toContain(text.slice(0, 40));

    const focused = page.locator(':focus');
    await expect(focused).toHaveRole('link');
    await expect(focused).toHaveAccessibleName(`Open card: ${item.title}`);
    await expect(focused).toBeInViewport();
    // Following it opens the card again.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: item.title })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('links that keep the view', () => {
  test('reloading shows the same view, filters, search and open card', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, '#view=matrix');
    const label = categoryLabel('low-hanging');
    await page.getByRole('group', { name: 'Category' }).getByRole('checkbox', { name: new RegExp(`^${label}`) }).check();
    const search = page.getByLabel('Search titles, summaries, quotations and people');
    await search.fill('diplomatic');
    const item = data.items.find((i) => i.id === 'diplomatic-missions');
    const shown = data.items.filter((i) => i.category === 'low-hanging' && itemMentions(i, 'diplomatic'));
    await expect(resultCount(page)).toHaveText(countText(shown.length, TOTAL));
    const matrix = page.getByRole('region', { name: 'Feasibility matrix', exact: true });
    await matrix.getByRole('link', { name: new RegExp(`^${escapeRegExp(item.title)}: `) }).first().click();
    await expect(page.getByRole('dialog', { name: item.title })).toBeVisible();
    const before = page.url();

    await page.reload();
    await expect(page).toHaveURL(before);
    await expect(page.getByRole('dialog', { name: item.title })).toBeVisible();
    await expect(viewLink(page, 'Matrix')).toHaveAttribute('aria-current', 'page');
    await expect(resultCount(page)).toHaveText(countText(shown.length, TOTAL));
    await expect(page.getByRole('button', { name: `Remove filter Category: ${label}`, includeHidden: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Remove filter Search: “diplomatic”', includeHidden: true })).toHaveCount(1);
    await expect(search).toHaveValue('diplomatic');

    // Closing the card shows the same matrix, chips and all, behind it.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: `Remove filter Category: ${label}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('the back and forward buttons move between views', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    await expect(viewLink(page, 'Cards')).toHaveAttribute('aria-current', 'page');
    await viewLink(page, 'Matrix').click();
    await expect(viewLink(page, 'Matrix')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    await viewLink(page, 'Timeline').click();
    await expect(viewLink(page, 'Timeline')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible();

    await page.goBack();
    await expect(viewLink(page, 'Matrix')).toHaveAttribute('aria-current', 'page');
    await page.goBack();
    await expect(viewLink(page, 'Cards')).toHaveAttribute('aria-current', 'page');
    await expect(cards(page)).toHaveCount(TOTAL);
    await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toHaveCount(0);

    await page.goForward();
    await expect(viewLink(page, 'Matrix')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a malformed link still shows everything and says what it ignored', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, '#view=nope&cat=bogus&level=9&zzz=1');
    await expect(resultCount(page)).toHaveText(countText(TOTAL, TOTAL));
    await expect(cards(page)).toHaveCount(TOTAL);
    await expect(viewLink(page, 'Cards')).toHaveAttribute('aria-current', 'page');
    const notice = page.getByRole('status').filter({ hasText: 'Some parts of this link could not be used' });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('listitem')).toHaveText([
      'Ignored unknown view "nope".',
      'Ignored unknown category "bogus".',
      'Ignored unknown level "9".',
      'Ignored unknown setting "zzz".',
    ]);
    expect(errors).toEqual([]);
  });
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('no view scrolls the page sideways; the matrix scrolls inside its own region', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    const checks = {
      Cards: () => expect(cards(page).first()).toBeVisible(),
      Matrix: () => expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible(),
      Article: () => expect(page.getByRole('heading', { name: 'The article', level: 2 })).toBeVisible(),
      Timeline: () => expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible(),
    };
    for (const [view, ready] of Object.entries(checks)) {
      await viewLink(page, view).click();
      await expect(viewLink(page, view)).toHaveAttribute('aria-current', 'page');
      await ready();
      expect(await pageScrollsSideways(page), `the ${view} view scrolls the page sideways`).toBe(false);
    }

    await viewLink(page, 'Matrix').click();
    const region = page.getByRole('region', { name: 'Feasibility matrix', exact: true });
    await expect(region).toBeVisible();
    const sizes = await region.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      overflowX: getComputedStyle(el).overflowX,
    }));
    expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
    expect(['auto', 'scroll']).toContain(sizes.overflowX);
    // Scrolling the region moves the matrix, not the page.
    await region.evaluate((el) => {
      el.scrollLeft = 200;
    });
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.scrollingElement.scrollLeft)).toBe(0);
    expect(await pageScrollsSideways(page)).toBe(false);

    // With a card open too.
    await region.getByRole('link').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await pageScrollsSideways(page), 'the open card scrolls the page sideways').toBe(false);
    expect(errors).toEqual([]);
  });
});

test.describe('sorting', () => {
  test('"Most feasible first" leads with an easy card; "Title (A–Z)" orders the titles', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    const sort = page.getByLabel('Sort cards by');
    const titles = cards(page).getByRole('heading', { level: 3 });
    await expect(titles).toHaveText(data.items.map((i) => i.title));

    await sort.selectOption({ label: 'Most feasible first' });
    const top = data.feasibility_scale.reduce((a, b) => (a.level > b.level ? a : b));
    const firstMeter = cards(page).first().getByRole('meter', { name: 'Feasibility' });
    await expect(firstMeter).toHaveAttribute('aria-valuetext', new RegExp(`, ${top.label}$`));
    await expect(cards(page).first()).toContainText(top.label);
    const byLevel = [...data.items].sort((a, b) => b.feasibility.level - a.feasibility.level);
    await expect(titles).toHaveText(byLevel.map((i) => i.title));
    await expect(page).toHaveURL(/sort=feasibility-desc/);

    await sort.selectOption({ label: 'Title (A–Z)' });
    const fold = (t) =>
      t
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[‘’]/g, "'")
        .replace(/[“”]/g, '"');
    const byTitle = data.items.map((i) => i.title).sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0));
    await expect(titles).toHaveText(byTitle);
    await expect(page).toHaveURL(/sort=title/);
    expect(errors).toEqual([]);
  });
});

test.describe('copying the link', () => {
  test('with the clipboard allowed, the link is copied and said so', async ({ page, context }) => {
    const errors = watchErrors(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openExplorer(page, '#view=timeline&cat=risk');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied. It opens exactly this view.')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toContain('#view=timeline&cat=risk');
    expect(errors).toEqual([]);
  });

  test('without a clipboard, the link is shown in a field to copy by hand', async ({ page }) => {
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    });
    await openExplorer(page, '#view=article');
    expect(await page.evaluate(() => navigator.clipboard)).toBeUndefined();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: /Copy the link by hand/ });
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(page.url());
    await expect(page.getByText('Link copied')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('when the browser refuses the write, the link is shown in a field to copy by hand', async ({ page }) => {
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      Object.defineProperty(Clipboard.prototype, 'writeText', { value: refuse, configurable: true });
    });
    await openExplorer(page, '#view=matrix');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: /Copy the link by hand/ });
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(page.url());
    expect(errors).toEqual([]);
  });
});
