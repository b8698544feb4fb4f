// Extra plain static servers for journeys that need another path or another origin than BASE_URL: the project's own
// `xtask static` (the same server `cargo xtask test` uses), started on a free loopback port and stopped after the test.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const XTASK = path.join(ROOT, 'target', 'debug', 'xtask');

/**
 * Serves `dir` (relative to the repository or absolute) under `mount` on 127.0.0.1, with `cors` adding
 * `Access-Control-Allow-Origin: *`. Resolves to `{ url, close }` once the server prints its address.
 */
export function startStatic(dir, { mount = '/', cors = false } = {}) {
  const args = ['static', path.resolve(ROOT, dir), '--port', '0', '--mount', mount];
  if (cors) args.push('--cors');
  const child = spawn(XTASK, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why) => { child.kill(); reject(new Error(`xtask static ${dir}: ${why}\n${output}`)); };
    const timer = setTimeout(() => fail('no address within 10 s'), 10_000);
    child.on('error', (error) => { clearTimeout(timer); fail(error.message); });
    child.on('exit', (code) => { clearTimeout(timer); fail(`exited with ${code}`); });
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ url: match[0], close: () => child.kill() });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk; });
  });
}
