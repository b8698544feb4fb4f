// The browser half of `cargo xtask bench`, which builds the release bundle, prepares the served folder (the bundle, a
// static comparison page and synthetic data sets), serves it on loopback and runs this with the settings below.
//
// It measures, in Debian's headless Chromium driven by Playwright and the DevTools protocol:
// - cold loads of the app and of the static page (same cards, same CSS, no JavaScript), interleaved, each in a new
//   browser context with the cache disabled, once as a fast 4G phone (network and 4x CPU slowdown emulated) and once
//   without emulation: time to the first card painted (Element Timing) and to interactive;
// - the latency from a keystroke in the search box, and from a click on a facet checkbox, to the next paint, and the
//   memory after load (JS heap plus wasm linear memory), on the article's data set and on each synthetic one (the
//   next paint that shows the page changed, once the changes have stopped: see armLatency);
// - Lighthouse's performance category with its default mobile emulation, for the app and the static page.
// Sizes come from the Rust side (xtask/src/size.rs, BENCH_SIZES); brotli is added here with Node's zlib.
// It prints one table and writes everything to BENCH_OUTPUT (target/bench/bench.json). Nothing here is asserted:
// timings vary from run to run and machine to machine.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_FLAGS } from '../e2e/chromium.mjs';

const env = (name, fallback) => process.env[name] ?? fallback;
const BASE_URL = env('BASE_URL', 'http://127.0.0.1:8080/');
const STATIC_PAGE = env('BENCH_STATIC_PAGE', 'static.html');
const LOADS = Number(env('BENCH_LOADS', '10'));
const INTERACTIONS = Number(env('BENCH_INTERACTIONS', '50'));
const RUN_LIGHTHOUSE = env('BENCH_LIGHTHOUSE', '1') === '1';
const SIZES_FILE = env('BENCH_SIZES', 'target/bench/sizes.json');
const OUTPUT = env('BENCH_OUTPUT', 'target/bench/bench.json');
const SITE = env('BENCH_SITE', 'target/bench/site');
/** "1000=synthetic-1000.json,10000=synthetic-10000.json": the synthetic data sets in the served folder. */
const DATASETS = env('BENCH_DATASETS', '')
  .split(',')
  .filter(Boolean)
  .map((pair) => {
    const [items, file] = pair.split('=');
    return { items: Number(items), file };
  });

const INTERACTIVE_MARK = 'summit-fruits:interactive';
const LOAD_TIMEOUT = 180_000;

/** Fast 4G as Chrome DevTools' preset: 9 Mbit/s down, 1.5 Mbit/s up, 60 ms round trip; CPU 4x slower. */
const FAST_4G = {
  offline: false,
  latency: 60,
  downloadThroughput: (9 * 1000 * 1000) / 8,
  uploadThroughput: (1.5 * 1000 * 1000) / 8,
  connectionType: 'cellular4g',
};
const CPU_SLOWDOWN = 4;
const CONDITIONS = [
  {
    name: 'fast 4G phone',
    key: 'fast4g',
    network: FAST_4G,
    cpu: CPU_SLOWDOWN,
    context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  },
  { name: 'no emulation', key: 'none', network: null, cpu: 1, context: { viewport: { width: 1280, height: 800 } } },
];

/**
 * Runs in every page before its own scripts: records Element Timing entries (the first card's title link is named
 * "first-card"; the app draws the prerendered page with its own components and, on the default view, takes it over,
 * so the link painted first is the app's) and keeps the wasm memory that boot.js hands over with
 * `TrunkApplicationStarted`.
 */
function pageProbe() {
  const bench = { elements: [], wasmMemory: null };
  window.__bench = bench;
  addEventListener('TrunkApplicationStarted', (event) => {
    bench.wasmMemory = event.detail?.wasm?.memory ?? null;
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      bench.elements.push({
        identifier: entry.identifier,
        time: entry.renderTime || entry.loadTime,
        tag: entry.element ? entry.element.tagName.toLowerCase() : '',
      });
    }
  }).observe({ type: 'element', buffered: true });
}

// ----------------------------------------------------------------------------------------------------------------
// Statistics
// ----------------------------------------------------------------------------------------------------------------

