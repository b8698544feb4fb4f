// Other data sets: a reader's own JSON through the file picker, a drop or ?data=, checked before it is shown;
// refused data sets list their problems, hostile text stays text.
import zlib from 'node:zlib';
import { test, expect } from '@playwright/test';
import { startProxy } from './servers.mjs';
import { openExplorer, watchErrors, loadData, resultCount, countText, expectNoAxeViolations } from './helpers.mjs';

const BUNDLED_TITLE = 'Potential Fruits of the Biden-Putin Summit';
const TOTAL = loadData().items.length;

/** A copy of the bundled data set, changed by `mutate`, as a file for `setInputFiles`. */
function dataFile(name, mutate) {
  const data = loadData();
  mutate(data);
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data, null, 2)) };
}

/** Opens the "Use another data set" bar and picks `file`. */
async function pick(page, file) {
  await page.getByText('Use another data set', { exact: true }).click();
  await page.getByLabel(/^Data set file/).setInputFiles(file);
}

const refusal = (page) => page.getByRole('alert').filter({ hasText: 'This data set was refused' });
const backButton = (page) => page.getByRole('button', { name: 'Back to the bundled data set' });

test('a valid modified data set from the file picker replaces the bundled one', async ({ page }) => {
  const errors = watchErrors(page);
  await openExplorer(page);
  const title = 'Restore the diplomatic missions (changed for this test)';
  await pick(page, dataFile('my-fruits.json', (d) => { d.items[0].title = title; }));

  await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
  await expect(page.getByText('You are exploring another data set: my-fruits.json.')).toBeVisible();
  await expect(resultCount(page)).toHaveText(countText(TOTAL, TOTAL));
  await expect(refusal(page)).toHaveCount(0);
  await expectNoAxeViolations(page, 'another data set, with the data bar open');

  // And back.
  await backButton(page).click();
  await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
  await expect(page.locator('h1')).toHaveText(BUNDLED_TITLE);
  expect(errors).toEqual([]);
});

