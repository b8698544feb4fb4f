// The iframe embed where embeds usually sit: in an article on another origin, below an element taller than the window,
// with the Embed dialog's snippet as written (`loading="lazy"`, the loader `async`). A cross-origin frame out of sight
// gets no rendering steps (no animation frames, no ResizeObserver deliveries), so the explorer must report its height
// without them, and the loader's request and the frame's report must meet whichever starts first. Twenty fresh loads
// per host page, without and with the host's own Content-Security-Policy: each frame is sized to its content before
// the reader scrolls to it (within 3 s of the frame's load), and coming into view changes its height no more (no
// layout shift on the host page after the first height). The time from the frame's load to its first height is printed.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { startStatic } from './servers.mjs';
import { roundTrip } from './helpers.mjs';

const RUNS = 20;
const HEIGHT_MESSAGE = 'summit-fruits:height';
const STATE = 'view=cards&cat=low-hanging';

let app;
let host;
let folder;

/** A host article: a header, a figure taller than the window, then the embed code and more text. */
function article(appUrl, csp) {
  const origin = new URL(appUrl).origin;
  const policy = csp
    ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src ${origin}; frame-src ${origin}">\n`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${policy}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>What Geneva could bring</title>
<link rel="stylesheet" href="article.css">
</head>
<body>
<main>
<h1>What Geneva could bring</h1>
<p>An article of the host site, with a large figure before the embed.</p>
<figure class="tall"><figcaption>A figure taller than the window</figcaption></figure>
<iframe src="${appUrl}?embed=1#${STATE.replaceAll('&', '&amp;')}" title="Summit Fruits: Potential Fruits of the Biden-Putin Summit, explored" data-summit-fruits-frame width="100%" height="800" loading="lazy" allow="clipboard-write"></iframe>
<script src="${appUrl}embed.js" async></script>
<p id="after">The article goes on after the embed.</p>
</main>
</body>
</html>
`;
}

test.beforeAll(async () => {
  app = await startStatic('dist');
  folder = mkdtempSync(path.join(tmpdir(), 'summit-fruits-fold-'));
  writeFileSync(
    path.join(folder, 'article.css'),
    'body { margin: 0 auto; max-width: 60rem; padding: 1rem; font: 18px/1.6 Georgia, serif; }\n' +
      '.tall { margin: 1rem 0; height: 150vh; background: #dde; }\n' +
      'iframe { display: block; width: 100%; border: 0; }\n',
  );
  // The static server wants an index.html: the page without a policy.
  writeFileSync(path.join(folder, 'index.html'), article(app.url, false));
  writeFileSync(path.join(folder, 'csp.html'), article(app.url, true));
  host = await startStatic(folder);
  expect(new URL(host.url).origin).not.toBe(new URL(app.url).origin);
});

test.afterAll(() => {
  app?.close();
  host?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/**
 * Records on the host page, from its first script: when the explorer's frame fired `load`, every height message
 * (time and height), every layout shift (time and score) and every CSP violation.
 */
async function recordHost(page) {
  await page.addInitScript((type) => {
    if (window !== window.top) return;
    const record = { loads: [], heights: [], shifts: [], violations: [] };
    window.__fold = record;
    // On the document: a load event never reaches the window.
    document.addEventListener('load', (e) => {
      if (e.target instanceof HTMLIFrameElement) record.loads.push(performance.now());
    }, true);
    addEventListener('message', (e) => {
      if (e.data && e.data.type === type) record.heights.push([performance.now(), e.data.height]);
    });
    addEventListener('securitypolicyviolation', (e) => record.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.shifts.push([entry.startTime, entry.value]);
    }).observe({ type: 'layout-shift', buffered: true });
  }, HEIGHT_MESSAGE);
}

const record = (page) => page.evaluate(() => window.__fold);

/** The frame's viewport and its content's bottom (-1 before the explorer has started): equal once sized. */
const measure = (frame) =>
  frame.evaluate(() => {
    const page = document.querySelector('.page');
    return [innerHeight, page ? Math.ceil(page.getBoundingClientRect().bottom + scrollY) : -1];
  });

/** Resolves after two animation frames of `frame` (its ResizeObserver has then been delivered) and a message to the host. */
async function settle(page, frame) {
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await roundTrip(page, frame);
}

for (const variant of ['open', 'csp']) {
  test(`a frame below the fold (${variant === 'csp' ? 'host with a Content-Security-Policy' : 'host without a policy'}) is sized before the reader reaches it, ${RUNS} loads out of ${RUNS}`, async ({ browser }) => {
    test.setTimeout(RUNS * 20_000);
    const waits = [];
    const starts = [];
    for (let run = 1; run <= RUNS; run += 1) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await recordHost(page);
        await page.goto(`${host.url}${variant === 'csp' ? 'csp.html' : 'index.html'}`);
        const iframe = page.locator('iframe[data-summit-fruits-frame]');
        const where = () => iframe.evaluate((f) => ({ top: f.getBoundingClientRect().top, window: innerHeight, scrolled: scrollY }));
        const before = await where();
        expect(before.top, `load ${run}: the frame starts below the window`).toBeGreaterThan(before.window);

        await expect.poll(async () => (await record(page)).loads.length, { message: `load ${run}: the frame loads` }).toBeGreaterThan(0);
        const frame = await (await iframe.elementHandle()).contentFrame();
        // Sized to its content within 3 s of its load, while still out of sight.
        let last;
        await expect
          .poll(async () => {
            last = await measure(frame);
            return last[0] !== 800 && last[0] === last[1];
          }, { message: `load ${run}: the frame is sized to its content`, timeout: 3_000 })
          .toBe(true)
          .catch(async (error) => {
            const { loads, heights } = await record(page);
            throw new Error(`${error.message}\nframe viewport and content: ${last}; heights received ${JSON.stringify(heights.map(([t, h]) => [Math.round(t - loads[0]), h]))} (ms after the load, px)`);
          });
        const sized = await where();
        expect(sized.scrolled, `load ${run}: nobody scrolled`).toBe(0);
        expect(sized.top, `load ${run}: still below the window`).toBeGreaterThan(sized.window);
        const { loads, heights } = await record(page);
        expect(heights.length, `load ${run}: the host received a height`).toBeGreaterThan(0);
        waits.push(heights[0][0] - loads[0]);
        // How much of that wait was the explorer starting (its first render's mark, after the frame's own load).
        starts.push(await frame.evaluate(() => {
          const mark = performance.getEntriesByName('summit-fruits:interactive')[0];
          return mark ? mark.startTime - performance.getEntriesByType('navigation')[0].loadEventStart : NaN;
        }));
        const height = (await iframe.boundingBox()).height;

        // The reader scrolls to it: nothing moves any more.
        await iframe.evaluate((f) => f.scrollIntoView());
        await settle(page, frame);
        expect((await iframe.boundingBox()).height, `load ${run}: the same height in view`).toBe(height);
        const [viewport, content] = await measure(frame);
        expect(viewport, `load ${run}: in view, still sized to its content`).toBe(content);
        const after = await record(page);
        const firstHeight = after.heights[0][0];
        const shifted = after.shifts.filter(([time]) => time > firstHeight).reduce((sum, [, value]) => sum + value, 0);
        expect(shifted, `load ${run}: the host's layout shift after the first height`).toBe(0);
        expect(after.violations, `load ${run}: no CSP violation`).toEqual([]);
      } finally {
        await context.close();
      }
    }
    const figures = (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `min ${Math.round(sorted[0])} ms, median ${Math.round(sorted[RUNS >> 1])} ms, max ${Math.round(sorted.at(-1))} ms`;
    };
    const summary = `${variant}, ${RUNS} loads: frame load to first height ${figures(waits)}; of which the explorer starting ${figures(starts)}`;
    console.log(summary);
    test.info().annotations.push({ type: 'measure', description: summary });
  });
}
