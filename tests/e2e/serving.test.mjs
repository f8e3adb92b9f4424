// `alianzas serve` as a static host should serve the built site: the brotli or gzip copies
// `make build` writes, chosen by Accept-Encoding, with Vary, Content-Type, cache headers and
// ETag revalidation; many connections at once; and a browser loads the site from it with no console error (the page's CSP
// included: no injected development script), and the loader's Intl warm-up worker runs under it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Agent, get as httpGet } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { launch, newPage, chartsSettled } from './browser.mjs';

let server, base;
before(async () => {
  server = spawn('target/release/alianzas', ['serve', 'dist', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise((ok, fail) => {
    server.stdout.on('data', (chunk) => { const m = String(chunk).match(/at (http:\/\/[^ ]+\/)/); if (m) ok(m[1]); });
    server.on('exit', (code) => fail(new Error(`alianzas serve exited with ${code}`)));
  });
});
after(() => server?.kill());

const get = (path, headers = {}) => fetch(base + path, { headers });
/** The status, headers and bytes as they travel (node:http does not decode them; fetch would). */
const raw = (path, headers = {}) => new Promise((ok, fail) => {
  httpGet(base + path, { headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
  }).on('error', fail);
});

test('the wasm, its JavaScript, the page and a dataset come brotli- or gzip-compressed as asked, byte-identical once decoded', async () => {
  const wasm = readdirSync('dist').find((f) => f.endsWith('_bg.wasm'));
  // Trunk's hash is hex without leading zeros: 16 digits, one time in 16 fewer.
  const js = readdirSync('dist').find((f) => /^alianzas-[0-9a-f]{8,16}\.js$/.test(f));
  for (const path of [wasm, js, 'index.html', 'data/catalog.json', 'echarts.js']) {
    const original = readFileSync(`dist/${path}`);
    for (const [coding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]]) {
      const answer = await raw(path, { 'Accept-Encoding': coding });
      assert.equal(answer.status, 200, path);
      assert.equal(answer.headers['content-encoding'], coding, `${path} ${coding}`);
      assert.equal(answer.headers.vary, 'Accept-Encoding');
      assert.ok(answer.body.length < original.length, `${path} ${coding}: ${answer.body.length} bytes on the wire for ${original.length}`);
      assert.ok(decode(answer.body).equals(original), `${path} (${coding}) decodes to the built file`);
    }
    const plain = await raw(path, { 'Accept-Encoding': 'identity' });
    assert.equal(plain.headers['content-encoding'], undefined, path);
    assert.ok(plain.body.equals(original), path);
  }
  const w = await get(wasm, { 'Accept-Encoding': 'br' });
  assert.equal(w.headers.get('content-type'), 'application/wasm');
  assert.equal(w.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const page = await get('', { 'Accept-Encoding': 'br' });
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  assert.match(page.headers.get('content-type'), /^text\/html/);
});

test('a file fetched before is revalidated with its ETag: 304 and no body', async () => {
  const first = await get('data/catalog.json', { 'Accept-Encoding': 'br' });
  const etag = first.headers.get('etag');
  assert.ok(etag);
  const again = await get('data/catalog.json', { 'Accept-Encoding': 'br', 'If-None-Match': etag });
  assert.equal(again.status, 304);
  // Another encoding is another representation: its ETag differs.
  const gzip = await get('data/catalog.json', { 'Accept-Encoding': 'gzip' });
  assert.notEqual(gzip.headers.get('etag'), etag);
});

test('connections a browser keeps open do not hold back new ones: every burst of requests is answered', { timeout: 60000 }, async () => {
  // A browser keeps its connections open after each answer and opens new ones in bursts. tiny_http,
  // used before, read each connection on a pooled thread and could leave one of a burst unread
  // behind those kept open: one connection closes (a thread waits), then eight open at once. That
  // stalled within 10 such waves in each of 3 runs here; a page stalled the same way.
  const agents = [];
  const agent = (keepAlive) => { const a = new Agent({ keepAlive, maxSockets: 64 }); agents.push(a); return a; };
  const ask = (path, through) => new Promise((ok, fail) => {
    httpGet(base + path, { agent: through }, (res) => { res.resume(); res.on('end', () => ok(res.statusCode)); }).on('error', fail);
  });
  try {
    const kept = agent(true);
    await Promise.all(Array.from({ length: 6 }, () => ask('index.html', kept)));
    for (let wave = 0; wave < 20; wave++) {
      const answers = await Promise.race([
        (async () => {
          const closed = await ask('echarts.js', agent(false));
          await new Promise((ok) => setTimeout(ok, 20));
          const burst = agent(true);
          return [closed, ...await Promise.all(Array.from({ length: 8 }, () => ask('data/catalog.json', burst)))];
        })(),
        new Promise((_, fail) => setTimeout(() => fail(new Error(`wave ${wave}: a request was never answered`)), 10000)),
      ]);
      assert.deepEqual(answers, Array(9).fill(200));
    }
  } finally {
    agents.forEach((a) => a.destroy());
  }
});

test('the site served this way loads in a browser with no console error', async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const encodings = [];
    page.on('response', (r) => { if (r.url().endsWith('.wasm')) encodings.push(r.headers()['content-encoding']); });
    await page.goto(`${base}?lang=en`);
    await chartsSettled(page);
    assert.deepEqual(encodings, ['br'], 'the browser got the brotli wasm');
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('the loader starts the Intl warm-up worker with the downloads; the CSP allows it and it closes by itself', async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
    const workers = [];
    page.on('worker', (w) => {
      const seen = { url: w.url(), closed: false };
      w.on('close', () => { seen.closed = true; });
      workers.push(seen);
    });
    await page.goto(`${base}?lang=ar`);
    await chartsSettled(page);
    const warmups = workers.filter((w) => w.url === `${base}intl-warmup.js`);
    assert.equal(warmups.length, 1, `one warm-up worker: ${JSON.stringify(workers)}`);
    assert.ok(warmups[0].closed, 'the worker closed itself once its Intl objects were made');
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await browser.close();
  }
});
