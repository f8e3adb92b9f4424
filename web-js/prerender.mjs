// Post-build step: bakes the default dataset's title and its source line (publisher, data date,
// licence) into index.html, where the page shows them before the WebAssembly has arrived (the title
// is what a reader looks at first, and the largest text of the first screen). The app then takes over with the same header in the
// same place. A link to another dataset or an embed hides the baked header at once (inline
// script, allowed by the CSP hash web-js/csp.mjs computes next).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
const file = join(dir, 'index.html');
const catalog = JSON.parse(readFileSync(join(dir, 'data/catalog.json'), 'utf8'));
const entry = catalog.datasets.find((d) => d.id === catalog.default);
if (!entry) throw new Error('prerender: the catalog has no default dataset');
// Only the metadata is needed: it comes first in every dataset file, before the records.
const head = readFileSync(join(dir, 'data', entry.file), 'utf8');
const { metadata } = JSON.parse(head);
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const baked = `<header class="site-header prerendered" id="prerendered" data-dataset="${esc(entry.id)}">
    <div class="topbar"><p class="brand">Alianzas</p>
    <div class="field dataset-picker" aria-hidden="true"><label>&nbsp;</label><select disabled tabindex="-1"><option>${esc(metadata.title)}</option></select></div></div>
    <h1 dir="auto">${esc(metadata.title)}</h1>
    <p class="about-line prerendered-source" dir="auto">${esc(`${metadata.publisher} · ${metadata.data_as_of} · ${metadata.licence}`)}</p>
  </header>
  <script>(function(){var q=new URLSearchParams(location.search),t=q.get('theme');if(t==='dark'||t==='light')document.documentElement.setAttribute('data-theme',t);if(q.has('data')||q.has('embed')||(q.has('dataset')&&!q.getAll('dataset').includes(${JSON.stringify(entry.id)})))document.getElementById('prerendered').hidden=true})()</script>`;
let html = readFileSync(file, 'utf8');
const marker = '<div id="skeleton" class="skeleton" aria-busy="true">';
if (!html.includes(marker)) throw new Error('prerender: no skeleton in index.html');
// The baked header carries the brand: the skeleton's own brand line goes.
html = html.replace(/\n\s*<p class="brand">Alianzas<\/p>/, '').replace(marker, `${marker}\n  ${baked}`);
writeFileSync(file, html);
console.log(`prerender: ${entry.id} title and source line baked into index.html`);