/** The p-th percentile (0-100) by the nearest-rank method. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function summary(values) {
  return {
    n: values.length,
    median: percentile(values, 50),
    p25: percentile(values, 25),
    p75: percentile(values, 75),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
    values: values.map((v) => Math.round(v * 10) / 10),
  };
}

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '-');
const spread = (s) => `${ms(s.median)} (${Math.round(s.p25)}–${Math.round(s.p75)})`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

// ----------------------------------------------------------------------------------------------------------------
// Cold loads
// ----------------------------------------------------------------------------------------------------------------

async function newPage(browser, condition) {
  const context = await browser.newContext(condition.context);
  context.setDefaultTimeout(LOAD_TIMEOUT);
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (condition.network) await cdp.send('Network.emulateNetworkConditions', condition.network);
  if (condition.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
  return { context, page, cdp };
}

/** One cold load of `path`: when the first card was painted and when the page was interactive, from navigation start. */
async function coldLoad(browser, condition, path, isApp) {
  const { context, page } = await newPage(browser, condition);
  try {
    await page.goto(new URL(path, BASE_URL).href, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    if (isApp) {
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, INTERACTIVE_MARK, {
        timeout: LOAD_TIMEOUT,
      });
    }
    // The first card painted, and for the app also its own first card (its title link), which is the prerendered one when
    // the app hydrated it, and otherwise may be painted a frame after the interactive mark.
    await page.waitForFunction(
      (isApp) => window.__bench.elements.some((e) => e.identifier === 'first-card' && (!isApp || e.tag === 'a')),
      isApp,
      { timeout: LOAD_TIMEOUT },
    );
    return await page.evaluate(
      ([mark, isApp]) => {
        const cards = window.__bench.elements.filter((e) => e.identifier === 'first-card');
        const firstCard = Math.min(...cards.map((e) => e.time));
        const drawnByApp = cards.filter((e) => e.tag === 'a').map((e) => e.time);
        const [navigation] = performance.getEntriesByType('navigation');
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        // Interactive: the app once it has drawn and listens (its performance mark); the static page once its
        // document is parsed (DOMContentLoaded). Neither before the first card is on screen.
        const ready = isApp ? performance.getEntriesByName(mark)[0].startTime : navigation.domContentLoadedEventEnd;
        const resources = performance.getEntriesByType('resource');
        return {
          firstCard,
          interactive: Math.max(ready, firstCard),
          appFirstCard: drawnByApp.length ? Math.min(...drawnByApp) : null,
          fcp,
          load: navigation.loadEventEnd,
          bytes: navigation.encodedBodySize + resources.reduce((sum, r) => sum + r.encodedBodySize, 0),
          requests: 1 + resources.length,
        };
      },
      [INTERACTIVE_MARK, isApp],
    );
  } finally {
    await context.close();
  }
}

async function measureLoads(browser) {
  const pages = [
    { key: 'app', name: 'app', path: './', isApp: true },
    { key: 'static', name: 'static HTML', path: STATIC_PAGE, isApp: false },
  ];
  const results = {};
  for (const condition of CONDITIONS) {
    const samples = { app: [], static: [] };
    // Interleaved, so that whatever else the machine is doing weighs on both pages alike.
    for (let i = 0; i < LOADS; i += 1) {
      for (const p of pages) {
        samples[p.key].push(await coldLoad(browser, condition, p.path, p.isApp));
      }
    }
    console.log(`bench: ${LOADS} cold loads of each page, ${condition.name}`);
    const of = (key, field) => summary(samples[key].map((s) => s[field]).filter((v) => v !== null));
    results[condition.key] = {
      condition: condition.name,
      network: condition.network,
      cpuSlowdown: condition.cpu,
      viewport: condition.context.viewport,
      app: {
        firstCard: of('app', 'firstCard'),
        interactive: of('app', 'interactive'),
        appFirstCard: of('app', 'appFirstCard'),
        fcp: of('app', 'fcp'),
        bytes: samples.app[0].bytes,
        requests: samples.app[0].requests,
      },
      static: {
        firstCard: of('static', 'firstCard'),
        interactive: of('static', 'interactive'),
        fcp: of('static', 'fcp'),
        bytes: samples.static[0].bytes,
        requests: samples.static[0].requests,
      },
    };
    const r = results[condition.key];
    r.ratio = {
      firstCard: r.app.firstCard.median / r.static.firstCard.median,
      interactive: r.app.interactive.median / r.static.interactive.median,
    };
  }
  return results;
}

