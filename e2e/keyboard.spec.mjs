// The explorer with the keyboard only: every step is a key press (Tab, Shift+Tab, Enter, Space, arrows, Escape, typed
// letters) through `page.keyboard`; no click, fill or focus() on an element. After every key press, keyboard focus is
// on an element (never the page's body) and shows: an outline, or for a mark of the matrix the ring its box draws.
import { test, expect } from '@playwright/test';
import {
  openExplorer,
  watchErrors,
  loadData,
  resultCount,
  countText,
  viewLink,
  itemMentions,
  expectVisibleFocus,
  focusState,
} from './helpers.mjs';

const data = loadData();
const TOTAL = data.items.length;
const lowHanging = data.items.filter((i) => i.category === 'low-hanging');
const categoryLabel = (id) => data.vocabularies.categories.find((c) => c.id === id).label;
// A search word that keeps some but not all low-hanging items, read from the data set rather than hard-coded.
const WORD = ['stability', 'talks', 'diplomatic', 'exchange', 'treaty'].find((w) => {
  const n = lowHanging.filter((i) => itemMentions(i, w)).length;
  return n > 1 && n < lowHanging.length;
});
const afterSearch = lowHanging.filter((i) => itemMentions(i, WORD));

/** How the page describes the focused element, for matching: its selector test and its text or label. */
function focusedMatches(page, selector, text) {
  return page.evaluate(
    ([sel, txt]) => {
      const el = document.activeElement;
      if (!el || !el.matches(sel)) return false;
      const label = `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`;
      return txt === null || label.replace(/\s+/g, ' ').includes(txt);
    },
    [selector, text ?? null],
  );
}

/**
 * Presses `key` until the focused element matches `selector` (and contains `text`), checking after every press that
 * focus is visible. Fails when `max` presses do not get there. Returns how many presses it took.
 */
async function pressUntil(page, key, selector, { text, max = 80, step }) {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press(key);
    await expectVisibleFocus(page, `${step} (${key} ×${presses})`);
    if (await focusedMatches(page, selector, text)) return presses;
  }
  throw new Error(`${step}: ${max} presses of ${key} never reached ${selector}${text ? ` "${text}"` : ''}`);
}

/** The one mark of the matrix in the tab order, and every mark's tabindex. */
const tabStops = (page) => page.locator('svg.matrix-svg a.matrix-mark[tabindex="0"]');

