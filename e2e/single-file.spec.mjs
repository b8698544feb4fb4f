// The single file (`cargo xtask build --single-file`): opened from a file:// address with the network blocked (the
// browser context offline and every http(s) request aborted, none of them attempted), it runs a whole journey under
// its own strict, hash-based Content-Security-Policy with no violation and no console error.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { watchErrors, watchCspViolations, loadData, itemMentions } from './helpers.mjs';

const FILE = new URL('../dist-single/summit-fruits.html', import.meta.url);
const data = loadData();
const cards = (page) => page.getByRole('main').getByRole('article');
const views = (page) => page.getByRole('navigation', { name: 'Views' });

/** A page in a context with no network: offline, every http(s) request aborted and recorded, any other request too. */
async function offlinePage(browser) {
  const context = await browser.newContext({ offline: true, acceptDownloads: true });
  const attempted = [];
  await context.route(/^https?:/, (route) => {
    attempted.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')) attempted.push(url);
  });
  return { context, page, attempted };
}

test.describe('the single file, opened from disk with no network', () => {
  test('the file exists (build it with `cargo xtask build --single-file`) and carries its own strict policy', () => {
    expect(existsSync(FILE), `${FILE.pathname} is missing: run cargo xtask build --single-file`).toBe(true);
    const html = readFileSync(FILE, 'utf8');
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
    // Two inline scripts by hash: the on-demand module's, then the app's.
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*' 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    for (const forbidden of ['unsafe-inline', "'unsafe-eval'", "'self'", 'http:', 'https:', 'blob:']) {
      expect(policy).not.toContain(forbidden);
    }
    expect(policy).toContain("connect-src 'none'");
    // Exactly two inline scripts (the on-demand module's and the app's) and one inline style, and no reference to any
    // other file.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).not.toMatch(/ (src|href)="\.\//);
  });

  test('a whole journey: filter, search, a card, the matrix, the article, the theme', async ({ browser }) => {
    expect(existsSync(FILE), `${FILE.pathname} is missing: run cargo xtask build --single-file`).toBe(true);
    const { context, page, attempted } = await offlinePage(browser);
    const errors = watchErrors(page);
    const violations = await watchCspViolations(page);
    await page.goto(pathToFileURL(FILE.pathname).href);
    await expect(page.locator('h1')).toHaveText(data.article.title);
    await expect(cards(page)).toHaveCount(data.items.length);

    // Filter by a category, then search within it.
    const risk = data.items.filter((i) => i.category === 'risk');
    const riskLabel = data.vocabularies.categories.find((c) => c.id === 'risk').label;
    await page.getByRole('group', { name: 'Category' }).getByRole('checkbox', { name: new RegExp(`^${riskLabel}`) }).check();
    await expect(cards(page)).toHaveCount(risk.length);
    await page.getByRole('button', { name: `Remove filter Category: ${riskLabel}` }).click();
    const word = 'sanctions';
    const matching = data.items.filter((i) => itemMentions(i, word));
    await page.getByLabel('Search titles, summaries, quotations and people').fill(word);
    await expect(cards(page)).toHaveCount(matching.length);

    // Open a card and close it.
    const item = matching[0];
    await cards(page).getByRole('link', { name: item.title, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: item.title });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(item.evidence[0].quote.slice(0, 40));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The matrix, the article, back and forward through the file's own history.
    await views(page).getByRole('link', { name: 'Matrix', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    await views(page).getByRole('link', { name: 'Article', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'The article', level: 2 })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();

    // The theme, kept across a reload of the file.
    await page.getByLabel('Theme').selectOption({ label: 'Dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();

    // Downloads work from disk: the results as CSV, the matrix as PNG (drawn from a data: address).
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Download \d+ items? as CSV$/ }).click();
    expect((await csv).suggestedFilename()).toBe('summit-fruits-items.csv');
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as PNG' }).click();
    const pngBytes = readFileSync(await (await png).path());
    expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 250)));
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    expect(attempted, 'no request left the file').toEqual([]);
    await context.close();
  });

  test('what needs a server says so: ?data= is refused with the way out, the open data is saved from memory', async ({ browser }) => {
    expect(existsSync(FILE), `${FILE.pathname} is missing: run cargo xtask build --single-file`).toBe(true);
    const { context, page, attempted } = await offlinePage(browser);
    const errors = watchErrors(page);
    const violations = await watchCspViolations(page);
    await page.goto(`${pathToFileURL(FILE.pathname).href}?data=my-fruits.json`);
    await expect(page.getByText('This data set was refused', { exact: false })).toBeVisible();
    await expect(page.getByText(/single file opened without a web server/)).toBeVisible();
    await page.getByRole('button', { name: /Back to the bundled data set/ }).click();
    await expect(page.getByText('This data set was refused', { exact: false })).toHaveCount(0);
    await expect(page.locator('h1')).toHaveText(data.article.title);

    // The footer's buttons are pressed from the keyboard: the cards above it are laid out as they come near the
    // viewport, so the footer can still move under a pointer that aims at it.
    const press = async (name) => {
      await page.getByRole('contentinfo').getByRole('button', { name }).focus();
      await page.keyboard.press('Enter');
    };
    const saved = page.waitForEvent('download');
    await press('the data set (JSON)');
    const file = await saved;
    expect(file.suggestedFilename()).toBe('potential-fruits.json');
    expect(JSON.parse(readFileSync(await file.path(), 'utf8')).items).toHaveLength(data.items.length);
    const schema = page.waitForEvent('download');
    await press('its JSON Schema');
    expect(JSON.parse(readFileSync(await (await schema).path(), 'utf8')).title).toBeTruthy();

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    expect(attempted).toEqual([]);
    await context.close();
  });
});
