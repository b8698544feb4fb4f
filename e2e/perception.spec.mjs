// What a reader perceives, measured in the page from computed colours (and, for the natively drawn checkboxes and
// radio buttons, from the pixels): text contrast 4.5:1 (3:1 when large), non-text contrast 3:1 (matrix marks and
// their shapes, focus rings, meter steps, checkbox and radio borders, category icons) in both themes; category never
// by colour alone; no motion when the reader asks for less; everything still drawn under forced colours.
import { test, expect } from '@playwright/test';
import { openExplorer, watchErrors, loadData, installContrastKit, paintedContrast, expectNoAxeViolations } from './helpers.mjs';

const data = loadData();
const TOTAL = data.items.length;
const openItem = data.items[0];
const MAX = Math.max(...data.feasibility_scale.map((l) => l.level));

/** The states measured: each view, a card's detail, filters (dimmed marks, excluded chips) and the scorecard. */
const states = [
  { name: 'cards', path: '', ready: (p) => expect(p.getByRole('main').getByRole('article')).toHaveCount(TOTAL) },
  { name: 'cards, filtered and searched', path: '#cat=low-hanging,risk&q=the', ready: (p) => expect(p.locator('mark.search-hit').first()).toBeVisible() },
  { name: 'cards with hindsight', path: '#hindsight=1', ready: (p) => expect(p.locator('.hindsight-panel')).toHaveCount(TOTAL) },
  { name: 'matrix, dimmed marks', path: '#view=matrix&cat=risk', ready: (p) => expect(p.locator('a.matrix-mark--dim').first()).toBeVisible() },
  { name: 'article, a passage emphasised', path: `#view=article&passage=${openItem.id}.0`, ready: (p) => expect(p.locator('.passage-current').first()).toBeVisible() },
  { name: 'timeline, filtered', path: '#view=timeline&cat=risk&hindsight=1', ready: (p) => expect(p.locator('.hindsight-timeline')).toBeVisible() },
  { name: 'scorecard', path: '#view=scorecard&hindsight=1', ready: (p) => expect(p.locator('table.scorecard-table')).toHaveCount(2) },
  { name: 'a card’s detail', path: `#item=${openItem.id}&hindsight=1`, ready: (p) => expect(p.getByRole('dialog')).toBeVisible() },
];
const themes = ['Light', 'Dark'];

async function open(page, state, theme) {
  await openExplorer(page, state.path);
  // The theme control is behind the dialog when a card is open: choose the theme first, then reopen the state.
  await page.evaluate((t) => localStorage.setItem('summit-fruits-theme', t), theme.toLowerCase());
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
  await state.ready(page);
  await installContrastKit(page);
}

/** Text contrast of every element that draws text of its own (outside SVG, which is measured on its own). */
function measureText(page) {
  return page.evaluate(() => {
    const { parse, over, withAlpha, ratio, behind, describe, visible, css } = window.__a11y;
    const root = document.querySelector('dialog[open]') ?? document.body;
    const failures = [];
    const skipped = [];
    let measured = 0;
    for (const el of root.querySelectorAll('*')) {
      if (el.closest('svg, script, style, option, .visually-hidden')) continue;
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
      if (!visible(el)) continue;
      // Text of a disabled control is exempt (an inactive user interface component).
      if (el.closest('label')?.control?.disabled || el.closest(':disabled')) continue;
      const style = getComputedStyle(el);
      const { colour: bg, gradient } = behind(el);
      if (gradient) {
        skipped.push(describe(el));
        continue;
      }
      let opacity = 1;
      for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const fg = over(withAlpha(parse(style.color), opacity), bg);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
      const need = large ? 3 : 4.5;
      const r = ratio(fg, bg);
      measured += 1;
      if (r < need) failures.push(`${describe(el)}: ${css(fg)} on ${css(bg)} is ${r.toFixed(2)}:1, needs ${need}:1`);
    }
    return { measured, failures, skipped };
  });
}

