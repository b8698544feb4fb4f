// Lighthouse's accessibility category on each view of the release build, served at BASE_URL (as `cargo xtask test`
// does, right after Playwright). Run by hand with `BASE_URL=http://127.0.0.1:PORT/ node e2e/lighthouse.mjs`.
//
// It audits only the accessibility category, in Debian's Chromium, for Cards, Matrix, Article, Timeline, the
// Scorecard with hindsight on and a card's detail open, each as a phone and as a desktop. It prints a table of
// scores and every failing audit, writes target/lighthouse-accessibility.json, and exits non-zero when an audit
// scores below 100, when any audit fails (even one of weight 0, which does not lower the score), or when a page was
// not the view asked for. A score is deterministic, not a timing, so it may gate. Its last line is the summary.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';
import * as chromeLauncher from 'chrome-launcher';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:8080/';
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];
const OUTPUT = new URL('../target/lighthouse-accessibility.json', import.meta.url);

const data = JSON.parse(readFileSync(new URL('../data/potential-fruits.json', import.meta.url), 'utf8'));
const item = data.items[0];

/**
 * The views to audit. Lighthouse audits the page once it has loaded and gone quiet; to be sure it audited the view
 * asked for and not a blank page or another view, each view names audits that must have found something to check
 * there (`present`) and audits that must not (`absent`). Headings, lists and links exist only once the app has drawn
 * the page (index.html has none); meters only on cards (and in a card's detail); tables only in the matrix and the
 * scorecard; marks named by `aria-label` beside visible text only in the matrix. With a card's detail open, the page
 * behind the modal dialog is inert, so its selects (sort, theme) are not checked; on a phone they are folded away
 * behind "Filters and sort" and "More", so the Cards view names them only for the desktop (`presentOnDesktop`).
 */
const RENDERED = ['heading-order', 'list', 'link-name'];
const views = [
  {
    name: 'Cards',
    fragment: '',
    present: ['aria-meter-name'],
    presentOnDesktop: ['select-name'],
    absent: ['td-headers-attr'],
  },
  {
    name: 'Matrix',
    fragment: '#view=matrix',
    present: ['td-headers-attr', 'label-content-name-mismatch'],
    absent: ['aria-meter-name'],
  },
  { name: 'Article', fragment: '#view=article', present: [], absent: ['aria-meter-name', 'td-headers-attr'] },
  { name: 'Timeline', fragment: '#view=timeline', present: [], absent: ['aria-meter-name', 'td-headers-attr'] },
  {
    name: 'Scorecard (hindsight on)',
    fragment: '#view=scorecard&hindsight=1',
    present: ['td-headers-attr'],
    absent: ['aria-meter-name', 'label-content-name-mismatch'],
  },
  {
    name: 'Card detail open',
    fragment: `#item=${item.id}`,
    present: ['aria-meter-name'],
    absent: ['select-name', 'td-headers-attr'],
  },
];

/** Lighthouse's two form factors: a phone (its default, 412 px wide) and a desktop (1350 px). */
const formFactors = [
  { name: 'mobile', config: { extends: 'lighthouse:default', settings: { onlyCategories: ['accessibility'] } } },
  {
    name: 'desktop',
    config: { ...desktopConfig, settings: { ...desktopConfig.settings, onlyCategories: ['accessibility'] } },
  },
];

/** Where a failing audit found its problem: the first few nodes' selectors and labels. */
function failingNodes(audit) {
  const items = audit.details?.items ?? [];
  return items.slice(0, 8).map((entry) => {
    const node = entry.node ?? {};
    return { selector: node.selector ?? '', snippet: node.snippet ?? '', explanation: node.explanation ?? '' };
  });
}

const checked = (audit) => audit && audit.scoreDisplayMode !== 'notApplicable';

