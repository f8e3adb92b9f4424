// `make bench`: sizes of what a browser downloads, and how fast charts appear and redraw.
// Figures, not pass/fail: speed targets live here, never in tests.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve } from '../e2e/server.mjs';
import { importerMemory } from './memory.mjs';
import { lighthouse } from './lighthouse.mjs';
import { launch, newPage, chartsSettled, shownCharts } from '../e2e/browser.mjs';

const OUT = 'target/bench';
const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function sizes() {
  const rows = [];
  for (const file of (await readdir('dist')).filter((f) => /\.(wasm|js|css)$/.test(f))) {
    const raw = await readFile(`dist/${file}`);
    const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    rows.push([file.replace(/-[0-9a-f]{16}/, ''), raw.length, gzipSync(raw, { level: 9 }).length, brotli.length]);
  }
  rows.push(['total', ...[1, 2, 3].map((i) => rows.reduce((s, r) => s + r[i], 0))]);
  return rows;
}

/** ms from navigation start until every chart finished its first render. */
async function firstCharts(browser, url) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await chartsSettled(page);
  const times = await page.$$eval('.canvas', (els) => els.filter((e) => !e.classList.contains('empty')).map((e) => Number(e.dataset.renderedAt)));
  await page.context().close();
  return { first: Math.min(...times), all: Math.max(...times) };
}

/** ms from a filter change until every chart whose content changed has redrawn, median of RUNS
 * changes, and how many charts that was. A chart whose spec did not change is not redrawn. */
async function redraw(browser, url) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await chartsSettled(page);
  // Charts a dataset cannot fill are left out (no canvas): only the drawn ones are timed.
  const drawn = await shownCharts(page);
  // Alternate between the first donor and all donors, so every change is a real one.
  const donor = await page.$$eval('#filter-donor option', (os) => os.map((o) => o.value).find((v) => v !== ''));
  const times = [];
  const counts = [];
  for (let i = 0; i < RUNS; i++) {
    const value = i % 2 === 0 ? donor : '';
    const { ms, redrawn } = await page.evaluate(async ({ value, ids }) => {
      const canvas = (id) => document.querySelector(`#${id} .canvas`);
      const requested = () => ids.map((id) => Number(canvas(id).dataset.requested));
      const before = requested();
      const select = document.querySelector('#filter-donor');
      const start = performance.now();
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      // Settled: every requested drawing done, and no new request for 300 ms.
      await new Promise((resolve) => {
        let last = requested().join();
        let quietSince = performance.now();
        const poll = () => {
          const now = requested().join();
          if (now !== last) { last = now; quietSince = performance.now(); }
          const drawn = ids.every((id) => Number(canvas(id).dataset.rendered) >= Number(canvas(id).dataset.requested));
          if ((drawn && performance.now() - quietSince > 300) || performance.now() - start > 120000) resolve();
          else setTimeout(poll, 1);
        };
        poll();
      });
      const changed = ids.filter((id, i) => Number(canvas(id).dataset.requested) > before[i]);
      const ends = changed.map((id) => Number(canvas(id).dataset.renderedAt || 0));
      return { ms: ends.length ? Math.max(...ends) - start : 0, redrawn: changed.length };
    }, { value, ids: drawn });
    times.push(ms);
    counts.push(redrawn);
  }
  await page.context().close();
  return { ms: median(times), redrawn: median(counts) };
}

/** Bytes of a dataset file on the wire: raw, and brotli as a static host precompresses it. */
async function wire(file) {
  const raw = await readFile(file);
  return [raw.length, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
}

await mkdir(`${OUT}/data`, { recursive: true });
for (const n of [10000, 100000]) {
  execFileSync('target/release/alianzas', ['generate', '--records', String(n), '--seed', '1', '-o', `${OUT}/data/synthetic-${n}.json`]);
}
// The columnar encoding (docs/dataset-format.md): a million records, which v1 JSON cannot carry.
for (const n of [100000, 1000000]) {
  execFileSync('target/release/alianzas', ['generate', '--records', String(n), '--seed', '1', '--encoding', 'columnar', '-o', `${OUT}/data/synthetic-${n}.columnar.json`]);
}
const server = await serve({ '/': 'dist', '/bench/': `${OUT}/data` });
const browser = await launch();
const lines = ['# Alianzas benchmark', '', `Chromium headless, reduced motion (no animation), ${new Date().toISOString().slice(0, 10)}, median of ${RUNS}.`, '',
  '| file | raw | gzip | brotli |', '|---|---:|---:|---:|'];
for (const [f, raw, gz, br] of await sizes()) lines.push(`| ${f} | ${kb(raw)} | ${kb(gz)} | ${kb(br)} |`);
lines.push('', '| dataset file | records | raw | brotli |', '|---|---:|---:|---:|');
for (const [file, n] of [['synthetic-100000.json', 100000], ['synthetic-100000.columnar.json', 100000], ['synthetic-1000000.columnar.json', 1000000]]) {
  const [raw, br] = await wire(`${OUT}/data/${file}`);
  lines.push(`| ${file} | ${n} | ${kb(raw)} | ${kb(br)} |`);
}
lines.push('', '| dataset | records | first chart (ms) | all charts (ms) | filter change → changed charts redrawn (ms) | charts redrawn |', '|---|---:|---:|---:|---:|---:|');
// The default dataset is the catalog's, whichever it is.
const catalog = JSON.parse(await readFile('public/data/catalog.json', 'utf8'));
const byDefault = catalog.datasets.find((d) => d.id === catalog.default);
const cases = [[`bundled: ${byDefault.id} (default)`, '?lang=en', byDefault.records], ['bundled: FTS Afghanistan 2020', '?dataset=fts-afghanistan-2020&lang=en', 311], ['synthetic', '?lang=en&data=bench/synthetic-10000.json', 10000],
  ['synthetic', '?lang=en&data=bench/synthetic-100000.json', 100000], ['synthetic, columnar', '?lang=en&data=bench/synthetic-100000.columnar.json', 100000],
  ['synthetic, columnar', '?lang=en&data=bench/synthetic-1000000.columnar.json', 1000000]];
for (const [name, query, n] of cases) {
  const loads = [];
  for (let i = 0; i < 3; i++) loads.push(await firstCharts(browser, server.url + query));
  const { ms, redrawn } = await redraw(browser, server.url + query);
  lines.push(`| ${name} | ${n} | ${median(loads.map((l) => l.first)).toFixed(0)} | ${median(loads.map((l) => l.all)).toFixed(0)} | ${ms.toFixed(0)} | ${redrawn} |`);
}
await browser.close();
await server.close();
lines.push('', ...await lighthouse(OUT));
lines.push('', ...await importerMemory(OUT));
const report = lines.join('\n') + '\n';
await writeFile(`${OUT}/bench.md`, report);
console.log(report);
