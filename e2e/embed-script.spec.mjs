// The script embed (no iframe): a host page on another origin, with aggressive global CSS, includes
// summit-fruits-embed.js and marks three elements; an explorer mounts into each, in its own shadow root, with its own
// options. The host's styles must not reach the explorers and ours must not reach the host; each explorer keeps its
// state to itself (never the host's address or history); an invalid attribute is a notice, not a crash.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startStatic } from './servers.mjs';
import { AXE_OPTIONS, watchErrors, loadData, countText, itemMentions } from './helpers.mjs';

const data = loadData();
const TOTAL = data.items.length;
const RISKS = data.items.filter((i) => i.category === 'risk');
const NAVALNY = data.items.filter((i) => itemMentions(i, 'Navalny'));
const LEVEL_3 = data.items.filter((i) => i.feasibility.level === 3);

let app;
let host;
test.beforeAll(async () => {
  // The app's bundle with CORS, and the host page on a second loopback origin (another port).
  app = await startStatic('dist', { cors: true });
  host = await startStatic('e2e/hosts/script');
});
test.afterAll(() => {
  app?.close();
  host?.close();
});

/** One explorer: the host's marked element in a slot (role and CSS locators reach into its open shadow root). */
const explorer = (page, slot) => page.locator(`#${slot} [data-summit-fruits]`);
const countOf = (instance) => instance.getByRole('status').filter({ hasText: /^Showing / });

/** Opens the host page and waits until all three explorers have drawn their results. */
async function openHost(page, { matrixDrawn = true } = {}) {
  const url = `${host.url}index.html?app=${encodeURIComponent(app.url)}`;
  await page.goto(url);
  for (const slot of ['slot-matrix', 'slot-cards', 'slot-invalid']) {
    await expect(countOf(explorer(page, slot))).toHaveText(/^Showing /);
  }
  // The matrix comes from the on-demand module, one round trip later.
  if (matrixDrawn) await expect(explorer(page, 'slot-matrix').locator('svg.matrix-svg')).toBeVisible();
  return url;
}

/** The focused element, looked for through open shadow roots, described for assertions. */
const deepFocus = (page) => page.evaluate(() => {
  let el = document.activeElement;
  let host = null;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) {
    host = el;
    el = el.shadowRoot.activeElement;
  }
  return {
    slot: host ? host.parentElement.id : null,
    tag: el ? el.tagName.toLowerCase() : null,
    text: el ? (el.getAttribute('aria-label') || el.textContent.trim()) : null,
    mark: Boolean(el && el.matches('a.matrix-mark')),
  };
});

