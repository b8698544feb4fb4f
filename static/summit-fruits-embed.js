// Summit Fruits script embed, written at build time by `cargo xtask postbuild` (xtask/src/postbuild/script_embed.rs),
// which fills in the names and integrity hashes of the files it loads. A host page includes it as
//   <div data-summit-fruits data-view="matrix"></div>
//   <script type="module" src="https://HOST/PATH/summit-fruits-embed.js"></script>
// and an explorer mounts into every [data-summit-fruits] element, each in its own shadow root. From another origin
// the app's files must be served with CORS (Access-Control-Allow-Origin).
const here = import.meta.url;
const files = {
  bindgen: new URL({{BINDGEN_PATH}}, here).href,
  wasm: new URL({{WASM_PATH}}, here).href,
  stylesheet: new URL({{STYLESHEET_PATH}}, here).href,
  app: new URL('./index.html', here).href,
  // The on-demand module (the downloads, the hindsight layer): loaded only when a reader first needs it.
  ondemandJs: new URL({{ONDEMAND_JS_PATH}}, here).href,
  ondemandWasm: new URL({{ONDEMAND_WASM_PATH}}, here).href,
};
const integrity = {{INTEGRITY}};

/** Says in every marked element that has no explorer why there is none. */
function explain(text) {
  for (const element of document.querySelectorAll('[data-summit-fruits]')) {
    if (element.shadowRoot) continue;
    const notice = document.createElement('p');
    notice.setAttribute('role', 'alert');
    notice.textContent = text;
    const link = document.createElement('a');
    link.href = files.app;
    link.textContent = 'Open the explorer';
    notice.append(' ', link);
    element.replaceChildren(notice);
  }
}

/**
 * Puts the wasm-bindgen JS into the module map through a <link rel="modulepreload"> with its integrity hash, so that
 * import() runs that checked module (a module import cannot carry a hash itself); rejects if the check fails.
 */
function preloadChecked(href, hash) {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.integrity = hash;
    link.href = href;
    link.onload = resolve;
    link.onerror = () => reject(new Error(`${href} could not be loaded or failed its integrity check`));
    document.head.append(link);
  });
}

if (typeof WebAssembly !== 'object') {
  explain('The Summit Fruits explorer needs WebAssembly, which this browser cannot run.');
} else {
  try {
    // Tells the wasm's start function that this is a host page, not the app's own (src/embed.rs), whatever its ids.
    globalThis[Symbol.for('summit-fruits-embed')] = true;
    // How the app gets the on-demand module when it first needs it (src/ondemand.rs): these files, checked.
    globalThis[Symbol.for('summit-fruits:ondemand')] = async () => {
      await preloadChecked(files.ondemandJs, integrity.ondemandJs);
      const ondemand = await import(files.ondemandJs);
      await ondemand.default({
        module_or_path: fetch(files.ondemandWasm, { integrity: integrity.ondemandWasm, mode: 'cors', credentials: 'omit' }),
      });
      return ondemand;
    };
    await preloadChecked(files.bindgen, integrity.bindgen);
    const bindings = await import(files.bindgen);
    const module_or_path = fetch(files.wasm, { integrity: integrity.wasm, mode: 'cors', credentials: 'omit' });
    await bindings.default({ module_or_path });
    bindings.mountEmbeds(files.stylesheet, integrity.stylesheet, files.app);
  } catch (error) {
    explain(`The Summit Fruits explorer could not start (${error && error.message ? error.message : error}).`);
    throw error;
  }
}