// ----------------------------------------------------------------------------------------------------------------
// Interactions and memory, per data set size
// ----------------------------------------------------------------------------------------------------------------

/**
 * Arms a one-shot listener for the next `type` event (capture phase, before the app's handlers) that resolves with the
 * time from the event's timestamp to the first paint that shows the app's answer in full. The app may change the page
 * in the event's own task or in later ones, so a MutationObserver watches the page: after each frame (a
 * requestAnimationFrame callback runs just before a frame is painted, and a message posted from it arrives in a task
 * after that paint) the frame counts as the answer's paint if the page changed before it, and the answer is complete
 * once two frames in a row follow with no change. Resolves with NaN if the page does not change within 120 s.
 */
function armLatency(type) {
  window.__bench.latency = new Promise((resolve) => {
    document.addEventListener(
      type,
      (event) => {
        const start = event.timeStamp;
        let changed = false;
        let answered = NaN;
        let quietFrames = 0;
        const observer = new MutationObserver(() => {
          changed = true;
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const afterNextPaint = (callback) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = callback;
            channel.port2.postMessage(null);
          });
        const check = () => {
          const now = performance.now();
          if (changed) {
            changed = false;
            answered = now;
            quietFrames = 0;
          } else if (!Number.isNaN(answered)) {
            quietFrames += 1;
          }
          if (quietFrames >= 2 || now - start > 120_000) {
            observer.disconnect();
            resolve(answered - start);
          } else {
            afterNextPaint(check);
          }
        };
        afterNextPaint(check);
      },
      { capture: true, once: true },
    );
  });
}

async function timed(page, type, action) {
  await page.evaluate(armLatency, type);
  await action();
  const latency = await page.evaluate(() => window.__bench.latency);
  if (!Number.isFinite(latency)) throw new Error(`the page did not change within 120 s of a ${type}`);
  return latency;
}

const SEARCH_WORD = 'nuclear';

async function measureSize(browser, dataset) {
  const condition = { network: null, cpu: 1, context: { viewport: { width: 1280, height: 800 } } };
  const { context, page, cdp } = await newPage(browser, condition);
  try {
    const path = dataset.file ? `./?data=${encodeURIComponent(dataset.file)}` : './';
    await page.goto(new URL(path, BASE_URL).href, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, INTERACTIVE_MARK, {
      timeout: LOAD_TIMEOUT,
    });
    // The data set shown is the one asked for, whole: the result summary counts its items.
    await page.getByText(`Showing all ${dataset.items} prospects and risks`).waitFor({ timeout: LOAD_TIMEOUT });

    // Memory after load, once garbage is collected.
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasmBytes = await page.evaluate(() => window.__bench.wasmMemory?.buffer.byteLength ?? null);
    if (wasmBytes === null) throw new Error('boot.js did not hand over the wasm memory');

    // Keystrokes: type the word and delete it again, one key at a time.
    const search = page.locator('#search');
    await search.focus();
    const keys = [];
    while (keys.length < INTERACTIONS) {
      keys.push(...SEARCH_WORD.split(''), ...SEARCH_WORD.split('').map(() => 'Backspace'));
    }
    const keystrokes = [];
    for (const key of keys.slice(0, INTERACTIONS)) {
      keystrokes.push(await timed(page, 'keydown', () => page.keyboard.press(key)));
    }
    await search.fill('');

    // Facet toggles: the first enabled option of the first facet, on and off.
    const facet = page.locator('input[type="checkbox"][id^="facet-"]:not([disabled])').first();
    const facetName = await facet.getAttribute('id');
    const toggles = [];
    for (let i = 0; i < INTERACTIONS; i += 1) {
      // No time limit and no waiting after the click: at 10,000 items one toggle may keep the page busy for long.
      toggles.push(await timed(page, 'click', () => facet.click({ timeout: 0, noWaitAfter: true })));
    }
    return {
      items: dataset.items,
      file: dataset.file ?? '(bundled)',
      memory: { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmLinear: wasmBytes, total: heap.usedSize + wasmBytes },
      keystroke: summary(keystrokes),
      facet: { option: facetName, ...summary(toggles) },
    };
  } finally {
    await context.close();
  }
}

