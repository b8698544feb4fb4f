// Trunk post_build hook (see Trunk.toml): the script embed, for host pages that include the explorer without an
// iframe (`<div data-summit-fruits data-view="matrix"></div>` and `<script type="module" src=".../summit-fruits-embed.js">`).
//
// It writes these files into Trunk's staging folder:
// - summit-fruits-embed-HASH.css: the page's stylesheets (in the order index.html links them) scoped for a shadow
//   root: `:root`, `html` and `body` become the mount element `.embed-root`, `rem` becomes `px` (a host's root font
//   size must not scale the explorer), and `:host` is reset (`all: initial`) so the host's inherited fonts and colours
//   stop at the boundary.
// - summit-fruits-embed.js: the stable entry script. It knows the hashed names and the integrity hashes of the
//   wasm-bindgen JS, the wasm and the stylesheet, resolves them against its own address (`import.meta.url`), loads
//   each checked against its hash (the JS through a <link rel="modulepreload" integrity> that import() then reuses,
//   the wasm with fetch(…, { integrity }), the stylesheet by a <link integrity> in each shadow root), starts the wasm
//   and asks it to mount an explorer into every `[data-summit-fruits]` element (src/embed.rs).
// - summit-fruits-embed-HASH.js, the same entry under a content-hashed name, and embed-HASH.js, the iframe embed's
//   loader (static/embed.js) likewise: a snippet that names them can carry their integrity, since a new build
//   publishes new names instead of changing these files. The stable names stay for the hosts that use them.
// It also writes into index.html a <meta name="summit-fruits:script-embed"> and a <meta name="summit-fruits:loader">
// whose content is "NAME INTEGRITY": the Embed dialog reads them to write its snippets (the wasm is built before
// this hook runs, so it cannot know them).
// Runs after prerender.mjs and before sri.mjs. Any surprise fails the build.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtApp, failer, oneFileIn, stagingDir } from './staging.mjs';

const fail = failer('embed.mjs');
const dir = stagingDir(fail);
const one = oneFileIn(dir, fail);
const { js, wasm } = builtApp(one);
const digest = (bytes, algorithm) => createHash(algorithm).update(bytes).digest();
const sri = (bytes) => `sha384-${digest(bytes, 'sha384').toString('base64')}`;
/** `stem-HASH.js`: a name that changes whenever the content does. */
const hashedName = (stem, text) => `${stem}-${digest(text, 'sha256').toString('hex').slice(0, 16)}.js`;

