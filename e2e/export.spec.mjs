// Downloads of what the explorer shows: the filtered items as CSV and JSON (parsed and compared with the page; the JSON
// passes the project's validator), the matrix as SVG (well-formed, a mark per shown item, the theme's colours inside)
// and as PNG (signature, twice the matrix's size); the controls work from the keyboard, pass axe and are not printed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { openExplorer, watchErrors, expectNoAxeViolations, loadData, itemMentions } from './helpers.mjs';

const data = loadData();
const LOW = 'low-hanging';
const lowHanging = data.items.filter((i) => i.category === LOW);
const cards = (page) => page.getByRole('main').getByRole('article');
const XTASK = new URL('../target/debug/xtask', import.meta.url).pathname;

/** RFC 4180 CSV (quoted fields with commas, doubled quotes and line breaks) into rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Clicks `button` and returns the download it starts: its suggested name and its bytes. */
async function download(page, button, press = false) {
  const started = page.waitForEvent('download');
  if (press) {
    await page.keyboard.press('Enter');
  } else {
    await button.click();
  }
  const file = await started;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** Presses Tab until `target` has focus (at most 80 times), so the control is reached the way a keyboard user would. */
async function tabTo(page, target) {
  for (let i = 0; i < 80; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the control was not reached with Tab');
}

test.describe('downloads of the results', () => {
  test('CSV of a filtered view has one row per shown item, in the shown order, with the article’s words', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, `#cat=${LOW}&sort=title`);
    await expect(cards(page)).toHaveCount(lowHanging.length);
    const button = page.getByRole('button', { name: `Download ${lowHanging.length} items as CSV` });
    const { name, bytes } = await download(page, button);
    expect(name).toBe('summit-fruits-items.csv');

    const text = bytes.toString('utf8');
    expect(text.startsWith('\ufeff'), 'a UTF-8 byte order mark for spreadsheets').toBe(true);
    const [headers, ...rows] = parseCsv(text.slice(1));
    expect(headers.slice(0, 8)).toEqual([
      'id', 'category', 'category_label', 'title', 'summary', 'feasibility_level', 'feasibility_label', 'feasibility_rationale',
    ]);
    expect(rows).toHaveLength(lowHanging.length);
    const col = (h) => headers.indexOf(h);
    // The same titles, in the same order as the cards on the page.
    const shownTitles = await cards(page).getByRole('heading', { level: 3 }).allTextContents();
    expect(rows.map((r) => r[col('title')])).toEqual(shownTitles);
    for (const row of rows) {
      const item = data.items.find((i) => i.id === row[col('id')]);
      expect(row[col('category')]).toBe(LOW);
      expect(row[col('feasibility_rationale')]).toBe(item.feasibility.rationale);
      expect(row[col('evidence')].split('\n')).toEqual(
        item.evidence.map((q) => `${q.quote} (${q.section}, paragraph ${q.paragraph})`),
      );
    }
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
      `Saved ${lowHanging.length} items as summit-fruits-items.csv.`,
    );
    expect(errors).toEqual([]);
  });

  test('JSON of a search is a data set of exactly the shown items that passes the validator', async ({ page }) => {
    const errors = watchErrors(page);
    const word = 'arms';
    const matching = data.items.filter((i) => itemMentions(i, word));
    await openExplorer(page, `#q=${word}`);
    await expect(cards(page)).toHaveCount(matching.length);
    const noun = matching.length === 1 ? 'item' : 'items';
    const { name, bytes } = await download(
      page,
      page.getByRole('button', { name: `Download ${matching.length} ${noun} as JSON` }),
    );
    expect(name).toBe('summit-fruits-items.json');
    const subset = JSON.parse(bytes.toString('utf8'));
    expect(subset.items.map((i) => i.id)).toEqual(matching.map((i) => i.id));
    const shownTitles = await cards(page).getByRole('heading', { level: 3 }).allTextContents();
    expect(subset.items.map((i) => i.title).sort()).toEqual([...shownTitles].sort());
    expect(subset.article).toEqual(data.article);
    const kept = new Set(matching.map((i) => i.id));
    for (const item of subset.items) for (const id of item.related) expect(kept.has(id)).toBe(true);
    for (const event of subset.events) for (const id of event.items) expect(kept.has(id)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'summit-export-'));
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const report = execFileSync(XTASK, ['validate', file], { encoding: 'utf8' });
    expect(report).toContain(`valid: ${matching.length} items`);
    expect(errors).toEqual([]);
  });

  test('the download buttons are reached and used from the keyboard, and pass axe with their status shown', async ({ page }) => {
    await openExplorer(page, `#cat=${LOW}`);
    const button = page.getByRole('button', { name: `Download ${lowHanging.length} items as JSON` });
    await tabTo(page, button);
    const { name } = await download(page, button, true);
    expect(name).toBe('summit-fruits-items.json');
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await expectNoAxeViolations(page, 'cards with the download buttons and their status');
  });

  test('no download is offered for an empty result', async ({ page }) => {
    await openExplorer(page, '#q=zzzzqqqq');
    await expect(page.getByText('No prospect or risk matches these filters.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Download / })).toHaveCount(0);
  });

  test('the download buttons and the matrix’s save buttons are not printed', async ({ page }) => {
    await openExplorer(page, `#view=matrix&cat=${LOW}`);
    const controls = [
      page.getByRole('button', { name: /^Download \d+ items? as CSV$/ }),
      page.getByRole('button', { name: 'Save as SVG' }),
      page.getByRole('button', { name: 'Save as PNG' }),
    ];
    for (const control of controls) await expect(control).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const control of controls) await expect(control).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    for (const control of controls) await expect(control).toBeVisible();
  });
});

