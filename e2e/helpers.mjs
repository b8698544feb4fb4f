// Shared steps for the journeys: open the explorer, fail on console errors, run axe-core.
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** What the journeys run axe-core with: WCAG 2.2 AA and axe's best practices (landmarks, headings, regions…). */
export const AXE_TAGS = [...WCAG_TAGS, 'best-practice'];
/** axe-core's options for every journey: the tags above, and target-size switched on by name (see below). */
export const AXE_OPTIONS = { runOnly: { type: 'tag', values: AXE_TAGS }, rules: { 'target-size': { enabled: true } } };

/** Collects console errors and uncaught exceptions so a journey can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

/**
 * Opens the explorer at `path` (relative to BASE_URL) and waits until the app has started: the block before the
 * prerendered default view (its loading notice), which the app removes when it starts, is gone and the h1 is there;
 * and, for a view the on-demand module draws (the article, the timeline, the scorecard), until it has drawn it or
 * said why it could not.
 */
export async function openExplorer(page, path = '') {
  await page.goto(path);
  await expect(page.locator('#prerender')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('h1')).toHaveText('Potential Fruits of the Biden-Putin Summit');
  // An address with the hindsight layer on waits for it: it arrives from the on-demand module, one round trip later.
  await expect(page.locator('#main[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await viewsDrawn(page);
}

/** Waits until every view the on-demand module draws on `page` (a page or a frame) is drawn, or says why it is not. */
export async function viewsDrawn(page) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.drawn-view')].every(
        (view) => view.firstElementChild || /could not be/.test(view.nextElementSibling?.textContent ?? ''),
      ),
    null,
    { timeout: 15_000 },
  );
}

/**
 * Runs axe-core with the WCAG 2.2 AA tags and the best practices (target-size included) and expects no violations.
 *
 * `withTags(...).withRules([...])` would not add a rule: each replaces `runOnly`, so only the rules would run.
 * The tags go in `runOnly` and target-size (off by default in axe-core) is switched on by name instead.
 */
