// A static file server on 127.0.0.1 for the built site (dist/) and test fixtures, on a free port.
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** A throwaway self-signed certificate for 127.0.0.1 (the browser context must ignore HTTPS errors). */
function selfSigned() {
  const dir = mkdtempSync(join(tmpdir(), 'alianzas-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const pair = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

/** Serves `mounts` ({ '/': 'dist', '/fixtures/': 'tests/fixtures' }); resolves to { url, close }.
 *  `https: true` serves over TLS (another origin for `?data=`); `headers` are added to each answer
 *  (e.g. CORS). `slow` delays the answer for some paths ({ '/data/x.json': 3000 }), as a poor
 *  connection would. */
export function serve(mounts, { https = false, headers = {}, slow = {} } = {}) {
  const roots = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const handler = async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, root] = roots.find(([p]) => path.startsWith(p)) ?? [];
    if (!root) { res.writeHead(404).end(); return; }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (slow[path]) await new Promise((ok) => setTimeout(ok, slow[path]));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found');
    }
  };
  const server = https ? createHttpsServer(selfSigned(), handler) : createServer(handler);
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    ok({ url: `${https ? 'https' : 'http'}://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) });
  }));
}
