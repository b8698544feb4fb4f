// axe-core (WCAG 2.2 AA and target-size) in every state a reader can reach: each view, an open card,
// filters, an empty result, embedded, and the dark theme (chosen, and from the system), at 320 px and 1280 px. The two
// ways to the dark theme give the same colours, so each view is checked dark once at each width: chosen in "Theme" at
// 320 px, from the system at 1280 px.
import { test, expect } from '@playwright/test';
import {
  openExplorer,
  openEmbedded,
  watchErrors,
  expectNoAxeViolations,
  loadData,
  resultCount,
  countText,
  installContrastKit,
  chooseTheme,
} from './helpers.mjs';

const data = loadData();
const TOTAL = data.items.length;
const openItem = data.items[0];

const matrixRegion = (page) => page.getByRole('region', { name: 'Feasibility matrix', exact: true });
const views = {
  cards: { path: '', ready: (page) => expect(page.getByRole('main').getByRole('article')).toHaveCount(TOTAL) },
  matrix: { path: '#view=matrix', ready: (page) => expect(matrixRegion(page)).toBeVisible() },
  article: {
    path: '#view=article',
    ready: (page) => expect(page.getByRole('heading', { name: 'The article', level: 2 })).toBeVisible(),
  },
  timeline: {
    path: '#view=timeline',
    ready: (page) => expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible(),
  },
};

