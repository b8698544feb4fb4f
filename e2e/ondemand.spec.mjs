// The on-demand module (ondemand/: the data-set checker, the hindsight layer's check, the downloads, the matrix,
// article, scorecard and timeline views, the Cite and Embed dialogs): the default view
// never fetches it; the first use of one of its features fetches its JS, its wasm and its views' stylesheet once each,
// integrity-checked, with a
// visible busy state while it comes; a module that cannot be had (offline, a changed file) is said in words, never a
// blank page.
import { createHash } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { openExplorer, watchErrors, loadData } from './helpers.mjs';

const data = loadData();
const ON_DEMAND = /\/summit-ondemand-[0-9a-f]+(\.js|_bg\.wasm|\.css)$/;
const cards = (page) => page.getByRole('main').getByRole('article');
const csvButton = (page) =>
  page.locator('.results-downloads').getByRole('button', { name: `Download ${data.items.length} items as CSV` });

/** Every address the page requests, as it requests them. */
function watchRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(new URL(request.url()).pathname));
  return urls;
}

test.describe('the on-demand module', () => {
  test('the default view, and using the explorer without its features, never fetch it', async ({ page }) => {
    const errors = watchErrors(page);
    const urls = watchRequests(page);
    await openExplorer(page);
    await expect(cards(page)).toHaveCount(data.items.length);
    // Filters, search and a card: all in the first module.
    await page.getByRole('searchbox').fill('arms');
    await cards(page).first().getByRole('link').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(urls.filter((u) => ON_DEMAND.test(u))).toEqual([]);
    // The page names the module, with the integrity of each file, without loading it.
    const named = await page.locator('meta[name="summit-fruits:ondemand"]').getAttribute('content');
    expect(named).toMatch(
      /^\S*summit-ondemand-[0-9a-f]+\.js sha384-\S+ \S*summit-ondemand-[0-9a-f]+_bg\.wasm sha384-\S+ \S*summit-ondemand-[0-9a-f]+\.css sha384-\S+$/,
    );
    expect(errors).toEqual([]);
  });

  test('the first download fetches it once, checked by its integrity; the second fetches nothing', async ({ page, request }) => {
    const errors = watchErrors(page);
    const urls = watchRequests(page);
    await openExplorer(page);
    const first = page.waitForEvent('download');
    await csvButton(page).click();
    expect((await first).suggestedFilename()).toBe('summit-fruits-items.csv');
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
      `Saved ${data.items.length} items as summit-fruits-items.csv.`,
    );
    const fetched = urls.filter((u) => ON_DEMAND.test(u));
    expect(fetched.filter((u) => u.endsWith('.js'))).toHaveLength(1);
    expect(fetched.filter((u) => u.endsWith('.wasm'))).toHaveLength(1);
    expect(fetched.filter((u) => u.endsWith('.css'))).toHaveLength(1);
    // The JS came through a modulepreload link whose integrity is the served file's, as the page's meta says; so did
    // the stylesheet, through a stylesheet link.
    const [js, jsIntegrity, wasm, wasmIntegrity, css, cssIntegrity] = (
      await page.locator('meta[name="summit-fruits:ondemand"]').getAttribute('content')
    ).split(' ');
    const preload = await page.evaluate(
      (name) => [...document.querySelectorAll('link[rel="modulepreload"]')].find((l) => l.href.endsWith(name.replace(/^\.\//, '')))?.integrity,
      js,
    );
    expect(preload).toBe(jsIntegrity);
    const stylesheet = await page.evaluate(
      (name) => [...document.querySelectorAll('link[rel="stylesheet"]')].find((l) => l.href.endsWith(name.replace(/^\.\//, '')))?.integrity,
      css,
    );
    expect(stylesheet).toBe(cssIntegrity);
    for (const [name, integrity] of [[js, jsIntegrity], [wasm, wasmIntegrity], [css, cssIntegrity]]) {
      const body = await (await request.get(new URL(name, page.url()).href)).body();
      expect(integrity).toBe(`sha384-${createHash('sha384').update(body).digest('base64')}`);
    }

    const second = page.waitForEvent('download');
    await page.locator('.results-downloads').getByRole('button', { name: /as JSON$/ }).click();
    expect((await second).suggestedFilename()).toBe('summit-fruits-items.json');
    expect(urls.filter((u) => ON_DEMAND.test(u))).toHaveLength(3);
    expect(errors).toEqual([]);
  });

  test('while it comes, the button is busy and the status line says so', async ({ page }) => {
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(ON_DEMAND, async (route) => {
      if (route.request().url().endsWith('.wasm')) await held;
      await route.continue();
    });
    await openExplorer(page);
    await csvButton(page).click();
    await expect(page.getByRole('status').filter({ hasText: 'Preparing the CSV…' })).toBeVisible();
    await expect(csvButton(page)).toHaveAttribute('aria-busy', 'true');
    const download = page.waitForEvent('download');
    release();
    await download;
    await expect(csvButton(page)).not.toHaveAttribute('aria-busy', 'true');
  });

  test('switching hindsight on shows that the layer is loading, then the layer', async ({ page }) => {
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(ON_DEMAND, async (route) => {
      await held;
      await route.continue();
    });
    await openExplorer(page);
    await page.getByRole('switch', { name: 'Hindsight: what happened next' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Loading the hindsight layer…' })).toBeVisible();
    await expect(page.locator('#main')).toHaveAttribute('aria-busy', 'true');
    release();
    await expect(page.getByRole('status').filter({ hasText: 'Loading the hindsight layer…' })).toHaveCount(0);
    await expect(page.locator('#main')).not.toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('.hindsight-load-error')).toHaveCount(0);
  });

  test('the timeline comes with it: "Loading the timeline…" while it comes, a sentence when it cannot', async ({ page }) => {
    const errors = watchErrors(page);
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    let offline = false;
    await page.route(ON_DEMAND, async (route) => {
      if (offline) return route.abort('internetdisconnected');
      await held;
      await route.continue();
    });
    await openExplorer(page);
    await page.getByRole('link', { name: 'Timeline' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Loading the timeline…' })).toBeVisible();
    release();
    await expect(page.getByRole('heading', { name: 'Timeline', level: 2 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Loading the timeline…' })).toHaveCount(0);
    // A chip opens its card in place, as a card's link does.
    const chip = page.locator('a.timeline-chip').first();
    await chip.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page).toHaveURL(/view=timeline&item=/);
    expect(errors).toEqual([]);

    // In a new page, offline: the timeline says why it is not there, and the rest of the explorer works.
    const other = await page.context().newPage();
    await other.route(ON_DEMAND, (route) => route.abort('internetdisconnected'));
    offline = true;
    await openExplorer(other, '#view=timeline');
    await expect(other.getByRole('status').filter({ hasText: 'The timeline could not be loaded (' })).toContainText('check the connection');
    await other.getByRole('link', { name: 'Cards' }).first().click();
    await expect(other.getByRole('main').getByRole('article')).toHaveCount(data.items.length);
    await other.close();
  });

  test('the views it draws come styled by its stylesheet; a changed stylesheet is refused like a changed module', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, '#view=article');
    await expect(page.getByRole('heading', { name: 'The article', level: 2 })).toBeVisible();
    // article.css's rules apply: the text column is centred at its measure, with room below it.
    const article = page.locator('.article-view');
    await expect(article).toHaveCSS('padding-bottom', '48px');
    expect(await article.evaluate((el) => getComputedStyle(el).maxWidth)).not.toBe('none');
    expect(errors).toEqual([]);

    const other = await page.context().newPage();
    await other.route(/\/summit-ondemand-[0-9a-f]+\.css$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\n.article-view{color:red}` });
    });
    await openExplorer(other, '#view=timeline');
    await expect(other.getByRole('status').filter({ hasText: 'The timeline could not be loaded (' })).toBeVisible();
    await other.getByRole('link', { name: 'Cards' }).first().click();
    await expect(other.getByRole('main').getByRole('article')).toHaveCount(data.items.length);
    await expect(other.locator('.panic-panel')).toHaveCount(0);
    await other.close();
  });

  test('a changed file fails its integrity check and the reader is told, with the page still there', async ({ page }) => {
    await page.route(/\/summit-ondemand-[0-9a-f]+_bg\.wasm$/, async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      body[body.length - 1] ^= 1;
      await route.fulfill({ response, body });
    });
    await openExplorer(page);
    await csvButton(page).click();
    await expect(page.getByRole('status').filter({ hasText: 'Could not save the CSV' })).toContainText(
      'the part of the explorer that writes files could not be loaded',
    );
    await expect(cards(page)).toHaveCount(data.items.length);
    await expect(page.locator('.panic-panel')).toHaveCount(0);
  });

  test('the matrix comes with it: "Loading the matrix…" while it comes, a sentence when it cannot, and a save once it is back', async ({ page }) => {
    const errors = watchErrors(page);
    let offline = true;
    await page.route(ON_DEMAND, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await openExplorer(page, '#view=matrix');
    await expect(page.getByRole('status').filter({ hasText: 'The matrix could not be loaded (' })).toContainText('check the connection');
    // Its frame is there, and nothing offers to save a matrix that is not drawn.
    await expect(page.getByRole('heading', { name: 'Feasibility by domain', level: 2 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save as SVG' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Cards' }).first().click();
    await expect(cards(page)).toHaveCount(data.items.length);

    // Back online, the matrix is drawn on the next visit, and saves.
    offline = false;
    await page.getByRole('link', { name: 'Matrix' }).first().click();
    await expect(page.locator('.matrix-mark').first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Loading the matrix…' })).toHaveCount(0);
    const status = page.locator('.matrix-save-status');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as SVG' }).click()]);
    expect(file.suggestedFilename()).toBe('summit-fruits-matrix.svg');
    await expect(status).toHaveText('Saved the matrix as summit-fruits-matrix.svg.');
    expect(errors.filter((e) => !/ondemand|internetdisconnected|Failed to fetch|net::/i.test(e))).toEqual([]);
  });

  test('offline, a chosen data set is refused with the reason instead of a blank page', async ({ page }) => {
    await page.route(ON_DEMAND, (route) => route.abort('internetdisconnected'));
    await openExplorer(page);
    await page.getByText('Use another data set').click();
    await page.locator('#data-source-file').setInputFiles({
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(data)),
    });
    const refused = page.getByRole('alert');
    await expect(refused).toContainText('This data set was refused');
    await expect(refused).toContainText('the part of the explorer that checks data sets could not be loaded');
    // Once the network is back, the same file is checked and shown.
    await page.unroute(ON_DEMAND);
    await page.getByRole('button', { name: 'Back to the bundled data set' }).click();
    await page.getByText('Use another data set').click();
    await page.locator('#data-source-file').setInputFiles({
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(data)),
    });
    await expect(page.getByText('You are exploring another data set')).toBeVisible();
  });
});