test.describe('script embed on a host page of another origin', () => {
  test('each explorer shows the state its attributes ask for, and links to the full explorer with it', async ({ page, context }) => {
    const errors = watchErrors(page);
    await openHost(page);

    const matrix = explorer(page, 'slot-matrix');
    await expect(countOf(matrix)).toHaveText(countText(RISKS.length, TOTAL));
    await expect(matrix.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Matrix', exact: true }))
      .toHaveAttribute('aria-current', 'page');
    await expect(matrix.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    await expect(matrix.locator('svg.matrix-svg')).toBeVisible();
    await expect(matrix.getByRole('checkbox', { name: /What could go wrong/ })).toBeChecked();

    const cards = explorer(page, 'slot-cards');
    await expect(countOf(cards)).toHaveText(countText(NAVALNY.length, TOTAL));
    await expect(cards.getByRole('region', { name: 'Results', exact: true }).getByRole('article')).toHaveCount(NAVALNY.length);
    await expect(cards.getByRole('searchbox').or(cards.locator('#search'))).toHaveValue('Navalny');

    // No page chrome in an explorer: no header, no theme switch, no data-source bar, no footer; the host page keeps
    // the one `main` landmark.
    await expect(page.getByRole('main')).toHaveCount(0);
    for (const slot of ['slot-matrix', 'slot-cards', 'slot-invalid']) {
      const instance = explorer(page, slot);
      await expect(instance.getByRole('heading', { level: 1 })).toHaveCount(0);
      await expect(instance.getByRole('combobox', { name: 'Theme' })).toHaveCount(0);
      await expect(instance.locator('footer')).toHaveCount(0);
    }

    // The host's own `#app` is the host's: the explorers mount only into the marked elements.
    await expect(page.locator('#app')).toHaveText("The host's own #app, which is not the explorer's.");
    await expect(page.locator('#app [data-summit-fruits], #app .page')).toHaveCount(0);

    // "Open in the full explorer": the app's index.html (resolved against the script's address) with the state.
    const full = matrix.getByRole('link', { name: /Open in the full explorer/ });
    await expect(full).toHaveAttribute('href', `${app.url}index.html#view=matrix&cat=risk`);
    await expect(cards.getByRole('link', { name: /Open in the full explorer/ }))
      .toHaveAttribute('href', `${app.url}index.html#q=Navalny`);
    const [opened] = await Promise.all([context.waitForEvent('page'), full.click()]);
    await expect(opened.locator('h1')).toHaveText('Potential Fruits of the Biden-Putin Summit');
    await expect(opened.getByRole('status').filter({ hasText: /^Showing / })).toHaveText(countText(RISKS.length, TOTAL));
    await expect(opened.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    await opened.close();

    expect(errors).toEqual([]);
  });

  test('an invalid attribute is a notice in its explorer, and the valid ones still apply', async ({ page }) => {
    const errors = watchErrors(page);
    await openHost(page);
    const invalid = explorer(page, 'slot-invalid');
    const notices = invalid.locator('.url-notices');
    await expect(notices).toContainText('Ignored unknown attribute "data-colour".');
    await expect(notices).toContainText('Ignored unknown view "grid".');
    await expect(countOf(invalid)).toHaveText(countText(LEVEL_3.length, TOTAL));
    await expect(invalid.getByRole('region', { name: 'Results', exact: true }).getByRole('article')).toHaveCount(LEVEL_3.length);
    // The other explorers have nothing to report.
    await expect(explorer(page, 'slot-matrix').locator('.url-notices')).toHaveCount(0);
    await expect(explorer(page, 'slot-cards').locator('.url-notices')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test("the host's aggressive CSS does not reach the explorers, and ours does not reach the host", async ({ page }) => {
    const errors = watchErrors(page);
    await openHost(page);
    const styles = await page.evaluate(() => {
      const inside = (slot, selector) => {
        const root = document.querySelector(`#${slot} [data-summit-fruits]`).shadowRoot;
        return getComputedStyle(root.querySelector(selector));
      };
      const pick = (s) => ({
        display: s.display, fontSize: s.fontSize, fontFamily: s.fontFamily, color: s.color,
        letterSpacing: s.letterSpacing, background: s.backgroundColor, textTransform: s.textTransform,
      });
      const rootStyle = getComputedStyle(document.documentElement);
      return {
        cardTitle: pick(inside('slot-cards', '.card-title')),
        layout: pick(inside('slot-cards', '.layout')),
        cardList: pick(inside('slot-cards', '.card-list')),
        page: pick(inside('slot-matrix', '.page')),
        matrixSvg: pick(inside('slot-matrix', 'svg.matrix-svg')),
        mountHost: pick(getComputedStyle(document.querySelector('#slot-cards [data-summit-fruits]'))),
        hostText: pick(getComputedStyle(document.getElementById('host-intro'))),
        hostSlot: pick(getComputedStyle(document.getElementById('slot-cards'))),
        hostButton: pick(getComputedStyle(document.getElementById('host-button'))),
        hostRoot: { fontSize: rootStyle.fontSize, bg: rootStyle.getPropertyValue('--bg').trim() },
        theme: document.documentElement.getAttribute('data-theme'),
        sheets: [...document.styleSheets].map((s) => new URL(s.href).pathname),
        storage: localStorage.length + sessionStorage.length,
        shadowSheets: [...document.querySelectorAll('[data-summit-fruits]')]
          .map((el) => [...el.shadowRoot.styleSheets].map((s) => new URL(s.href).pathname.split('/').pop())),
      };
    });

    // Ours, inside: the app's sizes (16px root, card titles 1.15rem), its fonts and colours, its grid layouts.
    expect(styles.cardTitle.fontSize).toBe('18.4px');
    expect(styles.cardTitle.fontFamily).toMatch(/system-ui/);
    expect(styles.cardTitle.letterSpacing).toBe('normal');
    expect(styles.cardTitle.textTransform).toBe('none');
    expect(styles.cardTitle.color).not.toBe('rgb(200, 0, 0)');
    expect(styles.layout.display).toBe('grid');
    expect(styles.cardList.display).toBe('grid');
    expect(styles.page.display).toBe('block');
    expect(styles.page.background).not.toBe('rgb(255, 0, 0)');
    expect(styles.matrixSvg.display).not.toBe('none');
    expect(styles.mountHost.display).toBe('block');
    expect(styles.mountHost.fontFamily).not.toMatch(/serif/);

    // The host's, outside: unchanged by the explorers.
    expect(styles.hostText).toMatchObject({ fontSize: '30px', fontFamily: 'serif', color: 'rgb(200, 0, 0)', letterSpacing: '3px' });
    expect(styles.hostSlot.display).toBe('inline');
    expect(styles.hostButton.background).toBe('rgb(255, 192, 203)');
    expect(styles.hostRoot).toEqual({ fontSize: '40px', bg: '#ff0000' });
    expect(styles.theme).toBeNull();
    expect(styles.sheets).toEqual(['/host.css']);
    expect(styles.storage).toBe(0);
    for (const sheets of styles.shadowSheets) expect(sheets).toEqual([expect.stringMatching(/^summit-fruits-embed-[0-9a-f]+\.css$/)]);
    expect(errors).toEqual([]);
  });

  test('interactions change only their own explorer, never the host address or history', async ({ page }) => {
    const errors = watchErrors(page);
    const url = await openHost(page);
    const historyLength = await page.evaluate(() => history.length);
    const matrix = explorer(page, 'slot-matrix');
    const cards = explorer(page, 'slot-cards');
    const invalid = explorer(page, 'slot-invalid');

    // A filter click in the cards explorer.
    await cards.getByRole('checkbox', { name: /What could go wrong/ }).check();
    const both = NAVALNY.filter((i) => i.category === 'risk');
    await expect(countOf(cards)).toHaveText(countText(both.length, TOTAL));
    await expect(cards.getByRole('link', { name: /Open in the full explorer/ }))
      .toHaveAttribute('href', `${app.url}index.html#cat=risk&q=Navalny`);
    await expect(countOf(matrix)).toHaveText(countText(RISKS.length, TOTAL));
    await expect(countOf(invalid)).toHaveText(countText(LEVEL_3.length, TOTAL));

    // "Skip to results" moves focus to this explorer's results.
    await cards.getByRole('link', { name: 'Skip to results' }).focus();
    await page.keyboard.press('Enter');
    expect(await deepFocus(page)).toMatchObject({ slot: 'slot-cards', tag: 'section' });

    // A card's dialog: opens over its own explorer, Escape closes it and focus returns to the card's link.
    const card = both[0];
    const cardLink = cards.getByRole('region', { name: 'Results', exact: true }).getByRole('link', { name: card.title, exact: true });
    await cardLink.click();
    const dialog = cards.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: card.title, level: 2 })).toBeVisible();
    await expect(matrix.getByRole('dialog')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(await deepFocus(page)).toMatchObject({ slot: 'slot-cards', text: card.title });

    // The matrix, by keyboard: one tab stop, arrow keys move between its marks and focus stays in that explorer.
    await matrix.locator('a.matrix-mark[tabindex="0"]').focus();
    const first = await deepFocus(page);
    expect(first).toMatchObject({ slot: 'slot-matrix', mark: true });
    const seen = new Set([first.text]);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'End', 'ArrowUp']) {
      await page.keyboard.press(key);
      const now = await deepFocus(page);
      expect(now, `${key} keeps focus on a mark of the same explorer`).toMatchObject({ slot: 'slot-matrix', mark: true });
      seen.add(now.text);
    }
    expect(seen.size, 'the keys moved between marks').toBeGreaterThan(2);
    await expect(matrix.locator('a.matrix-mark[tabindex="0"]')).toHaveCount(1);
    // Enter opens that mark's card in the matrix explorer only.
    await page.keyboard.press('Enter');
    await expect(matrix.getByRole('dialog')).toBeVisible();
    await expect(cards.getByRole('dialog')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(matrix.getByRole('dialog')).toHaveCount(0);

    // A view switch in the matrix explorer.
    await matrix.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Timeline', exact: true }).click();
    await expect(matrix.getByRole('heading', { name: 'Timeline', level: 2 })).toBeVisible();
    await expect(cards.getByRole('heading', { name: 'Timeline', level: 2 })).toHaveCount(0);

    // The host's address and history never moved.
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(errors).toEqual([]);
  });

  test("the host's back and forward leave the explorers alone", async ({ page }) => {
    const errors = watchErrors(page);
    await openHost(page);
    const cards = explorer(page, 'slot-cards');
    await cards.getByRole('checkbox', { name: /What could go wrong/ }).check();
    const both = NAVALNY.filter((i) => i.category === 'risk').length;
    await expect(countOf(cards)).toHaveText(countText(both, TOTAL));
    // The host changes its own fragment and goes back; the explorer keeps its state.
    await page.evaluate(() => { location.hash = 'host-section'; });
    await page.goBack();
    await page.evaluate(() => history.pushState(null, '', '#view=matrix&cat=unilateral'));
    await page.evaluate(() => dispatchEvent(new HashChangeEvent('hashchange')));
    await expect(countOf(cards)).toHaveText(countText(both, TOTAL));
    await expect(countOf(explorer(page, 'slot-matrix'))).toHaveText(countText(RISKS.length, TOTAL));
    expect(errors).toEqual([]);
  });

  test('an explorer passes axe-core (WCAG 2.2 AA and best practices)', async ({ page }) => {
    await openHost(page);
    for (const slot of ['slot-cards', 'slot-matrix']) {
      const results = await new AxeBuilder({ page })
        .include(`#${slot}`)
        .options(AXE_OPTIONS)
        .analyze();
      expect(results.passes.length, `axe-core ran its WCAG rules in ${slot}`).toBeGreaterThan(10);
      const summary = results.violations.map((v) => `${v.id} (${v.help}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary, `axe-core violations in ${slot}`).toEqual([]);
    }
  });

  test('links that leave the explorer open a new tab, so the host page stays', async ({ page }) => {
    await openHost(page);
    const cards = explorer(page, 'slot-cards');
    await cards.getByRole('switch', { name: 'Hindsight: what happened next' }).click();
    const seen = [];
    for (const [view, landmark] of [['Article', 'a.article-original-link'], ['Timeline', 'a.hindsight-source'], ['Cards', 'article']]) {
      await cards.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true }).click();
      await expect(cards.locator(landmark).first()).toBeVisible();
      // Every link but the explorer's own: to the full explorer beside the embed script, or within the page (`#main`).
      const leaving = await cards.evaluate((host, own) => [...host.shadowRoot.querySelectorAll('a[href]')]
        .filter((a) => !a.href.startsWith(own) && !a.getAttribute('href').startsWith('#'))
        .map((a) => `${a.href} ${a.target} ${a.rel}`), app.url);
      for (const link of leaving) expect(link, `in the ${view} view`).toMatch(/^https?:\S+ _blank noopener noreferrer$/);
      seen.push(...leaving);
    }
    expect(seen.length).toBeGreaterThan(1);
  });
});

// Everything the embed script loads is checked against the hash written at build time: a changed wasm-bindgen JS is
// never run in the host's origin, a changed stylesheet never applied.
for (const [what, pattern, change] of [
  ['wasm-bindgen JS', /\/summit-fruits-[0-9a-f]+\.js$/, (text) => `${text}\nglobalThis.__tampered = true;\n`],
  ['stylesheet', /\/summit-fruits-embed-[0-9a-f]+\.css$/, (text) => `${text}\n.embed-root { outline: 9px solid rgb(255, 0, 0); }\n`],
]) {
  test(`a changed ${what} is refused`, async ({ page }) => {
    let changed = 0;
    await page.route(pattern, async (route) => {
      const response = await route.fetch();
      changed += 1;
      await route.fulfill({ response, body: change(await response.text()) });
    });
    await page.goto(`${host.url}index.html?app=${encodeURIComponent(app.url)}`);
    const matrix = explorer(page, 'slot-matrix');
    if (what === 'stylesheet') {
      // The explorer runs, unstyled: the changed rules are not applied.
      await expect(countOf(matrix)).toHaveText(countText(RISKS.length, TOTAL));
      const outline = await matrix.evaluate((host) => getComputedStyle(host.shadowRoot.querySelector('.embed-root')).outlineWidth);
      expect(outline).not.toBe('9px');
    } else {
      await expect(matrix.getByRole('alert')).toHaveText(/^The Summit Fruits explorer could not start/);
      expect(await page.evaluate(() => globalThis.__tampered)).toBeUndefined();
    }
    expect(changed).toBeGreaterThan(0);
  });
}

// The on-demand module (the matrix, downloads, the hindsight layer) comes from the app's origin, named and hashed by
// the entry: the host page's explorers fetch it once, checked, when the first of them needs one of its features (here
// the explorer that shows the matrix), and never again.
test.describe('the script embed and the on-demand module', () => {
  const ON_DEMAND = /\/summit-ondemand-[0-9a-f]+(\.js|_bg\.wasm)$/;

  test('the explorers fetch the module once from the app, with integrity; a download then fetches nothing', async ({ page }) => {
    const errors = watchErrors(page);
    const fetched = [];
    page.on('request', (request) => {
      if (ON_DEMAND.test(new URL(request.url()).pathname)) fetched.push(request.url());
    });
    await openHost(page);
    await page.waitForLoadState('networkidle');
    expect(fetched, 'the matrix fetched its JS and wasm, once for every explorer on the page').toHaveLength(2);

    const cards = explorer(page, 'slot-cards');
    const noun = NAVALNY.length === 1 ? 'item' : 'items';
    const download = page.waitForEvent('download');
    await cards.locator('.results-downloads').getByRole('button', { name: `Download ${NAVALNY.length} ${noun} as CSV` }).click();
    expect((await download).suggestedFilename()).toBe('summit-fruits-items.csv');
    await expect(cards.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
      `Saved ${NAVALNY.length} ${noun} as summit-fruits-items.csv.`,
    );
    expect(fetched).toHaveLength(2);
    for (const url of fetched) expect(url.startsWith(app.url)).toBe(true);
    // The JS was preloaded with the integrity the entry carries.
    const integrity = await page.evaluate(
      () => [...document.querySelectorAll('link[rel="modulepreload"]')].find((l) => /summit-ondemand-/.test(l.href))?.integrity,
    );
    expect(integrity).toMatch(/^sha384-/);
    expect(errors).toEqual([]);
  });

  test('a changed on-demand module is refused and the explorer says so', async ({ page }) => {
    await page.route(/\/summit-ondemand-[0-9a-f]+\.js$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\nglobalThis.__tampered = true;\n` });
    });
    await openHost(page, { matrixDrawn: false });
    await expect(explorer(page, 'slot-matrix').getByRole('status').filter({ hasText: 'The matrix could not be loaded (' }))
      .toContainText('check the connection');
    const cards = explorer(page, 'slot-cards');
    await cards.locator('.results-downloads').getByRole('button', { name: /as CSV$/ }).click();
    await expect(cards.getByRole('status').filter({ hasText: 'Could not save the CSV' })).toContainText(
      'could not be loaded',
    );
    expect(await page.evaluate(() => globalThis.__tampered)).toBeUndefined();
    await expect(countOf(cards)).toHaveText(countText(NAVALNY.length, TOTAL));
  });
});
