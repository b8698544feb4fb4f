// What a screen reader is given, read through Playwright's accessibility queries (roles, accessible names and
// descriptions, the ARIA snapshot) and the ARIA attributes: landmarks and headings in every view, fieldsets, live
// regions, the matrix's text alternative and table, the names of marks, chips and meters, and the article's highlights.
import { test, expect } from '@playwright/test';
import { openExplorer, openEmbedded, watchErrors, loadData, resultCount, countText, itemMentions } from './helpers.mjs';

const data = loadData();
const TOTAL = data.items.length;
const MAX = Math.max(...data.feasibility_scale.map((l) => l.level));
const levelLabel = (level) => data.feasibility_scale.find((l) => l.level === level).label;
const categoryLabel = (id) => data.vocabularies.categories.find((c) => c.id === id).label;
const domainLabel = (id) => data.vocabularies.domains.find((d) => d.id === id).label;
const actorLabel = (id) => data.vocabularies.actors.find((a) => a.id === id).label;
const itemByTitle = (title) => data.items.find((i) => i.title === title);
const openItem = data.items[0];
const VIEW_LABELS = ['Cards', 'Matrix', 'Article', 'Timeline', 'Scorecard'];

/** Each view: its address, what shows it is drawn, and the heading that names it (the first h2 in main). */
const views = [
  { name: 'Cards', path: '', heading: 'Cards', ready: (p) => expect(p.getByRole('main').getByRole('article')).toHaveCount(TOTAL) },
  {
    name: 'Matrix',
    path: '#view=matrix',
    heading: 'Feasibility by domain',
    ready: (p) => expect(p.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible(),
  },
  {
    name: 'Article',
    path: '#view=article',
    heading: 'The article',
    ready: (p) => expect(p.locator('mark.article-mark').first()).toBeVisible(),
  },
  {
    name: 'Timeline',
    path: '#view=timeline',
    heading: 'Timeline',
    ready: (p) => expect(p.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible(),
  },
  {
    name: 'Scorecard (hindsight on)',
    path: '#view=scorecard&hindsight=1',
    heading: 'Scorecard: how the article’s ratings held',
    ready: (p) => expect(p.locator('table.scorecard-table')).toHaveCount(2),
  },
];

test.describe('landmarks and headings', () => {
  for (const view of views) {
    test(`${view.name}: banner, "Views" navigation, filters, main and contentinfo; one h1; the view's heading once`, async ({ page }) => {
      const errors = watchErrors(page);
      await openExplorer(page, view.path);
      await view.ready(page);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('banner')).toContainText(data.article.title);
      await expect(page.getByRole('navigation')).toHaveCount(1);
      await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toHaveCount(1);
      await expect(page.getByRole('complementary')).toHaveCount(1);
      await expect(page.getByRole('complementary', { name: 'Filter and search', exact: true })).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toContainText('Cite the article as');
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.article.title);

      // The view is named by exactly one heading, the first h2 of the results; no other h2 repeats a view's name.
      const h2 = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
      expect(h2[0], `the first h2 in main names the ${view.name} view`).toBe(view.heading);
      expect(h2.filter((h) => h === view.heading), `"${view.heading}" is a heading once`).toHaveLength(1);
      expect(h2.filter((h) => h !== view.heading && VIEW_LABELS.includes(h)), 'no heading repeats a view name').toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  test('a card’s detail: a modal dialog named by its title, its heading under the page’s one h1', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, `#item=${openItem.id}`);
    const dialog = page.getByRole('dialog', { name: openItem.title, exact: true });
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((d) => d.matches(':modal')), 'the dialog is modal: the page behind is inert').toBe(true);
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(openItem.title);
    await expect(dialog.getByRole('heading', { level: 3 }).first()).toHaveText('What the article says');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(dialog.getByRole('button', { name: 'Close', exact: true })).toBeVisible();
    // Closed, the page's landmarks are all there again.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('embedded (?embed=1): no banner, footer or h1 of its own (the host page has them); navigation, filters and main stay', async ({ page }) => {
    await openEmbedded(page, '?embed=1#view=timeline');
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toHaveCount(1);
    await expect(page.getByRole('complementary', { name: 'Filter and search', exact: true })).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toHaveText('Timeline');
  });
});

