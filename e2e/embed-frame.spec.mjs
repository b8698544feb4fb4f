// The explorer embedded in another site's page with an iframe: a host page on a second loopback origin (with hostile
// styles, a failing script of its own and an unrelated frame) shows the requested state; the loader script sizes the
// frame to the height the explorer reports, and nothing else; without the loader the frame keeps its height; print;
// the Embed dialog's code, pasted into a blank page on another origin, works; sandboxed frames keep working.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { startStatic } from './servers.mjs';
import { loadData, countText, expectNoAxeViolations, roundTrip, viewsDrawn } from './helpers.mjs';

const data = loadData();
const TOTAL = data.items.length;
const LOW_HANGING = data.items.filter((i) => i.category === 'low-hanging').length;
const MATRIX_STATE = 'view=matrix&cat=low-hanging';
const HEIGHT_MESSAGE = 'summit-fruits:height';
/** The loader's bounds (static/embed.js). */
const MIN_HEIGHT = 100;
const MAX_HEIGHT = 50000;

/** The app served plainly, the app served with CORS (for sandboxed frames), and the host pages: three origins. */
let app;
let corsApp;
let host;

test.beforeAll(async () => {
  [app, corsApp, host] = await Promise.all([
    startStatic('dist'),
    startStatic('dist', { cors: true }),
    startStatic('e2e/hosts/frame'),
  ]);
  expect(new URL(host.url).origin).not.toBe(new URL(app.url).origin);
});

test.afterAll(() => {
  for (const server of [app, corsApp, host]) server?.close();
});

/** The host page's address for an embed of `appUrl` in `state`, with or without the loader, maybe sandboxed. */
function hostPage(appUrl, { state = MATRIX_STATE, loader = true, sandbox, clobber = false } = {}) {
  const params = new URLSearchParams({ app: appUrl, state });
  if (!loader) params.set('loader', '0');
  if (sandbox !== undefined) params.set('sandbox', sandbox);
  if (clobber) params.set('clobber', '1');
  return `${host.url}?${params}`;
}

/** The Subresource Integrity value of a file's bytes, as a browser checks it. */
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The `<meta name>` of the built page that names a content-hashed script: `{ name, integrity }`. */
function published(meta) {
  const html = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');
  const found = html.match(new RegExp(`<meta name="${meta}" content="([^" ]+) ([^" ]+)">`));
  expect(found, `dist/index.html names its ${meta}`).not.toBeNull();
  return { name: found[1], integrity: found[2] };
}

/**
 * Records, in every frame from its first script, uncaught errors and rejections (`window.__uncaught`), so that a
 * journey can tell the explorer's frame (which must have none) from the host page (which fails on purpose).
 */
async function recordUncaught(page) {
  await page.addInitScript(() => {
    window.__uncaught = [];
    addEventListener('error', (e) => window.__uncaught.push(String(e.message)));
    addEventListener('unhandledrejection', (e) => window.__uncaught.push(`unhandled rejection: ${e.reason}`));
  });
}

/** Records, in every frame, the heights that the explorer's messages report (`window.__heights`), in order. */
async function recordHeights(page) {
  await page.addInitScript((type) => {
    window.__heights = [];
    addEventListener('message', (e) => {
      if (e.data && e.data.type === type) window.__heights.push(e.data.height);
    });
  }, HEIGHT_MESSAGE);
}

/** Opens a host page and returns the explorer's iframe (locator), its frame, and a locator scope inside it. */
async function openHost(page, url) {
  await page.goto(url);
  const iframe = page.locator('iframe[data-summit-fruits-frame]');
  const frame = await (await iframe.elementHandle()).contentFrame();
  // The prerendered default view has a result count too: wait until the app has started.
  await expect(frame.locator('#prerender')).toHaveCount(0, { timeout: 15_000 });
  await expect(frame.getByRole('status').filter({ hasText: /^Showing / })).toBeVisible();
  // A view the on-demand module draws (the host's default state is the matrix) comes a round trip later, and the
  // frame's height with it.
  await viewsDrawn(frame);
  return { iframe, frame };
}

