// Summit Fruits in another page's iframe (`?embed=1`): reports the page's height to the host page, whose loader
// (static/embed.js) sizes the frame by it, and opens modal dialogs where the reader is in a frame that may be far
// taller than the host's window. Only a page in a frame loads this: the app asks for it (src/frame_embed.rs) through
// the provider that static/boot.js defines, which fetches it by the name and integrity in
// <meta name="summit-fruits:frame">; the single file carries it in the page.
//
// Its top-level names are its own (frameHeightMessage, startFrame…): the single file puts this text in one module
// with the wasm-bindgen JS and boot.js.

/** The `type` of the message a frame posts to its host: `{ type, height: <integer CSS px> }` (static/embed.js). */
export const frameHeightMessage = 'summit-fruits:height';
/** The `type` of the message the host's loader posts to ask a frame for its height again (it may have missed it). */
export const frameMeasureMessage = 'summit-fruits:measure';
/** How long after posting a height the page measures itself once more, in milliseconds. */
const frameFollowUpMs = 100;
/** The gap, in CSS pixels, kept between a dialog and the edges of a frame, and above the place the reader acted. */
export const frameDialogGap = 16;

/**
 * The height to report for a page whose content ends `contentBottom` CSS pixels from its top: whole pixels, rounded
 * up so nothing is cut, never negative (a non-finite measure gives 0) and at most 2^32 - 1.
 */
export function frameReportedHeight(contentBottom) {
  if (!Number.isFinite(contentBottom) || contentBottom <= 0) return 0;
  return Math.min(Math.ceil(contentBottom), 2 ** 32 - 1);
}

/**
 * Where a modal dialog `dialogHeight` tall goes in a frame `viewportHeight` tall, as the distance of its top from the
 * frame's top: just above `anchorTop` (where the reader last clicked or focused; null when the dialog opened from the
 * address), kept inside the part of the frame the reader sees, `seen` ([top, bottom] in the frame's coordinates; null,
 * or an empty or non-finite band, when it is not known: then the whole frame). A frame sized to its content can be far
 * taller than the host's window, and a dialog centred in it would open out of the reader's sight; so would one placed
 * above a link the reader clicked at the top edge of the window.
 */
export function frameDialogTop(anchorTop, dialogHeight, viewportHeight, seen) {
  let [seenTop, seenBottom] = [0, viewportHeight];
  if (seen && Number.isFinite(seen[0]) && Number.isFinite(seen[1])) {
    const [top, bottom] = [Math.max(seen[0], 0), Math.min(seen[1], viewportHeight)];
    if (bottom > top) [seenTop, seenBottom] = [top, bottom];
  }
  const highest = seenTop + frameDialogGap;
  const lowest = Math.max(seenBottom - dialogHeight - frameDialogGap, highest);
  const wanted = anchorTop == null ? highest : anchorTop - 2 * frameDialogGap;
  return Number.isFinite(wanted) ? Math.max(Math.min(wanted, lowest), highest) : highest;
}

/** Whether `dialog` is open as a modal (false where the browser does not know `:modal`). */
function frameIsModal(dialog) {
  try {
    return dialog.matches(':modal');
  } catch (error) {
    return false;
  }
}

/**
 * Opens modal dialogs in `page` just above where the reader last clicked or moved focus, inside the part of the frame
 * the host's window shows. That part is known only from an IntersectionObserver, whose first report comes with the
 * next rendering step: a dialog is placed at once by where the reader acted, and moved, if need be, when that report
 * comes. Returns the function that stops it.
 */