test.describe('the matrix as a picture', () => {
  test('SVG: a well-formed standalone file with a title, the theme’s styles and a mark per shown item', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, `#view=matrix&cat=${LOW}&excluded=hide`);
    await page.getByLabel('Theme').selectOption({ label: 'Dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const save = page.getByRole('button', { name: 'Save as SVG' });
    await tabTo(page, save);
    const { name, bytes } = await download(page, save, true);
    expect(name).toBe('summit-fruits-matrix.svg');
    const text = bytes.toString('utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);

    // Parsed as XML (not HTML) in the browser: any error gives a <parsererror> document. The parse runs in a blank
    // page, since a parsed document with a <style> would be checked against the explorer's own policy.
    const blank = await page.context().newPage();
    const parsed = await blank.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const root = doc.documentElement;
      const marks = [...doc.querySelectorAll('[data-item]')];
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: root.localName,
        namespace: root.namespaceURI,
        title: root.querySelector(':scope > title')?.textContent,
        style: root.querySelector(':scope > style')?.textContent ?? '',
        items: marks.map((m) => m.getAttribute('data-item')),
        names: marks.map((m) => m.querySelector('title')?.textContent ?? ''),
        links: doc.querySelectorAll('[href], [tabindex]').length,
      };
    }, text);
    await blank.close();
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
    expect(parsed.title).toBe(`Feasibility by domain: ${data.article.title}`);
    // The dark theme's colours are written in; no custom property needs the page's CSS.
    expect(parsed.style).toContain('.matrix-col{fill:#1d2026}');
    expect(parsed.style).not.toContain('var(');
    expect(parsed.links).toBe(0);
    expect(new Set(parsed.items)).toEqual(new Set(lowHanging.map((i) => i.id)));
    for (const [n, id] of parsed.items.entries()) {
      const item = lowHanging.find((i) => i.id === id);
      expect(parsed.names[n].startsWith(`${item.title}: `)).toBe(true);
    }
    await expect(page.getByRole('status').filter({ hasText: 'Saved the matrix' })).toHaveText(
      'Saved the matrix as summit-fruits-matrix.svg.',
    );
    expect(errors).toEqual([]);
  });

  test('PNG: a PNG at twice the matrix’s size, and the matrix with its save controls passes axe', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, `#view=matrix&cat=${LOW}`);
    const svg = page.locator('svg.matrix-svg');
    const width = Number(await svg.getAttribute('width'));
    const height = Number(await svg.getAttribute('height'));
    const { name, bytes } = await download(page, page.getByRole('button', { name: 'Save as PNG' }));
    expect(name).toBe('summit-fruits-matrix.png');
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(bytes.readUInt32BE(16)).toBe(Math.ceil(width * 2));
    expect(bytes.readUInt32BE(20)).toBe(Math.ceil(height * 2));
    expect(bytes.length, 'a picture with content, not an empty canvas').toBeGreaterThan(20_000);
    await expect(page.getByRole('status').filter({ hasText: 'Saved the matrix' })).toHaveText(
      'Saved the matrix as summit-fruits-matrix.png.',
    );
    await expectNoAxeViolations(page, 'the matrix with its save buttons and status');
    expect(errors).toEqual([]);
  });
});
