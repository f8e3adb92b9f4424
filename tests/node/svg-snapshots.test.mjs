// SVG snapshots of a few charts, as ECharts draws them: the option each chart's spec gives (the
// committed insta snapshots of tests/it/snapshots, so Rust and drawing are checked together)
// rendered by npm's ECharts in its server-side SVG mode, which measures text without fonts and so
// draws the same on every machine. A change shows as an SVG diff in review; `make chart-snapshots`
// accepts new ones (UPDATE_SVG=1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const echarts = createRequire(import.meta.url)('echarts');
const DIR = 'tests/node/svg-snapshots';
// One of each kind of chart, in a left-to-right and a right-to-left language.
const CASES = [
  ['cooperation-lac', 'en', 'model'],
  ['cooperation-lac', 'en', 'timeline'],
  ['cooperation-lac', 'es', 'flows'],
  ['fts-afghanistan-2020', 'ar', 'donors'],
  ['fts-afghanistan-2020', 'fr', 'pipeline'],
  ['unhcr-americas-2022-results', 'en', 'objectives'],
  ['fts-ebola-pledges-2014', 'en', 'pledge-history'],
];

/** The ECharts option of one chart, from its insta snapshot. */
function option(dataset, lang, chart) {
  const text = readFileSync(`tests/it/snapshots/it__snapshots__${dataset}-${lang}.snap`, 'utf8');
  const section = text.split('\n## ').find((s) => s.startsWith(`${chart} — `));
  assert.ok(section, `${dataset}-${lang}: no chart ${chart}`);
  const line = section.split('\n').find((l) => l.startsWith('option: '));
  assert.ok(line, `${dataset}-${lang}/${chart} has no option (left out?)`);
  return JSON.parse(line.slice('option: '.length));
}

test('a few charts of the bundled datasets draw the SVG committed for them', () => {
  mkdirSync(DIR, { recursive: true });
  for (const [dataset, lang, chart] of CASES) {
    const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 480 });
    instance.setOption({ ...option(dataset, lang, chart), animation: false });
    const svg = instance.renderToSVGString();
    instance.dispose();
    // Something is drawn: shapes (bars, slices, links) and labels.
    const count = (re) => (svg.match(re) ?? []).length;
    assert.ok(count(/<path /g) >= 2 && count(/<text /g) >= 2, `${dataset}-${lang}/${chart}: ${count(/<path /g)} shapes, ${count(/<text /g)} labels`);
    const file = `${DIR}/${dataset}-${lang}-${chart}.svg`;
    if (process.env.UPDATE_SVG) {
      writeFileSync(file, svg + '\n');
      continue;
    }
    assert.ok(existsSync(file), `${file} is missing: run make chart-snapshots`);
    assert.equal(svg + '\n', readFileSync(file, 'utf8'), `${file} changed: review it and run make chart-snapshots`);
  }
});
