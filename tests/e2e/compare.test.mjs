// Compare: the last two years, or two to four donors or recipients, side by side in a
// <figure id="compare"> with its table and the difference in words; in the URL, embeddable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openSite, newPage, chartsSettled, tableOf } from './browser.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server, browser;
before(async () => ({ server, browser } = await openSite()));
after(async () => { await browser?.close(); await server?.close(); });

const dataset = JSON.parse(await readFile('public/data/cooperation-lac.json', 'utf8'));
const funding = (keep) => dataset.contributions.filter((c) => c.status !== 'pledged' && keep(c)).reduce((s, c) => s + c.amount, 0);
const digits = (text) => Number(text.replace(/[^\d]/g, ''));
const settled = (page) => chartsSettled(page, ['compare', 'region']);

test('?compare=year opens the last two years side by side, with a table, a summary and no axe violation', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await page.goto(`${server.url}?lang=en&compare=year`);
  await settled(page);
  const figure = page.locator('figure#compare');
  assert.ok(await figure.isVisible());
  const summary = await figure.locator('.summary').textContent();
  const [, earlier, later] = summary.match(/^From (\d{4}) to (\d{4}): /) ?? [];
  assert.ok(earlier && later, summary);
  const rows = await tableOf(page, 'compare');
  assert.deepEqual(rows[0].slice(1), [earlier, later]);
  const total = rows.at(-1);
  assert.equal(total[0], 'Total');
  for (const [i, year] of [earlier, later].entries()) {
    assert.equal(digits(total[i + 1]), Math.round(funding((c) => String(c.year) === year)), year);
  }
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`), []);
  await page.screenshot({ path: 'test-results/compare-years.png' });
  // Closed by its button; the URL forgets it.
  await page.locator('#compare-close').click();
  await page.waitForURL((u) => !u.search.includes('compare='));
  assert.equal(await page.locator('figure#compare').count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('two donors found with the search box are compared side by side, the difference in words', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}?lang=es&donor=gov-JPN,gov-DEU`);
  await chartsSettled(page);
  const button = page.locator('#compare-chosen');
  assert.equal(await button.textContent(), 'Comparar lado a lado: Japón, Alemania');
  await button.click();
  await page.waitForURL(/compare=donor(%3A|:)gov-JPN(%2C|,)gov-DEU/);
  await settled(page);
  const rows = await tableOf(page, 'compare');
  assert.deepEqual(rows[0], ['Receptor', 'Japón', 'Alemania']);
  const [jpn, deu] = [funding((c) => c.donor.id === 'gov-JPN'), funding((c) => c.donor.id === 'gov-DEU')];
  assert.deepEqual(rows.at(-1).slice(1).map(digits), [Math.round(jpn), Math.round(deu)]);
  const summary = await page.locator('#compare .summary').textContent();
  assert.match(summary, new RegExp(`^Japón: .+; Alemania: .+\\. ${jpn > deu ? 'Japón' : 'Alemania'} tiene .+ más \\(.+ más\\)\\.$`), summary);
  await page.screenshot({ path: 'test-results/compare-donors-390-es.png', fullPage: false });
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the comparison embeds alone, its dimension named by country codes', async () => {
  const page = await newPage(browser, { viewport: { width: 600, height: 500 } });
  await page.goto(`${server.url}?lang=fr&embed=compare&compare=donor:JPN,DEU`);
  await chartsSettled(page, ['compare']);
  assert.equal(await page.locator('figure.chart').count(), 1);
  assert.ok(await page.locator('figure#compare').isVisible());
  assert.equal(await page.locator('.site-header').count(), 0);
  assert.match(await page.locator('#compare h2').textContent(), /côte à côte/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
