// Every item's own page (`items/ID/`, written by the build beside index.html): read by an Open Graph parser and a
// JSON-LD processor as a social site or a search engine would, shown without the app, taken over by the app with the
// item open, under the page's strict Content-Security-Policy, at the host's root and under a sub-path. The test build
// is made with `--site-url` (xtask/src/main.rs TEST_SITE_URL), so the absolute tags are there.
import ogs from 'open-graph-scraper';
import jsonld from 'jsonld';
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, loadData, openExplorer, watchCspViolations, watchErrors } from './helpers.mjs';
import { startStatic } from './servers.mjs';

const data = loadData();
const SCHEMA = 'https://schema.org/';
const fold = (text) => text.replace(/\s+/g, ' ').trim();
/** The article's text as the data set carries it (its paragraphs, which the validator checks the quotations against). */
const ARTICLE_TEXT = fold(data.article.sections.flatMap((section) => section.paragraphs).join(' '));

/**
 * schema.org's context, for a JSON-LD processor that may not fetch it: the vocabulary it maps every term into. Terms
 * then expand to `https://schema.org/Term`, as with the published context.
 */
const documentLoader = async (url) => {
  if (url.replace(/\/$/, '') === 'https://schema.org' || url === 'http://schema.org/') {
    return { contextUrl: null, documentUrl: url, document: { '@context': { '@vocab': SCHEMA, id: '@id', type: '@type' } } };
  }
  throw new Error(`the JSON-LD names a context the tests do not know: ${url}`);
};

/** The page's JSON-LD blocks, expanded and flattened into nodes by the processor. */
async function linkedData(html) {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
  expect(blocks.length, 'one JSON-LD block').toBe(1);
  const flat = await jsonld.flatten(blocks[0], null, { documentLoader });
  const nodes = flat['@graph'] ?? flat;
  const byId = new Map(nodes.map((n) => [n['@id'], n]));
  const value = (node, term) => node?.[`${SCHEMA}${term}`]?.map((v) => v['@value'] ?? v['@id']) ?? [];
  const ofType = (type) => nodes.filter((n) => (n['@type'] ?? []).includes(`${SCHEMA}${type}`));
  return { nodes, byId, value, ofType };
}

async function pageText(request, path) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

const siteOf = (html) => html.match(/<link rel="canonical" href="([^"]+)">/)?.[1];

test('every item page is read by an Open Graph parser with its title, summary, preview image and address', async ({ request }) => {
  const site = siteOf(await pageText(request, ''));
  expect(site, 'index.html has an absolute canonical address (the test build has --site-url)').toMatch(/^https:\/\/.+\/$/);
  for (const item of data.items) {
    const html = await pageText(request, `items/${item.id}/`);
    const { error, result } = await ogs({ html });
    expect(error, item.id).toBe(false);
    expect(result.ogTitle).toBe(item.title);
    expect(result.ogType).toBe('article');
    expect(result.ogSiteName).toBe('Summit Fruits');
    expect(fold(item.summary).startsWith(result.ogDescription.replace(/…$/, ''))).toBe(true);
    expect(result.ogUrl).toBe(`${site}items/${item.id}/`);
    expect(result.ogImage).toHaveLength(1);
    expect(result.ogImage[0].url).toBe(`${site}items/${item.id}/preview.png`);
    expect(String(result.ogImage[0].width)).toBe('1200');
    expect(String(result.ogImage[0].height)).toBe('630');
    expect(result.twitterCard).toBe('summary_large_image');
    expect(result.twitterImage?.[0]?.url).toBe(`${site}items/${item.id}/preview.png`);
    expect(html).toContain(`<link rel="canonical" href="${site}items/${item.id}/">`);
    // The image the tags name is there, beside the page.
    const image = await request.get(`items/${item.id}/preview.png`);
    expect(image.status(), `items/${item.id}/preview.png`).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
  }
  const { result } = await ogs({ html: await pageText(request, '') });
  expect(result.ogType).toBe('website');
  expect(result.ogImage[0].url).toBe(`${site}preview.png`);
  expect((await request.get('preview.png')).status()).toBe(200);
});

test("every item page's JSON-LD is the article, by its author and publisher, with the item's quotations as its parts", async ({ request }) => {
  const article = data.article;
  for (const item of data.items) {
    const { byId, value, ofType } = await linkedData(await pageText(request, `items/${item.id}/`));
    const [node] = ofType('Article');
    expect(node['@id']).toBe(article.url);
    expect(value(node, 'headline')).toEqual([article.title]);
    expect(value(node, 'datePublished')).toEqual([article.published]);
    const [author] = value(node, 'author').map((id) => byId.get(id));
    expect(author['@type']).toEqual([`${SCHEMA}Person`]);
    expect(value(author, 'name')).toEqual([article.author]);
    const [publisher] = value(node, 'publisher').map((id) => byId.get(id));
    expect(value(publisher, 'name')).toEqual([article.outlet]);
    const quotations = value(node, 'hasPart').map((id) => byId.get(id));
    expect(quotations.map((q) => q['@type'][0])).toEqual(item.evidence.map(() => `${SCHEMA}Quotation`));
    expect(quotations.map((q) => value(q, 'text')[0])).toEqual(item.evidence.map((e) => e.quote));
    for (const quotation of quotations) {
      expect(value(quotation, 'isPartOf')).toEqual([article.url]);
      // Each quotation is the article's own words.
      expect(ARTICLE_TEXT).toContain(fold(value(quotation, 'text')[0]));
    }
    const [webPage] = ofType('WebPage');
    expect(value(webPage, 'name')).toEqual([item.title]);
    expect(value(webPage, 'citation')).toEqual([article.url]);
  }
});