test.describe('filters', () => {
  test('each facet is a fieldset whose legend names its group; so are the matrix’s options', async ({ page }) => {
    await openExplorer(page, '#view=matrix');
    const filters = page.getByRole('complementary', { name: 'Filter and search' });
    const legends = ['Category', 'Feasibility at the summit', 'Domain', 'Who would have to act'];
    for (const legend of legends) {
      const group = filters.getByRole('group', { name: legend, exact: true });
      await expect(group).toHaveCount(1);
      expect(await group.evaluate((el) => el.tagName)).toBe('FIELDSET');
      await expect(group.locator(':scope > legend')).toHaveText(legend);
      // Every option of the group is a named checkbox.
      const boxes = group.getByRole('checkbox');
      expect(await boxes.count()).toBeGreaterThan(1);
      for (const box of await boxes.all()) await expect(box).toHaveAccessibleName(/\S+ \d+ items?$/);
    }
    await expect(filters.getByRole('group')).toHaveCount(legends.length);
    await expect(filters.getByRole('searchbox', { name: 'Search titles, summaries, quotations and people' })).toBeVisible();
    await expect(filters.getByRole('combobox', { name: 'Sort cards by' })).toBeVisible();
    for (const legend of ['Rows:', 'Filtered-out items:']) {
      const group = page.getByRole('main').getByRole('group', { name: legend, exact: true });
      expect(await group.evaluate((el) => el.tagName)).toBe('FIELDSET');
      await expect(group.getByRole('radio')).not.toHaveCount(0);
    }
  });
});

test.describe('live regions', () => {
  test('the result count is a polite status that stays in place and is updated as filters change', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    const count = resultCount(page);
    await expect(count).toHaveText(countText(TOTAL, TOTAL));
    await expect(count).toHaveAttribute('role', 'status');
    await expect(count).toHaveAttribute('aria-live', 'polite');
    // The same element is updated (a live region created with its text is not announced).
    await count.evaluate((el) => {
      el.__original = true;
    });
    const risks = data.items.filter((i) => i.category === 'risk');
    await page.getByRole('group', { name: 'Category' }).getByRole('checkbox', { name: new RegExp(`^${categoryLabel('risk')}`) }).check();
    await expect(count).toHaveText(countText(risks.length, TOTAL));
    expect(await count.evaluate((el) => el.__original === true), 'the live region is the one that was there before').toBe(true);
    expect(errors).toEqual([]);
  });

  test('a notice about an unusable link appears inside a polite status that was already there', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    const region = page.locator('.url-notices-region');
    await expect(region).toHaveCount(1);
    await expect(region).toHaveAttribute('role', 'status');
    expect(await region.getAttribute('aria-live'), 'status is polite by itself; nothing makes it assertive').not.toBe('assertive');
    await expect(region).toHaveText('');
    await region.evaluate((el) => {
      el.__original = true;
    });
    // A link followed within the page (the address changes, the page stays).
    await page.goto('#view=nope&zzz=1');
    const notice = page.getByRole('status').filter({ hasText: 'Some parts of this link could not be used' });
    await expect(notice).toHaveCount(1);
    await expect(notice.getByRole('listitem')).toHaveText(['Ignored unknown view "nope".', 'Ignored unknown setting "zzz".']);
    expect(await region.evaluate((el) => el.__original === true), 'the notice went into the existing live region').toBe(true);
    expect(errors).toEqual([]);
  });
});

