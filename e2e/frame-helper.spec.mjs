// The frame helper's arithmetic (static/frame-helper.js), on its own: the heights a frame reports and where its modal
// dialogs open. The journeys in embed-frame, embed-columns and embed-fold drive the same helper in a real frame.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';

const source = readFileSync(new URL('../static/frame-helper.js', import.meta.url), 'utf8');
/** The helper as the page loads it: an ES module, imported from its text. */
const helper = await import(`data:text/javascript,${encodeURIComponent(source)}`);

test('heights are whole pixels rounded up, never negative, never past 2^32 - 1', () => {
  const cases = [
    [0, 0],
    [-5, 0],
    [812, 812],
    [812.01, 813],
    [812.99, 813],
    [NaN, 0],
    [Infinity, 0],
    [1e12, 2 ** 32 - 1],
  ];
  for (const [measure, expected] of cases) {
    expect(helper.frameReportedHeight(measure), `height for ${measure}`).toBe(expected);
  }
});

test('dialogs open where the reader is and stay inside the frame', () => {
  // [where the reader acted, dialog height, frame height, top]; the part the reader sees unknown.
  const cases = [
    [3000, 600, 8000, 2968],
    [20, 600, 8000, 16],
    [null, 600, 8000, 16],
    // Near the bottom: the dialog moves up to fit.
    [7900, 600, 8000, 7384],
    // A dialog taller than the frame starts at the top and scrolls inside itself.
    [400, 900, 800, 16],
    [NaN, 600, 8000, 16],
  ];
  for (const [anchor, height, viewport, top] of cases) {
    expect(helper.frameDialogTop(anchor, height, viewport, null), `${anchor}, ${height}, ${viewport}`).toBe(top);
  }
});

test('dialogs stay inside the part of the frame the reader sees', () => {
  // The host's window shows the frame from 3000 to 3720 of its 8000 px.
  const seen = [3000, 3720];
  const cases = [
    // Clicked in the middle of the window: just above the click, as without the band.
    [3300, 400, 3268],
    // Clicked at the window's top edge: not above the window, but at its top.
    [3005, 400, 3016],
    // Clicked at the window's bottom edge: moved up so that the dialog is in the window.
    [3700, 400, 3304],
    // Opened from the address: at the top of what the reader sees.
    [null, 400, 3016],
    // Taller than the window: its top in sight, the rest scrolls inside it.
    [3500, 900, 3016],
  ];
  for (const [anchor, height, top] of cases) {
    expect(helper.frameDialogTop(anchor, height, 8000, seen), `${anchor}, ${height}`).toBe(top);
  }
  // A band beyond the frame is cut to it; an empty or unusable band counts as unknown.
  expect(helper.frameDialogTop(7900, 600, 8000, [7000, 9000])).toBe(7384);
  for (const band of [[500, 500], [900, 100], [NaN, 700], [0, Infinity]]) {
    expect(helper.frameDialogTop(3000, 600, 8000, band), String(band)).toBe(2968);
  }
});

test('the helper and the host page\'s loader speak the same messages', () => {
  const loader = readFileSync(new URL('../static/embed.js', import.meta.url), 'utf8');
  expect(helper.frameHeightMessage).toBe('summit-fruits:height');
  expect(helper.frameMeasureMessage).toBe('summit-fruits:measure');
  expect(loader).toContain(`data.type !== '${helper.frameHeightMessage}'`);
  expect(loader).toContain(`{ type: '${helper.frameMeasureMessage}' }`);
});

test('at the top level the helper starts nothing', () => {
  // No parent page: the window is its own parent.
  const window = {};
  window.parent = window;
  globalThis.window = window;
  try {
    expect(helper.startFrame({})).toBeNull();
  } finally {
    delete globalThis.window;
  }
});
