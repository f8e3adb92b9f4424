// `make bench`: sizes of what a browser downloads, and how fast charts appear and redraw.
// Figures, not pass/fail: speed targets live here, never in tests.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve } from '../e2e/server.mjs';
import { importerMemory } from './memory.mjs';
import { compiledAtStart, wasmFunctions } from './compile.mjs';
import { lighthouse } from './lighthouse.mjs';
import { blockingOnPhone } from './phone.mjs';
import { launch, newPage, chartsSettled, firstChartDrawn, shownCharts } from '../e2e/browser.mjs';

const OUT = 'target/bench';
const RUNS = 5;
// Page loads per dataset (each load is slow: their median).
const LOADS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function sizes() {
  const rows = [];
  for (const file of (await readdir('dist')).filter((f) => /\.(wasm|js|css)$/.test(f))) {
    const raw = await readFile(`dist/${file}`);
    const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    rows.push([file.replace(/-[0-9a-f]{8,16}(?=[._])/, ''), raw.length, gzipSync(raw, { level: 9 }).length, brotli.length]);
  }
  rows.push(['total', ...[1, 2, 3].map((i) => rows.reduce((s, r) => s + r[i], 0))]);
  // What the default view downloads before its first chart: not the chart types fetched when first
  // drawn (echarts-more.js), nor the service worker (registered after the first view).
  const first = rows.filter((r) => !['echarts-more.js', 'sw.js', 'total'].includes(r[0]));
  rows.push(['first load (no echarts-more.js, sw.js)', ...[1, 2, 3].map((i) => first.reduce((s, r) => s + r[i], 0))]);
  return rows;
}

/** ms from navigation start until: the first screen is painted (the baked title, takeaway and
 * figures of index.html for the default dataset, else the skeleton), the app shows the dataset,
 * the first chart is drawn, and every chart is drawn (charts are drawn as they come near the
 * screen: the page is scrolled through, as a reader would). */
async function firstCharts(browser, url) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await firstChartDrawn(page);
  const early = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    app: performance.getEntriesByName('alianzas:view-built')[0]?.startTime ?? NaN,
  }));
  await chartsSettled(page);
  const times = await page.$$eval('.canvas', (els) => els.filter((e) => !e.classList.contains('empty')).map((e) => Number(e.dataset.renderedAt)));
  await page.context().close();
  return { ...early, first: Math.min(...times), all: Math.max(...times) };
}

/** ms from a filter change until every chart whose content changed has redrawn, median of RUNS
 * changes, and how many charts that was; and until those of them on the screen have (what the
 * reader sees change: the others are drawn ahead of scrolling). A chart whose spec did not change
 * is not redrawn. */
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
  const seen = [];
  for (let i = 0; i < RUNS; i++) {
    const value = i % 2 === 0 ? donor : '';
    const { ms, visible, redrawn } = await page.evaluate(async ({ value, ids }) => {
      const canvas = (id) => document.querySelector(`#${id} .canvas`);
      const onScreen = (id) => { const r = canvas(id).getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
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
      const end = (some) => (some.length ? Math.max(...some.map((id) => Number(canvas(id).dataset.renderedAt || 0))) - start : 0);
      return { ms: end(changed), visible: end(changed.filter(onScreen)), redrawn: changed.length };
    }, { value, ids: drawn });
    times.push(ms);
    seen.push(visible);
    counts.push(redrawn);
  }
  await page.context().close();
  return { ms: median(times), visible: median(seen), redrawn: median(counts) };
}