test.describe('keyboard only', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('filter, search, switch views, move through the matrix, open and close a card, read in the article and come back', async ({ page }) => {
    const errors = watchErrors(page);
    expect(WORD, 'a search word narrows the low-hanging items').toBeTruthy();
    await openExplorer(page);
    await expect(resultCount(page)).toHaveText(countText(TOTAL, TOTAL));

    // 1. The first Tab stop skips to the results; it shows on screen while focused.
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page, 'first Tab');
    const skip = page.getByRole('link', { name: 'Skip to results' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();

    // 2. Filter: Tab to the "Low-hanging fruit" checkbox and tick it with Space.
    const checkbox = page.locator('#facet-cat-low-hanging');
    await pressUntil(page, 'Tab', '#facet-cat-low-hanging', { step: 'Tab to the category checkbox' });
    await page.keyboard.press('Space');
    await expect(checkbox).toBeChecked();
    await expect(checkbox).toBeFocused();
    await expectVisibleFocus(page, 'Space on the checkbox');
    await expect(resultCount(page)).toHaveText(countText(lowHanging.length, TOTAL));
    await expect(page).toHaveURL(/[#&]cat=low-hanging(&|$)/);
    await expect(page.getByRole('button', { name: `Remove filter Category: ${categoryLabel('low-hanging')}` })).toBeVisible();

    // 3. Search: back (Shift+Tab) to the search field and type a word.
    await pressUntil(page, 'Shift+Tab', '#search', { step: 'Shift+Tab to the search field' });
    await page.keyboard.type(WORD);
    await expect(page.locator('#search')).toHaveValue(WORD);
    await expect(page.locator('#search')).toBeFocused();
    await expectVisibleFocus(page, 'typing in the search field');
    await expect(resultCount(page)).toHaveText(countText(afterSearch.length, TOTAL));
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(afterSearch.length);

    // 4. Switch views: back to the view links, Enter on "Matrix".
    await pressUntil(page, 'Shift+Tab', 'nav[aria-label="Views"] a', { text: 'Matrix', step: 'Shift+Tab to the Matrix link' });
    await page.keyboard.press('Enter');
    await expect(viewLink(page, 'Matrix')).toHaveAttribute('aria-current', 'page');
    const matrix = page.getByRole('region', { name: 'Feasibility matrix', exact: true });
    await expect(matrix).toBeVisible();
    await expect(viewLink(page, 'Matrix')).toBeFocused();
    await expectVisibleFocus(page, 'Enter on the Matrix link');
    await expect(resultCount(page)).toHaveText(countText(afterSearch.length, TOTAL));

    // 5. The skip link takes focus past the filters to the results.
    await pressUntil(page, 'Shift+Tab', '.skip-link', { step: 'Shift+Tab to the skip link' });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await expectVisibleFocus(page, 'Enter on the skip link');

    // 6. "Rows:": Tab to the radio group and choose "Category" with an arrow key.
    await pressUntil(page, 'Tab', 'input[type="radio"][value="domain"]', { step: 'Tab to the "Rows:" radios' });
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Category' })).toBeChecked();
    await expectVisibleFocus(page, 'ArrowRight in the radio group');
    await expect(page).toHaveURL(/[#&]rows=category(&|$)/);
    await expect(page.getByRole('heading', { name: 'Feasibility by category', level: 2 })).toBeVisible();

    // 7. Into the grid: one tab stop, arrow keys, Home and End between marks.
    await pressUntil(page, 'Tab', 'a.matrix-mark', { step: 'Tab into the matrix' });
    await expect(tabStops(page)).toHaveCount(1);
    const first = await focusState(page);
    expect(first.inMatrix).toBe(true);
    expect(first.label).toMatch(/: .*, feasibility \d of \d, /);
    const visited = new Set([first.label]);
    const press = async (key) => {
      await page.keyboard.press(key);
      const now = await expectVisibleFocus(page, `${key} in the matrix`);
      expect(now.inMatrix, `${key} keeps focus in the matrix`).toBe(true);
      visited.add(now.label);
      // Only the focused mark is in the tab order.
      await expect(tabStops(page)).toHaveCount(1);
      await expect(tabStops(page)).toBeFocused();
      return now;
    };
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft', 'End', 'Home']) await press(key);
    expect(visited.size, 'the keys moved between marks').toBeGreaterThan(3);
    // Then to a mark the filters keep: from the top row's start, rightwards, and down a row at a row's end.
    let current = await focusState(page);
    for (let i = 0; i < 10; i += 1) current = await press('ArrowUp');
    current = await press('Home');
    for (let i = 0; i < 80 && current.label.endsWith('(filtered out)'); i += 1) {
      const before = current.label;
      current = await press('ArrowRight');
      if (current.label === before) {
        await press('ArrowDown');
        current = await press('Home');
      }
    }
    expect(current.label, 'a mark the filters keep').not.toMatch(/\(filtered out\)$/);

    // Tab from the current mark leaves the grid (one stop), Shift+Tab comes back to that same mark.
    await page.keyboard.press('Tab');
    const out = await expectVisibleFocus(page, 'Tab out of the matrix');
    expect(out.inMatrix, 'Tab from the current mark leaves the grid').toBe(false);
    await expect(page.getByRole('region', { name: 'Feasibility matrix as a table' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    const back = await expectVisibleFocus(page, 'Shift+Tab back into the matrix');
    expect(back.inMatrix).toBe(true);
    expect(back.label, 'the grid remembers its current mark').toBe(current.label);

    // 8. Enter opens the mark's card; Escape closes it and focus returns to the mark.
    const title = data.items.map((i) => i.title).find((t) => current.label.startsWith(`${t}: `));
    expect(title, `the focused mark names a known item (${current.label})`).toBeTruthy();
    const item = data.items.find((i) => i.title === title);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[#&]item=${item.id}(&|$)`));
    const inside = await expectVisibleFocus(page, 'Enter on a mark opens its card');
    expect(inside.inDialog, 'focus moves into the card').toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page).not.toHaveURL(/[#&]item=/);
    await expect.poll(async () => (await focusState(page)).inMatrix, { message: 'focus is back in the matrix' }).toBe(true);
    const returned = await expectVisibleFocus(page, 'Escape closes the card');
    expect(returned.inMatrix).toBe(true);
    expect(returned.label, 'focus returns to the mark that opened the card').toBe(current.label);

    // 9. Open it again, Tab to "Read in the article" and follow it with Enter.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await pressUntil(page, 'Tab', 'dialog[open] a.read-in-article', { step: 'Tab to "Read in the article"', max: 30 });
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(viewLink(page, 'Article')).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveURL(new RegExp(`[#&]passage=${item.id}\\.0(&|$)`));
    const cardLink = page.getByRole('link', { name: `Open card: ${title}`, exact: true }).first();
    await expect(cardLink).toBeFocused();
    await expect(cardLink).toBeInViewport();
    await expect(page.locator('.passage-current').first()).toBeInViewport();
    await expectVisibleFocus(page, 'Enter on "Read in the article"');

    // 10. Come back. Alt+ArrowLeft is the browser's own shortcut, handled by its window, not by the page: headless
    // Chromium does not act on it: the address stays (should it ever act, the steps below find the page a step too
    // far back and fail, and page.goBack() should go). So "back" is the history's back, as the Back button does it.
    const article = page.url();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(page).toHaveURL(article);
    await page.goBack();
    await expect(viewLink(page, 'Matrix')).toHaveAttribute('aria-current', 'page');
    await expect(dialog).toBeVisible();
    const reopened = await expectVisibleFocus(page, 'back: the card is open again over the matrix');
    expect(reopened.inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    // The card was opened by history, not from a mark, so the browser has nowhere to return focus: the app puts it on
    // the item's mark.
    // (It moves there when the dialog's "close" event is handled, a task after the dialog is hidden.)
    await expect.poll(async () => (await focusState(page)).inMatrix, { message: 'focus lands in the matrix' }).toBe(true);
    const after = await expectVisibleFocus(page, 'Escape after coming back');
    expect(after.label.startsWith(`${title}: `), `focus is on the card's mark (${after.label})`).toBe(true);
    await expect(resultCount(page)).toHaveText(countText(afterSearch.length, TOTAL));
    expect(errors).toEqual([]);
  });

  test('"Read in the article" for a card the filters leave out puts focus on its paragraph', async ({ page }) => {
    const errors = watchErrors(page);
    // Risks only, with the left-out items dimmed in the matrix: a low-hanging item's quotation is not highlighted.
    await openExplorer(page, '#view=matrix&cat=risk');
    const matrix = page.getByRole('region', { name: 'Feasibility matrix', exact: true });
    await expect(matrix).toBeVisible();
    await pressUntil(page, 'Tab', 'a.matrix-mark', { step: 'Tab into the matrix', max: 120 });
    // Move to a dimmed (filtered-out) mark.
    let state = await focusState(page);
    for (let i = 0; i < 60 && !state.label.endsWith('(filtered out)'); i += 1) {
      await page.keyboard.press('ArrowDown');
      state = await expectVisibleFocus(page, 'ArrowDown to a filtered-out mark');
    }
    expect(state.label, 'a filtered-out mark was reached').toMatch(/\(filtered out\)$/);
    const title = data.items.map((i) => i.title).find((t) => state.label.startsWith(`${t}: `));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await pressUntil(page, 'Tab', 'dialog[open] a.read-in-article', { step: 'Tab to "Read in the article"', max: 30 });
    await page.keyboard.press('Enter');
    await expect(viewLink(page, 'Article')).toHaveAttribute('aria-current', 'page');
    const item = data.items.find((i) => i.title === title);
    const quote = item.evidence[0];
    const paragraph = page.locator(`#para-${quote.section}-${quote.paragraph}`);
    await expect(paragraph).toBeFocused();
    await expect(paragraph).toBeInViewport();
    await expect(page.locator('.passage-current')).toHaveCount(0);
    await expectVisibleFocus(page, 'Enter on "Read in the article" for a filtered-out card');
    expect(errors).toEqual([]);
  });
});
