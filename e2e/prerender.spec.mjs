// The prerender step of the build (`cargo xtask prerender`, xtask/src/postbuild/prerender.rs) on a data set of its
// own: text with `$` patterns, which a replacement string would expand in many languages, and markup land in the page
// exactly as written.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { loadData } from './helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = '<!-- prerendered content -->';

test('titles with $\', $&, $` and $$ prerender exactly', async ({ page }) => {
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
    await expect(page.locator('.prerender-card h2').first()).toHaveText(itemTitle);
    await expect(page.locator('.prerender-card')).toHaveCount(data.items.length);
    await expect(page.locator('#after')).toHaveCount(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