/** The bottom of the explorer's page inside the frame, in whole CSS pixels: the height it reports. */
const contentHeight = (frame) =>
  frame.evaluate(() => Math.ceil(document.querySelector('.page').getBoundingClientRect().bottom + scrollY));

/** The height of the frame's viewport (what the reader sees of the explorer, without the frame's border). */
const viewportHeight = (frame) => frame.evaluate(() => innerHeight);

test.describe('an iframe on another origin', () => {
  test('shows the requested state, without the header, with a link to the full explorer', async ({ page }) => {
    await recordUncaught(page);
    const { frame } = await openHost(page, hostPage(app.url));

    await expect(frame.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    await expect(frame.getByRole('status').filter({ hasText: /^Showing / })).toHaveText(countText(LOW_HANGING, TOTAL));
    await expect(frame.getByRole('group', { name: 'Category' }).getByRole('checkbox', { checked: true })).toHaveCount(1);
    await expect(frame.locator('h1')).toHaveCount(0);
    await expect(frame.locator('.site-footer')).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Embed' })).toHaveCount(0);

    const full = frame.getByRole('link', { name: /^Open in the full explorer/ });
    await expect(full).toBeVisible();
    await expect(full).toHaveAttribute('href', `${app.url}#${MATRIX_STATE}`);
    await expect(full).toHaveAttribute('target', '_blank');
    await expect(full).toHaveAttribute('rel', /\bnoopener\b/);

    // The host's styles stay outside: the explorer keeps its own font and colours.
    const look = await frame.evaluate(() => ({
      font: getComputedStyle(document.body).fontFamily,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(look.font).not.toMatch(/Comic Sans/);
    expect(look.background).not.toBe('rgb(255, 0, 0)');

    // The host's own script failed; the explorer did not.
    expect(await page.evaluate(() => window.__uncaught)).toEqual([expect.stringMatching(/failed, on purpose/)]);
    expect(await frame.evaluate(() => window.__uncaught)).toEqual([]);

    // Following the link opens the same state in the full explorer, with its header.
    const [opened] = await Promise.all([page.context().waitForEvent('page'), full.click()]);
    await expect(opened.locator('h1')).toHaveText('Potential Fruits of the Biden-Putin Summit');
    await expect(opened).toHaveURL(`${app.url}#${MATRIX_STATE}`);
    await expect(opened.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    await opened.close();
  });

  test('the loader sizes the frame to its content as the reader changes it, and ignores every other message', async ({ page }) => {
    const { iframe, frame } = await openHost(page, hostPage(app.url));
    await expect(frame.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();

    // Sized: the frame's viewport is exactly the explorer's content, so it does not scroll inside.
    await expect.poll(() => viewportHeight(frame)).not.toBe(800 - 20);
    await expect.poll(async () => (await viewportHeight(frame)) - (await contentHeight(frame))).toBe(0);
    const matrixHeight = await viewportHeight(frame);
    expect(await frame.evaluate(() => document.scrollingElement.scrollHeight <= innerHeight)).toBe(true);

    // The cards of the same filter take another height: the frame follows.
    await frame.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Cards', exact: true }).click();
    await expect(frame.getByRole('main').getByRole('article')).toHaveCount(LOW_HANGING);
    await expect.poll(async () => (await viewportHeight(frame)) - (await contentHeight(frame))).toBe(0);
    const cardsHeight = await viewportHeight(frame);
    expect(cardsHeight).not.toBe(matrixHeight);

    // Clearing the filters shows every card: taller again.
    await frame.getByRole('button', { name: /^Clear all/ }).first().click();
    await expect(frame.getByRole('main').getByRole('article')).toHaveCount(TOTAL);
    await expect.poll(async () => (await viewportHeight(frame)) - (await contentHeight(frame))).toBe(0);
    expect(await viewportHeight(frame)).toBeGreaterThan(cardsHeight);
    const settled = await viewportHeight(frame);

    // Messages from anywhere but the explorer's frame, or not a valid height, change nothing.
    const stranger = page.frame({ name: 'stranger' });
    await stranger.evaluate(() => parent.postMessage({ type: 'summit-fruits:height', height: 42 }, '*'));
    await page.evaluate(() => postMessage({ type: 'summit-fruits:height', height: 5 }, '*'));
    await frame.evaluate((type) => {
      for (const height of ['9999', NaN, Infinity, null, undefined]) parent.postMessage({ type, height }, '*');
      parent.postMessage({ type: 'something-else', height: 300 }, '*');
      parent.postMessage(JSON.stringify({ type, height: 300 }), '*');
    }, HEIGHT_MESSAGE);
    await roundTrip(page, frame);
    expect(await viewportHeight(frame)).toBe(settled);
    expect((await page.locator('#stranger').boundingBox()).height).toBe(150);

    // Out-of-bounds heights from the frame are clamped.
    await frame.evaluate((type) => parent.postMessage({ type, height: 1e9 }, '*'), HEIGHT_MESSAGE);
    await roundTrip(page, frame);
    expect(await viewportHeight(frame)).toBe(MAX_HEIGHT);
    await frame.evaluate((type) => parent.postMessage({ type, height: -40 }, '*'), HEIGHT_MESSAGE);
    await roundTrip(page, frame);
    expect(await viewportHeight(frame)).toBe(MIN_HEIGHT);
    // The hostile border-box styles of the host are allowed for: the border and padding come on top.
    expect((await iframe.boundingBox()).height).toBe(MIN_HEIGHT + 2 * 6 + 2 * 4);
  });

  test('in a frame sized to its content, a card opens where the reader is, not in the middle of the frame', async ({ page }) => {
    const { iframe, frame } = await openHost(page, hostPage(app.url, { state: 'view=cards' }));
    await expect(frame.getByRole('main').getByRole('article')).toHaveCount(TOTAL);
    await expect.poll(async () => (await viewportHeight(frame)) - (await contentHeight(frame))).toBe(0);
    const windowHeight = page.viewportSize().height;
    expect(await viewportHeight(frame)).toBeGreaterThan(2 * windowHeight);
    // The title in the middle of the window, and at its top and bottom edges (where a reader may click too, and where
    // Playwright's own retries may scroll it on a busy machine).
    const places = {
      middle: (box) => box.y + box.height / 2 - windowHeight / 2,
      'top edge': (box) => box.y - 2,
      'bottom edge': (box) => box.y + box.height + 2 - windowHeight,
    };
    for (const index of [0, Math.floor(TOTAL / 2), TOTAL - 1]) {
      for (const [place, offset] of Object.entries(places)) {
        const item = data.items[index];
        const title = frame.getByRole('main').getByRole('article').nth(index).getByRole('link', { name: item.title });
        await title.scrollIntoViewIfNeeded();
        await page.evaluate((y) => window.scrollBy(0, y), offset(await title.boundingBox()));
        const at = await title.boundingBox();
        expect(at.y, `card ${index}'s title at the ${place}, in the window`).toBeGreaterThanOrEqual(0);
        expect(at.y + at.height, `card ${index}'s title at the ${place}, in the window`).toBeLessThanOrEqual(windowHeight);
        await title.click();
        const dialog = frame.getByRole('dialog', { name: item.title });
        await expect(dialog).toBeVisible();
        // The dialog, in the host window's coordinates, is inside the window the reader is looking at.
        const inWindow = async () => {
          const frameTop = (await iframe.boundingBox()).y + 6 + 4;
          const box = await dialog.evaluate((d) => [d.getBoundingClientRect().top, d.getBoundingClientRect().height]);
          return { top: frameTop + box[0], bottom: frameTop + box[0] + box[1], height: box[1] };
        };
        const label = `the detail of card ${index}, clicked at the ${place}, opens in sight`;
        // Placed at once by where the reader clicked, then kept inside the part of the frame in the window.
        const inSight = ({ top, bottom, height }) =>
          top >= 0 && top < windowHeight - 100 && (height >= windowHeight - 32 || bottom <= windowHeight);
        await expect.poll(async () => inSight(await inWindow()), label).toBe(true);
        const { top, bottom, height } = await inWindow();
        expect(top, label).toBeGreaterThanOrEqual(0);
        expect(top, label).toBeLessThan(windowHeight - 100);
        expect(height, 'the detail keeps to a screenful').toBeLessThanOrEqual(44 * 16);
        if (height < windowHeight - 32) expect(bottom, label).toBeLessThanOrEqual(windowHeight);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
    }
  });

  test('the explorer posts its height only when it changes', async ({ page }) => {
    await recordHeights(page);
    const { frame } = await openHost(page, hostPage(app.url, { loader: false }));
    await roundTrip(page, frame);
    const heights = await page.evaluate(() => window.__heights);
    expect(heights.length).toBeGreaterThan(0);
    for (const h of heights) expect(Number.isInteger(h)).toBe(true);
    for (let i = 1; i < heights.length; i += 1) expect(heights[i]).not.toBe(heights[i - 1]);
    expect(heights.at(-1)).toBe(await contentHeight(frame));
  });

  test('without the loader the frame keeps its fixed height and works', async ({ page }) => {
    await recordHeights(page);
    const { iframe, frame } = await openHost(page, hostPage(app.url, { loader: false }));
    expect(await page.evaluate(() => Boolean(window[Symbol.for('summit-fruits-loader')]))).toBe(false);
    expect((await iframe.boundingBox()).height).toBe(800);

    await frame.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Cards', exact: true }).click();
    await expect(frame.getByRole('main').getByRole('article')).toHaveCount(LOW_HANGING);
    await frame.getByRole('button', { name: /^Clear all/ }).first().click();
    await expect(frame.getByRole('status').filter({ hasText: /^Showing / })).toHaveText(countText(TOTAL, TOTAL));
    await expect(frame.getByRole('main').getByRole('article')).toHaveCount(TOTAL);
    // The explorer did report its new height; nothing on the page acted on it.
    await expect.poll(() => page.evaluate(() => window.__heights.at(-1))).toBe(await contentHeight(frame));
    expect((await iframe.boundingBox()).height).toBe(800);
    // The content is taller than the frame: it scrolls inside.
    expect(await frame.evaluate(() => document.scrollingElement.scrollHeight > innerHeight)).toBe(true);
  });

  test('a loader that starts after the frame has reported asks it again, and then sizes it', async ({ page }) => {
    const { frame } = await openHost(page, hostPage(app.url, { loader: false }));
    await expect(frame.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    await roundTrip(page, frame);
    expect(await viewportHeight(frame)).toBe(800 - 2 * 6 - 2 * 4);
    await page.addScriptTag({ url: `${app.url}embed.js` });
    await expect.poll(async () => (await viewportHeight(frame)) - (await contentHeight(frame))).toBe(0);
    expect(await viewportHeight(frame)).not.toBe(800 - 2 * 6 - 2 * 4);
  });

  test('elements with the id of a global flag cannot switch the loader off', async ({ page }) => {
    const { frame } = await openHost(page, hostPage(app.url, { clobber: true }));
    expect(await page.evaluate(() => document.querySelectorAll('#summitFruitsEmbed').length)).toBe(2);
    await expect.poll(async () => (await viewportHeight(frame)) - (await contentHeight(frame))).toBe(0);
    expect(await viewportHeight(frame)).not.toBe(800 - 2 * 6 - 2 * 4);
  });

  test('the loader ignores a page of another site shown in its frame', async ({ page }) => {
    const { iframe, frame } = await openHost(page, hostPage(app.url));
    await expect.poll(async () => (await viewportHeight(frame)) - (await contentHeight(frame))).toBe(0);
    const settled = (await iframe.boundingBox()).height;

    // The frame goes to another site (a link, a redirect), whose page claims a height: the loader ignores it.
    await page.evaluate(() => {
      window.__posted = new Promise((resolve) => {
        addEventListener('message', (e) => e.data === 'summit-fruits-test:poster-done' && resolve());
      });
    });
    await frame.evaluate((url) => { location.href = url; }, `${host.url}poster.html`);
    await page.evaluate(() => window.__posted);
    expect((await iframe.boundingBox()).height).toBe(settled);
  });

  test('links that leave the explorer open a new tab, so the frame stays on the explorer', async ({ page }) => {
    const { frame } = await openHost(page, hostPage(app.url, { state: 'view=article&hindsight=1' }));
    const seen = [];
    for (const [view, landmark] of [['Article', 'a.article-original-link'], ['Timeline', 'a.hindsight-source'], ['Cards', 'article']]) {
      await frame.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true }).click();
      await expect(frame.locator(landmark).first()).toBeVisible();
      const leaving = await frame.evaluate(() => [...document.querySelectorAll('a[href]')]
        .filter((a) => new URL(a.href).origin !== location.origin)
        .map((a) => `${a.href} ${a.target} ${a.rel}`));
      for (const link of leaving) expect(link, `in the ${view} view`).toMatch(/^https?:\S+ _blank noopener noreferrer$/);
      seen.push(...leaving);
    }
    expect(seen.length).toBeGreaterThan(1);
    // Following one opens a tab; the frame keeps the explorer.
    const original = frame.locator('a.article-original-link');
    await frame.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Article', exact: true }).click();
    const [opened] = await Promise.all([page.context().waitForEvent('page'), original.click()]);
    await opened.close();
    await expect(frame.getByRole('status').filter({ hasText: /^Showing / })).toBeVisible();
    expect(new URL(frame.url()).origin).toBe(new URL(app.url).origin);
  });

  test('embedded, the page passes axe, header and footer gone, the link out in their place', async ({ page }) => {
    await recordHeights(page);
    await page.goto(`${app.url}?embed=1#view=cards&cat=low-hanging`);
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(LOW_HANGING);
    await expect(page.getByRole('link', { name: /^Open in the full explorer/ })).toHaveAttribute(
      'href',
      `${app.url}#cat=low-hanging`,
    );
    await expectNoAxeViolations(page, 'the embedded cards', { embedded: true });
    await expect(page.locator('h1')).toHaveCount(0);
    await expect(page.locator('.site-footer')).toHaveCount(0);
    // At the top level there is no parent page to tell its height to: nothing is posted (to itself).
    await page.evaluate(() => new Promise((resolve) => {
      addEventListener('message', (e) => e.data === 'summit-fruits-test:sentinel' && resolve());
      postMessage('summit-fruits-test:sentinel', '*');
    }));
    expect(await page.evaluate(() => window.__heights)).toEqual([]);
  });

  test('printed, the embedded view keeps its content and drops the controls', async ({ page }) => {
    const { frame } = await openHost(page, hostPage(app.url, { state: 'view=cards&cat=low-hanging' }));
    await expect(frame.getByRole('main').getByRole('article')).toHaveCount(LOW_HANGING);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.toolbar', '.filters', '.active-filters .clear-all', '.skip-link']) {
      await expect(frame.locator(selector).first(), `${selector} on paper`).toBeHidden();
    }
    await expect(frame.getByRole('main')).toBeVisible();
    await expect(frame.getByRole('main').getByRole('article')).toHaveCount(LOW_HANGING);
    for (const card of await frame.getByRole('main').getByRole('article').all()) await expect(card).toBeVisible();
    // The link out says where the view comes from.
    const full = frame.getByRole('link', { name: /^Open in the full explorer/ });
    await expect(full).toBeVisible();
    expect(await full.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`": ${app.url}#cat=low-hanging"`);
    await page.emulateMedia({ media: 'screen' });
    await expect(frame.locator('.toolbar')).toBeVisible();
  });
});

test.describe('the Embed dialog', () => {
  /** Opens the full explorer at `state` (served by `server`) and its Embed dialog. */
  async function openDialog(page, state, server = app) {
    await page.goto(`${server.url}#${state}`);
    await expect(page.locator('#prerender')).toHaveCount(0, { timeout: 15_000 });
    await expect(page.locator('h1')).toHaveText('Potential Fruits of the Biden-Putin Summit');
    const button = page.getByRole('button', { name: 'Embed' });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Embed this view' });
    await expect(dialog).toBeVisible();
    return { button, dialog };
  }

  test('shows the code for this view, copies it, and closes with Escape', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    const { button, dialog } = await openDialog(page, `${MATRIX_STATE}&q=arms`);
    await expectNoAxeViolations(page, 'the Embed dialog');

    const iframeCode = dialog.getByRole('textbox', { name: 'Iframe code' });
    await expect(iframeCode).toHaveJSProperty('readOnly', true);
    const code = await iframeCode.inputValue();
    // Both scripts by their content-hashed names, with the integrity of the files served under those names.
    const loader = published('summit-fruits:loader');
    const entry = published('summit-fruits:script-embed');
    expect(code).toBe(
      `<iframe src="${app.url}?embed=1#view=matrix&amp;cat=low-hanging&amp;q=arms" ` +
        'title="Summit Fruits: Potential Fruits of the Biden-Putin Summit, explored" data-summit-fruits-frame ' +
        'width="100%" height="800" loading="lazy" allow="clipboard-write"></iframe>\n' +
        `<script src="${app.url}${loader.name}" integrity="${loader.integrity}" crossorigin="anonymous" async></script>`,
    );
    const scriptCode = await dialog.getByRole('textbox', { name: 'Code without an iframe' }).inputValue();
    expect(scriptCode).toBe(
      '<div data-summit-fruits data-view="matrix" data-cat="low-hanging" data-q="arms"></div>\n' +
        `<script type="module" src="${app.url}${entry.name}" integrity="${entry.integrity}" crossorigin="anonymous"></script>`,
    );
    expect(loader.name).toMatch(/^embed-[0-9a-f]{16}\.js$/);
    expect(entry.name).toMatch(/^summit-fruits-embed-[0-9a-f]{16}\.js$/);
    for (const [file, stable] of [[loader, 'embed.js'], [entry, 'summit-fruits-embed.js']]) {
      const body = await (await page.request.get(`${app.url}${file.name}`)).body();
      expect(sri(body), `${file.name} matches its integrity`).toBe(file.integrity);
      // The stable name, for hosts that already use it, serves the same file.
      expect(await (await page.request.get(`${app.url}${stable}`)).body()).toEqual(body);
    }

    await dialog.getByRole('button', { name: 'Copy iframe code' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^The iframe code is copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await dialog.getByRole('button', { name: 'Copy code without an iframe' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^The code without an iframe is copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(scriptCode);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    // Reopened after a change of view, it follows the view.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Timeline', exact: true }).click();
    await button.click();
    await expect(dialog.getByRole('textbox', { name: 'Iframe code' })).toHaveValue(/#view=timeline&amp;cat=low-hanging&amp;q=arms"/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('when copying is refused, the code is selected and the dialog says how to copy it', async ({ page }) => {
    await page.addInitScript(() => {
      const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      Object.defineProperty(Clipboard.prototype, 'writeText', { value: refuse, configurable: true });
    });
    const { dialog } = await openDialog(page, MATRIX_STATE);
    await dialog.getByRole('button', { name: 'Copy iframe code' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^Copying is not allowed here\. The iframe code is selected: press Ctrl\+C/);
    const box = dialog.getByRole('textbox', { name: 'Iframe code' });
    await expect(box).toBeFocused();
    const selection = await box.evaluate((t) => [t.selectionStart, t.selectionEnd, t.value.length]);
    expect(selection).toEqual([0, selection[2], selection[2]]);
    await expectNoAxeViolations(page, 'the Embed dialog after a refused copy');
  });

  test('both of its codes, pasted into a blank page on another origin, show the view and size themselves', async ({ page }) => {
    // Checked scripts from another origin are fetched with CORS: the explorer's server sends Access-Control-Allow-Origin.
    const { dialog } = await openDialog(page, 'view=cards&cat=risk', corsApp);
    const code = await dialog.getByRole('textbox', { name: 'Iframe code' }).inputValue();
    const scriptCode = await dialog.getByRole('textbox', { name: 'Code without an iframe' }).inputValue();
    const folder = mkdtempSync(path.join(tmpdir(), 'summit-fruits-host-'));
    writeFileSync(
      path.join(folder, 'index.html'),
      `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Blank host</title></head>\n<body>\n<h1>A blank page</h1>\n${code}\n<h2>Without a frame</h2>\n${scriptCode}\n</body>\n</html>\n`,
    );
    const blank = await startStatic(folder);
    try {
      expect(new URL(blank.url).origin).not.toBe(new URL(corsApp.url).origin);
      await recordUncaught(page);
      await page.goto(blank.url);
      const iframe = page.locator('iframe[data-summit-fruits-frame]');
      await expect(iframe).toHaveAttribute('title', /Potential Fruits of the Biden-Putin Summit/);
      const frame = await (await iframe.elementHandle()).contentFrame();
      const risks = data.items.filter((i) => i.category === 'risk').length;
      await expect(frame.getByRole('status').filter({ hasText: /^Showing / })).toHaveText(countText(risks, TOTAL));
      await expect(frame.getByRole('main').getByRole('article')).toHaveCount(risks);
      await expect(frame.locator('h1')).toHaveCount(0);
      await expect.poll(async () => (await viewportHeight(frame)) - (await contentHeight(frame))).toBe(0);
      expect(await viewportHeight(frame)).not.toBe(800);
      // The script embed, from its hashed entry checked against its integrity, draws the same view.
      const inline = page.locator('div[data-summit-fruits]');
      await expect(inline.getByRole('status').filter({ hasText: /^Showing / })).toHaveText(countText(risks, TOTAL));
      await expect(inline.getByRole('region', { name: 'Results', exact: true }).getByRole('article')).toHaveCount(risks);
      expect(await page.evaluate(() => window.__uncaught)).toEqual([]);
      expect(await frame.evaluate(() => window.__uncaught)).toEqual([]);
    } finally {
      blank.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Every request the page made, with the origin of the frame that made it. */
function logRequests(page) {
  const requests = [];
  page.on('request', (request) => requests.push({ url: request.url(), frame: request.frame().url() }));
  return requests;
}

for (const sandbox of ['allow-scripts', 'allow-scripts allow-same-origin']) {
  test.describe(`a frame with sandbox="${sandbox}"`, () => {
    const opaque = !sandbox.includes('allow-same-origin');

    test('keeps working: filters, theme, copy link fallback; no error; nothing from other origins', async ({ page }) => {
      await recordUncaught(page);
      const requests = logRequests(page);
      const { iframe, frame } = await openHost(page, hostPage(corsApp.url, { sandbox }));
      // Styled: the style sheets (integrity-checked, so fetched in CORS mode) were allowed.
      expect(await frame.evaluate(() => getComputedStyle(document.querySelector('.toolbar')).display)).toBe('flex');
      await expect(iframe).toHaveAttribute('sandbox', sandbox);
      expect(await frame.evaluate(() => origin)).toBe(opaque ? 'null' : new URL(corsApp.url).origin);
      await expect(frame.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
      await expect(frame.getByRole('status').filter({ hasText: /^Showing / })).toHaveText(countText(LOW_HANGING, TOTAL));
      // The loader sizes a sandboxed frame too (its messages come from an opaque origin; the source still matches).
      await expect.poll(async () => (await viewportHeight(frame)) - (await contentHeight(frame))).toBe(0);

      // Filters: add a category, then clear them all.
      const categories = frame.getByRole('group', { name: 'Category' });
      await categories.getByRole('checkbox', { name: /^What could go wrong/ }).first().check();
      const both = data.items.filter((i) => ['low-hanging', 'risk'].includes(i.category)).length;
      await expect(frame.getByRole('status').filter({ hasText: /^Showing / })).toHaveText(countText(both, TOTAL));
      await frame.getByRole('button', { name: /^Clear all/ }).first().click();
      await expect(frame.getByRole('status').filter({ hasText: /^Showing / })).toHaveText(countText(TOTAL, TOTAL));

      // Theme: applies at once; remembered only where the frame may keep storage.
      await frame.getByLabel('Theme').selectOption('dark');
      await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
      const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).not.toBe('rgb(247, 246, 242)');

      // Copy link: the clipboard is not this frame's to write, so the link is offered to copy by hand.
      await frame.getByRole('button', { name: 'Copy link' }).click();
      const field = frame.getByRole('textbox', { name: /Copy the link by hand/ });
      await expect(field).toBeVisible();
      await expect(field).toHaveValue(await frame.evaluate(() => location.href));

      // Reload, and wait for the new document: until it replaces the old one, the old one still answers every locator.
      await frame.evaluate(() => {
        window.__beforeReload = true;
        location.reload();
      });
      await expect.poll(() => frame.evaluate(() => window.__beforeReload !== true).catch(() => false)).toBe(true);
      await expect(frame.getByRole('status').filter({ hasText: /^Showing / })).toBeVisible();
      if (opaque) {
        await expect(frame.getByLabel('Theme')).toHaveValue('system');
        await expect(frame.locator('html')).not.toHaveAttribute('data-theme', /./);
      } else {
        await expect(frame.getByLabel('Theme')).toHaveValue('dark');
      }

      expect(await frame.evaluate(() => window.__uncaught)).toEqual([]);
      const appOrigin = new URL(corsApp.url).origin;
      const hostOrigin = new URL(host.url).origin;
      const fromFrame = requests.filter((r) => r.frame.startsWith(appOrigin) && !r.url.startsWith('data:'));
      expect(fromFrame.length).toBeGreaterThan(3);
      expect(fromFrame.filter((r) => !r.url.startsWith(`${appOrigin}/`))).toEqual([]);
      const elsewhere = requests.filter(
        (r) => !r.url.startsWith('data:') && !r.url.startsWith(`${appOrigin}/`) && !r.url.startsWith(`${hostOrigin}/`),
      );
      expect(elsewhere).toEqual([]);
    });
  });
}

test('a frame with sandbox="allow-scripts" from a server without CORS cannot start the app: the prerendered page stays', async ({ page }) => {
  // The module script and the wasm are fetched in CORS mode; from an opaque origin every fetch is cross-origin.
  await page.goto(hostPage(app.url, { sandbox: 'allow-scripts' }));
  const frame = await (await page.locator('iframe[data-summit-fruits-frame]').elementHandle()).contentFrame();
  await expect(frame.locator('article.card').first()).toBeVisible();
  await expect(frame.locator('article.card')).toHaveCount(TOTAL);
  // The prerendered page is the app's default view drawn at build time: its loading notice stays, since the app never
  // started to remove it (from an opaque origin not even boot.js loads, to say why).
  await expect(frame.locator('#prerender-notice')).toBeVisible();
  await expect(frame.locator('#prerender-notice')).toContainText('it needs JavaScript and WebAssembly');
});
