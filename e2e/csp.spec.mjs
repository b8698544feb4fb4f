// The shipped page's own Content-Security-Policy and Subresource Integrity: every view, dialog and download runs
// under the strict policy (Trusted Types included: no string may reach an HTML or script sink) with no violation and
// no console error, the policy allows nothing inline or eval'd, and every script, the wasm-bindgen JS and the wasm
// are loaded with an integrity hash that matches the file served.
import { createHash } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { openExplorer, watchErrors, watchCspViolations, loadData } from './helpers.mjs';

const data = loadData();
const TOTAL = data.items.length;
const openItem = data.items[0];

/** The policy index.html declares; docs/hosting.md "Host it safely" gives the same one (plus frame-ancestors) as a header. */
const EXPECTED_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** Every state to check: how to reach it and what shows that it has rendered. */
const states = [
  { name: 'cards', path: '', ready: (page) => expect(page.getByRole('main').getByRole('article')).toHaveCount(TOTAL) },
  {
    name: 'matrix',
    path: '#view=matrix',
    ready: (page) => expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible(),
  },
  {
    name: 'article',
    path: '#view=article',
    ready: (page) => expect(page.getByRole('heading', { name: 'The article', level: 2 })).toBeVisible(),
  },
  {
    name: 'timeline',
    path: '#view=timeline',
    ready: (page) => expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible(),
  },
  {
    name: 'scorecard (hindsight on)',
    path: '#view=scorecard&hindsight=1',
    ready: (page) => expect(page.getByRole('heading', { name: /^Scorecard/, level: 2 }).last()).toBeVisible(),
  },
  {
    name: 'a card’s detail',
    path: `#item=${openItem.id}`,
    ready: (page) => expect(page.getByRole('dialog', { name: openItem.title })).toBeVisible(),
  },
  {
    name: 'embedded matrix with hindsight',
    path: `?embed=1#view=matrix&hindsight=1&item=${openItem.id}`,
    // An embedded page has no page header, so no h1 to wait for.
    embedded: true,
    ready: (page) => expect(page.getByRole('dialog', { name: openItem.title })).toBeVisible(),
  },
];

/** Lets any late violation report (they are dispatched as tasks) arrive before reading them. */
const settle = (page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 250)));

test.describe('under the page’s strict Content-Security-Policy', () => {
  for (const state of states) {
    test(`the ${state.name} view renders with no CSP violation and no console error`, async ({ page }) => {
      const violations = await watchCspViolations(page);
      const errors = watchErrors(page);
      if (state.embedded) {
        await page.goto(state.path);
        await expect(page.locator('#prerender')).toHaveCount(0, { timeout: 15_000 });
      } else {
        await openExplorer(page, state.path);
      }
      await state.ready(page);
      await settle(page);
      expect(await violations(), `CSP violations in the ${state.name} view`).toEqual([]);
      expect(errors, `console errors in the ${state.name} view`).toEqual([]);
    });
  }

  test('downloads, dialogs, the theme and another data set work with no violation and no console error', async ({
    page,
  }) => {
    const violations = await watchCspViolations(page);
    const errors = watchErrors(page);
    await openExplorer(page);
    const download = async (button) => {
      const started = page.waitForEvent('download');
      await button.click();
      const file = await started;
      expect(await file.failure()).toBeNull();
    };
    await download(page.getByRole('button', { name: `Download ${TOTAL} items as CSV` }));
    await download(page.getByRole('button', { name: `Download ${TOTAL} items as JSON` }));
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Matrix', exact: true }).click();
    await download(page.getByRole('button', { name: 'Save as SVG' }));
    await download(page.getByRole('button', { name: 'Save as PNG' }));

    // The Embed dialog, its Copy buttons and closing it.
    await page.getByRole('button', { name: 'Embed' }).click();
    const embed = page.getByRole('dialog', { name: 'Embed this view' });
    await expect(embed).toBeVisible();
    await embed.getByRole('button', { name: 'Copy iframe code' }).click();
    await embed.getByRole('button', { name: 'Copy code without an iframe' }).click();
    await page.keyboard.press('Escape');
    await expect(embed).toHaveCount(0);

    // A card's detail from the cards view, the theme, the Hindsight switch.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Cards', exact: true }).click();
    await page.getByRole('main').getByRole('link', { name: openItem.title, exact: true }).click();
    await expect(page.getByRole('dialog', { name: openItem.title })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('switch', { name: /^Hindsight/ }).click();
    await expect(page.getByRole('switch', { name: /^Hindsight/ })).toHaveAttribute('aria-checked', 'true');

    // Another data set: a refused one lists its problems, then the bundled one comes back.
    await page.getByText('Use another data set', { exact: true }).click();
    await page.getByLabel(/^Data set file/).setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"items": [<b>not json</b>]}'),
    });
    await expect(page.getByRole('alert').filter({ hasText: 'This data set was refused' })).toBeVisible();
    await page.getByRole('button', { name: 'Back to the bundled data set' }).click();
    await expect(page.locator('h1')).toHaveText(data.article.title);

    await settle(page);
    expect(await violations(), 'CSP violations').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });

  test('Trusted Types are enforced: a string written into innerHTML is refused and reported', async ({ page }) => {
    // Proves that the policy's Trusted Types directives are in force, so the empty lists above cover them too.
    const violations = await watchCspViolations(page);
    await openExplorer(page);
    const outcome = await page.evaluate(() => {
      const probe = document.createElement('div');
      try {
        probe.innerHTML = '<img src=x>';
        return 'written';
      } catch (error) {
        return error.name;
      }
    });
    expect(outcome).toBe('TypeError');
    await settle(page);
    expect((await violations()).some((v) => v.startsWith('require-trusted-types-for'))).toBe(true);
  });

  test('the policy is enforced: an inline style attribute set by script is reported as a violation', async ({ page }) => {
    // Proves the listener and the meta policy work, so the empty lists above mean something.
    const violations = await watchCspViolations(page);
    await openExplorer(page);
    await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
    await settle(page);
    expect((await violations()).some((v) => v.startsWith('style-src'))).toBe(true);
  });
});