test.describe('the matrix', () => {
  test('the SVG has a name, a description and a <desc>; the table below holds the same placements', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, '#view=matrix&cat=risk');
    const svg = page.locator('svg.matrix-svg');
    await expect(svg).toHaveAccessibleName('Feasibility by domain');
    await expect(svg).toHaveAccessibleDescription(/arrow keys, Home and End to move between marks, and Enter to open one/);
    await expect(svg.locator('desc')).toHaveText(/^Columns are the feasibility levels, from .* rows are the domains\./);
    await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();

    const table = page.getByRole('table', { name: 'Feasibility matrix as a table' });
    await expect(table).toBeVisible();
    // The same rows and columns.
    const rowGroups = await svg.locator('g.matrix-row[role="group"]').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
    await expect(table.getByRole('rowheader')).toHaveText(rowGroups);
    const levels = data.feasibility_scale.map((l) => l.level).sort((a, b) => a - b);
    await expect(table.locator('th[scope="col"]')).toHaveText(levels.map((l) => new RegExp(`^${levelLabel(l)} \\(${l} of ${MAX}\\)$`)));
    // The same placements: per row, the same items (by title) as links.
    const inSvg = await svg.locator('g.matrix-row').evaluateAll((gs) =>
      gs.map((g) => [...g.querySelectorAll('a.matrix-mark')].map((a) => a.getAttribute('data-item')).sort()),
    );
    const inTable = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td a')].map((a) => new URLSearchParams(a.getAttribute('href').slice(1)).get('item')).sort()),
    );
    expect(inTable).toEqual(inSvg);
    expect(inSvg.flat().length, 'every item placed at least once').toBeGreaterThanOrEqual(TOTAL);
    expect(errors).toEqual([]);
  });

  test('every mark is a link named by its title, category, feasibility value and level, and whether it is filtered out', async ({ page }) => {
    await openExplorer(page, '#view=matrix&cat=risk&hindsight=1');
    await expect(page.locator('.matrix-mark-verdict').first()).toBeVisible();
    const hindsight = (await (await page.request.get('hindsight.json')).json()).outcomes;
    const verdictLabel = { 'borne-out': 'Borne out', partly: 'Partly borne out', 'not-borne-out': 'Not borne out', overtaken: 'Overtaken by events' };
    const marks = page.locator('svg.matrix-svg a.matrix-mark');
    const n = await marks.count();
    expect(n).toBeGreaterThanOrEqual(TOTAL);
    // What the accessibility tree exposes for the whole matrix, as Playwright reads it.
    const snapshot = await page.locator('svg.matrix-svg').ariaSnapshot();
    const expected = await marks.evaluateAll((as) => as.map((a) => ({ id: a.getAttribute('data-item'), dim: a.classList.contains('matrix-mark--dim') })));
    for (const { id, dim } of expected) {
      const item = data.items.find((i) => i.id === id);
      const outcome = hindsight.find((o) => o.item === id);
      const name =
        `${item.title}: ${categoryLabel(item.category)}, feasibility ${item.feasibility.level} of ${MAX}, ${levelLabel(item.feasibility.level)}` +
        (outcome ? `, after the summit: ${verdictLabel[outcome.verdict]}` : '') +
        (dim ? ' (filtered out)' : '');
      expect(dim, `${id} is dimmed exactly when the filters leave it out`).toBe(item.category !== 'risk');
      expect(snapshot, `the accessibility tree has the mark "${name}"`).toContain(`link "${name}"`);
    }
    // Each row of marks is a group named by its row.
    for (const domain of data.vocabularies.domains.filter((d) => data.items.some((i) => i.domains.includes(d.id)))) {
      await expect(page.getByRole('group', { name: domain.label, exact: true })).toHaveCount(1);
    }
  });
});

