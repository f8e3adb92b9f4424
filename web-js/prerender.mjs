// Post-build step: bakes the default dataset's first screen into index.html — its title, source
// line (publisher, data date, licence), takeaway sentence and headline figures, and the top bar
// around them (tagline, catalog link, settings button), in each of the four languages — so a reader on a slow phone reads the answer before the WebAssembly has arrived (as
// OWID bakes its pages). The words come from the core (`alianzas first-screen`); numbers and
// country names are written here with Intl and the same options as src/web/intl.rs, so the app
// takes over with the same words in the same place. An inline script at the top of <head>
// (allowed by the CSP hash web-js/csp.mjs computes next) names on <html> the reader's language, as
// the app picks it (?lang=, else the browser's languages, else Spanish), and what would be wrong
// for the URL: everything for another dataset or an embed, the figures when the URL filters them;
// style/main.css shows and hides by those names. It runs before the stylesheet, so the first paint
// already shows the right language: a script after the baked blocks waited for the stylesheet and
// sometimes ran after the first paint, and the title then painted a frame later.
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
  const attrs = `data-lang="${lang}" lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`;
  const figures = s.figures.map((f) => `<div class="figure" data-figure="${esc(f.id)}"><dt>${esc(f.label)}</dt><dd>${esc(written(f.value, w))}</dd></div>`).join('');
  return {
    tagline: `<span class="tagline" ${attrs}>${esc(s.tagline)}</span>`,
    picker: `<select disabled tabindex="-1" data-lang="${lang}"><option>${esc(s.title)}</option></select>`,
    // A working link: it loads the catalog page before the app has arrived too.
    catalog: `<a class="catalog-link" ${attrs} href="?view=catalog&amp;lang=${lang}">${esc(written(s.catalog_link, w))}</a>`,
    // The settings button's place and words; it opens once the app has arrived (inert until then).
    settings: `<details class="settings-menu" data-lang="${lang}" inert><summary><span class="settings-icon" aria-hidden="true">⚙</span> ${esc(s.settings)}<span class="settings-lang" lang="${lang}">${esc(s.endonym)}</span></summary></details>`,
    header: `<div class="prerendered-title" ${attrs}><h1 dir="auto">${esc(s.title)}</h1>
      <div class="about-data"><p class="about-summary"><span class="about-title">${esc(s.about)}</span><span class="about-line prerendered-source" dir="auto">${esc(s.source_line)}</span></p></div></div>`,
    figures: `<div class="prerendered-figures" ${attrs}><p class="takeaway">${esc(written(s.takeaway, w))}</p>
      <dl class="headline">${figures}</dl></div>`,
  };
});
// The top bar as the app lays it out (src/web/header.rs TopBar), each language's words in it.
const all = (part) => views.map((v) => v[part]).join('');
const baked = `<header class="site-header prerendered" id="prerendered" data-dataset="${esc(screen.dataset)}">
    <div class="topbar"><p class="brand">Alianzas${all('tagline')}</p>
    <div class="field dataset-picker" aria-hidden="true"><label>&nbsp;</label>${all('picker')}</div>
    ${all('catalog')}${all('settings')}</div>
    ${views.map((v) => v.header).join('\n    ')}
  </header>
  <div class="prerendered-main" id="prerendered-main">
    ${views.map((v) => v.figures).join('\n    ')}
  </div>`;
// data-baked: the language shown, or "off"; data-baked-figures: the URL filters nothing. The
// script takes itself out of the page once run: it has nothing left to do there.
const choose = `<script>document.currentScript.remove();(function(){var q=new URLSearchParams(location.search),t=q.get('theme'),L=['es','en','fr','ar'],r=document.documentElement,p=function(c){c=String(c||'').split(/[-_]/)[0].toLowerCase();return L.indexOf(c)<0?null:c};
if(t==='dark'||t==='light')r.setAttribute('data-theme',t);
if(q.has('data')||q.has('embed')||q.has('view')||(q.has('dataset')&&!q.getAll('dataset').includes(${JSON.stringify(screen.dataset)}))){r.setAttribute('data-baked','off');return}
var l=p(q.get('lang'));if(!l){var n=navigator.languages||[navigator.language];for(var i=0;i<n.length&&!l;i++)l=p(n[i])}l=l||'es';
r.lang=l;r.dir=l==='ar'?'rtl':'ltr';r.setAttribute('data-baked',l);
var k=[];q.forEach(function(v,key){if(['lang','theme','patterns','dataset'].indexOf(key)<0)k.push(key)});if(!k.length)r.setAttribute('data-baked-figures','')})()</script>`;

let html = readFileSync(file, 'utf8');
const marker = '<div id="skeleton" class="skeleton" aria-busy="true">';
if (!html.includes(marker)) throw new Error('prerender: no skeleton in index.html');
// The baked header carries the brand: the skeleton's own brand line goes.
html = html.replace(/\n\s*<p class="brand">Alianzas<\/p>/, '').replace(marker, `${marker}\n  ${baked}`);
const stylesheet = html.indexOf('<link rel="stylesheet"');
if (stylesheet < 0) throw new Error('prerender: no stylesheet link in index.html');
html = `${html.slice(0, stylesheet)}${choose}\n  ${html.slice(stylesheet)}`;
writeFileSync(file, html);
console.log(`prerender: ${screen.dataset}'s title, takeaway and figures baked into index.html in ${Object.keys(screen.languages).join(', ')}`);