/** Non-text contrast: focus rings of every focusable element, category icons, meter steps, and the matrix's marks. */
function measureNonText(page) {
  return page.evaluate(() => {
    const { parse, over, withAlpha, ratio, background, describe, visible, css } = window.__a11y;
    const root = document.querySelector('dialog[open]') ?? document.body;
    const failures = [];
    const counts = { rings: 0, icons: 0, steps: 0, marks: 0, markRings: 0 };
    const need = (what, r, a, b) => {
      if (r < 3) failures.push(`${what}: ${css(a)} against ${css(b)} is ${r.toFixed(2)}:1, needs 3:1`);
    };

    // Focus rings: each focusable element, focused, draws an outline of 2 px or more that keeps 3:1 against what is
    // around it (the outline is drawn outside the element, on its parent's background).
    const focusables = [...root.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter(
      (el) => el.tabIndex >= 0 && !el.disabled && !el.closest('svg') && visible(el),
    );
    for (const el of focusables) {
      el.focus({ preventScroll: true });
      const style = getComputedStyle(el);
      counts.rings += 1;
      if (document.activeElement !== el || !el.matches(':focus-visible')) {
        failures.push(`focus ring of ${describe(el)}: it does not take visible focus`);
        continue;
      }
      if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
        failures.push(`focus ring of ${describe(el)}: outline ${style.outlineStyle} ${style.outlineWidth}`);
        continue;
      }
      const bg = background(el.parentElement);
      const ring = over(parse(style.outlineColor), bg);
      need(`focus ring of ${describe(el)}`, ratio(ring, bg), ring, bg);
    }

    // Category icons: the shape's fill against what the icon sits on.
    for (const svg of root.querySelectorAll('svg.category-icon')) {
      if (!visible(svg)) continue;
      const path = svg.querySelector('path');
      const style = getComputedStyle(path);
      const bg = background(svg.parentElement);
      const fill = over(withAlpha(parse(style.fill), Number(style.fillOpacity)), bg);
      counts.icons += 1;
      need(`category icon in ${describe(svg.parentElement)}`, ratio(fill, bg), fill, bg);
    }

    // Meter steps: a filled step against the card, an empty step's border against the card, filled against empty.
    for (const meter of root.querySelectorAll('[role="meter"]')) {
      if (!visible(meter)) continue;
      const bg = background(meter);
      const on = meter.querySelector('.meter-step.on');
      const off = meter.querySelector('.meter-step:not(.on)');
      if (on) {
        const fill = over(parse(getComputedStyle(on).backgroundColor), bg);
        counts.steps += 1;
        need(`filled meter step (${meter.getAttribute('aria-valuetext')})`, ratio(fill, bg), fill, bg);
        if (off) {
          const empty = over(parse(getComputedStyle(off).backgroundColor), bg);
          need(`filled against empty meter step (${meter.getAttribute('aria-valuetext')})`, ratio(fill, empty), fill, empty);
        }
      }
      if (off) {
        const border = over(parse(getComputedStyle(off).borderTopColor), bg);
        counts.steps += 1;
        need(`empty meter step's border (${meter.getAttribute('aria-valuetext')})`, ratio(border, bg), border, bg);
      }
    }

    // The matrix: each mark's box outline against its column, its category shape against the box, and its focus
    // ring (the box's stroke while focused) against both.
    const svg = root.querySelector('svg.matrix-svg');
    if (svg) {
      const regionBg = background(svg);
      const columns = [...svg.querySelectorAll('rect.matrix-col')].map((r) => {
        const s = getComputedStyle(r);
        return {
          x: Number(r.getAttribute('x')),
          w: Number(r.getAttribute('width')),
          fill: over(withAlpha(parse(s.fill), Number(s.fillOpacity)), regionBg),
        };
      });
      for (const mark of svg.querySelectorAll('a.matrix-mark')) {
        const x = mark.transform.baseVal.consolidate().matrix.e;
        const column = columns.find((c) => x >= c.x && x < c.x + c.w);
        const box = mark.querySelector('.matrix-mark-box');
        const shape = mark.querySelector('.matrix-mark-shape');
        const what = `mark ${mark.getAttribute('data-item')}${mark.classList.contains('matrix-mark--dim') ? ' (dimmed)' : ''}`;
        const paint = (el, prop) => {
          const s = getComputedStyle(el);
          const colour = parse(s[prop]);
          return withAlpha(colour, Number(prop === 'fill' ? s.fillOpacity : s.strokeOpacity));
        };
        counts.marks += 1;
        const boxFill = over(paint(box, 'fill'), column.fill);
        const boxStroke = over(paint(box, 'stroke'), column.fill);
        need(`${what}: box outline against its column`, ratio(boxStroke, column.fill), boxStroke, column.fill);
        // The shape shows by its fill or by its full-colour outline (a dimmed shape's fill is see-through).
        const shapeFill = over(paint(shape, 'fill'), boxFill);
        const shapeStroke = over(paint(shape, 'stroke'), boxFill);
        const shapeBest = Math.max(ratio(shapeFill, boxFill), ratio(shapeStroke, boxFill));
        need(`${what}: category shape against its box`, shapeBest, ratio(shapeFill, boxFill) > ratio(shapeStroke, boxFill) ? shapeFill : shapeStroke, boxFill);
        mark.focus({ preventScroll: true });
        if (mark.matches(':focus-visible')) {
          counts.markRings += 1;
          const s = getComputedStyle(box);
          const ring = over(parse(s.stroke), column.fill);
          if (parseFloat(s.strokeWidth) < 2) failures.push(`${what}: focus ring ${s.strokeWidth} wide`);
          need(`${what}: focus ring against its column`, ratio(ring, column.fill), ring, column.fill);
          need(`${what}: focus ring against its box`, ratio(ring, boxFill), ring, boxFill);
        } else {
          failures.push(`${what}: does not take visible focus`);
        }
      }
    }
    document.activeElement?.blur();
    return { failures, counts };
  });
}

