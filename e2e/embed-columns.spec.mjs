// The script embed in a narrow column and on a right-to-left page: the explorer lays itself out for the width of its
// own element (container queries), not the window's, keeps every part of itself inside that element (except inside a
// box that scrolls on purpose, such as the matrix), keeps its own language and direction, and leaves the host's
// layout as it was. Host pages: e2e/hosts/columns/ (a Bootstrap-like grid in the host's own CSS).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startStatic } from './servers.mjs';
import { AXE_OPTIONS, watchErrors } from './helpers.mjs';

let app;
let host;
test.beforeAll(async () => {
  app = await startStatic('dist', { cors: true });
  host = await startStatic('e2e/hosts/columns');
});
test.afterAll(() => {
  app?.close();
  host?.close();
});

test.use({ viewport: { width: 1280, height: 800 } });

const SLOT = '#slot-sidebar';
const explorer = (page) => page.locator(`${SLOT} [data-summit-fruits]`);
const countOf = (instance) => instance.getByRole('status').filter({ hasText: /^Showing / });

/** Opens a host page (`index.html` or `rtl.html`) with an explorer in its sidebar showing `view`. */
async function openHost(page, file, view) {
  await page.goto(`${host.url}${file}?app=${encodeURIComponent(app.url)}&view=${view}`);
  await expect(countOf(explorer(page))).toHaveText(/^Showing /);
}

/** Where the host's own elements are: each one's box, and the direction and language it is written in. */
function hostLayout(page) {
  return page.evaluate(() => {
    const ids = ['host-main', 'host-story', 'host-lead', 'host-sidebar', 'host-sidebar-title', 'slot-sidebar'];
    const boxes = Object.fromEntries(ids.map((id) => {
      const el = document.getElementById(id);
      const r = el.getBoundingClientRect();
      // The columns' heights follow the explorer's (a flex row stretches them); the text's heights must not change.
      const text = ['host-story', 'host-lead', 'host-sidebar-title'].includes(id);
      return [id, { x: r.x, y: r.y, width: r.width, height: text ? r.height : null, direction: getComputedStyle(el).direction }];
    }));
    return {
      boxes,
      html: { lang: document.documentElement.lang, dir: document.documentElement.dir },
      scrollsSideways: document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth,
    };
  });
}

/**
 * Every rendered element of the explorer that lies (by more than half a pixel) outside the marked element's box,
 * except inside a box that scrolls on purpose (an ancestor with `overflow-x: auto` or `scroll`), inside a modal
 * dialog (drawn over the whole window), or clipped to a pixel (visually hidden text for screen readers).
 */
function outsideElement(page) {
  return explorer(page).evaluate((host) => {
    const box = host.getBoundingClientRect();
    const inScrollBox = (el) => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return true;
      }
      return false;
    };
    const describe = (el, r) => {
      const cls = el.getAttribute('class') ?? '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''} "${text}" ` +
        `[${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}]`;
    };
    const outside = [];
    let measured = 0;
    for (const el of host.shadowRoot.querySelectorAll('*')) {
      if (el.closest('dialog') || !el.checkVisibility()) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) continue;
      measured += 1;
      if (inScrollBox(el)) continue;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
        outside.push(describe(el, r));
      }
    }
    return { outside, measured, box: { left: box.left, right: box.right, width: box.width } };
  });
}

/** Expects nothing of the explorer outside its element, and says in which state. */
async function expectInside(page, state) {
  const { outside, measured } = await outsideElement(page);
  expect(measured, `elements measured (${state})`).toBeGreaterThan(50);
  expect(outside, `explorer elements outside its element (${state})`).toEqual([]);
}

/** Runs axe-core (WCAG 2.2 AA and best practices) on the explorer's slot. */
async function expectAxeClean(page, state) {
  const results = await new AxeBuilder({ page }).include(SLOT).options(AXE_OPTIONS).analyze();
  expect(results.passes.length, `axe-core ran its rules (${state})`).toBeGreaterThan(10);
  const summary = results.violations.map((v) => `${v.id} (${v.help}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe-core violations (${state})`).toEqual([]);
}

/** The explorer's one-column fold: the two buttons in its toolbar. */
const filtersButton = (page) => explorer(page).getByRole('button', { name: /^Filters and sort/ });
const moreButton = (page) => explorer(page).getByRole('button', { name: 'More', exact: true });

