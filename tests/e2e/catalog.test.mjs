// Every bundled real dataset, picked from the catalog, renders its charts without errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openSite, newPage, chartsSettled, leftOutCharts, CHART_IDS } from './browser.mjs';

/** The charts a dataset cannot fill, from its own file (region needs the M49 table: not checked). */
function expectedLeftOut(ds) {
  const notRecorded = new Set(ds.metadata.not_recorded ?? []);
  const codes = (pick) => new Set(ds.contributions.flatMap(pick));
  const says = (dim, pick) => !notRecorded.has(dim) && codes(pick).size > 1;
  const recorded = (dim, pick) => !notRecorded.has(dim) && [...codes(pick)].some((c) => c !== 'unspecified');
  const out = new Set();
  if (!says('obligation', (c) => (c.obligations ?? [{ id: c.obligation }]).map((o) => o.id))) out.add('obligation');
  if (!says('model', (c) => [c.model])) out.add('model');
  if (!says('donor', (c) => [c.donor.id])) out.add('donors');
  if (!says('status', (c) => [c.status])) out.add('pipeline');
  if (!recorded('status', (c) => [c.status]) || !ds.contributions.some((c) => c.status === 'pledged')) out.add('pledges');
  // Needs against no recorded money: "funded" would read as 0, which is unknown.
  if (!(ds.requirements ?? []).length || !ds.contributions.length) out.add('gap');
  if (!(ds.plans ?? []).some((p) => (p.objectives ?? []).length)) out.add('objectives');
  if (!ds.contributions.some((c) => (c.history ?? []).length)) out.add('pledge-history');
  if (!ds.contributions.some((c) => (c.places ?? []).length)) out.add('places');
  // M49 areas are numeric codes; countries are ISO alpha-3.
  if (!ds.contributions.some((c) => /^[A-Z]{3}$/.test(c.recipient))) out.add('map');
  if (!recorded('donor', (c) => [c.donor.id])) out.add('flows');
  const dated = ds.contributions.some((c) => c.date && c.date.slice(0, 4) === String(c.year));
  if (codes((c) => [c.year]).size === 1 && !dated) out.add('timeline');
  return out;
}

let server, browser, catalog;
before(async () => ({ server, browser, catalog } = await openSite()));
after(async () => { await browser?.close(); await server?.close(); });

test('the catalog lists real datasets with their provenance', async () => {
  assert.ok(catalog.datasets.length >= 3);
  for (const d of catalog.datasets) {
    for (const field of ['id', 'title', 'publisher', 'licence', 'source_url', 'data_as_of', 'file']) assert.ok(d[field], `${d.id}: ${field}`);
    // Records are contributions; a dataset of needs and results only (UNHCR's 2022 results) has none.
    const ds = JSON.parse(await readFile(`public/data/${d.file}`, 'utf8'));
    assert.equal(d.records, ds.contributions.length, d.id);
    assert.ok(d.records > 0 || ((ds.requirements ?? []).length > 0 && (ds.plans ?? []).length > 0), `${d.id} holds money, or needs and plans`);
    assert.doesNotMatch(d.title, /synthetic/i);
  }
  assert.ok(catalog.datasets.some((d) => d.id === catalog.default));
});

