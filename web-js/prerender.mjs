// Post-build step: bakes the default dataset's first screen into index.html — its title, source
// line (publisher, data date, licence), takeaway sentence and headline figures, in each of the four
// languages — so a reader on a slow phone reads the answer before the WebAssembly has arrived (as
// OWID bakes its pages). The words come from the core (`alianzas first-screen`); numbers and
// country names are written here with Intl and the same options as src/web/intl.rs, so the app
// takes over with the same words in the same place. An inline script (allowed by the CSP hash
// web-js/csp.mjs computes next) shows the reader's language, as the app picks it (?lang=, else the
// browser's languages, else Spanish), and hides what would be wrong for the URL: everything for
// another dataset or an embed, the figures when the URL filters them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
const file = join(dir, 'index.html');
const cli = 'target/release/alianzas';
if (!existsSync(cli)) throw new Error(`prerender: ${cli} is missing (make build builds it first)`);
const screen = JSON.parse(execFileSync(cli, ['first-screen', join(dir, 'data/catalog.json')], { encoding: 'utf8' }));

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// src/core/locale/lang.rs isolate_latin_runs: Latin runs inside Arabic text keep their order.
const isolateLatinRuns = (text) => text.replace(/[A-Za-z$€£¥]+/g, (run) => (/[A-Za-z]/.test(run) ? `\u2066${run}\u2069` : run));
const writers = (lang) => {
  const money = new Intl.NumberFormat(lang, { style: 'currency', currency: screen.currency, currencyDisplay: 'symbol', minimumFractionDigits: 0, notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const regions = new Intl.DisplayNames([lang], { type: 'region' });
  return {
    money: (v) => (lang === 'ar' ? isolateLatinRuns(money.format(Number(v))) : money.format(Number(v))),
    percent: (v) => percent.format(Number(v)),
    count: (v) => count.format(Number(v)),
    region: (code) => regions.of(code) ?? code,
  };
};
const written = (text, w) => text.replace(/\uE000(\w+):([^\uE001]*)\uE001/g, (_, kind, value) => {
  if (!w[kind]) throw new Error(`prerender: unknown token ${kind}`);
  return w[kind](value);
});

const views = Object.entries(screen.languages).map(([lang, s]) => {
  const w = writers(lang);
  const attrs = `data-lang="${lang}" lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}" hidden`;
  const figures = s.figures.map((f) => `<div class="figure" data-figure="${esc(f.id)}"><dt>${esc(f.label)}</dt><dd>${esc(written(f.value, w))}</dd></div>`).join('');
  return {
    header: `<div class="prerendered-title" ${attrs}><h1 dir="auto">${esc(s.title)}</h1>
      <p class="about-line prerendered-source" dir="auto">${esc(s.source_line)}</p></div>`,
    figures: `<div class="prerendered-figures" ${attrs}><p class="takeaway">${esc(written(s.takeaway, w))}</p>
      <dl class="headline">${figures}</dl></div>`,
  };
});
const en = screen.languages.en;
const baked = `<header class="site-header prerendered" id="prerendered" data-dataset="${esc(screen.dataset)}">
    <div class="topbar"><p class="brand">Alianzas</p>
    <div class="field dataset-picker" aria-hidden="true"><label>&nbsp;</label><select disabled tabindex="-1"><option>${esc(en.title)}</option></select></div></div>
    ${views.map((v) => v.header).join('\n    ')}
  </header>
  <div class="prerendered-main" id="prerendered-main">
    ${views.map((v) => v.figures).join('\n    ')}
  </div>
  <script>(function(){var q=new URLSearchParams(location.search),t=q.get('theme'),L=['es','en','fr','ar'],p=function(c){c=String(c||'').split(/[-_]/)[0].toLowerCase();return L.indexOf(c)<0?null:c};
if(t==='dark'||t==='light')document.documentElement.setAttribute('data-theme',t);
var h=document.getElementById('prerendered'),m=document.getElementById('prerendered-main');
if(q.has('data')||q.has('embed')||q.has('view')||(q.has('dataset')&&!q.getAll('dataset').includes(${JSON.stringify(screen.dataset)}))){h.hidden=m.hidden=true;return}
var l=p(q.get('lang'));if(!l){var n=navigator.languages||[navigator.language];for(var i=0;i<n.length&&!l;i++)l=p(n[i])}l=l||'es';
document.documentElement.lang=l;document.documentElement.dir=l==='ar'?'rtl':'ltr';
var v=h.querySelector('[data-lang="'+l+'"]');v.hidden=false;h.querySelector('select option').textContent=v.querySelector('h1').textContent;
var k=[];q.forEach(function(v,key){if(['lang','theme','patterns','dataset'].indexOf(key)<0)k.push(key)});if(!k.length)m.querySelector('[data-lang="'+l+'"]').hidden=false})()</script>`;

let html = readFileSync(file, 'utf8');
const marker = '<div id="skeleton" class="skeleton" aria-busy="true">';
if (!html.includes(marker)) throw new Error('prerender: no skeleton in index.html');
// The baked header carries the brand: the skeleton's own brand line goes.
html = html.replace(/\n\s*<p class="brand">Alianzas<\/p>/, '').replace(marker, `${marker}\n  ${baked}`);
writeFileSync(file, html);
console.log(`prerender: ${screen.dataset}'s title, takeaway and figures baked into index.html in ${Object.keys(screen.languages).join(', ')}`);