for (const theme of themes) {
  test.describe(`${theme.toLowerCase()} theme`, () => {
    for (const state of states) {
      test(`text keeps 4.5:1 (3:1 when large): ${state.name}`, async ({ page }) => {
        const errors = watchErrors(page);
        await open(page, state, theme);
        const { measured, failures, skipped } = await measureText(page);
        expect(measured, 'texts measured').toBeGreaterThan(15);
        expect(failures, `text below its contrast minimum in the ${theme} theme, ${state.name}`).toEqual([]);
        expect(skipped, 'no text sits on a background image, where colours cannot be computed').toEqual([]);
        expect(errors).toEqual([]);
      });

      test(`focus rings, icons, meter steps and matrix marks keep 3:1: ${state.name}`, async ({ page }) => {
        const errors = watchErrors(page);
        await open(page, state, theme);
        // A key press first, as a keyboard user's would be: focus rings are for keyboard focus.
        await page.keyboard.press('Shift');
        const { failures, counts } = await measureNonText(page);
        expect(counts.rings, 'focusable elements measured').toBeGreaterThan(2);
        if (state.name.startsWith('matrix')) {
          expect(counts.marks, 'marks measured').toBeGreaterThanOrEqual(TOTAL);
          expect(counts.markRings, 'mark focus rings measured').toBe(counts.marks);
        }
        if (state.name.startsWith('cards') || state.name.includes('detail')) expect(counts.steps, 'meter steps measured').toBeGreaterThan(0);
        if (!state.name.startsWith('scorecard')) expect(counts.icons, 'category icons measured').toBeGreaterThan(0);
        expect(failures, `non-text contrast below 3:1 in the ${theme} theme, ${state.name}`).toEqual([]);
        expect(errors).toEqual([]);
      });
    }

    test('checkbox and radio borders, as painted, keep 3:1 against the panel', async ({ page }) => {
      await open(page, { path: '#view=matrix&cat=risk', ready: (p) => expect(p.locator('a.matrix-mark').first()).toBeVisible() }, theme);
      const filters = page.getByRole('complementary', { name: 'Filter and search' });
      const controls = {
        'an unticked checkbox': filters.getByRole('checkbox', { checked: false }).first(),
        'a ticked checkbox': filters.getByRole('checkbox', { checked: true }).first(),
        'an unchosen radio button': page.getByRole('radio', { checked: false }).first(),
        'a chosen radio button': page.getByRole('radio', { checked: true }).first(),
      };
      for (const [what, control] of Object.entries(controls)) {
        await expect(control).toBeVisible();
        const { ratio, colour, background } = await paintedContrast(page, control);
        expect(
          ratio,
          `${what} in the ${theme} theme: its most visible pixel ${JSON.stringify(colour)} on ${JSON.stringify(background)}`,
        ).toBeGreaterThanOrEqual(3);
      }
    });
  });
}