// ----------------------------------------------------------------------------------------------------------------
// Lighthouse
// ----------------------------------------------------------------------------------------------------------------

const LIGHTHOUSE_METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];
const LIGHTHOUSE_RUNS = 3;

async function lighthouseRuns(port, path) {
  const url = new URL(path, BASE_URL).href;
  const config = { extends: 'lighthouse:default', settings: { onlyCategories: ['performance'] } };
  const runs = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i += 1) {
    const result = await lighthouse(url, { port, logLevel: 'error', output: 'json' }, config);
    const lhr = result?.lhr;
    if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr?.runtimeError?.message}`);
    runs.push({
      score: lhr.categories.performance.score,
      metrics: Object.fromEntries(LIGHTHOUSE_METRICS.map(([id, name]) => [name, lhr.audits[id].numericValue])),
      version: lhr.lighthouseVersion,
      throttling: lhr.configSettings.throttling,
      throttlingMethod: lhr.configSettings.throttlingMethod,
      formFactor: lhr.configSettings.formFactor,
    });
  }
  // The run with the median score stands for all (Lighthouse's own advice: the median of several runs).
  const sorted = [...runs].sort((a, b) => a.score - b.score);
  return { url, median: sorted[Math.floor(sorted.length / 2)], runs };
}

async function measureLighthouse() {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    logLevel: 'silent',
  });
  try {
    const app = await lighthouseRuns(chrome.port, './');
    const staticPage = await lighthouseRuns(chrome.port, STATIC_PAGE);
    return { app, static: staticPage };
  } finally {
    await chrome.kill();
  }
}

// ----------------------------------------------------------------------------------------------------------------
// Sizes and the table
// ----------------------------------------------------------------------------------------------------------------

function sizesWithBrotli() {
  const sizes = JSON.parse(readFileSync(SIZES_FILE, 'utf8'));
  for (const asset of sizes.assets) {
    const bytes = readFileSync(join('dist', asset.path));
    asset.brotli = brotliCompressSync(bytes, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
  }
  const fetched = sizes.assets.filter((a) => a.defaultView);
  sizes.defaultView = {
    raw: fetched.reduce((s, a) => s + a.raw, 0),
    gzip: fetched.reduce((s, a) => s + a.gzip, 0),
    brotli: fetched.reduce((s, a) => s + a.brotli, 0),
  };
  const staticBytes = readFileSync(join(SITE, STATIC_PAGE));
  sizes.staticPage = { path: STATIC_PAGE, raw: staticBytes.length };
  return sizes;
}

function table(result) {
  const lines = [];
  const row = (cells, widths) => cells.map((c, i) => String(c)[i === 0 ? 'padEnd' : 'padStart'](widths[i])).join('  ');
  const sizes = result.bundle;
  lines.push('Transfer sizes (release bundle; gzip level 9, brotli quality 11)');
  const w = [44, 12, 12, 12];
  lines.push(row(['asset', 'raw', 'gzip', 'brotli'], w));
  for (const a of sizes.assets.filter((x) => x.defaultView)) {
    lines.push(row([a.path, kib(a.raw), kib(a.gzip), kib(a.brotli)], w));
  }
  lines.push(row(['total fetched by the default view', kib(sizes.defaultView.raw), kib(sizes.defaultView.gzip), kib(sizes.defaultView.brotli)], w));
  for (const a of sizes.assets.filter((x) => !x.defaultView)) {
    lines.push(row([`(not fetched) ${a.path}`, kib(a.raw), kib(a.gzip), kib(a.brotli)], w));
  }
  lines.push(
    `budget (xtask/src/size.rs): wasm gzip ${sizes.budget.wasmGzipMeasured} of ${sizes.budget.wasmGzip} B, ` +
      `default view gzip ${sizes.budget.totalGzipMeasured} of ${sizes.budget.totalGzip} B`,
  );

  lines.push('', `Cold loads: median (p25–p75) of ${LOADS} loads each, from navigation start; served gzip-compressed, as static hosts do`);
  const lw = [16, 22, 22, 22, 22, 7, 7];
  lines.push(row(['condition', 'first card: app', 'static HTML', 'interactive: app', 'static HTML', 'ratio', 'ratio'], lw));
  for (const r of Object.values(result.loads)) {
    lines.push(
      row(
        [
          r.condition,
          spread(r.app.firstCard),
          spread(r.static.firstCard),
          spread(r.app.interactive),
          spread(r.static.interactive),
          `${r.ratio.firstCard.toFixed(2)}x`,
          `${r.ratio.interactive.toFixed(2)}x`,
        ],
        lw,
      ),
    );
  }
  for (const r of Object.values(result.loads)) {
    lines.push(
      `  ${r.condition}: first contentful paint ${spread(r.app.fcp)} (static ${spread(r.static.fcp)}); ` +
        `the app drew its own first card at ${spread(r.app.appFirstCard)}; ` +
        `transferred ${kib(r.app.bytes)} in ${r.app.requests} requests (static: ${kib(r.static.bytes)} in ${r.static.requests})`,
    );
  }

  lines.push('', `Input to next paint and memory after load (no emulation, ${INTERACTIONS} interactions each)`);
  const iw = [16, 20, 20, 12, 12, 12];
  lines.push(row(['items', 'keystroke p50/p95', 'facet p50/p95', 'JS heap', 'wasm memory', 'total'], iw));
  for (const s of result.datasets) {
    lines.push(
      row(
        [
          s.file === '(bundled)' ? `${s.items} (article)` : s.items,
          `${ms(s.keystroke.median)} / ${ms(s.keystroke.p95)}`,
          `${ms(s.facet.median)} / ${ms(s.facet.p95)}`,
          mib(s.memory.jsHeapUsed),
          mib(s.memory.wasmLinear),
          mib(s.memory.total),
        ],
        iw,
      ),
    );
  }

  if (result.lighthouse) {
    const lh = result.lighthouse;
    lines.push('', `Lighthouse ${lh.app.median.version} performance, mobile (${lh.app.median.throttlingMethod} throttling), median of ${LIGHTHOUSE_RUNS} runs`);
    const hw = [12, 6, 9, 9, 9, 7, 9];
    lines.push(row(['page', 'score', 'FCP', 'LCP', 'TBT', 'CLS', 'SI'], hw));
    for (const [name, r] of [['app', lh.app.median], ['static HTML', lh.static.median]]) {
      const m = r.metrics;
      lines.push(row([name, Math.round(r.score * 100), ms(m.FCP), ms(m.LCP), ms(m.TBT), m.CLS.toFixed(3), ms(m.SI)], hw));
    }
  }
  return lines.join('\n');
}

async function main() {
  const result = {
    date: new Date().toISOString(),
    baseUrl: BASE_URL,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryBytes: totalmem(), node: process.version },
    settings: { loads: LOADS, interactions: INTERACTIONS, cpuSlowdown: CPU_SLOWDOWN, fast4g: FAST_4G },
    bundle: sizesWithBrotli(),
    loads: null,
    datasets: [],
    lighthouse: null,
  };
  // Written after each stage, so a failure late in a long run keeps what was measured.
  const save = (extra = {}) => {
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, `${JSON.stringify({ ...result, ...extra }, null, 2)}\n`);
  };
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
    result.machine.chromium = browser.version();
    try {
      result.loads = await measureLoads(browser);
      save({ complete: false });
      const article = JSON.parse(readFileSync('data/potential-fruits.json', 'utf8')).items.length;
      for (const dataset of [{ items: article, file: null }, ...DATASETS]) {
        console.log(`bench: interactions and memory, ${dataset.items} items`);
        result.datasets.push(await measureSize(browser, dataset));
        save({ complete: false });
      }
    } finally {
      await browser.close();
    }
    if (RUN_LIGHTHOUSE) {
      console.log('bench: Lighthouse performance, app and static page');
      result.lighthouse = await measureLighthouse();
    }
  } catch (error) {
    save({ complete: false, error: String(error?.stack ?? error) });
    throw error;
  }
  const text = table(result);
  save({ complete: true, table: text });
  console.log(`\n${text}\n\nwrote ${OUTPUT}`);
}

main().catch((error) => {
  console.error(`bench: ${error?.stack ?? error}`);
  process.exit(1);
});
