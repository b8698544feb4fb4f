// The prerender step of the build (`cargo xtask prerender`, xtask/src/postbuild/prerender.rs, which runs the app's
// server renderer) on a data set of its own: text with `$` patterns, which a replacement string would expand in many
// languages, and markup land in the page exactly as written. And in the browser, the app takes over the prerendered
// default view without drawing it again, and draws any other address afresh.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { loadData, openExplorer, watchErrors } from './helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = '<!-- prerendered content -->';

test('titles with $\', $&, $` and $$ prerender exactly', async ({ page }) => {
  // It runs a build step (`cargo xtask prerender`, which checks that its binaries are current): time for a busy machine.
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-prerender-'));
  try {
    const data = loadData();
    const articleTitle = "Fruits $' after, $& match, $` before, $$ dollars";
    const itemTitle = "Arms $'control$' & $&/$` and $$$1 <b>";
    data.article.title = articleTitle;
    data.items[0].title = itemTitle;
    const dataFile = path.join(dir, 'data.json');
    writeFileSync(dataFile, JSON.stringify(data));
    const before = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main>';
    const after = '</main><footer id="after">the end</footer></body></html>';
    writeFileSync(path.join(dir, 'index.html'), `${before}${MARKER}${after}`);

    execFileSync('cargo', ['xtask', 'prerender', dir, '--data', dataFile], { cwd: ROOT, stdio: 'pipe' });

    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    // What was around the marker is there once, unchanged.
    expect(html.startsWith(before)).toBe(true);
    expect(html.endsWith(after)).toBe(true);
    expect(html.split(after).length).toBe(2);
    expect(html).not.toContain(MARKER);
    await page.setContent(html);
    await expect(page.locator('h1')).toHaveText(articleTitle);
    await expect(page.locator('.card-title').first()).toHaveText(itemTitle);
    await expect(page.locator('article.card')).toHaveCount(data.items.length);
    await expect(page.locator('#after')).toHaveCount(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Records, from before the page loads, every prospect card taken out of the page and every Element Timing entry. */
async function watchCards(page) {
  await page.addInitScript(() => {
    window.cardsRemoved = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && (node.matches('article.card') || node.querySelector('article.card'))) {
            window.cardsRemoved += 1;
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
    window.firstCards = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.identifier === 'first-card') window.firstCards.push(entry);
    }).observe({ type: 'element', buffered: true });
  });
}

/** Whether the first card painted (its Element Timing entry) is the one in the page now, and how many were painted. */
function firstCardPaints(page) {
  return page.evaluate(() => ({
    painted: window.firstCards.length,
    same: window.firstCards.length > 0
      && window.firstCards[0].element === document.querySelector('[elementtiming="first-card"]'),
  }));
}

test('the app takes over the prerendered default view: the cards painted first stay, and answer input', async ({ page }) => {
  const errors = watchErrors(page);
  await watchCards(page);
  await openExplorer(page);
  const data = loadData();
  await expect(page.locator('article.card')).toHaveCount(data.items.length);
  await expect.poll(() => firstCardPaints(page)).toEqual({ painted: 1, same: true });
  expect(await page.evaluate(() => performance.getEntriesByName('summit-fruits:interactive').length)).toBe(1);
  // The loading notice and the <noscript> are gone; the page is the app's.
  await expect(page.locator('#prerender-notice')).toHaveCount(0);
  await expect(page.locator('#app noscript')).toHaveCount(0);
  // The hydrated page answers: a filter narrows the cards, a view link changes the view.
  const risks = data.items.filter((i) => i.category === 'risk').length;
  await page.getByRole('checkbox', { name: /^What could go wrong/ }).check();
  await expect(page.locator('article.card')).toHaveCount(risks);
  const matrix = page.getByRole('link', { name: 'Matrix', exact: true });
  await matrix.click();
  await expect(page).toHaveURL(/view=matrix/);
  await expect(matrix).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('article.card')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a saved theme is chosen once the prerendered page is taken over', async ({ page }) => {
  const errors = watchErrors(page);
  await watchCards(page);
  await page.addInitScript(() => localStorage.setItem('summit-fruits-theme', 'dark'));
  await openExplorer(page);
  await expect(page.locator('#theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('#theme option[selected]')).toHaveCount(1);
  expect(await page.evaluate(() => window.cardsRemoved)).toBe(0);
  expect(errors).toEqual([]);
});

for (const [address, check] of [
  ['#cat=risk', async (page, data) => {
    await expect(page.locator('article.card')).toHaveCount(data.items.filter((i) => i.category === 'risk').length);
  }],
  ['#view=timeline', async (page) => {
    await expect(page.locator('article.card')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Timeline', exact: true })).toHaveAttribute('aria-current', 'page');
  }],
  ['?embed=1', async (page, data) => {
    await expect(page.locator('.page.embedded')).toHaveCount(1);
    await expect(page.locator('article.card')).toHaveCount(data.items.length);
  }],
]) {
  test(`another address (${address}) is drawn afresh, not hydrated`, async ({ page }) => {
    const errors = watchErrors(page);
    await watchCards(page);
    await page.goto(address);
    await expect(page.locator('#prerender')).toHaveCount(0, { timeout: 15_000 });
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('summit-fruits:interactive').length)).toBe(1);
    await check(page, loadData());
    // The prerendered default view was taken out, not taken over.
    expect(await page.evaluate(() => window.cardsRemoved)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
}

test('should hydration fail all the same, the page reloads once and is drawn afresh', async ({ page }) => {
  const errors = watchErrors(page);
  await watchCards(page);
  // A page whose markup differs from the app's first render (one card less) under the right fingerprint: Yew's
  // hydration panics on it, as it would on any mismatch.
  let served = 0;
  await page.route((url) => url.pathname.endsWith('/') || url.pathname.endsWith('/index.html'), async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const broken = html.replace(/<li><article[\s\S]*?<\/article><\/li>/, '');
    expect(broken.length).toBeLessThan(html.length);
    served += 1;
    await route.fulfill({ response, body: broken });
  });
  await page.goto('');
  await expect.poll(() => served, { timeout: 15_000 }).toBe(2);
  await expect(page.locator('#prerender')).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('summit-fruits:interactive').length)).toBe(1);
  const data = loadData();
  await expect(page.locator('article.card')).toHaveCount(data.items.length);
  await expect(page.locator('.panic-panel')).toHaveCount(0);
  // Drawn afresh: the prerendered cards were taken out.
  expect(await page.evaluate(() => window.cardsRemoved)).toBeGreaterThan(0);
  expect(await page.evaluate(() => sessionStorage.getItem('summit-fruits-no-hydration'))).toBe('1');
  // The panic is reported in the console (the first load's), and nothing else went wrong.
  expect(errors.some((e) => e.includes('panicked'))).toBe(true);
  expect(errors.filter((e) => !e.includes('panicked') && !e.includes('unreachable'))).toEqual([]);
});
