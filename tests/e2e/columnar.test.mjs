// A dataset in the columnar encoding (docs/dataset-format.md) is the same dataset: loaded with
// ?data=, the page shows what it shows for the v1 file, chart for chart; a broken column is
// reported with its place in the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, tableOf, shownCharts } from './browser.mjs';

let server, browser;
const dir = mkdtempSync(`${tmpdir()}/alianzas-columnar-`);
before(async () => {
  execFileSync('target/release/alianzas', ['convert', 'public/data/unhcr-mirps-2023.json', '--to', 'columnar', '-o', `${dir}/mirps.json`], { stdio: 'pipe' });
  // The CLI packs each index ("u8:" and base64, docs/dataset-format.md): the last key is cut off.
  const broken = JSON.parse(readFileSync(`${dir}/mirps.json`, 'utf8'));
  const [width, body] = broken.contributions.year.index.split(':');
  const keys = Buffer.from(body, 'base64');
  broken.contributions.year.index = `${width}:${keys.subarray(0, keys.length - Number(width.slice(1)) / 8).toString('base64')}`;
  writeFileSync(`${dir}/broken.json`, JSON.stringify(broken));
  const unreadable = JSON.parse(readFileSync(`${dir}/mirps.json`, 'utf8'));
  unreadable.contributions.model.index = 'u8:AA#A';
  writeFileSync(`${dir}/unreadable.json`, JSON.stringify(unreadable));
  server = await serve({ '/': 'dist', '/columnar/': dir });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); rmSync(dir, { recursive: true, force: true }); });

async function shown(query) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?lang=en&${query}`);
  await chartsSettled(page);
  const charts = await shownCharts(page);
  const tables = {};
  for (const id of charts) tables[id] = await tableOf(page, id);
  const headline = await page.locator('.headline').textContent();
  const errors = page.consoleErrors;
  await page.context().close();
  return { charts, tables, headline, errors };
}

test('the columnar file shows the same figures, charts and tables as the v1 file', async () => {
  const v1 = await shown('dataset=unhcr-mirps-2023');
  const columnar = await shown('data=columnar/mirps.json');
  assert.ok(v1.charts.length >= 5, `${v1.charts}`);
  assert.deepEqual(columnar.charts, v1.charts);
  assert.equal(columnar.headline, v1.headline);
  for (const id of v1.charts) assert.deepEqual(columnar.tables[id], v1.tables[id], id);
  assert.deepEqual(columnar.errors, []);
});

test('a column of the wrong length is named with its place in the file', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?lang=en&data=columnar/broken.json`);
  const problem = page.locator('.problem');
  await problem.waitFor();
  assert.match(await problem.textContent(), /\/contributions\/year\/index: this column has 122 entries; "count" says 123/);
  // A packed index that is not base64 is named with where it goes wrong, in the reader's language.
  const other = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await other.goto(`${server.url}?lang=es&data=columnar/unreadable.json`);
  await other.locator('.problem').waitFor();
  assert.match(await other.locator('.problem').textContent(), /\/contributions\/model\/index: este índice no es ni una lista de enteros ni un índice empaquetado .*carácter 5/);
  await other.context().close();
  // In Arabic the pointer still reads left to right: its leading slash is drawn before the "c".
  const arabic = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await arabic.goto(`${server.url}?lang=ar&data=columnar/unreadable.json`);
  await arabic.locator('.problem code').first().waitFor();
  const [slash, c] = await arabic.locator('.problem code').first().evaluate((code) => [0, 1].map((i) => {
    const range = document.createRange();
    range.setStart(code.firstChild, i);
    range.setEnd(code.firstChild, i + 1);
    return range.getBoundingClientRect().left;
  }));
  assert.ok(slash < c, `the slash is drawn at ${slash}, the "c" at ${c}`);
  await arabic.context().close();
  // The page still works: the default dataset is shown below.
  await chartsSettled(page);
  assert.ok((await shownCharts(page)).length > 0);
  await page.context().close();
});