// The stylesheets, in the page's order.
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const sheets = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
  .map(([tag]) => (tag.match(/\bhref="(?:\.\/)?([^"/]+\.css)"/) || [])[1])
  .filter(Boolean);
if (sheets.length === 0) fail('found no <link rel="stylesheet"> in index.html');
for (const sheet of sheets) {
  if (!existsSync(join(dir, sheet))) fail(`index.html links ${sheet}, which is not in ${dir}`);
}

/** One of the page's stylesheets, rewritten for a shadow root whose mount element is `.embed-root`. */
export function scope(css) {
  return css
    // Tokens: the system's dark scheme applies as on the page; the page's own theme switch is not in an embed.
    .replace(/:root:not\(\[data-theme=(?:"light"|light)\]\)/g, '.embed-root')
    .replace(/:root\[data-theme=(?:"dark"|dark)\]/g, '.embed-root[data-theme="dark"]')
    .replace(/:root\b/g, '.embed-root')
    // Element selectors `html` and `body` (alone in a selector list), whatever the minifier left around them.
    .replace(/(^|[{},;\s])(?:html|body)(?=\s*[{,])/g, '$1.embed-root')
    // rem is the host's root font size; the app is designed for 16px.
    .replace(/(^|[^\w.-])(-?\d*\.?\d+)rem\b/g, (_, before, n) => `${before}${+(Number(n) * 16).toFixed(3)}px`);
}

const RESET = `/* Summit Fruits script embed: the page's stylesheets scoped to a shadow root (hooks/embed.mjs). */
:host { all: initial !important; display: block !important; }
:host([hidden]) { display: none !important; }
.embed-root { display: block; text-align: start; }
.embed-root[hidden] { display: none; }
`;
const css = RESET + sheets.map((s) => scope(readFileSync(join(dir, s), 'utf8'))).join('\n');
const leftover = css.match(/:root|(?:^|[{},;\s])(?:html|body)\s*[{,]|\d+rem\b/);
if (leftover) fail(`the scoped stylesheet still has ${JSON.stringify(leftover[0])}; teach scope() about it`);
const cssName = `summit-fruits-embed-${digest(css, 'sha256').toString('hex').slice(0, 16)}.css`;
writeFileSync(join(dir, cssName), css);
const checked = {
  bindgen: sri(readFileSync(join(dir, js))),
  wasm: sri(readFileSync(join(dir, wasm))),
  stylesheet: sri(Buffer.from(css)),
};

const entry = `// Summit Fruits script embed (written by hooks/embed.mjs at build time). A host page includes it as
//   <div data-summit-fruits data-view="matrix"></div>
//   <script type="module" src="https://HOST/PATH/summit-fruits-embed.js"></script>
// and an explorer mounts into every [data-summit-fruits] element, each in its own shadow root. From another origin
// the app's files must be served with CORS (Access-Control-Allow-Origin).
const here = import.meta.url;
const files = {
  bindgen: new URL(${JSON.stringify(`./${js}`)}, here).href,
  wasm: new URL(${JSON.stringify(`./${wasm}`)}, here).href,
  stylesheet: new URL(${JSON.stringify(`./${cssName}`)}, here).href,
  app: new URL('./index.html', here).href,
};
const integrity = ${JSON.stringify(checked)};

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
    link.onerror = () => reject(new Error(\`\${href} could not be loaded or failed its integrity check\`));
    document.head.append(link);
  });
}

if (typeof WebAssembly !== 'object') {
  explain('The Summit Fruits explorer needs WebAssembly, which this browser cannot run.');
} else {
  try {
    // Tells the wasm's start function that this is a host page, not the app's own (src/embed.rs), whatever its ids.
    globalThis[Symbol.for('summit-fruits-embed')] = true;
    await preloadChecked(files.bindgen, integrity.bindgen);
    const bindings = await import(files.bindgen);
    const module_or_path = fetch(files.wasm, { integrity: integrity.wasm, mode: 'cors', credentials: 'omit' });
    await bindings.default({ module_or_path });
    bindings.mountEmbeds(files.stylesheet, integrity.stylesheet, files.app);
  } catch (error) {
    explain(\`The Summit Fruits explorer could not start (\${error && error.message ? error.message : error}).\`);
    throw error;
  }
}
`;
writeFileSync(join(dir, 'summit-fruits-embed.js'), entry);
const entryName = hashedName('summit-fruits-embed', entry);
writeFileSync(join(dir, entryName), entry);

// The iframe embed's loader, copied to the staging folder by index.html's <link data-trunk rel="copy-file">.
if (!existsSync(join(dir, 'embed.js'))) fail(`embed.js (static/embed.js) is not in ${dir}`);
const loader = readFileSync(join(dir, 'embed.js'));
const loaderName = hashedName('embed', loader);
writeFileSync(join(dir, loaderName), loader);

// The names and hashes for the Embed dialog, as <meta> elements at the end of the head.
const metas = [
  `<meta name="summit-fruits:script-embed" content="${entryName} ${sri(Buffer.from(entry))}">`,
  `<meta name="summit-fruits:loader" content="${loaderName} ${sri(loader)}">`,
];
const heads = html.match(/<\/head>/g) || [];
if (heads.length !== 1) fail(`expected one </head> in index.html, found ${heads.length}`);
writeFileSync(join(dir, 'index.html'), html.replace('</head>', () => `  ${metas.join('\n  ')}\n</head>`));
console.log(`embed.mjs: summit-fruits-embed.js and ${entryName} (${js}, ${wasm}), ${cssName} from ${sheets.join(', ')}, ${loaderName}`);