test.describe('category never by colour alone', () => {
  test('each card names its category in words and with that category’s own icon shape', async ({ page }) => {
    await openExplorer(page);
    const cards = page.getByRole('main').getByRole('article');
    await expect(cards).toHaveCount(TOTAL);
    const shapes = new Map();
    for (const [i, item] of data.items.entries()) {
      const badge = cards.nth(i).locator('.category-badge');
      const label = data.vocabularies.categories.find((c) => c.id === item.category).label;
      await expect(badge).toHaveText(label);
      const icon = badge.locator('svg.category-icon path');
      await expect(icon).toHaveCount(1);
      const d = await icon.getAttribute('d');
      if (shapes.has(item.category)) expect(d, `${item.id}: the same shape as other ${item.category} items`).toBe(shapes.get(item.category));
      shapes.set(item.category, d);
    }
    const categories = data.vocabularies.categories.filter((c) => data.items.some((i) => i.category === c.id));
    expect(shapes.size).toBe(categories.length);
    expect(new Set(shapes.values()).size, 'each category has a shape of its own').toBe(categories.length);

    // The matrix marks use the same shapes, and the article's highlights differ by underline style too.
    await page.goto('#view=matrix');
    await expect(page.locator('a.matrix-mark').first()).toBeVisible();
    for (const [category, d] of shapes) {
      const marks = page.locator(`a.matrix-mark.cat-${category} .matrix-mark-shape`);
      expect(await marks.count()).toBeGreaterThan(0);
      expect(new Set(await marks.evaluateAll((ps) => ps.map((p) => p.getAttribute('d'))))).toEqual(new Set([d]));
    }
    await page.goto('#view=article');
    await expect(page.locator('mark.article-mark').first()).toBeVisible();
    const styles = await page.evaluate((ids) => ids.map((id) => {
      const mark = document.querySelector(`mark.article-mark.cat-${id}:not(.article-mark-overlap)`);
      return mark && getComputedStyle(mark).textDecorationStyle;
    }), [...shapes.keys()]);
    expect(styles.every(Boolean), 'each category has a highlight').toBe(true);
    expect(new Set(styles).size, 'each category’s highlight has an underline style of its own').toBe(shapes.size);
  });
});

test.describe('reduced motion', () => {
  /** Every element (and ::before/::after) with a transition or animation that lasts, as "selector: durations". */
  const moving = (page) =>
    page.evaluate(() => {
      const lasting = (value) => value.split(',').some((v) => parseFloat(v) > 0);
      const found = [];
      for (const el of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const s = getComputedStyle(el, pseudo);
          if (lasting(s.transitionDuration) || lasting(s.animationDuration)) {
            const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).join('.');
            found.push(`${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${pseudo ?? ''}: transition ${s.transitionDuration}, animation ${s.animationDuration}`);
          }
        }
      }
      return found;
    });

  test('with prefers-reduced-motion: reduce, nothing that moves otherwise moves, and the page does not scroll smoothly', async ({ page }) => {
    const errors = watchErrors(page);
    for (const path of ['#hindsight=1', '#view=matrix&hindsight=1', '#view=article', '#view=timeline&hindsight=1', '#view=scorecard&hindsight=1']) {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await openExplorer(page, path);
      const before = await moving(page);
      // The hindsight switch's thumb slides: proof that the search finds what moves.
      expect(before.some((m) => m.startsWith('span.hindsight-switch-thumb')), `${path}: the switch's thumb moves (${before})`).toBe(true);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
      expect(await moving(page), `${path}: still moving with reduced motion`).toEqual([]);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    }
    expect(errors).toEqual([]);
  });

  for (const [motion, behavior] of [
    ['reduce', 'auto'],
    ['no-preference', 'smooth'],
  ]) {
    test(`"Read in the article" scrolls to the passage with behavior "${behavior}" when motion is ${motion}`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.emulateMedia({ reducedMotion: motion });
      await page.addInitScript(() => {
        window.__scrolls = [];
        const original = Element.prototype.scrollIntoView;
        Element.prototype.scrollIntoView = function scrollIntoView(options) {
          window.__scrolls.push(typeof options === 'object' ? { ...options } : { behavior: 'auto', block: options === false ? 'end' : 'start' });
          return original.call(this, options);
        };
      });
      await openExplorer(page, `#item=${openItem.id}`);
      const dialog = page.getByRole('dialog', { name: openItem.title });
      await dialog.getByRole('link', { name: 'Read in the article' }).first().click();
      await expect(page.locator('.passage-current').first()).toBeInViewport();
      const scrolls = await page.evaluate(() => window.__scrolls);
      expect(scrolls.length, 'the passage was scrolled to').toBeGreaterThan(0);
      expect(scrolls.map((s) => s.behavior)).toEqual(scrolls.map(() => behavior));
      expect(scrolls[0].block).toBe('center');
      expect(errors).toEqual([]);
    });
  }
});

