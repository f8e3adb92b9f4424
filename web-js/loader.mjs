// Post-build step: the app starts after the first contentful paint. Trunk's loader imports the app's script,
// preloads the WebAssembly and ECharts from the head, so ~620 KB start competing with the page's
// own HTML and CSS before anything is on screen. Here the baked first screen (web-js/prerender.mjs)
// paints first; then, in the next task, the WebAssembly and ECharts are fetched in parallel, with
// the data the app reads first, and the app takes over. Runs before web-js/csp.mjs, which hashes
// the inline script written here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const loader = html.match(/<script type="module">\s*import init, \* as bindings from '(\.\/[^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/[^']+\.wasm)' \}\);[\s\S]*?<\/script>/);
if (!loader) throw new Error("loader: Trunk's loader script was not found in index.html");
const [trunkLoader, script, wasm] = loader;

// What the app reads first, from this site: the catalog, and the dataset the URL names where the
// address alone says which file it is (`?data=` on this site, or the default dataset). The app
// takes each body by its address (src/web/load.rs `early_body`) instead of fetching it after it has
// started. The limit is the app's own (MAX_DATASET_MB): a larger file is left for the app to refuse.
const loadRs = readFileSync('src/web/load.rs', 'utf8');
const constant = (pattern, name) => loadRs.match(pattern)?.[1] ?? (() => { throw new Error(`loader: ${name} was not found in src/web/load.rs`); })();
const limitMb = Number(constant(/pub const MAX_DATASET_MB: u32 = (\d+);/, 'MAX_DATASET_MB'));
const CATALOG = constant(/pub const CATALOG: &str = "([^"]+)";/, 'CATALOG');
const catalog = JSON.parse(readFileSync(join(dir, 'data/catalog.json'), 'utf8'));
const byDefault = catalog.datasets.find((d) => d.id === catalog.default);
if (!byDefault) throw new Error(`loader: the catalog's default dataset ${catalog.default} is not in it`);
const defaultFiles = [byDefault.file, byDefault.report].filter(Boolean).map((f) => `data/${f}`);
const echarts = html.match(/\s*<script type="module" id="echarts-script" src="([^"]+)"><\/script>/);
if (!echarts) throw new Error('loader: the ECharts script tag was not found in index.html');

// The WebAssembly is fetched while the script is, not after it: init() takes the pending response.
// ECharts keeps its id: the app waits for that element's load event (src/web/echarts.rs).
const start = `<script type="module">
const start = () => {
  // Off the main thread, the costly first Intl object while the WebAssembly downloads (web-js/intl-warmup.js).
  try { new Worker('intl-warmup.js'); } catch {}
  const echarts = Object.assign(document.createElement('script'), { id: 'echarts-script', type: 'module', src: ${JSON.stringify(echarts[1])} });
  document.head.append(echarts);
  const wasm = fetch(${JSON.stringify(wasm)});
  // Only a head start: whatever goes wrong in it, the app starts and fetches what it needs.
  try { early(); } catch {}
  import(${JSON.stringify(script)}).then(async (bindings) => {
    await bindings.default({ module_or_path: wasm });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  });
};
// Only addresses on this site: the app fetches another site's itself, and can then say why it
// failed (its policy, CORS). A body not read, or not ok, is null, and the app fetches it again.
// The URL's parameters are read as the app reads them (src/core/charts/urlstate.rs): trimmed, the
// last non-empty one counts. An early body the app does not ask for is only a wasted download.
const early = () => {
  const query = new URLSearchParams(location.search);
  const param = (key) => query.getAll(key).map((v) => v.trim()).filter(Boolean).pop() ?? null;
  const data = param('data');
  const dataset = param('dataset');
  const ours = (url) => { try { return new URL(url, document.baseURI).origin === location.origin; } catch { return false; } };
  const urls = [${JSON.stringify(CATALOG)}];
  if (data !== null) { if (ours(data)) urls.push(data); }
  else if ((dataset ?? ${JSON.stringify(byDefault.id)}) === ${JSON.stringify(byDefault.id)} && param('version') === null) urls.push(...${JSON.stringify(defaultFiles)});
  const limit = ${limitMb} * 1024 * 1024;
  const body = (url) => fetch(url, { credentials: 'omit' })
    .then((r) => (r.ok && !(Number(r.headers.get('content-length')) > limit) ? r.arrayBuffer() : null))
    .then((b) => (b && b.byteLength <= limit ? b : null), () => null);
  window.alianzasEarly = Object.fromEntries(urls.map((url) => [url, body(url)]));
};
// After the first contentful paint, as the browser reports it: an animation frame can run before
// the first paint (while the stylesheet is still on its way), and the downloads then started
// ahead of the page's own first screen. A hidden tab or an iframe out of view paints nothing:
// the timer starts it there.
let started = false;
const once = () => { if (!started) { started = true; start(); } };
const painted = (entries) => entries.some((e) => e.name === 'first-contentful-paint');
if (painted(performance.getEntriesByType('paint'))) setTimeout(once, 0);
else if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
  new PerformanceObserver((list, observer) => { if (painted(list.getEntries())) { observer.disconnect(); setTimeout(once, 0); } }).observe({ type: 'paint' });
} else requestAnimationFrame(() => setTimeout(once, 0));
setTimeout(once, 1000);
</script>`;
html = html.replace(trunkLoader, start).replace(echarts[0], '');
// The preloads would start both downloads before the first paint.
html = html.replace(/<link rel="modulepreload"[^>]*>/g, '').replace(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/g, '');
writeFileSync(file, html);
console.log('loader: the app starts after the first paint');
