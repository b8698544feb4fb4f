// Trunk post_build hook (see Trunk.toml): Subresource Integrity for the scripts and the wasm.
//
// With `inject_scripts = false` Trunk writes no start script and no preload links for the Rust app, so this hook
// replaces the page's `<script type="module" src="boot.js"></script>` with
//   <link rel="modulepreload" href="./summit-fruits-HASH.js" integrity="sha384-...">      (the wasm-bindgen JS)
//   <link rel="preload" as="fetch" href="./summit-fruits-HASH_bg.wasm" integrity="sha384-..."> (the wasm)
//   <script type="module" src="./boot.js" integrity="sha384-..."></script>                  (the start script)
// hashed from the files in Trunk's staging folder, after Trunk has written them and before it moves them to dist/.
// Any surprise (a file missing, twice, or the script tag not found) fails the build instead of shipping without SRI.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtApp, failer, oneFileIn, stagingDir } from './staging.mjs';

const fail = failer('sri.mjs');
const dir = stagingDir(fail);
const base = process.env.TRUNK_PUBLIC_URL || './';
const one = oneFileIn(dir, fail);
const { js, wasm } = builtApp(one);
one(/^boot\.js$/, 'boot.js (copied by <link data-trunk rel="copy-file" href="static/boot.js">)');
const sri = (f) => `sha384-${createHash('sha384').update(readFileSync(join(dir, f))).digest('base64')}`;

const index = join(dir, 'index.html');
const html = readFileSync(index, 'utf8');
const tag = /<script type="module" src="(?:\.\/)?boot\.js"><\/script>/g;
const matches = html.match(tag) || [];
if (matches.length !== 1) fail(`expected one <script type="module" src="boot.js"></script> in index.html, found ${matches.length}`);
// fetchpriority="low": the browser fetches the page's style sheets first, so the prerendered cards are painted as soon
// as a page without scripts would be; the wasm and its JS follow.
const links = [
  `<link rel="modulepreload" href="${base}${js}" crossorigin="anonymous" integrity="${sri(js)}" fetchpriority="low" data-summit="bindgen">`,
  `<link rel="preload" href="${base}${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" integrity="${sri(wasm)}" fetchpriority="low" data-summit="wasm">`,
  `<script type="module" src="${base}boot.js" crossorigin="anonymous" integrity="${sri('boot.js')}"></script>`,
].join('\n  ');
// Trunk leaves the Rust app's `<link data-trunk rel="rust">` in the page when it injects nothing: drop it.
const leftover = /[ \t]*<link data-trunk rel="rust"[^>]*>\n?/g;
writeFileSync(index, html.replace(tag, () => links).replace(leftover, ''));
console.log(`sri.mjs: integrity added for ${js}, ${wasm} and boot.js`);

