// A phone's first screen shows the article's content, not the controls: at 360×780 and 390×844 (touch) the first
// card's title lies within the first 60% of the screen, with and without a filter, and the other views start on the
// first screen; every control is still one or two taps away (the filters behind "Filters and sort", the secondary
// actions behind "More"), by keyboard too, in both themes; print keeps the content. Positions are measured, never
// timed.
import { test, expect } from '@playwright/test';
import {
  openExplorer,
  openEmbedded,
  watchErrors,
  expectNoAxeViolations,
  loadData,
  resultCount,
  countText,
  viewLink,
  pageScrollsSideways,
} from './helpers.mjs';

const data = loadData();
const TOTAL = data.items.length;
const LOW_HANGING = data.items.filter((i) => i.category === 'low-hanging');

const tools = (page) => page.getByRole('region', { name: 'Views and tools' });
const filtersButton = (page) => tools(page).getByRole('button', { name: /^Filters and sort/ });
const moreButton = (page) => tools(page).getByRole('button', { name: 'More', exact: true });
const firstTitle = (page) => page.getByRole('main').getByRole('article').first().getByRole('heading', { level: 3 });

/** The box of a locator in the viewport, with the page scrolled to its top. */
async function boxAtTop(page, locator) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await locator.boundingBox();
  return { top: Math.round(box.y), bottom: Math.round(box.y + box.height) };
}

