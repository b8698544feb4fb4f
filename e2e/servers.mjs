// Extra servers for journeys that need another path or another origin than BASE_URL: the project's own `xtask static`
// (the same server `cargo xtask test` uses), started on a free loopback port and stopped after the test; and a proxy
// in front of BASE_URL for journeys that need answers of their own on the app's origin.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import http from 'node:http';

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

/**
 * A loopback origin that answers `routes` itself (`{ '/path': (req, res) => … }`) and passes every other request
 * on to `target` (the release build's server), so the page and the routes share one origin, as `connect-src 'self'`
 * requires. Resolves to `{ url, close, requests }`: `requests` lists every request as `{ path, cookie }` (its `Cookie`
 * header); `close` also drops open connections (an endless body, say).
 */
export function startProxy(target, routes = {}) {
  const upstream = new URL(target);
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url, cookie: req.headers.cookie });
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (route) return route(req, res);
    const forward = http.request(
      new URL(req.url, upstream),
      { method: req.method, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(forward);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}