test.describe('forced colours', () => {
  /** Colours under forced colours: what each of the drawn things uses, and the Canvas colour behind them. */
  const forcedPaint = (page) =>
    page.evaluate(() => {
      const { parse, css, background, visible } = window.__a11y;
      const probe = document.createElement('span');
      probe.style.forcedColorAdjust = 'none';
      probe.style.backgroundColor = 'Canvas';
      document.body.append(probe);
      const canvas = parse(getComputedStyle(probe).backgroundColor);
      probe.remove();
      const same = (a, b) => a && b && Math.round(a.r) === Math.round(b.r) && Math.round(a.g) === Math.round(b.g) && Math.round(a.b) === Math.round(b.b);
      const shows = (colour, against) => Boolean(colour) && colour.a > 0 && !same(colour, against);
      const failures = [];
      const counts = { steps: 0, icons: 0, marks: 0, highlights: 0 };
      const check = (what, colour, against) => {
        if (!shows(colour, against)) failures.push(`${what}: ${colour ? css(colour) : 'none'} against ${css(against)}`);
      };
      for (const meter of document.querySelectorAll('[role="meter"]')) {
        if (!visible(meter)) continue;
        const bg = background(meter);
        const on = meter.querySelector('.meter-step.on');
        const off = meter.querySelector('.meter-step:not(.on)');
        counts.steps += 1;
        if (on) check(`filled meter step (${meter.getAttribute('aria-valuetext')})`, parse(getComputedStyle(on).backgroundColor), bg);
        if (off) check(`empty meter step's border (${meter.getAttribute('aria-valuetext')})`, parse(getComputedStyle(off).borderTopColor), bg);
        if (on && off) {
          check(`filled against empty step (${meter.getAttribute('aria-valuetext')})`, parse(getComputedStyle(on).backgroundColor), parse(getComputedStyle(off).backgroundColor));
        }
      }
      for (const svg of document.querySelectorAll('svg.category-icon')) {
        if (!visible(svg)) continue;
        counts.icons += 1;
        check(`category icon in ${svg.parentElement.className}`, parse(getComputedStyle(svg.querySelector('path')).fill), background(svg.parentElement));
      }
      for (const mark of document.querySelectorAll('a.matrix-mark')) {
        counts.marks += 1;
        const box = getComputedStyle(mark.querySelector('.matrix-mark-box'));
        const shape = getComputedStyle(mark.querySelector('.matrix-mark-shape'));
        const label = getComputedStyle(mark.querySelector('.matrix-mark-label'));
        const fill = parse(box.fill);
        check(`mark ${mark.getAttribute('data-item')}: box outline`, parse(box.stroke), fill);
        check(`mark ${mark.getAttribute('data-item')}: shape`, parse(shape.stroke), fill);
        check(`mark ${mark.getAttribute('data-item')}: title`, parse(label.fill), fill);
      }
      for (const mark of document.querySelectorAll('mark.article-mark')) {
        counts.highlights += 1;
        const s = getComputedStyle(mark);
        const bg = parse(s.backgroundColor);
        check(`highlight "${mark.textContent.slice(0, 30)}": its background`, bg, background(mark.parentElement));
        check(`highlight "${mark.textContent.slice(0, 30)}": its text`, parse(s.color), bg);
        check(`highlight "${mark.textContent.slice(0, 30)}": its underline`, parse(s.textDecorationColor), bg);
        if (mark.classList.contains('passage-current')) {
          check(`current highlight "${mark.textContent.slice(0, 30)}": its outline`, parse(s.outlineColor), background(mark.parentElement));
        }
      }
      return { failures, counts, canvas: css(canvas) };
    });

  test('meter steps, category icons, matrix marks and article highlights all keep a colour of their own', async ({ page }) => {
    const errors = watchErrors(page);
    await page.emulateMedia({ forcedColors: 'active' });
    const seen = { steps: 0, icons: 0, marks: 0, highlights: 0 };
    for (const path of ['', '#view=matrix&cat=risk', `#view=article&passage=${openItem.id}.0`, '#view=timeline']) {
      await openExplorer(page, path);
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      await installContrastKit(page);
      const { failures, counts } = await forcedPaint(page);
      for (const k of Object.keys(seen)) seen[k] += counts[k];
      expect(failures, `${path || 'cards'}: drawn in the background colour or not at all under forced colours`).toEqual([]);
    }
    expect(seen.steps, 'meters checked').toBeGreaterThanOrEqual(TOTAL);
    expect(seen.icons, 'category icons checked').toBeGreaterThan(TOTAL);
    expect(seen.marks, 'matrix marks checked').toBeGreaterThanOrEqual(TOTAL);
    expect(seen.highlights, 'article highlights checked').toBeGreaterThan(20);
    expect(errors).toEqual([]);
  });

  test('the page has no axe violations under forced colours', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openExplorer(page, `#view=matrix&item=${openItem.id}`);
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page, 'matrix with a card open, forced colours');
    expect(MAX).toBeGreaterThan(1);
  });
});
