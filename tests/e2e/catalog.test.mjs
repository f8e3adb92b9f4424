// Every bundled real dataset, picked from the catalog, renders its charts without errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, CHART_IDS } from './browser.mjs';

let server, browser, catalog;
before(async () => {
  server = await serve({ '/': 'dist' });
  browser = await launch();
  catalog = JSON.parse(await readFile('public/data/catalog.json', 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

test('the catalog lists real datasets with their provenance', () => {
  assert.ok(catalog.datasets.length >= 3);
  for (const d of catalog.datasets) {
    for (const field of ['id', 'title', 'publisher', 'licence', 'source_url', 'data_as_of', 'file']) assert.ok(d[field], `${d.id}: ${field}`);
    assert.ok(d.records > 0, d.id);
    assert.doesNotMatch(d.title, /synthetic/i);
  }
  assert.ok(catalog.datasets.some((d) => d.id === catalog.default));
});

test('each bundled dataset renders every chart from the picker', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?lang=en');
  await chartsSettled(page);
  for (const d of catalog.datasets) {
    if ((await page.locator('#dataset-picker').inputValue()) !== d.id) {
      await page.selectOption('#dataset-picker', d.id);
      await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, d.title);
    }
    await chartsSettled(page);
    assert.equal(await page.locator('[data-meta=publisher]').textContent(), d.publisher);
    const headline = Number((await page.locator('[data-figure=contributions] dd').textContent()).replace(/[^\d]/g, ''));
    assert.equal(headline, d.records, `${d.id}: all contributions counted`);
    let drawn = 0;
    for (const id of CHART_IDS) {
      const empty = await page.locator(`#${id} .canvas.empty`).count();
      if (empty) {
        assert.ok((await page.locator(`#${id} .summary`).textContent()).length > 10, `${d.id}/${id} says why it is empty`);
      } else {
        assert.equal(await page.locator(`#${id} .canvas canvas`).count(), 1, `${d.id}/${id} drew`);
        drawn++;
      }
    }
    assert.ok(drawn >= 7, `${d.id}: ${drawn} charts drawn`);
    await page.screenshot({ path: `test-results/dataset-${d.id}.png`, fullPage: true });
    if (page.consoleErrors.length) console.log(d.id, page.consoleErrors.join('\n').slice(0, 2500));
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