/** Bytes of a dataset file on the wire: raw, and brotli as a static host precompresses it. */
async function wire(file) {
  const raw = await readFile(file);
  return [raw.length, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
}

/** The core's aggregation (money by donor, every row) timed inside the page, beside the same
 * loop in plain JavaScript over the same columns as typed arrays: medians of 21 runs each, and
 * whether both found the same total and groups. */
async function versusJavaScript(browser, url) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}&bench=1`);
  await chartsSettled(page);
  const result = await page.evaluate((runs) => {
    const b = window.alianzasBench;
    const plain = () => {
      const start = performance.now();
      const n = b.donorIds.length;
      const amount = new Float64Array(n);
      const count = new Uint32Array(n);
      const last = new Uint32Array(n).fill(0xffffffff);
      const { donor, status, contribution } = b;
      const money = b.amount;
      // Status 0 is "pledged": funding is committed + disbursed.
      for (let r = 0; r < donor.length; r++) {
        if (status[r] === 0) continue;
        const k = donor[r];
        amount[k] += money[r];
        if (last[k] !== contribution[r]) { last[k] = contribution[r]; count[k]++; }
      }
      const groups = [];
      let total = 0;
      for (let k = 0; k < n; k++) if (count[k] > 0) { groups.push({ key: b.donorIds[k], amount: amount[k], count: count[k] }); total += amount[k]; }
      groups.sort((x, y) => y.amount - x.amount || (x.key < y.key ? -1 : 1));
      return [performance.now() - start, total, groups.length];
    };
    const median = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
    const ours = [];
    const theirs = [];
    let a;
    let j;
    for (let i = 0; i < runs; i++) {
      a = b.aggregate();
      ours.push(a[0]);
      j = plain();
      theirs.push(j[0]);
    }
    return { wasm: median(ours), js: median(theirs), same: Math.abs(a[1] - j[1]) <= 1e-9 * Math.abs(j[1]) && a[2] === j[2], rows: b.donor.length };
  }, 21);
  await page.context().close();
  return result;
}

// BENCH_ONLY=aggregation runs only the wasm-against-JavaScript table (a minute, not fifteen);
// BENCH_ONLY=datasets that and the datasets' tables (loads and redraws), without Lighthouse, the
// wasm's compilation and the importers' memory.
const only = process.env.BENCH_ONLY;
const full = !only;
const datasets = full || only === 'datasets';
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
const lines = ['# Alianzas benchmark', '', `Chromium headless, reduced motion (no animation), ${new Date().toISOString().slice(0, 10)}: page loads median of ${LOADS}, filter changes median of ${RUNS}.`, '',
  '| file | raw | gzip | brotli |', '|---|---:|---:|---:|'];
for (const [f, raw, gz, br] of await sizes()) lines.push(`| ${f} | ${kb(raw)} | ${kb(gz)} | ${kb(br)} |`);
if (full) {
  const wasm = await wasmFunctions(`dist/${(await readdir('dist')).find((f) => f.endsWith('_bg.wasm'))}`);
  const start = await compiledAtStart(browser, `${server.url}?lang=en`);
  const share = (part, whole) => `${Math.round((100 * part) / whole)} %`;
  lines.push('', '| wasm functions (default view on a phone screen, until 3 s quiet) | functions | code |', '|---|---:|---:|',
    `| in the module | ${wasm.count} | ${kb(wasm.bytes)} |`,
    `| compiled on the main thread at start (first call) | ${start.count} (${share(start.count, wasm.count)}) | ${kb(start.bytes)} (${share(start.bytes, wasm.bytes)}) |`);
  const phone = await blockingOnPhone(browser, `${server.url}?lang=en`);
  lines.push('', '| default view on a phone, CPU 4× slower (in the page, not simulated) | blocking time after first paint (ms) | longest task (ms) | long tasks |', '|---|---:|---:|---:|',
    `| median of ${phone.each.length} loads (each: ${phone.each.join(', ')} ms) | ${phone.blocking.toFixed(0)} | ${phone.longest.toFixed(0)} | ${phone.count} |`);
}
lines.push('', '| dataset file | records | raw | brotli |', '|---|---:|---:|---:|');
for (const [file, n] of !datasets ? [] : [['synthetic-100000.json', 100000], ['synthetic-100000.columnar.json', 100000], ['synthetic-1000000.columnar.json', 1000000]]) {
  const [raw, br] = await wire(`${OUT}/data/${file}`);
  lines.push(`| ${file} | ${n} | ${kb(raw)} | ${kb(br)} |`);
}
lines.push('', '| dataset | records | first screen painted (ms) | app shows the dataset (ms) | first chart (ms) | all charts, scrolled through (ms) | filter change → changed charts redrawn (ms) | … those on the screen (ms) | charts redrawn |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
// The default dataset is the catalog's, whichever it is.
const catalog = JSON.parse(await readFile('public/data/catalog.json', 'utf8'));
const byDefault = catalog.datasets.find((d) => d.id === catalog.default);
const cases = [[`bundled: ${byDefault.id} (default)`, '?lang=en', byDefault.records], ['bundled: FTS Afghanistan 2020', '?dataset=fts-afghanistan-2020&lang=en', 311], ['synthetic', '?lang=en&data=bench/synthetic-10000.json', 10000],
  ['synthetic', '?lang=en&data=bench/synthetic-100000.json', 100000], ['synthetic, columnar', '?lang=en&data=bench/synthetic-100000.columnar.json', 100000],
  ['synthetic, columnar', '?lang=en&data=bench/synthetic-1000000.columnar.json', 1000000]];
for (const [name, query, n] of !datasets ? [] : cases) {
  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await firstCharts(browser, server.url + query));
  const { ms, visible, redrawn } = await redraw(browser, server.url + query);
  const m = (k) => median(loads.map((l) => l[k])).toFixed(0);
  lines.push(`| ${name} | ${n} | ${m('paint')} | ${m('app')} | ${m('first')} | ${m('all')} | ${ms.toFixed(0)} | ${visible.toFixed(0)} | ${redrawn} |`);
}
lines.push('', '| aggregation (money by donor, every row) | rows | Alianzas, wasm (ms) | plain JavaScript loop (ms) | ratio | same result |', '|---|---:|---:|---:|---:|---|');
for (const [file, n] of [['synthetic-100000.columnar.json', 100000], ['synthetic-1000000.columnar.json', 1000000]]) {
  const r = await versusJavaScript(browser, `${server.url}?lang=en&data=bench/${file}`);
  lines.push(`| ${n} records | ${r.rows} | ${r.wasm.toFixed(1)} | ${r.js.toFixed(1)} | ${(r.wasm / r.js).toFixed(2)} | ${r.same ? 'yes' : 'NO'} |`);
}
await browser.close();
await server.close();
if (full) {
  lines.push('', ...await lighthouse(OUT));
  lines.push('', ...await importerMemory(OUT));
}
const report = lines.join('\n') + '\n';
await writeFile(`${OUT}/bench.md`, report);
console.log(report);