async function auditView(port, view, formFactor) {
  const url = new URL(view.fragment, BASE_URL).href;
  const runner = await lighthouse(url, { port, logLevel: 'error', output: 'json' }, formFactor.config);
  if (!runner?.lhr) throw new Error(`Lighthouse returned no result for ${url}`);
  const { lhr } = runner;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const category = lhr.categories.accessibility;
  const audits = category.auditRefs.map((ref) => ({ ...lhr.audits[ref.id], weight: ref.weight }));
  // Every audit that ran and did not pass, whatever its weight: a weight-0 audit does not lower the score, but what
  // it found is a problem all the same.
  const failing = audits
    .filter((a) => a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric')
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => ({ id: a.id, title: a.title, weight: a.weight, nodes: failingNodes(a) }));
  const problems = [
    ...[...RENDERED, ...view.present, ...(formFactor.name === 'desktop' ? view.presentOnDesktop ?? [] : [])]
      .filter((id) => !checked(lhr.audits[id]))
      .map((id) => `audit "${id}" found nothing to check, so this is not the ${view.name} view as drawn by the app`),
    ...view.absent
      .filter((id) => checked(lhr.audits[id]))
      .map((id) => `audit "${id}" found something to check, so this is not the ${view.name} view`),
  ];
  return {
    name: view.name,
    formFactor: formFactor.name,
    url,
    finalUrl: lhr.finalDisplayedUrl,
    score: category.score,
    failing,
    problems,
    audits: Object.fromEntries(
      audits.map((a) => [a.id, { score: a.score, weight: a.weight, scoreDisplayMode: a.scoreDisplayMode, title: a.title }]),
    ),
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent ?? '',
  };
}

const percent = (score) => String(Math.round(score * 100));

async function main() {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const results = [];
  try {
    for (const formFactor of formFactors) {
      for (const view of views) {
        const result = await auditView(chrome.port, view, formFactor);
        results.push(result);
        const notes = [
          result.failing.length ? `${result.failing.length} failing audits` : '',
          result.problems.length ? `${result.problems.length} problems` : '',
        ].filter(Boolean);
        console.log(`lighthouse: ${view.name}, ${formFactor.name}: ${percent(result.score)}${notes.length ? ` (${notes.join(', ')})` : ''}`);
      }
    }
  } finally {
    await chrome.kill();
  }

  // The table of scores, then every failing audit with where it failed.
  const width = Math.max(...views.map((v) => v.name.length), 'view'.length);
  console.log(`\nLighthouse ${results[0]?.lighthouseVersion} accessibility scores at ${BASE_URL}`);
  console.log(`${'view'.padEnd(width)}  ${formFactors.map((f) => f.name.padStart(7)).join('  ')}  failing audits`);
  for (const view of views) {
    const rows = results.filter((r) => r.name === view.name);
    const failing = [...new Set(rows.flatMap((r) => r.failing.map((f) => `${f.id} (${r.formFactor})`)))].join(', ') || '-';
    const scores = formFactors.map((f) => percent(rows.find((r) => r.formFactor === f.name).score).padStart(7)).join('  ');
    console.log(`${view.name.padEnd(width)}  ${scores}  ${failing}`);
  }
  for (const r of results) {
    for (const f of r.failing) {
      console.log(`\n${r.name}, ${r.formFactor}: ${f.id} (weight ${f.weight}): ${f.title}`);
      for (const n of f.nodes) {
        console.log(`  ${n.selector} ${n.snippet}`);
        if (n.explanation) console.log(`    ${n.explanation.split('\n').map((l) => l.trim()).join(' ')}`);
      }
    }
    for (const p of r.problems) console.log(`\n${r.name}, ${r.formFactor}: ${p}`);
  }

  const bad = results.filter((r) => r.score < 1 || r.failing.length > 0 || r.problems.length > 0);
  const summary =
    bad.length === 0
      ? `lighthouse accessibility: 100 in all ${results.length} audits (${views.length} views, ${formFactors.map((f) => f.name).join(' and ')}), no failing audit`
      : `lighthouse accessibility: ${bad.length} of ${results.length} audits below 100, with a failing audit or not of their view: ` +
        bad.map((r) => `${r.name} ${r.formFactor} ${percent(r.score)}`).join(', ');
  mkdirSync(new URL('.', OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, `${JSON.stringify({ baseUrl: BASE_URL, summary, results }, null, 2)}\n`);
  console.log(`\nwrote ${OUTPUT.pathname}`);
  console.log(summary);
  return bad.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`lighthouse accessibility: could not run: ${error?.stack ?? error}`);
    process.exit(2);
  },
);