test('the sitemap lists the explorer and every item page, and robots.txt names it', async ({ request }) => {
  const site = siteOf(await pageText(request, ''));
  const sitemap = await pageText(request, 'sitemap.xml');
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(listed).toEqual([site, ...data.items.map((item) => `${site}items/${item.id}/`)]);
  expect(await pageText(request, 'robots.txt')).toContain(`Sitemap: ${site}sitemap.xml`);
});

test('an item page shows the item without JavaScript, with links that work from its folder', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const item = data.items[3];
  await page.goto(`items/${item.id}/`);
  await expect(page).toHaveTitle(`${item.title} · Summit Fruits`);
  const detail = page.locator('dialog.detail[open]');
  await expect(detail).toBeVisible();
  await expect(detail.locator('h2')).toHaveText(item.title);
  await expect(detail.locator('.evidence-list blockquote').first()).toContainText(fold(item.evidence[0].quote).slice(0, 40));
  // The style sheet came from two folders up.
  expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
  // Another item's card (under the open detail) links to that item's page, beside this one.
  const other = data.items[0];
  const href = await page.locator(`#card-title-${other.id} a`).evaluate((a) => a.href);
  expect(href).toBe(`${baseURL}items/${other.id}/`);
  await page.goto(href);
  await expect(page.locator('dialog.detail[open] h2')).toHaveText(other.title);
  await context.close();
});

test('the app takes an item page over with the item open, at the explorer\'s own address, with no CSP violation', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  const violations = await watchCspViolations(page);
  const item = data.items[5];
  await openExplorer(page, `items/${item.id}/`);
  await expect(page).toHaveURL(`${baseURL}#item=${item.id}`);
  // At the explorer's address, the page has the explorer's title.
  await expect(page).toHaveTitle(/^Summit Fruits: Potential Fruits of the Biden-Putin Summit/);
  const detail = page.getByRole('dialog', { name: item.title });
  await expect(detail).toBeVisible();
  expect(await detail.evaluate((d) => d.matches(':modal'))).toBe(true);
  await expectNoAxeViolations(page, 'an item page taken over by the app');
  // Every address the app resolves from now on (the on-demand module, the data files) resolves from the explorer's.
  expect(await page.evaluate(() => document.baseURI)).toBe(`${baseURL}#item=${item.id}`);
  // Closing goes back to the explorer's default view.
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(page).toHaveURL(baseURL);
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test('a card title links to its item page, and a plain click opens the item in place', async ({ page, baseURL }) => {
  await openExplorer(page);
  const item = data.items[0];
  const link = page.locator(`#card-title-${item.id} a`);
  await expect(link).toHaveAttribute('href', `items/${item.id}/`);
  await link.click();
  await expect(page.getByRole('dialog', { name: item.title })).toBeVisible();
  await expect(page).toHaveURL(`${baseURL}#item=${item.id}`);
  // With a filter on, the link keeps the reader's view: it is the fragment, not the item page.
  await page.keyboard.press('Escape');
  await openExplorer(page, '#cat=risk');
  const risk = data.items.find((i) => i.category === 'risk');
  await expect(page.locator(`#card-title-${risk.id} a`)).toHaveAttribute('href', new RegExp(`^#.*item=${risk.id}`));
  // A data set the reader loaded has no item pages, even the same one from another address.
  await openExplorer(page, '?data=potential-fruits.json');
  await expect(page.locator(`#card-title-${item.id} a`)).toHaveAttribute('href', `#item=${item.id}`);
});

test('an item page works under a sub-path, and its fragment wins over its item', async ({ page }) => {
  const server = await startStatic('dist', { mount: '/tools/summit/' });
  try {
    const item = data.items[2];
    await openExplorer(page, `${server.url}items/${item.id}/#view=matrix`);
    await expect(page).toHaveURL(`${server.url}#view=matrix`);
    await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    await openExplorer(page, `${server.url}items/${item.id}/`);
    await expect(page).toHaveURL(`${server.url}#item=${item.id}`);
    await expect(page.getByRole('dialog', { name: item.title })).toBeVisible();
  } finally {
    server.close();
  }
});
