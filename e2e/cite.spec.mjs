// Cite and Share: the Cite dialog (drawn by the on-demand module) from the toolbar and from an item's detail, with a
// visible loading state, every format, Copy and its fallback, Escape and focus, axe in both themes, BibTeX and RIS read
// back by citation-js; Share where the Web Share API exists and nowhere else; the dialog in a script embed and in the
// single file.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { startStatic } from './servers.mjs';
import { AXE_OPTIONS, openExplorer, watchErrors, loadData, chooseTheme } from './helpers.mjs';

const data = loadData();
const article = data.article;
const ON_DEMAND = /\/summit-ondemand-[0-9a-f]+(\.js|_bg\.wasm)$/;
const SINGLE_FILE = new URL('../dist-single/summit-fruits.html', import.meta.url);
const APA_ARTICLE =
  `Saradzhyan, S. (2021, June 4). Potential fruits of the Biden-Putin summit. Russia Matters. ${article.url}`;
const MLA_ARTICLE =
  'Saradzhyan, Simon. “Potential Fruits of the Biden-Putin Summit.” Russia Matters, 4 June 2021, ' +
  `${article.url.replace(/^https?:\/\//, '')}.`;

const toolbar = (root) => root.getByRole('region', { name: 'Views and tools' });
const citeButton = (root) => toolbar(root).getByRole('button', { name: 'Cite', exact: true });
const citeDialog = (root, name = 'Cite') => root.getByRole('dialog', { name, exact: true });
/** One entry of a group of the dialog: its citation's element (a paragraph or a preformatted block). */
const entry = (dialog, group, label) =>
  dialog
    .getByRole('region', { name: group, exact: true })
    .locator('.cite-entry')
    .filter({ has: dialog.page().getByRole('heading', { name: label, exact: true }) })
    .locator('.cite-text, .cite-code');
const copyButton = (dialog, group, label) =>
  dialog.getByRole('button', { name: `Copy ${label} (${group})`, exact: true });

/** The text a dialog's entry shows (a paragraph's text with its italics, or a block's text with its line ends). */
const textOf = (locator) => locator.evaluate((el) => el.textContent);