for (const viewport of [{ width: 360, height: 780 }, { width: 390, height: 844 }]) {
  const limit = Math.floor(viewport.height * 0.6);
  test.describe(`a ${viewport.width}×${viewport.height} phone`, () => {
    test.use({ viewport, hasTouch: true, isMobile: true });

    test(`the first card's title is within the first 60% (${limit} px) of the screen, with and without a filter`, async ({ page }) => {
      const errors = watchErrors(page);
      await openExplorer(page);
      let box = await boxAtTop(page, firstTitle(page));
      console.log(`${viewport.width}×${viewport.height}: first card's title at ${box.top}–${box.bottom} px (limit ${limit})`);
      expect(box.bottom).toBeLessThanOrEqual(limit);

      // A filter, chosen by touch behind "Filters and sort", then folded away: the count and the chip stay above the results.
      await filtersButton(page).tap();
      await page.getByRole('checkbox', { name: /^Low-hanging fruit/ }).tap();
      await expect(resultCount(page)).toHaveText(countText(LOW_HANGING.length, TOTAL));
      await expect(filtersButton(page)).toHaveAccessibleName('Filters and sort 1 active');
      await filtersButton(page).tap();
      await expect(page.getByRole('complementary', { name: 'Filter and search' })).toBeHidden();
      const chip = page.getByRole('button', { name: 'Remove filter Category: Low-hanging fruit' });
      box = await boxAtTop(page, firstTitle(page));
      const count = await boxAtTop(page, resultCount(page));
      const chipBox = await boxAtTop(page, chip);
      console.log(`${viewport.width}×${viewport.height}, one filter: first card's title at ${box.top}–${box.bottom} px`);
      expect(box.bottom).toBeLessThanOrEqual(limit);
      expect(count.bottom).toBeLessThanOrEqual(chipBox.top);
      expect(chipBox.bottom).toBeLessThanOrEqual(box.top);

      // A search from a shared link.
      await openExplorer(page, '#q=nuclear');
      await expect(page.getByRole('button', { name: /^Remove filter / })).toHaveCount(1);
      await expect(filtersButton(page)).toHaveAccessibleName('Filters and sort 1 active');
      box = await boxAtTop(page, firstTitle(page));
      console.log(`${viewport.width}×${viewport.height}, a search: first card's title at ${box.top}–${box.bottom} px`);
      expect(box.bottom).toBeLessThanOrEqual(limit);
      expect(await pageScrollsSideways(page)).toBe(false);
      expect(errors).toEqual([]);
    });

    test('the matrix, article and timeline views start within the first screen', async ({ page }) => {
      const errors = watchErrors(page);
      const views = {
        matrix: page.getByRole('region', { name: 'Feasibility matrix', exact: true }),
        article: page.getByRole('heading', { name: 'The article', level: 2 }),
        timeline: page.getByRole('region', { name: 'Timeline', exact: true }),
      };
      for (const [view, start] of Object.entries(views)) {
        await openExplorer(page, `#view=${view}`);
        await expect(start).toBeVisible();
        const box = await boxAtTop(page, start);
        console.log(`${viewport.width}×${viewport.height}: the ${view} view starts at ${box.top} px`);
        expect(box.top).toBeLessThan(viewport.height - 48);
      }
      expect(errors).toEqual([]);
    });

    test('every control is one or two taps away, and the keyboard reaches them in reading order', async ({ page }) => {
      const errors = watchErrors(page);
      await openExplorer(page);
      // Folded: the secondary actions and the filters are out of sight, their buttons say so.
      for (const name of ['Copy link', 'Embed']) await expect(page.getByRole('button', { name, exact: true })).toBeHidden();
      await expect(page.getByRole('switch', { name: /Hindsight/ })).toBeHidden();
      await expect(page.getByRole('searchbox')).toBeHidden();
      await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'false');

      // One tap on "More": the hindsight switch, copy link, embed, theme and the downloads.
      await moreButton(page).tap();
      await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'true');
      const actions = tools(page);
      await expect(actions.getByRole('switch', { name: /Hindsight/ })).toBeVisible();
      for (const name of ['Copy link', 'Embed']) await expect(actions.getByRole('button', { name, exact: true })).toBeVisible();
      await expect(actions.getByRole('combobox', { name: 'Theme' })).toBeVisible();
      await expect(actions.getByRole('button', { name: `Download ${TOTAL} items as CSV` })).toBeVisible();
      await expect(actions.getByRole('button', { name: `Download ${TOTAL} items as JSON` })).toBeVisible();
      // The second tap works: the theme, and the embed dialog.
      await actions.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expectNoAxeViolations(page, `${viewport.width} px, dark, secondary actions open`);
      await actions.getByRole('button', { name: 'Embed', exact: true }).tap();
      await expect(page.getByRole('dialog', { name: 'Embed this view' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      // By keyboard: Escape folds the actions and puts focus back on "More"; Tab order follows the screen.
      await actions.getByRole('button', { name: 'Copy link', exact: true }).focus();
      await page.keyboard.press('Escape');
      await expect(moreButton(page)).toBeFocused();
      await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'false');
      await filtersButton(page).focus();
      await page.keyboard.press('Enter');
      await expect(filtersButton(page)).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Tab');
      await expect(moreButton(page)).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('searchbox')).toBeFocused();
      await page.keyboard.type('Navalny');
      await expect(resultCount(page)).not.toHaveText(countText(TOTAL, TOTAL));
      await expectNoAxeViolations(page, `${viewport.width} px, dark, filters open with a search`);

      // Light theme too, with both folds open.
      await moreButton(page).tap();
      await tools(page).getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Light' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await expectNoAxeViolations(page, `${viewport.width} px, light, both folds open`);
      expect(await pageScrollsSideways(page)).toBe(false);
      expect(errors).toEqual([]);
    });

    test('printed, the cards are there and the folds are not', async ({ page }) => {
      await openExplorer(page, '#cat=low-hanging');
      await page.emulateMedia({ media: 'print' });
      await expect(tools(page)).toBeHidden();
      await expect(page.getByRole('main').getByRole('article')).toHaveCount(LOW_HANGING.length);
      for (const card of await page.getByRole('main').getByRole('article').all()) await expect(card).toBeVisible();
      await expect(resultCount(page)).toBeVisible();
      await expect(page.getByRole('button', { name: /^Download / })).toHaveCount(0);
    });

    test('embedded (?embed=1) at this width, the first card is higher still', async ({ page }) => {
      const errors = watchErrors(page);
      await openEmbedded(page, '?embed=1');
      await expect(filtersButton(page)).toBeVisible();
      await expect(moreButton(page)).toBeVisible();
      const box = await boxAtTop(page, firstTitle(page));
      console.log(`${viewport.width}×${viewport.height}, embedded: first card's title at ${box.top}–${box.bottom} px`);
      expect(box.bottom).toBeLessThanOrEqual(limit);
      await expect(page.getByRole('link', { name: /^Open in the full explorer/ })).toBeVisible();
      expect(errors).toEqual([]);
    });
  });
}

test.describe('a 1280×800 desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('keeps every action in the toolbar, the filters beside the results and the downloads above them', async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page);
    await expect(filtersButton(page)).toBeHidden();
    await expect(moreButton(page)).toBeHidden();
    for (const name of ['Copy link', 'Embed']) await expect(tools(page).getByRole('button', { name, exact: true })).toBeVisible();
    await expect(tools(page).getByRole('switch', { name: /Hindsight/ })).toBeVisible();
    await expect(tools(page).getByRole('combobox', { name: 'Theme' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Filter and search' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('button', { name: `Download ${TOTAL} items as CSV` })).toBeVisible();
    const box = await boxAtTop(page, firstTitle(page));
    console.log(`1280×800: first card's title at ${box.top}–${box.bottom} px`);
    expect(box.bottom).toBeLessThanOrEqual(800);
    await viewLink(page, 'Matrix').click();
    await expect(page.getByRole('region', { name: 'Feasibility matrix', exact: true })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