export async function expectNoAxeViolations(page, label, { embedded = false } = {}) {
  // An embedded page (?embed=1) is part of its host's page, which has the h1: it has none of its own on purpose
  // (screen-reader.spec.mjs), so the best practice "page-has-heading-one" does not apply to it opened on its own.
  const options = embedded
    ? { ...AXE_OPTIONS, rules: { ...AXE_OPTIONS.rules, 'page-has-heading-one': { enabled: false } } }
    : AXE_OPTIONS;
  const results = await new AxeBuilder({ page }).options(options).analyze();
  expect(results.passes.length, `axe-core ran its WCAG rules in ${label}`).toBeGreaterThan(10);
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id);
  expect(ran.includes('target-size'), `axe-core ran target-size in ${label}`).toBe(true);
  expect(ran.includes('region'), `axe-core ran the best-practice rule region in ${label}`).toBe(true);
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.help}; e.g. ${firstLine(v.nodes[0]?.failureSummary)}) on ${v.nodes.length} element(s): ` +
      v.nodes.map((n) => n.target.join(' ')).join(', '),
  );
  expect(summary, `axe-core violations in ${label}`).toEqual([]);
}

function firstLine(text = '') {
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('Fix ')).slice(0, 2).join(' ');
}

/** The open data set the app bundles, read from the repository so tests never hard-code its numbers. */
export function loadData() {
  return JSON.parse(readFileSync(new URL('../data/potential-fruits.json', import.meta.url), 'utf8'));
}

/** Opens the explorer embedded (`?embed=1`, no page header): waits for the result count instead of the title. */
export async function openEmbedded(page, path = '?embed=1') {
  await page.goto(path);
  // The prerendered default view has a result count too: wait until the app has started.
  await expect(page.locator('#prerender')).toHaveCount(0, { timeout: 15_000 });
  await expect(resultCount(page)).toHaveText(/^Showing /);
}

/** The polite live region that says how many items are shown ("Showing 6 of 31 prospects and risks"). */
export function resultCount(page) {
  return page.getByRole('status').filter({ hasText: /^Showing / });
}

/** The text of the result count for `shown` of `total` items, as the app writes it. */
export function countText(shown, total) {
  return shown === total
    ? `Showing all ${total} prospects and risks`
    : `Showing ${shown} of ${total} prospects and risks`;
}

/** The navigation between views ("Cards", "Matrix", "Article", "Timeline"). */
export function viewLink(page, name) {
  return page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });
}

/**
 * Chooses a theme by its label in "Theme". In a one-column layout the theme is among the secondary actions folded
 * behind "More", which is unfolded first.
 */
export async function chooseTheme(page, label) {
  const more = page.getByRole('region', { name: 'Views and tools' }).getByRole('button', { name: 'More', exact: true });
  if ((await more.isVisible()) && (await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await page.getByLabel('Theme').selectOption({ label });
}

/** Whether the page as a whole can be scrolled sideways (it must not be, at any width). */
export async function pageScrollsSideways(page) {
  return page.evaluate(() => {
    const root = document.scrollingElement;
    return root.scrollWidth > root.clientWidth;
  });
}

/** Case-insensitive "does the item mention this word", over the fields the app searches. */
export function itemMentions(item, word) {
  const folded = word.toLowerCase();
  const fields = [
    item.title,
    item.summary,
    item.feasibility.rationale,
    ...item.evidence.map((e) => e.quote),
    ...item.people.flatMap((p) => [p.name, p.role]),
  ];
  return fields.some((f) => f.toLowerCase().includes(folded));
}

/**
 * Records every Content-Security-Policy violation ("directive blockedURI") from before the page's first script.
 * Call it before `page.goto`; it resolves to a function that reads what was recorded so far.
 */
export async function watchCspViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => window.__cspViolations ?? ['(the violation listener was not installed)']);
}

// ---------- Colour contrast, focus and pixels (keyboard, screen-reader and perception journeys) ----------

/**
 * Installs `window.__a11y` in the page: colour parsing (rgb(), rgba() and color(srgb …), as computed styles give
 * them), alpha compositing, WCAG relative luminance and contrast ratio, and the opaque colour behind an element (its
 * own and its ancestors' backgrounds composited down to the first opaque one). `page.evaluate` runs outside the
 * page's Content-Security-Policy, so this works where an inline script would be refused. Call it after each `goto`.
 */
export async function installContrastKit(page) {
  await page.evaluate(() => {
    const parse = (css) => {
      if (!css || css === 'none' || css === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
      let m = css.match(/^rgba?\(([^)]+)\)$/);
      if (m) {
        const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return { r, g, b, a };
      }
      m = css.match(/^color\(srgb ([^)]+)\)$/);
      if (m) {
        const [r, g, b, a = 1] = m[1].split(/[ /]+/).filter(Boolean).map(Number);
        return { r: r * 255, g: g * 255, b: b * 255, a };
      }
      return null;
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const withAlpha = (colour, alpha) => ({ ...colour, a: colour.a * alpha });
    const luminance = ({ r, g, b }) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const ratio = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const css = ({ r, g, b, a }) => `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)}${a < 1 ? ` / ${a.toFixed(2)}` : ''})`;
    /** The opaque colour behind an element; `gradient` says whether a background image lies in between. */
    const behind = (el) => {
      const layers = [];
      let gradient = false;
      for (let e = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.backgroundImage !== 'none') gradient = true;
        const bg = parse(style.backgroundColor);
        if (bg && bg.a > 0) {
          layers.push(bg);
          if (bg.a >= 1) break;
        }
      }
      let colour = { r: 255, g: 255, b: 255, a: 1 };
      for (let i = layers.length - 1; i >= 0; i -= 1) colour = over(layers[i], colour);
      return { colour, gradient };
    };
    const background = (el) => behind(el).colour;
    /** A short, stable description of an element for failure messages. */
    const describe = (el) => {
      const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') ?? '';
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''} "${text}"`;
    };
    const visible = (el) =>
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      el.getBoundingClientRect().width > 1 &&
      el.getBoundingClientRect().height > 1;
    window.__a11y = { parse, over, withAlpha, luminance, ratio, css, behind, background, describe, visible };
  });
}

/**
 * Where keyboard focus is and how it is shown: the focused element, whether it is the page's body, its outline, and
 * for a mark of the matrix (an SVG link, whose ring is the stroke of its box) that box's stroke.
 */