/** Each state: how to reach it and what shows that it is there. */
const states = [
  ...Object.entries(views).map(([name, v]) => ({
    name: `${name} view`,
    open: async (page) => {
      await openExplorer(page, v.path);
      await v.ready(page);
    },
  })),
  {
    name: 'a card’s detail open',
    open: async (page) => {
      await openExplorer(page, `#item=${openItem.id}`);
      await expect(page.getByRole('dialog', { name: openItem.title })).toBeVisible();
    },
  },
  {
    name: 'a card’s detail open over the matrix',
    open: async (page) => {
      await openExplorer(page, `#view=matrix&item=${openItem.id}`);
      await expect(page.getByRole('dialog', { name: openItem.title })).toBeVisible();
    },
  },
  {
    name: 'filters applied (category, level, search)',
    open: async (page) => {
      await openExplorer(page, '#cat=high-hanging,low-hanging&level=1,2&q=the');
      await expect(page.getByRole('button', { name: /^Remove filter / })).toHaveCount(5);
      await expect(resultCount(page)).not.toHaveText(countText(TOTAL, TOTAL));
    },
  },
  {
    name: 'filters applied in the matrix (dimmed marks)',
    open: async (page) => {
      await openExplorer(page, '#view=matrix&cat=risk');
      await expect(matrixRegion(page)).toBeVisible();
    },
  },
  {
    name: 'a passage emphasised in the article',
    open: async (page) => {
      await openExplorer(page, `#view=article&passage=${openItem.id}.1`);
      await expect(page.locator('.passage-current').first()).toBeInViewport();
    },
  },
  {
    name: 'an empty result',
    open: async (page) => {
      await openExplorer(page, '#q=xylophone');
      await expect(page.getByText('No prospect or risk matches these filters.')).toBeVisible();
    },
  },
  {
    name: 'a link with ignored parts (notice shown)',
    open: async (page) => {
      await openExplorer(page, '#view=nope&zzz=1');
      await expect(page.getByText('Some parts of this link could not be used:')).toBeVisible();
    },
  },
  {
    name: 'embed mode (?embed=1)',
    embedded: true,
    open: async (page) => {
      await openEmbedded(page, '?embed=1');
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
      await views.cards.ready(page);
    },
  },
  {
    name: 'embed mode, matrix (?embed=1#view=matrix)',
    embedded: true,
    open: async (page) => {
      await openEmbedded(page, '?embed=1#view=matrix');
      await views.matrix.ready(page);
    },
  },
  ...Object.entries(views).map(([name, v]) => ({
    name: `dark theme chosen in "Theme", ${name} view`,
    widths: [320],
    open: async (page) => {
      await openExplorer(page, v.path);
      await chooseTheme(page, 'Dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await v.ready(page);
    },
  })),
  ...Object.entries(views).map(([name, v]) => ({
    name: `dark system colour scheme, ${name} view`,
    widths: [1280],
    open: async (page) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await openExplorer(page, v.path);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      await v.ready(page);
    },
  })),
  {
    name: 'dark theme chosen, a card’s detail open',
    open: async (page) => {
      // The theme first: in one column it is behind "More", which an open (modal) card covers. The choice is kept.
      await openExplorer(page);
      await chooseTheme(page, 'Dark');
      await openExplorer(page, `#item=${openItem.id}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(page.getByRole('dialog', { name: openItem.title })).toBeVisible();
    },
  },
  {
    name: 'dark system colour scheme, an empty result',
    open: async (page) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await openExplorer(page, '#q=xylophone&cat=risk');
      await expect(page.getByText('No prospect or risk matches these filters.')).toBeVisible();
    },
  },
];

const widths = [
  { width: 320, height: 640 },
  { width: 1280, height: 900 },
];

/** The states checked at a viewport: every state, but those that name their widths only at those. */
const statesAt = (viewport) => states.filter((s) => !s.widths || s.widths.includes(viewport.width));

test('lists the accessibility states covered', () => {
  const labels = widths.flatMap((v) => statesAt(v).map((s) => `${s.name} at ${v.width} px`));
  console.log(`Accessibility states covered by axe-core (${labels.length}):\n${labels.map((l) => `  - ${l}`).join('\n')}`);
  expect(new Set(labels).size).toBe(labels.length);
});

for (const viewport of widths) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });
    for (const state of statesAt(viewport)) {
      test(`axe finds no violations: ${state.name}`, async ({ page }) => {
        const errors = watchErrors(page);
        await state.open(page);
        const label = `${state.name} at ${viewport.width} px`;
        await expectNoAxeViolations(page, label, { embedded: state.embedded });
        console.log(`axe: no violations — ${label}`);
        expect(errors).toEqual([]);
      });
    }
  });
}

// axe-core cannot work out the background of SVG text (it reports the matrix's text as "incomplete"), so the
// matrix's contrast is measured here: each text against the box it sits on, or the region's background, with the
// colour arithmetic of helpers.mjs (installContrastKit), which the perception journeys share.
for (const theme of ['Light', 'Dark']) {
  test(`matrix text keeps 4.5:1 contrast in the ${theme.toLowerCase()} theme, dimmed marks included`, async ({ page }) => {
    const errors = watchErrors(page);
    await openExplorer(page, '#view=matrix&cat=risk');
    await page.getByLabel('Theme').selectOption({ label: theme });
    await expect(matrixRegion(page)).toBeVisible();
    await installContrastKit(page);
    const low = await matrixRegion(page).evaluate((region) => {
      const { parse: rgba, over, ratio } = window.__a11y;
      const page = rgba(getComputedStyle(region).backgroundColor);
      const failures = [];
      let measured = 0;
      let dimmed = 0;
      // Each element that draws text of its own (a <text>, or a <tspan> inside one), with the fill it really has.
      const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      for (const text of region.querySelectorAll('svg text, svg tspan')) {
        if (!ownText(text)) continue;
        const style = getComputedStyle(text);
        const mark = text.closest('.matrix-mark');
        const box = mark?.querySelector('.matrix-mark-box');
        let background = page;
        if (box) {
          const fill = rgba(getComputedStyle(box).fill);
          const opacity = Number(getComputedStyle(box).fillOpacity);
          background = over({ ...fill, a: fill.a * opacity }, page);
        }
        const fill = rgba(style.fill);
        const colour = over({ ...fill, a: fill.a * Number(style.fillOpacity) * Number(style.opacity) }, background);
        const r = ratio(colour, background);
        measured += 1;
        if (mark?.classList.contains('matrix-mark--dim')) dimmed += 1;
        if (r < 4.5) {
          const where = mark ? mark.getAttribute('class') : text.getAttribute('class');
          failures.push(`${text.textContent.trim()} (${where}): ${style.fill} on ${JSON.stringify(background)}, ${r.toFixed(2)}:1`);
        }
      }
      return { failures, measured, dimmed };
    });
    expect(low.measured, 'texts measured').toBeGreaterThan(50);
    expect(low.dimmed, 'texts of dimmed marks measured').toBeGreaterThan(10);
    expect(low.failures, `matrix text below 4.5:1 in the ${theme} theme`).toEqual([]);
    expect(errors).toEqual([]);
  });
}