test('each bundled dataset draws every chart it can fill, and says why it leaves the others out', async () => {
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
    // Each chart is drawn, or listed as left out with the sentence saying why. Which ones are left
    // out is worked out here from the shipped file: a dimension the source does not record, or
    // with one code only, makes a chart that says nothing.
    const ds = JSON.parse(await readFile(`public/data/${d.file}`, 'utf8'));
    const expected = expectedLeftOut(ds);
    const leftOut = await leftOutCharts(page);
    for (const id of CHART_IDS) {
      if (leftOut.includes(id)) {
        assert.ok((await page.locator(`.left-out [data-chart=${id}]`).textContent()).length > 20, `${d.id}/${id} says why it is left out`);
        assert.equal(await page.locator(`figure#${id}`).count(), 0, `${d.id}/${id} is not drawn`);
      } else if (await page.locator(`#${id} .canvas.empty`).count()) {
        assert.ok((await page.locator(`#${id} .summary`).textContent()).length > 10, `${d.id}/${id} says why it is empty`);
      } else {
        assert.equal(await page.locator(`#${id} .canvas canvas`).count(), 1, `${d.id}/${id} drew`);
      }
      if (id !== 'region') assert.equal(leftOut.includes(id), expected.has(id), `${d.id}/${id}: left out ${leftOut.includes(id)}, expected ${expected.has(id)}`);
    }
    await page.screenshot({ path: `test-results/dataset-${d.id}.png`, fullPage: true });
    if (page.consoleErrors.length) console.log(d.id, page.consoleErrors.join('\n').slice(0, 2500));
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('dataset titles and descriptions read in the reader\'s language, marked as our translation, the original kept', async () => {
  const translations = JSON.parse(await readFile('data/catalog-translations.json', 'utf8'));
  for (const lang of ['es', 'fr', 'ar', 'en']) {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
    for (const d of catalog.datasets.slice(0, 3)) {
      await page.goto(`${server.url}?dataset=${d.id}&lang=${lang}`);
      await chartsSettled(page);
      const t = translations[d.id]?.[lang];
      const h1 = page.locator('h1#dataset-title');
      if (lang === 'en') {
        assert.equal(await h1.textContent(), d.title);
        assert.equal(await page.locator('.translated-note').count(), 0);
        continue;
      }
      assert.ok(t, `${d.id} has a ${lang} translation`);
      assert.equal(await h1.textContent(), t.title, `${lang}/${d.id}`);
      assert.equal(await h1.getAttribute('lang'), lang);
      assert.equal(await page.locator('header .description').textContent(), t.description);
      assert.ok((await page.locator('.translated-note').textContent()).length > 20);
      assert.equal(await page.locator('[data-meta=original-title]').textContent(), d.title, 'the original title is kept');
      // The picker lists the datasets in the reader's language too.
      assert.equal(await page.locator(`#dataset-picker option[value="${d.id}"]`).textContent(), t.title);
    }
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  }
});

test('the chart grid has no holes, for every bundled dataset, on a laptop and a wide screen', async () => {
  for (const width of [1280, 1920]) {
    const page = await newPage(browser, { viewport: { width, height: 900 } });
    for (const d of catalog.datasets) {
      await page.goto(`${server.url}?dataset=${d.id}&lang=en`);
      await chartsSettled(page);
      const rows = await page.evaluate(() => {
        const grid = document.querySelector('#charts').getBoundingClientRect();
        const byTop = new Map();
        for (const f of document.querySelectorAll('#charts > figure.chart')) {
          const r = f.getBoundingClientRect();
          const top = Math.round(r.top);
          byTop.set(top, [...(byTop.get(top) ?? []), { id: f.id, width: r.width }]);
        }
        return { width: grid.width, rows: [...byTop.values()] };
      });
      for (const row of rows.rows) {
        const used = row.reduce((s, c) => s + c.width, 0);
        // A row is two charts side by side, or one chart across: never one half-width chart alone.
        assert.ok(used >= rows.width - 40, `${d.id} at ${width}px: a row of ${row.map((c) => c.id)} fills ${Math.round(used)} of ${Math.round(rows.width)} px`);
      }
    }
    await page.context().close();
  }
});

test('the catalog view: a card per dataset in the reader\'s language, with its years and key figure, opening it', async () => {
  const { readFile: read } = await import('node:fs/promises');
  const translations = JSON.parse(await read('data/catalog-translations.json', 'utf8'));
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true });
  await page.goto(`${server.url}?lang=fr`);
  await chartsSettled(page);
  await page.locator('#catalog-link').click();
  await page.waitForURL(/view=catalog/);
  const cards = page.locator('.catalog-cards .card');
  assert.equal(await cards.count(), catalog.datasets.length);
  for (const d of catalog.datasets) {
    const card = page.locator(`.card[data-dataset="${d.id}"]`);
    assert.equal(await card.locator('h2 a').textContent(), translations[d.id]?.fr?.title ?? d.title, d.id);
    const [a, b] = d.years;
    assert.equal(await card.locator('.period').textContent(), a === b ? String(a) : `${a}–${b}`, d.id);
    assert.equal(await card.locator('.key-label').textContent(), d.key_figure.kind === 'funding' ? 'Financement (engagé + décaissé)' : 'Besoins', d.id);
    const records = d.records === 0 ? 'aucune contribution' : d.records === 1 ? 'une contribution' : `${new Intl.NumberFormat('fr').format(d.records)} contributions`;
    assert.ok((await card.locator('.card-source').textContent()).startsWith(`${records} · données au ${d.data_as_of}`), d.id);
  }
  await page.addScriptTag({ content: await read(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`), []);
  await page.screenshot({ path: 'test-results/catalog-cards-390-fr.png', fullPage: true });
  // A card's key figure is the funding the dataset's own page shows.
  const id = 'fts-afghanistan-2020';
  const figure = await page.locator(`.card[data-dataset="${id}"] .key-figure strong`).textContent();
  await page.locator(`.card[data-dataset="${id}"] h2 a`).click();
  await page.waitForURL((u) => u.search.includes(`dataset=${id}`) && !u.search.includes('view=catalog'));
  // The URL changes at once; the dataset arrives after: wait for its title.
  const title = translations[id]?.fr?.title ?? catalog.datasets.find((d) => d.id === id).title;
  await page.waitForFunction((t) => document.querySelector('h1#dataset-title')?.textContent === t, title);
  await chartsSettled(page);
  assert.equal(await page.locator('[data-figure=funding] dd').textContent(), figure);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
