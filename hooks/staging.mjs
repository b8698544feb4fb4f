// What the post_build hooks share: Trunk's staging folder, failing the build with the hook's name, and finding the
// built app's files (the wasm-bindgen JS and the wasm carry content hashes in their names).
import { readdirSync } from 'node:fs';

/** Ends the build with `hook: message` on stderr. */
export function failer(hook) {
  return (message) => {
    console.error(`${hook}: ${message}`);
    process.exit(1);
  };
}

/** Trunk's staging folder, where the hooks rewrite the bundle before Trunk moves it to dist/. */
export function stagingDir(fail) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) fail('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');
  return dir;
}

/** A finder of the one file in `dir` whose name matches a pattern; none or several fail the build. */
export function oneFileIn(dir, fail) {
  const files = readdirSync(dir);
  return (pattern, what) => {
    const found = files.filter((f) => pattern.test(f));
    if (found.length !== 1) fail(`expected one ${what} in ${dir}, found ${JSON.stringify(found)}`);
    return found[0];
  };
}

/** The names of the wasm-bindgen JS and the wasm in the staging folder. */
export function builtApp(one) {
  return {
    js: one(/^summit-fruits(-[0-9a-f]+)?\.js$/, 'wasm-bindgen JS file'),
    wasm: one(/^summit-fruits(-[0-9a-f]+)?_bg\.wasm$/, 'wasm file'),
  };
}