test.describe('chips and meters', () => {
  test('every card’s meter is role=meter named "Feasibility" with its value in words; chips list their values', async ({ page }) => {
    await openExplorer(page);
    const cards = page.getByRole('main').getByRole('article');
    await expect(cards).toHaveCount(TOTAL);
    await expect(page.getByRole('meter', { name: 'Feasibility', exact: true })).toHaveCount(TOTAL);
    for (const [i, item] of data.items.entries()) {
      const card = cards.nth(i);
      await expect(card).toHaveAccessibleName(item.title);
      const meter = card.getByRole('meter', { name: 'Feasibility', exact: true });
      const level = item.feasibility.level;
      await expect(meter).toHaveAttribute('aria-valuenow', String(level));
      await expect(meter).toHaveAttribute('aria-valuemin', '1');
      await expect(meter).toHaveAttribute('aria-valuemax', String(MAX));
      await expect(meter).toHaveAttribute('aria-valuetext', `${level} of ${MAX}, ${levelLabel(level)}`);
      await expect(card.getByRole('list', { name: 'Domains', exact: true }).getByRole('listitem')).toHaveText(item.domains.map(domainLabel));
      await expect(card.getByRole('list', { name: 'Who would have to act', exact: true }).getByRole('listitem')).toHaveText(
        item.actors.map(actorLabel),
      );
    }
    // The accessibility tree says the value too (the first card, as Playwright reads it).
    const first = data.items[0];
    await expect(cards.first()).toMatchAriaSnapshot(`
      - meter "Feasibility"
    `);
    expect(await cards.first().getByRole('meter').evaluate((m) => m.getAttribute('aria-valuetext'))).toBe(
      `${first.feasibility.level} of ${MAX}, ${levelLabel(first.feasibility.level)}`,
    );
  });

  test('the easiest item’s meter reads "5 of 5, Easy", in its card and in its detail', async ({ page }) => {
    const easy = data.items.find((i) => i.feasibility.level === MAX);
    await openExplorer(page, `#item=${easy.id}`);
    const dialog = page.getByRole('dialog', { name: easy.title });
    const meter = dialog.getByRole('meter', { name: 'Feasibility', exact: true });
    await expect(meter).toHaveAttribute('aria-valuetext', `${MAX} of ${MAX}, ${levelLabel(MAX)}`);
    expect(`${MAX} of ${MAX}, ${levelLabel(MAX)}`).toBe('5 of 5, Easy');
  });

  test('active filter chips, facet options and timeline chips are named by their values', async ({ page }) => {
    // A word that keeps some easy low-hanging items, so timeline chips of both kinds (kept, left out) show.
    const word = ['diplomatic', 'exchange', 'prisoner', 'talks', 'stability'].find((w) =>
      data.items.some((i) => i.category === 'low-hanging' && i.feasibility.level === MAX && itemMentions(i, w)),
    );
    expect(word).toBeTruthy();
    await openExplorer(page, `#view=timeline&cat=low-hanging&level=${MAX}&q=${word}`);
    const chips = page.getByRole('button', { name: /^Remove filter / });
    await expect(chips).toHaveCount(3);
    for (const [name, visible] of [
      [`Remove filter Search: “${word}”`, `Search: “${word}”`],
      [`Remove filter Category: ${categoryLabel('low-hanging')}`, `Category: ${categoryLabel('low-hanging')}`],
      [`Remove filter Feasibility: ${levelLabel(MAX)}`, `Feasibility: ${levelLabel(MAX)}`],
    ]) {
      const chip = page.getByRole('button', { name, exact: true });
      await expect(chip).toHaveCount(1);
      // The visible words are in the name (label in name).
      expect((await chip.innerText()).replace('×', '').replace(/\s+/g, ' ').trim()).toBe(visible);
    }
    // Facet options say how many items each would leave.
    for (const c of data.vocabularies.categories) {
      await expect(page.getByRole('checkbox', { name: new RegExp(`^${c.label} \\d+ items?$`) })).toHaveCount(1);
    }
    // Each timeline chip is a link named by the item it opens, and says when the filters leave it out.
    const timelineChips = page.getByRole('list', { name: 'Cards this bears on' }).first().getByRole('link');
    expect(await timelineChips.count()).toBeGreaterThan(0);
    const kinds = new Set();
    for (const chip of await page.locator('a.timeline-chip').all()) {
      const title = (await chip.locator('.timeline-chip-title').textContent()).trim();
      const item = itemByTitle(title);
      expect(item, `a known item: ${title}`).toBeTruthy();
      const included = item.category === 'low-hanging' && item.feasibility.level === MAX && itemMentions(item, word);
      await expect(chip).toHaveAccessibleName(included ? title : `${title} (filtered out)`, { ignoreCase: false });
      await expect(chip).toHaveAttribute('href', new RegExp(`[#&]item=${item.id}(&|$)`));
      kinds.add(included);
    }
    expect([...kinds].sort(), 'chips of kept and of left-out items were both checked').toEqual([false, true]);
  });

  test('scorecard counts are buttons named by their number, row and column', async ({ page }) => {
    await openExplorer(page, '#view=scorecard&hindsight=1');
    const buttons = page.locator('table.scorecard-table td button');
    expect(await buttons.count()).toBeGreaterThan(5);
    for (const button of await buttons.all()) {
      const count = await button.evaluate((b) => b.closest('td').getAttribute('data-count'));
      await expect(button).toHaveAccessibleName(new RegExp(`^${count} items?: .+, .+$`));
    }
  });
});

test.describe('the article', () => {
  test('every highlight is described by the link of the card it opens, and every such link is named by that card', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, '#view=article');
    const marks = page.locator('mark.article-mark');
    const n = await marks.count();
    expect(n).toBeGreaterThan(20);
    for (const mark of await marks.all()) {
      const target = await mark.getAttribute('aria-describedby');
      expect(target, 'the highlight names its card link').toMatch(/^passage-link-/);
      const link = page.locator(`#${target}`);
      await expect(link).toHaveCount(1);
      const href = await link.getAttribute('href');
      const item = data.items.find((i) => i.id === new URLSearchParams(href.slice(1)).get('item'));
      await expect(link).toHaveAccessibleName(`Open card: ${item.title}`);
      await expect(mark).toHaveAccessibleDescription(`Open card: ${item.title}`);
    }
    // One card link per highlighted quotation, each named by its own card.
    const links = page.getByRole('link', { name: /^Open card: / });
    const highlighted = Number((await page.locator('.article-count').textContent()).match(/^(\d+) of/)[1]);
    await expect(links).toHaveCount(highlighted);
    for (const link of await links.all()) {
      const [, itemId, evidence] = (await link.getAttribute('id')).match(/^passage-link-(.+)-(\d+)$/);
      const item = data.items.find((i) => i.id === itemId);
      expect(item.evidence[Number(evidence)], `${itemId} has quotation ${evidence}`).toBeTruthy();
      await expect(link).toHaveAccessibleName(`Open card: ${item.title}`);
    }
    // Following a highlight's link opens the card it names.
    const firstLink = links.first();
    const name = await firstLink.getAttribute('aria-label');
    await firstLink.click();
    await expect(page.getByRole('dialog', { name: name.replace(/^Open card: /, ''), exact: true })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