test.describe('the shipped page', () => {
  test('declares the strict CSP in a meta element, with nothing inline or eval’d allowed', async ({ page, request }) => {
    const html = await (await request.get('')).text();
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/gi)];
    expect(metas, 'one CSP meta element in index.html as served').toHaveLength(1);
    const policy = metas[0][1];
    expect(policy).toBe(EXPECTED_CSP);
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain("'unsafe-eval'");
    // It comes before anything it governs: the first link, script or style element.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<(link|script|style)\b/i));

    await openExplorer(page);
    const inDom = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('content')));
    expect(inDom).toEqual([EXPECTED_CSP]);
  });

  test('has no inline script and no inline style element', async ({ request }) => {
    const html = await (await request.get('')).text();
    const blocks = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    // JSON-LD is a data block, which no browser runs: it must be JSON, and is the only inline content allowed.
    const data = blocks.filter(([, attrs]) => /\stype="application\/ld\+json"/.test(attrs));
    expect(data).toHaveLength(1);
    expect(() => JSON.parse(data[0][2])).not.toThrow();
    const scripts = blocks.filter((block) => !data.includes(block));
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, attrs, body] of scripts) {
      expect(attrs, `${tag} loads a file`).toMatch(/\ssrc="/);
      expect(body.trim(), `${tag} has no inline code`).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle="/i);
    expect(html).not.toMatch(/\son[a-z]+="/i);
  });

  test('loads every script, the wasm-bindgen JS and the wasm with an integrity hash that matches the file', async ({
    page,
    request,
  }) => {
    await openExplorer(page);
    const resources = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([type="application/ld+json"]), link[rel="modulepreload"], link[rel="preload"], link[rel="stylesheet"]')].map(
        (el) => ({
          tag: el.outerHTML,
          url: el.src || el.href || '',
          integrity: el.getAttribute('integrity'),
        }),
      ),
    );
    const urls = resources.map((r) => new URL(r.url).pathname);
    // The start script, the wasm-bindgen JS and the wasm are all there, each once.
    expect(urls.filter((u) => u.endsWith('/boot.js'))).toHaveLength(1);
    expect(urls.filter((u) => /\/summit-fruits(-[0-9a-f]+)?\.js$/.test(u))).toHaveLength(1);
    expect(urls.filter((u) => /\/summit-fruits(-[0-9a-f]+)?_bg\.wasm$/.test(u))).toHaveLength(1);
    for (const r of resources) {
      expect(r.integrity, `${r.tag} has an integrity attribute`).toMatch(/^sha384-[A-Za-z0-9+/]+=*$/);
      const body = await (await request.get(r.url)).body();
      const actual = `sha384-${createHash('sha384').update(body).digest('base64')}`;
      expect(r.integrity, `${r.tag} integrity matches the file served`).toBe(actual);
    }
    // The wasm is served as application/wasm (needed for streaming compilation).
    const wasm = resources.find((r) => r.url.endsWith('.wasm'));
    expect((await request.get(wasm.url)).headers()['content-type']).toBe('application/wasm');
  });
});