async function axeOnDialog(page, label) {
  const results = await new AxeBuilder({ page }).include('dialog.cite-dialog').options(AXE_OPTIONS).analyze();
  expect(results.passes.length, `axe-core ran in ${label}`).toBeGreaterThan(5);
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe-core violations in ${label}`).toEqual([]);
}

test.describe('Cite from the toolbar', () => {
  test('loads the module with a visible state, shows every format, closes on Escape with focus back', async ({ page }) => {
    const errors = watchErrors(page);
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(ON_DEMAND, async (route) => {
      await held;
      await route.continue();
    });
    // The cards view: the one view that the first module draws on its own.
    await openExplorer(page, '#cat=risk');
    await citeButton(page).click();
    await expect(page.getByRole('status').filter({ hasText: 'Loading the citations…' })).toBeVisible();
    await expect(citeButton(page)).toHaveAttribute('aria-busy', 'true');
    release();
    const dialog = citeDialog(page);
    await expect(dialog).toBeVisible();
    await expect(citeButton(page)).not.toHaveAttribute('aria-busy', 'true');
    await expect(page.getByRole('status').filter({ hasText: 'Loading the citations…' })).toHaveCount(0);

    const labels = ['APA 7: reference', 'MLA 9: works-cited entry', 'Chicago 17: note', 'Chicago 17: short note',
      'Chicago 17: bibliography', 'BibTeX', 'RIS'];
    for (const label of labels) {
      await expect(entry(dialog, 'The article', label)).toBeVisible();
      await expect(copyButton(dialog, 'The article', label)).toBeVisible();
    }
    expect(await textOf(entry(dialog, 'The article', 'APA 7: reference'))).toBe(APA_ARTICLE);
    // The title in italics in APA, the outlet in MLA.
    await expect(entry(dialog, 'The article', 'APA 7: reference').locator('i')).toHaveText(
      'Potential fruits of the Biden-Putin summit',
    );
    expect(await textOf(entry(dialog, 'The article', 'MLA 9: works-cited entry'))).toBe(MLA_ARTICLE);
    await expect(entry(dialog, 'The article', 'MLA 9: works-cited entry').locator('i')).toHaveText('Russia Matters');
    expect(await textOf(entry(dialog, 'The article', 'Chicago 17: short note'))).toBe('Saradzhyan, “Potential Fruits.”');

    // The view: its title with the view's name, its address with the state, today's date.
    const today = new Date();
    const month = today.toLocaleString('en-US', { month: 'long' });
    const view = await textOf(entry(dialog, 'This view of the explorer', 'APA 7: reference'));
    expect(view).toBe(
      'Summit Fruits: Potential fruits of the Biden-Putin summit, explored (cards view). (n.d.). Retrieved ' +
        `${month} ${today.getDate()}, ${today.getFullYear()}, from ${page.url()}`,
    );
    expect(page.url()).toContain('#cat=risk');
    const chicagoView = await textOf(entry(dialog, 'This view of the explorer', 'Chicago 17: note'));
    expect(chicagoView).toContain(`accessed ${month} ${today.getDate()}, ${today.getFullYear()}, ${page.url()}.`);

    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(citeButton(page)).toBeFocused();
    // A second opening needs no second fetch and shows the dialog again.
    await citeButton(page).click();
    await expect(citeDialog(page)).toBeVisible();
    await citeDialog(page).getByRole('button', { name: 'Close', exact: true }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(citeButton(page)).toBeFocused();
    expect(errors).toEqual([]);
  });

  test('Copy writes the citation to the clipboard and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openExplorer(page);
    await citeButton(page).click();
    const dialog = citeDialog(page);
    await copyButton(dialog, 'The article', 'APA 7: reference').click();
    await expect(dialog.getByRole('status')).toHaveText('Copied: APA 7: reference (The article).');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(APA_ARTICLE);
    await copyButton(dialog, 'The article', 'RIS').click();
    await expect(dialog.getByRole('status')).toHaveText('Copied: RIS (The article).');
    const ris = await page.evaluate(() => navigator.clipboard.readText());
    expect(ris.startsWith('TY  - ELEC\r\n')).toBe(true);
  });

  test('where the clipboard is refused, the citation is selected and the reader told to press Ctrl+C', async ({ page }) => {
    await page.addInitScript(() => {
      const refused = { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) };
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => refused, configurable: true });
    });
    await openExplorer(page);
    await citeButton(page).click();
    const dialog = citeDialog(page);
    await copyButton(dialog, 'The article', 'MLA 9: works-cited entry').click();
    await expect(dialog.getByRole('status')).toHaveText(
      'Copying is not allowed here. MLA 9: works-cited entry (The article) is selected: press Ctrl+C (⌘+C on a Mac) to copy it.',
    );
    expect(await page.evaluate(() => getSelection().toString())).toBe(MLA_ARTICLE);
  });

  test('the BibTeX and RIS texts read back with citation-js', async ({ page }) => {
    await openExplorer(page);
    await citeButton(page).click();
    const dialog = citeDialog(page);
    const bibtex = new Cite(await textOf(entry(dialog, 'The article', 'BibTeX'))).data;
    const ris = new Cite(await textOf(entry(dialog, 'The article', 'RIS'))).data;
    for (const [name, parsed] of [['BibTeX', bibtex], ['RIS', ris]]) {
      expect(parsed, name).toHaveLength(1);
      const [work] = parsed;
      expect(work.title, name).toBe(article.title);
      expect(work.author, name).toEqual([expect.objectContaining({ family: 'Saradzhyan', given: 'Simon' })]);
      expect(work.URL, name).toBe(article.url);
      expect(work.issued['date-parts'][0].slice(0, 3), name).toEqual([2021, 6, 4]);
    }
    // T2, the secondary title: for a web page (ELEC) citation-js reads it as the site's title ("collection-title").
    expect(ris[0]['collection-title']).toBe(article.outlet);
    expect(ris[0].type).toBe('webpage');
  });

  for (const theme of ['Light', 'Dark']) {
    test(`axe finds nothing in the open dialog, ${theme.toLowerCase()} theme`, async ({ page }) => {
      await openExplorer(page);
      await chooseTheme(page, theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
      await citeButton(page).click();
      await expect(citeDialog(page)).toBeVisible();
      await axeOnDialog(page, `the Cite dialog, ${theme.toLowerCase()} theme`);
    });
  }

  test('a module that cannot be loaded is said in words', async ({ page }) => {
    await page.route(ON_DEMAND, (route) => route.abort('internetdisconnected'));
    await openExplorer(page);
    await citeButton(page).click();
    await expect(page.getByRole('status').filter({ hasText: 'The citations could not be loaded' })).toContainText(
      'check the connection and try again',
    );
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('Cite this item', () => {
  const item = data.items.find((i) => i.evidence.length === 2 && i.evidence.every((e) => e.section !== 'introduction'));

  test('cites each of the item’s passages with its section and paragraph, then the article', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, `#item=${item.id}`);
    const detail = page.getByRole('dialog', { name: item.title });
    const button = detail.getByRole('button', { name: 'Cite this item', exact: true });
    await button.click();
    const dialog = citeDialog(page, 'Cite this item');
    await expect(dialog).toBeVisible();
    for (const [n, evidence] of item.evidence.entries()) {
      const group = `Passage ${n + 1} of 2`;
      const heading = article.sections.find((s) => s.id === evidence.section).heading;
      const apa = await textOf(entry(dialog, group, 'APA 7: quotation with in-text citation'));
      expect(apa).toContain(evidence.quote.trim().replace(/[.,;:]$/, '').slice(0, 60));
      expect(apa.endsWith(`(Saradzhyan, 2021, ${heading} section, para. ${evidence.paragraph}).`) ||
        apa.endsWith(`(Saradzhyan, 2021, ${heading} section, para. ${evidence.paragraph})`)).toBe(true);
      expect(await textOf(entry(dialog, group, 'Chicago 17: short note'))).toContain(
        `Saradzhyan, “Potential Fruits,” under “${heading}`,
      );
    }
    expect(await textOf(entry(dialog, 'The article', 'APA 7: reference'))).toBe(APA_ARTICLE);
    await axeOnDialog(page, 'the item’s Cite dialog');
    // Escape closes the Cite dialog only; the item stays open, with focus back on its button.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(detail).toBeVisible();
    await expect(button).toBeFocused();
    expect(page.url()).toContain(`#item=${item.id}`);
    expect(errors).toEqual([]);
  });
});

