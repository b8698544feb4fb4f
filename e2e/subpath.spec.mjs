// The release bundle on a plain static server under a sub-path (/tools/summit/), as a site would host it beside its
// other pages: a whole journey there (filter, matrix, a card, reload), the downloads and the embed code resolve
// under the sub-path, and the built files hold no absolute asset URL that would point at the host's root.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { startStatic } from './servers.mjs';
import { loadData, countText, watchErrors } from './helpers.mjs';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const MOUNT = '/tools/summit/';
const data = loadData();
const TOTAL = data.items.length;
const lowHanging = data.items.filter((i) => i.category === 'low-hanging');
const categoryLabel = data.vocabularies.categories.find((c) => c.id === 'low-hanging').label;

let server;

test.beforeAll(async () => {
  server = await startStatic('dist', { mount: MOUNT });
  expect(new URL(server.url).pathname).toBe(MOUNT);
});

test.afterAll(() => server?.close());

/** Every response the page got, to check that each came from under the sub-path and none failed. */
function logResponses(page) {
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  return responses;
}

test('a reader’s journey under a sub-path: filter, matrix, a card, reload', async ({ page }) => {
  const errors = watchErrors(page);
  const responses = logResponses(page);
  await page.goto(server.url);
  // The prerendered default view has the same h1 and result count: wait until the app has started.
  await expect(page.locator('#prerender')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('h1')).toHaveText('Potential Fruits of the Biden-Putin Summit');
  const count = page.getByRole('status').filter({ hasText: /^Showing / });
  await expect(count).toHaveText(countText(TOTAL, TOTAL));

  // Filter.
  const checkbox = page.getByRole('group', { name: 'Category' }).getByRole('checkbox', { name: new RegExp(`^${categoryLabel}`) });
  await checkbox.check();
  await expect(count).toHaveText(countText(lowHanging.length, TOTAL));

  // The matrix, with the same filter.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Matrix', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
  await expect(page).toHaveURL(`${server.url}#view=matrix&cat=low-hanging`);

  // A card, from its mark in the matrix.
  const item = lowHanging[0];
  await page.locator(`a.matrix-mark[data-item="${item.id}"]`).click();
  const dialog = page.getByRole('dialog', { name: item.title });
  await expect(dialog).toBeVisible();
  const address = `${server.url}#view=matrix&cat=low-hanging&item=${item.id}`;
  await expect(page).toHaveURL(address);

  // Reload: the same state, still under the sub-path.
  await page.reload();
  await expect(page).toHaveURL(address);
  await expect(page.getByRole('dialog', { name: item.title })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
  await expect(count).toHaveText(countText(lowHanging.length, TOTAL));
  await expect(checkbox).toBeChecked();

  // Every file came from under the sub-path, and nothing failed.
  const origin = new URL(server.url).origin;
  const http = responses.filter((r) => r.url.startsWith('http'));
  expect(http.length).toBeGreaterThan(5);
  expect(http.filter((r) => !r.url.startsWith(`${origin}${MOUNT}`) || r.status >= 400)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the open data, the start-over link and the embed code resolve under the sub-path', async ({ page, request }) => {
  await page.goto(`${server.url}index.html#view=timeline`);
  await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible();

  const footer = page.locator('.site-footer');
  const dataHref = await footer.getByRole('link', { name: 'the data set (JSON)' }).evaluate((a) => a.href);
  const schemaHref = await footer.getByRole('link', { name: 'its JSON Schema' }).evaluate((a) => a.href);
  expect(dataHref).toBe(`${server.url}potential-fruits.json`);
  expect(schemaHref).toBe(`${server.url}schema.json`);
  const dataResponse = await request.get(dataHref);
  expect(dataResponse.status()).toBe(200);
  expect(await dataResponse.json()).toEqual(data);
  const schemaResponse = await request.get(schemaHref);
  expect(schemaResponse.status()).toBe(200);
  const schema = JSON.parse(readFileSync(path.join(DIST, '..', 'data', 'schema.json'), 'utf8'));
  expect(await schemaResponse.json()).toEqual(schema);
  const startOver = await footer.getByRole('link', { name: 'Start over' }).evaluate((a) => a.href);
  expect(startOver.startsWith(`${server.url}index.html`)).toBe(true);

  // The embed code points at this sub-path, and its loader is there.
  await page.getByRole('button', { name: 'Embed' }).click();
  const code = await page.getByRole('dialog', { name: 'Embed this view' }).getByRole('textbox', { name: 'Iframe code' }).inputValue();
  expect(code).toContain(`src="${server.url}index.html?embed=1#view=timeline"`);
  const script = code.match(/<script src="([^"]+)" integrity="[^"]+" crossorigin="anonymous" async><\/script>$/);
  expect(script, code).not.toBeNull();
  expect(script[1].startsWith(server.url)).toBe(true);
  expect(script[1].slice(server.url.length)).toMatch(/^embed-[0-9a-f]{16}\.js$/);
  for (const name of [script[1], `${server.url}embed.js`]) {
    const loader = await request.get(name);
    expect(loader.status()).toBe(200);
    expect(await loader.text()).toContain('summit-fruits:height');
  }
});

test('the built bundle holds no absolute asset URL', () => {
  const files = readdirSync(DIST).filter((f) => /\.(html|js|css)$/.test(f));
  expect(files).toEqual(expect.arrayContaining(['index.html', 'boot.js', 'embed.js']));
  expect(files.some((f) => /^summit-fruits-[0-9a-f]+\.js$/.test(f))).toBe(true);
  const absolute = [/\bsrc="\//, /\bhref="\//, /\bsrc='\//, /\bhref='\//, /url\(\s*["']?\//];
  const found = [];
  for (const file of files) {
    const text = readFileSync(path.join(DIST, file), 'utf8');
    for (const pattern of absolute) {
      const match = text.match(pattern);
      if (match) found.push(`${file}: ${text.slice(Math.max(0, match.index - 40), match.index + 40)}`);
    }
  }
  expect(found).toEqual([]);
  // The page's own asset links are relative to it.
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // The canonical link is the page's published address (absolute with --site-url), not an asset.
  const assets = [...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"/g)]
    .filter((m) => !m[0].includes('rel="canonical"'))
    .map((m) => m[1]);
  // The icon, the one joined stylesheet, the wasm-bindgen JS and wasm preloads and boot.js at least.
  expect(assets.length).toBeGreaterThanOrEqual(5);
  expect(assets.filter((a) => !a.startsWith('./'))).toEqual([]);
});