for (const view of ['matrix', 'cards']) {
  test(`in a 365 px sidebar of a 1280 px window, the ${view} view takes the one-column layout and stays inside its element`, async ({ page }) => {
    const errors = watchErrors(page);
    // The host's layout with no explorer, then with one.
    await page.goto(`${host.url}index.html`);
    const before = await hostLayout(page);
    expect(before.boxes['slot-sidebar'].width).toBe(365);
    await openHost(page, 'index.html', view);
    const instance = explorer(page);
    expect((await outsideElement(page)).box.width).toBe(365);

    // One column, as in a phone's: the filters and the secondary actions fold behind two buttons.
    const columns = await instance.evaluate((h) => getComputedStyle(h.shadowRoot.querySelector('.layout')).gridTemplateColumns);
    expect(columns.split(' ')).toHaveLength(1);
    await expect(filtersButton(page)).toBeVisible();
    await expect(moreButton(page)).toBeVisible();
    await expect(instance.getByRole('region', { name: 'Filter and search' })).toBeHidden();
    if (view === 'matrix') await expect(instance.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    else await expect(instance.getByRole('region', { name: 'Results', exact: true }).getByRole('article').first()).toBeVisible();
    await expectInside(page, `${view}, filters closed`);
    await expectAxeClean(page, `${view}, filters closed`);

    // Filters opened: every facet in the column, nothing past its edge; then closed again.
    await filtersButton(page).click();
    await expect(filtersButton(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(instance.getByRole('region', { name: 'Filter and search' })).toBeVisible();
    await expect(instance.getByRole('group', { name: 'Who would have to act' })).toBeVisible();
    await expectInside(page, `${view}, filters open`);
    await expectAxeClean(page, `${view}, filters open`);
    await instance.getByRole('checkbox', { name: /^Low-hanging fruit/ }).check();
    await expect(countOf(instance)).not.toHaveText(/^Showing all/);
    await expect(filtersButton(page)).toHaveAccessibleName('Filters and sort 1 active');
    await expectInside(page, `${view}, a filter chosen`);
    await filtersButton(page).click();
    await expect(instance.getByRole('region', { name: 'Filter and search' })).toBeHidden();
    await expectInside(page, `${view}, filters closed again with a filter chosen`);

    // The secondary actions unfolded: the downloads among them.
    await moreButton(page).click();
    await expect(instance.getByRole('button', { name: /^Download \d+ items as CSV$/ })).toBeVisible();
    await expect(instance.getByRole('switch', { name: /Hindsight/ })).toBeVisible();
    await expectInside(page, `${view}, secondary actions open`);

    // The host's own layout did not move: its columns, headings and text are where they were.
    const after = await hostLayout(page);
    for (const id of ['host-main', 'host-story', 'host-lead', 'host-sidebar', 'host-sidebar-title', 'slot-sidebar']) {
      expect({ id, ...after.boxes[id] }).toEqual({ id, ...before.boxes[id] });
    }
    expect(after.scrollsSideways).toBe(false);
    expect(errors).toEqual([]);
  });
}

test('at every column width from 280 px up, nothing of any view lies outside the element', async ({ page }) => {
  const errors = watchErrors(page);
  await openHost(page, 'index.html', 'cards');
  const instance = explorer(page);
  const views = {
    Cards: () => expect(instance.getByRole('region', { name: 'Results', exact: true }).getByRole('article').first()).toBeVisible(),
    Matrix: () => expect(instance.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible(),
    Article: () => expect(instance.getByRole('heading', { name: 'The article', level: 2 })).toBeVisible(),
    Timeline: () => expect(instance.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible(),
  };
  for (const width of [280, 320, 365, 480, 640, 900]) {
    // The host gives its column another width (the marked element fills it).
    await page.evaluate((w) => { document.getElementById('slot-sidebar').style.width = `${w}px`; }, width);
    for (const [view, ready] of Object.entries(views)) {
      await instance.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true }).click();
      await ready();
      expect((await outsideElement(page)).box.width).toBe(width);
      await expectInside(page, `${view} at ${width} px`);
    }
  }
  expect(errors).toEqual([]);
});

test('on a right-to-left Arabic page the explorer stays English and left to right, and the page stays as it was', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${host.url}rtl.html`);
  const before = await hostLayout(page);
  expect(before.html).toEqual({ lang: 'ar', dir: 'rtl' });
  expect(before.boxes['host-lead'].direction).toBe('rtl');

  await openHost(page, 'rtl.html', 'cards');
  const instance = explorer(page);
  const own = await instance.evaluate((h) => {
    const root = h.shadowRoot;
    const mount = root.querySelector('.embed-root');
    const page = root.querySelector('.page');
    return {
      lang: mount.getAttribute('lang'),
      dir: mount.getAttribute('dir'),
      english: page.matches(':lang(en)') && !page.matches(':lang(ar)'),
      direction: getComputedStyle(page).direction,
      textAlign: getComputedStyle(root.querySelector('.result-count')).textAlign,
    };
  });
  expect(own).toEqual({ lang: 'en', dir: 'ltr', english: true, direction: 'ltr', textAlign: 'start' });

  // Not mirrored: a checkbox left of its label, the switch's track left of its words, the view links in reading order.
  await filtersButton(page).click();
  const order = await instance.evaluate((h) => {
    const root = h.shadowRoot;
    const x = (selector) => root.querySelector(selector).getBoundingClientRect().left;
    const links = [...root.querySelectorAll('.view-link')].map((a) => a.getBoundingClientRect().left);
    return {
      checkboxBeforeLabel: x('.facet-option input') < x('.facet-option label'),
      linksLeftToRight: links.every((left, i) => i === 0 || left > links[i - 1]),
    };
  });
  expect(order.checkboxBeforeLabel).toBe(true);
  expect(order.linksLeftToRight).toBe(true);
  await moreButton(page).click();
  expect(await instance.evaluate((h) => {
    const root = h.shadowRoot;
    const x = (selector) => root.querySelector(selector).getBoundingClientRect().left;
    return x('.hindsight-switch-track') < x('.hindsight-switch-label');
  })).toBe(true);
  await expectInside(page, 'right-to-left page, filters and actions open');
  await expectAxeClean(page, 'right-to-left page');

  // The host: still Arabic and right to left, its columns where they were.
  const after = await hostLayout(page);
  expect(after.html).toEqual({ lang: 'ar', dir: 'rtl' });
  for (const id of ['host-main', 'host-story', 'host-lead', 'host-sidebar', 'host-sidebar-title', 'slot-sidebar']) {
    expect({ id, ...after.boxes[id] }).toEqual({ id, ...before.boxes[id] });
  }
  expect(after.scrollsSideways).toBe(false);
  expect(errors).toEqual([]);
});