/** Replaces the Web Share API with a recorder (or removes it), before the app starts. */
async function stubShare(page, present) {
  await page.addInitScript((present) => {
    if (present) {
      window.sharedData = [];
      Navigator.prototype.share = function share(data) {
        window.sharedData.push(data);
        return Promise.resolve();
      };
    } else {
      delete Navigator.prototype.share;
    }
  }, present);
}

test.describe('Share', () => {
  test('hands the view’s and an item’s title and address to the Web Share API', async ({ page }) => {
    await stubShare(page, true);
    await openExplorer(page, '#view=timeline');
    await toolbar(page).getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.sharedData.length)).toBe(1);
    expect(await page.evaluate(() => window.sharedData[0])).toEqual({
      title: `Summit Fruits: ${article.title}, explored (Timeline view)`,
      url: page.url(),
    });
    const item = data.items[3];
    await openExplorer(page, `#item=${item.id}`);
    // A change of fragment is no new document: the record of the first share is still there.
    await page.evaluate(() => { window.sharedData = []; });
    await page.getByRole('dialog', { name: item.title }).getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.sharedData.length)).toBe(1);
    // The bundled data set on a hosted page: the item's own page beside index.html.
    expect(await page.evaluate(() => window.sharedData[0])).toEqual({
      title: item.title,
      url: new URL(`items/${item.id}/`, page.url()).href,
    });
  });

  test('is absent where the Web Share API is, and Copy link stays', async ({ page }) => {
    await stubShare(page, false);
    await openExplorer(page, `#item=${data.items[0].id}`);
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
    await expect(page.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(toolbar(page).getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
  });
});