test('a broken data set is refused with every problem path, and the bundled one comes back', async ({ page }) => {
  const errors = watchErrors(page);
  await openExplorer(page);
  await pick(page, dataFile('broken.json', (d) => {
    d.items[1].id = d.items[0].id;
    d.items[0].related = ['no-such-item'];
    d.article.url = 'javascript:alert(1)';
  }));

  const panel = refusal(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('This data set was refused');
  await expect(panel).toContainText('broken.json');
  const paths = await panel.locator('.problem-path').allTextContents();
  expect(paths).toEqual(expect.arrayContaining(['$.article.url', '$.items[0].related[0]', '$.items[1].id']));
  await expect(panel.locator('li').filter({ hasText: '$.items[1].id' })).toContainText('duplicate item id');
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(panel).toBeFocused();
  await expectNoAxeViolations(page, 'the refusal panel');

  await backButton(page).click();
  await expect(page.locator('h1')).toHaveText(BUNDLED_TITLE);
  await expect(resultCount(page)).toHaveText(countText(TOTAL, TOTAL));
  await expect(refusal(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a file over 16 MiB is refused before it is read', async ({ page }) => {
  await openExplorer(page);
  const buffer = Buffer.alloc(16 * 1024 * 1024 + 1, 0x20);
  await pick(page, { name: 'huge.json', mimeType: 'application/json', buffer });
  await expect(refusal(page)).toContainText('the file is 16777217 bytes');
  await expect(refusal(page)).toContainText('it was not read');
});

test('markup and <script> in a title are shown as text, never run', async ({ page }) => {
  const errors = watchErrors(page);
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await openExplorer(page);
  const scriptsBefore = await page.evaluate(() => document.querySelectorAll('script').length);
  const hostile = '<script>window.__pwned = 1; alert(1)</script><img src=x onerror="window.__pwned = 2">';
  await pick(page, dataFile('hostile.json', (d) => {
    d.items[0].title = hostile;
    d.article.title = `<b>${BUNDLED_TITLE}</b>`;
  }));

  await expect(page.getByRole('heading', { name: hostile }).first()).toBeVisible();
  await expect(page.locator('h1')).toHaveText(`<b>${BUNDLED_TITLE}</b>`);
  await expect(page.locator('h1 b')).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(scriptsBefore);
  expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('a file dropped onto the page is loaded', async ({ page }) => {
  const errors = watchErrors(page);
  await openExplorer(page);
  const data = loadData();
  data.items[0].title = 'Dropped in';
  const json = JSON.stringify(data);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, json);
  await expect(page.getByRole('heading', { name: 'Dropped in' }).first()).toBeVisible();
  await expect(page.getByText('You are exploring another data set: dropped.json.')).toBeVisible();
  expect(errors).toEqual([]);
});

test('?data= loads a data set from the same origin', async ({ page }) => {
  const errors = watchErrors(page);
  await openExplorer(page, '?data=potential-fruits.json');
  await expect(page.getByText('You are exploring another data set: potential-fruits.json.')).toBeVisible();
  await expect(resultCount(page)).toHaveText(countText(TOTAL, TOTAL));

  // Back to the bundled data set drops ?data= from the address, so a reload shows the bundled one.
  await backButton(page).click();
  await expect(page.getByText('You are exploring another data set')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.has('data')).toBe(false);
  expect(errors).toEqual([]);
});

test('?data= with a missing file is refused with the server answer', async ({ page }) => {
  await page.goto('?data=no-such-file.json');
  await expect(refusal(page)).toContainText('404');
  await backButton(page).click();
  await expect(page.locator('h1')).toHaveText(BUNDLED_TITLE);
});

test('?data= that cannot be fetched is refused with the reason, and the console stays clean', async ({ page }) => {
  const errors = watchErrors(page);
  // Nothing listens on port 9 (discard), and the page's policy allows no connection to it anyway.
  await page.goto('?data=http://127.0.0.1:9/mine.json');
  await expect(refusal(page)).toContainText('the data set could not be fetched (TypeError: ');
  await expect(refusal(page)).toContainText('another site must allow it (CORS)');
  await backButton(page).click();
  await expect(page.locator('h1')).toHaveText(BUNDLED_TITLE);
  expect(errors.filter((e) => !/Content Security Policy|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
});

/** Writes `chunk` to `res` until the client goes away, waiting for each write to drain; returns the tally. */
function sendForever(stream, res, chunk) {
  const tally = { sent: 0, closed: false };
  res.on('close', () => { tally.closed = true; });
  const pump = () => {
    while (!tally.closed) {
      tally.sent += chunk.length;
      if (!stream.write(chunk)) return stream.once('drain', pump);
    }
  };
  pump();
  return tally;
}

// A filler line of JSON-looking text, 64 KiB.
const FILLER = Buffer.from(`${' '.repeat(65_535)}\n`);

test('?data= without Content-Length is read only up to 16 MiB, then the stream is cancelled', async ({ page }) => {
  let tally;
  const proxy = await startProxy(process.env.BASE_URL || 'http://127.0.0.1:8080/', {
    // Chunked transfer, no Content-Length, and no end: only the reader's limit stops it.
    '/endless.json': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items": [');
      tally = sendForever(res, res, FILLER);
    },
  });
  try {
    await page.goto(`${proxy.url}?data=endless.json`);
    await expect(refusal(page)).toContainText('over the limit of 16777216 bytes (16.0 MiB); it was read no further');
    await expect.poll(() => tally?.closed, { message: 'the page cancelled the endless body' }).toBe(true);
    expect(tally.sent).toBeGreaterThan(16 * 1024 * 1024);
    await backButton(page).click();
    await expect(page.locator('h1')).toHaveText(BUNDLED_TITLE);
  } finally {
    await proxy.close();
  }
});

test('?data= with a gzip body is held to 16 MiB decoded, whatever its Content-Length', async ({ page }) => {
  // 24 MiB of JSON-looking text that gzip makes about 24 KiB: Content-Length announces the small number.
  const decoded = Buffer.concat([Buffer.from('{"items": ['), Buffer.alloc(24 * 1024 * 1024, 0x20)]);
  const gzipped = zlib.gzipSync(decoded, { level: 9 });
  expect(gzipped.length).toBeLessThan(1024 * 1024);
  let endlessTally;
  const proxy = await startProxy(process.env.BASE_URL || 'http://127.0.0.1:8080/', {
    '/bomb.json': (req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(gzipped.length),
      });
      res.end(gzipped);
    },
    // And a gzip stream that never ends: the decoded bytes are what counts, not the transfer.
    '/endless-gzip.json': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      const gzip = zlib.createGzip({ level: 1 });
      gzip.pipe(res);
      endlessTally = sendForever(gzip, res, FILLER);
      res.on('close', () => gzip.destroy());
    },
  });
  try {
    await page.goto(`${proxy.url}?data=bomb.json`);
    await expect(refusal(page)).toContainText('over the limit of 16777216 bytes (16.0 MiB); it was read no further');

    await page.goto(`${proxy.url}?data=endless-gzip.json`);
    await expect(refusal(page)).toContainText('over the limit of 16777216 bytes (16.0 MiB); it was read no further');
    await expect.poll(() => endlessTally?.closed, { message: 'the page cancelled the endless body' }).toBe(true);
  } finally {
    await proxy.close();
  }
});

test('?data= is fetched without cookies', async ({ page, context }) => {
  const data = Buffer.from(JSON.stringify(loadData()));
  const proxy = await startProxy(process.env.BASE_URL || 'http://127.0.0.1:8080/', {
    '/mine.json': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(data.length) });
      res.end(data);
    },
  });
  try {
    await context.addCookies([{ name: 'session', value: 'secret', url: proxy.url }]);
    await openExplorer(page, `${proxy.url}?data=mine.json`);
    await expect(page.getByText('You are exploring another data set: mine.json.')).toBeVisible();
    const page_ = proxy.requests.find((r) => r.path.startsWith('/?data='));
    const fetched = proxy.requests.find((r) => r.path === '/mine.json');
    // The page itself was asked for with the cookie, so the browser had it to send.
    expect(page_?.cookie).toBe('session=secret');
    expect(fetched, 'the data set was requested').toBeTruthy();
    expect(fetched.cookie).toBeUndefined();
  } finally {
    await proxy.close();
  }
});