export function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { onBody: true };
    const style = getComputedStyle(el);
    const box = el.matches('a.matrix-mark') ? el.querySelector('.matrix-mark-box') : null;
    const focusColour = getComputedStyle(document.documentElement).getPropertyValue('--focus').trim();
    const probe = document.createElement('span');
    probe.style.color = focusColour;
    document.body.append(probe);
    const focusRgb = getComputedStyle(probe).color;
    probe.remove();
    return {
      onBody: false,
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : el.getAttribute('class'),
      label: el.getAttribute('aria-label') ?? el.textContent.trim().replace(/\s+/g, ' ').slice(0, 80),
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      inMatrix: Boolean(el.closest('svg.matrix-svg')),
      inDialog: Boolean(el.closest('dialog[open]')),
      ring: box && { stroke: getComputedStyle(box).stroke, width: parseFloat(getComputedStyle(box).strokeWidth), focusRgb },
    };
  });
}

/**
 * Expects keyboard focus on an element (not the body) with a visible indicator: an outline that is not `none`, or,
 * for a mark of the matrix, its box stroked in the focus colour at 3 px.
 */
export async function expectVisibleFocus(page, step) {
  const f = await focusState(page);
  expect(f.onBody, `${step}: focus is on an element, not the page's body`).toBe(false);
  expect(f.focusVisible, `${step}: ${f.tag}.${f.className} "${f.label}" matches :focus-visible`).toBe(true);
  if (f.ring) {
    expect(f.ring.stroke, `${step}: the focused mark "${f.label}" is ringed in the focus colour`).toBe(f.ring.focusRgb);
    expect(f.ring.width, `${step}: the focused mark's ring is 3 px`).toBeGreaterThanOrEqual(3);
  } else {
    expect(f.outlineStyle, `${step}: ${f.tag}.${f.className} "${f.label}" has an outline`).not.toBe('none');
    expect(f.outlineWidth, `${step}: ${f.tag}.${f.className} "${f.label}" has an outline at least 2 px wide`).toBeGreaterThanOrEqual(2);
  }
  return f;
}

/** Reads a PNG (8-bit RGB or RGBA, not interlaced, as Chromium's screenshots are) into `{ width, height, pixel(x, y) }`. */
export function decodePng(buffer) {
  const { inflateSync } = zlib;
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || ![2, 6].includes(colourType)) {
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
      }
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let value = line[x];
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        value += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + x] = value & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = y * stride + x * channels;
      return { r: pixels[i], g: pixels[i + 1], b: pixels[i + 2], a: 1 };
    },
  };
}

/** WCAG contrast ratio of two opaque `{ r, g, b }` colours (0–255), for use outside the page. */
export function contrastRatio(a, b) {
  const lum = ({ r, g, b: blue }) => {
    const c = [r, g, blue].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The contrast a natively drawn control (a checkbox or radio button, whose border and fill the browser paints and
 * computed styles do not tell) shows against what is around it: a screenshot of the control with a margin, the colour
 * of the margin's corner taken as the background, and the highest contrast of any pixel of the control against it.
 */
export async function paintedContrast(page, locator, margin = 4) {
  // The screenshot is of the viewport: a control below the fold (a toolbar that wraps pushes the filters down) would
  // be measured as blank page.
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const clip = { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin };
  const image = decodePng(await page.screenshot({ clip, animations: 'disabled', caret: 'hide' }));
  const scale = image.width / clip.width;
  const background = image.pixel(0, 0);
  let best = 1;
  let colour = background;
  const from = Math.floor(margin * scale);
  for (let y = from; y < image.height - from; y += 1) {
    for (let x = from; x < image.width - from; x += 1) {
      const p = image.pixel(x, y);
      const r = contrastRatio(p, background);
      if (r > best) {
        best = r;
        colour = p;
      }
    }
  }
  return { ratio: best, background, colour };
}

/** Resolves once the host page has received a message from `frame` posted after this call (messages keep order). */
export async function roundTrip(page, frame) {
  await page.evaluate(() => {
    window.__sentinel = new Promise((resolve) => {
      addEventListener('message', function seen(e) {
        if (e.data === 'summit-fruits-test:sentinel') {
          removeEventListener('message', seen);
          resolve();
        }
      });
    });
  });
  await frame.evaluate(() => parent.postMessage('summit-fruits-test:sentinel', '*'));
  await page.evaluate(() => window.__sentinel);
}