function placeFrameDialogs(page) {
  let anchor = null;
  const onPointer = (event) => {
    if (event instanceof MouseEvent) anchor = event.clientY;
  };
  const onFocus = (event) => {
    // Focus moving into a dialog is the dialog's own doing, not the reader's place.
    if (event.target instanceof Element && !event.target.closest('dialog')) {
      anchor = event.target.getBoundingClientRect().top;
    }
  };
  // Places every open modal dialog; says whether there was one.
  const place = (seen) => {
    let placed = false;
    for (const dialog of page.querySelectorAll('dialog[open]')) {
      if (!frameIsModal(dialog)) continue;
      const top = frameDialogTop(anchor, dialog.offsetHeight, innerHeight, seen);
      // CSSOM, not a style attribute: the page's Content-Security-Policy allows this.
      dialog.style.setProperty('top', `${Math.round(top)}px`);
      dialog.style.setProperty('bottom', 'auto');
      dialog.style.setProperty('margin-top', '0');
      dialog.style.setProperty('margin-bottom', '0');
      placed = true;
    }
    return placed;
  };
  const seen = new IntersectionObserver((entries, observer) => {
    // One report per opening: later scrolls of the host leave an open dialog where it is.
    observer.unobserve(page);
    const entry = entries[entries.length - 1];
    if (entry && entry.isIntersecting) {
      place([entry.intersectionRect.top, entry.intersectionRect.bottom]);
    }
  });
  const opened = new MutationObserver(() => {
    if (place(null)) {
      // A fresh observation reports once, with the part of the page in sight now.
      seen.unobserve(page);
      seen.observe(page);
    }
  });
  opened.observe(page, { subtree: true, attributes: true, attributeFilter: ['open'] });
  document.addEventListener('pointerdown', onPointer);
  document.addEventListener('focusin', onFocus);
  return () => {
    opened.disconnect();
    seen.disconnect();
    document.removeEventListener('pointerdown', onPointer);
    document.removeEventListener('focusin', onFocus);
  };
}

/**
 * Starts reporting the height of `page` (the page's root element) to the parent window: now (the frame announcing
 * itself: a loader that is already listening sizes the frame at once), on every change of its content or layout, and
 * again whenever the host's loader asks; and starts placing its dialogs. Returns the function that stops both, or null
 * at the top level, where there is no host to tell.
 *
 * Two observers, because a cross-origin frame out of the host's sight gets no rendering steps: no animation frames and
 * no ResizeObserver deliveries until the reader scrolls to it. The MutationObserver runs without them (its callbacks
 * are microtasks, and measuring forces the layout it needs), so every change of content is reported wherever the frame
 * sits; the ResizeObserver adds the changes of layout alone (a new frame width) while in view.
 */
export function startFrame(page) {
  const host = window.parent;
  if (!host || host === window) return null;
  let lastSent = null;
  let followUp;
  const report = (again) => {
    const height = frameReportedHeight(page.getBoundingClientRect().bottom + scrollY);
    // The same height twice in a row is news to nobody, unless the loader asked for it.
    if (!again && lastSent === height) return;
    lastSent = height;
    // Whatever the host's origin: the height is no secret.
    host.postMessage({ type: frameHeightMessage, height }, '*');
    // The host answers by resizing the frame, and a new frame size can change the layout (the frame's scrollbar goes,
    // the content gets wider) with no DOM change and, out of the host's sight, no rendering step to report it: measure
    // once more a moment later. A timer still runs there; a same height ends the chain.
    clearTimeout(followUp);
    followUp = setTimeout(() => report(false), frameFollowUpMs);
  };
  const onChange = () => report(false);
  const resizes = new ResizeObserver(onChange);
  resizes.observe(page);
  const mutations = new MutationObserver(onChange);
  mutations.observe(page, { subtree: true, childList: true, attributes: true, characterData: true });
  // The loader may start after the first report was sent (it loads async): it then asks each frame again.
  const onRequest = (event) => {
    if (event.source === host && event.data && event.data.type === frameMeasureMessage) report(true);
  };
  addEventListener('message', onRequest);
  const stopDialogs = placeFrameDialogs(page);
  // Announce the height now, listening already: whichever of the loader and this page starts first, one of this
  // report and the loader's request reaches the other.
  report(false);
  return () => {
    resizes.disconnect();
    mutations.disconnect();
    removeEventListener('message', onRequest);
    clearTimeout(followUp);
    stopDialogs();
  };
}