test.describe('in a script embed', () => {
  let app;
  let host;
  test.beforeAll(async () => {
    app = await startStatic('dist', { cors: true });
    host = await startStatic('e2e/hosts/script');
  });
  test.afterAll(() => {
    app?.close();
    host?.close();
  });

  test('the dialog opens inside the instance, cites the full explorer’s link, and gives focus back', async ({ page }) => {
    const errors = watchErrors(page);
    await stubShare(page, true);
    await page.goto(`${host.url}index.html?app=${encodeURIComponent(app.url)}`);
    const instance = page.locator('#slot-cards [data-summit-fruits]');
    await expect(instance.getByRole('status').filter({ hasText: /^Showing / })).toHaveText(/^Showing /);
    await citeButton(instance).click();
    const dialog = citeDialog(instance);
    await expect(dialog).toBeVisible();
    // Drawn inside the instance's shadow root, styled by its stylesheet (the dialog's top border is the accent).
    expect(await dialog.evaluate((el) => el.getRootNode() instanceof ShadowRoot)).toBe(true);
    expect(await dialog.evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('6px');
    const view = await textOf(entry(dialog, 'This view of the explorer', 'APA 7: reference'));
    expect(view).toContain(`from ${app.url}`);
    expect(await textOf(entry(dialog, 'The article', 'APA 7: reference'))).toBe(APA_ARTICLE);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(await page.evaluate(() => document.querySelector('#slot-cards [data-summit-fruits]').shadowRoot.activeElement?.textContent)).toBe('Cite');
    // Share hands over the full explorer's link, not the host page's address.
    await toolbar(instance).getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.sharedData.length)).toBe(1);
    expect((await page.evaluate(() => window.sharedData[0])).url.startsWith(app.url)).toBe(true);
    expect(errors).toEqual([]);
  });
});

test.describe('in the single file', () => {
  test('the dialog opens with no network, and an item is shared by the file’s own address', async ({ browser }) => {
    expect(existsSync(SINGLE_FILE), `${SINGLE_FILE.pathname} is missing: run cargo xtask build --single-file`).toBe(true);
    const context = await browser.newContext({ offline: true });
    await context.route(/^https?:/, (route) => route.abort());
    const page = await context.newPage();
    const errors = watchErrors(page);
    await stubShare(page, true);
    await page.goto(pathToFileURL(SINGLE_FILE.pathname).href);
    await expect(page.locator('h1')).toHaveText(article.title);
    await citeButton(page).click();
    const dialog = citeDialog(page);
    await expect(dialog).toBeVisible();
    expect(await textOf(entry(dialog, 'The article', 'APA 7: reference'))).toBe(APA_ARTICLE);
    await page.keyboard.press('Escape');
    const item = data.items[0];
    await page.getByRole('main').getByRole('link', { name: item.title, exact: true }).click();
    await page.getByRole('dialog', { name: item.title }).getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.sharedData.length)).toBe(1);
    // No item pages beside a single file: the file itself, opening the item.
    const shared = await page.evaluate(() => window.sharedData[0]);
    expect(shared.url).toBe(`${pathToFileURL(SINGLE_FILE.pathname).href}#item=${item.id}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
