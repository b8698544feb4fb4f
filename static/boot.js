// Starts the explorer from an external module script, so the page's Content-Security-Policy needs no
// 'unsafe-inline' (Trunk's own start script is inline; Trunk.toml turns it off with `inject_scripts = false`).
//
// The wasm-bindgen JS and the wasm carry content hashes in their names, so this file cannot name them.
// The build's post-build step (`cargo xtask postbuild`, xtask/src/postbuild/integrity.rs) writes a
// <link rel="modulepreload"> and a <link rel="preload" as="fetch"> for them into index.html, each with an `integrity`
// hash; this script finds them there and loads both through those links: the module map reuses the verified
// modulepreload, and the wasm is fetched with the same integrity.
//
// The single file (xtask/src/single_file.rs) inlines this text after the wasm-bindgen JS and a `startInlineApp`
// function that decodes the wasm from the page itself; when that function is there, it is used instead.
// Named apart from the wasm-bindgen JS's own top-level names, since the single file puts both in one module.
const bindgenLink = document.querySelector('link[rel="modulepreload"][data-summit="bindgen"]');
const wasmLink = document.querySelector('link[rel="preload"][data-summit="wasm"]');

/**
 * Adds a <link rel="REL"> for `href` with its integrity hash; resolves once it has loaded, rejects (and leaves the page)
 * if it cannot be loaded or fails the check. A modulepreload puts a module script into the module map, so that
 * import() runs that checked module (an import cannot carry a hash itself); a stylesheet's rules then apply.
 */
function addCheckedLink(rel, href, hash) {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = rel;
    link.crossOrigin = 'anonymous';
    link.integrity = hash;
    link.href = href;
    link.onload = resolve;
    link.onerror = () => {
      link.remove();
      reject(new Error(`${href} could not be loaded or failed its integrity check`));
    };
    document.head.append(link);
  });
}

/**
 * The on-demand module (the data-set checker, the hindsight layer, the downloads, the views it draws): the app calls
 * this the first time a reader needs one of them (src/ondemand.rs). The post-build step names its JS, its wasm and the
 * stylesheet of its views, each with its integrity hash, in
 * <meta name="summit-fruits:ondemand" content="JS HASH WASM HASH CSS HASH">. The three are fetched side by side;
 * resolves with the module's initialised exports once the stylesheet applies too.
 */
async function loadOnDemandModule() {
  const meta = document.querySelector('meta[name="summit-fruits:ondemand"]');
  const [js, jsIntegrity, wasm, wasmIntegrity, css, cssIntegrity] = meta ? meta.content.split(' ') : [];
  if (!cssIntegrity) {
    throw new Error('index.html does not name the on-demand module; rebuild with Trunk');
  }
  const stylesheet = addCheckedLink('stylesheet', new URL(css, document.baseURI).href, cssIntegrity);
  const instantiated = (async () => {
    const jsHref = new URL(js, document.baseURI).href;
    await addCheckedLink('modulepreload', jsHref, jsIntegrity);
    const module = await import(jsHref);
    const wasmHref = new URL(wasm, document.baseURI).href;
    await module.default({
      module_or_path: fetch(wasmHref, { integrity: wasmIntegrity, mode: 'cors', credentials: 'same-origin' }),
    });
    return module;
  })();
  const [module] = await Promise.all([instantiated, stylesheet]);
  return module;
}

// The single file provides the module from the page itself before this runs; keep that one.
globalThis[Symbol.for('summit-fruits:ondemand')] ??= loadOnDemandModule;

/**
 * The frame helper (static/frame-helper.js: the height reports to the host page and the dialogs' places), which only a
 * page in another page's iframe needs. The post-build step names it with its integrity hash in
 * <meta name="summit-fruits:frame" content="JS HASH">; resolves with its exports. The single file has it in the page
 * already, before this script: its `startFrame` is then in scope.
 */
async function loadFrameHelper() {
  if (typeof startFrame === 'function') {
    return { startFrame };
  }
  const meta = document.querySelector('meta[name="summit-fruits:frame"]');
  const [js, integrity] = meta ? meta.content.split(' ') : [];
  if (!integrity) {
    throw new Error('index.html does not name the frame helper; rebuild with Trunk');
  }
  const href = new URL(js, document.baseURI).href;
  await addCheckedLink('modulepreload', href, integrity);
  return import(href);
}

// In another page's frame the helper is fetched at once, beside the wasm, so that the first height the page reports
// waits for no further round trip; at the top level it is never fetched. Its failure is reported when the app uses it.
const frameHelper = window.parent === window ? null : loadFrameHelper();
frameHelper?.catch(() => {});

/**
 * Called by the app in embed mode with the page's root element (src/frame_embed.rs): in another page's iframe, starts
 * the frame helper on that element once it is there; at the top level, does nothing. Returns the function that stops
 * it (or keeps it from starting). Should the helper not load, the frame keeps the height its host gave it and scrolls.
 */
globalThis[Symbol.for('summit-fruits:frame')] = (page) => {
  if (!frameHelper) {
    return null;
  }
  let stop = null;
  let stopped = false;
  frameHelper.then((helper) => {
    if (!stopped) stop = helper.startFrame(page);
  }, (error) => {
    console.warn(`The embedded explorer cannot tell the host page its height (${error && error.message ? error.message : error}); `
      + 'its frame keeps the height the page gave it.');
  });
  return () => {
    stopped = true;
    if (stop) stop();
  };
};

/** Keeps the prerendered content and says why the interactive explorer is not there. */
function explainFallback(text) {
  const notice = document.getElementById('prerender-notice');
  if (notice) {
    notice.textContent = text;
    notice.classList.add('prerender-failed');
  }
}

/** Loads and starts the wasm; resolves with the wasm-bindgen module's exports and the wasm instance's. */
async function startApp() {
  if (typeof startInlineApp === 'function') {
    return startInlineApp();
  }
  if (!bindgenLink || !wasmLink) {
    throw new Error('index.html lacks the preload links that `cargo xtask postbuild` writes; rebuild with Trunk.');
  }
  const bindings = await import(bindgenLink.href);
  const module_or_path = fetch(wasmLink.href, { integrity: wasmLink.integrity, mode: 'cors', credentials: 'same-origin' });
  return { bindings, instance: await bindings.default({ module_or_path }) };
}

if (typeof WebAssembly !== 'object') {
  explainFallback('This browser cannot run WebAssembly, so the interactive explorer (filters, matrix, annotated article, '
    + 'timeline) is not available here. Every prospect and risk of the article is listed below.');
} else {
  try {
    const { bindings, instance } = await startApp();
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
  } catch (error) {
    explainFallback(`The interactive explorer could not start (${error && error.message ? error.message : error}). `
      + 'Every prospect and risk of the article is listed below; reloading the page may help.');
    throw error;
  }
}
