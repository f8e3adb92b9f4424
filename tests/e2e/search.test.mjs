// One search box finds donors, recipients, places, obligations and models by name in the reader's
// language, with or without accents, and adds them to the filters: several values per filter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openSite, newPage, chartsSettled, tableOf } from './browser.mjs';

let server, browser;
before(async () => ({ server, browser } = await openSite()));
after(async () => { await browser?.close(); await server?.close(); });

const dataset = JSON.parse(await readFile('public/data/cooperation-lac.json', 'utf8'));

async function search(page, text) {
  const box = page.locator('#filter-search');
  await box.fill(text);
  await page.locator('#search-results [role=option]').first().waitFor();
  return page.locator('#search-results [role=option]');
}

test('a donor is found by its name in Spanish with and without accents, then a second one is added by keyboard', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?lang=es`);
  await chartsSettled(page);
  for (const text of ['Japón', 'japon', 'JAPON']) {
    const options = await search(page, text);
    const codes = await options.evaluateAll((os) => os.map((o) => `${o.dataset.dim}:${o.dataset.code}`));
    assert.ok(codes.includes('donor:gov-JPN'), `${text}: ${codes}`);
    assert.match(await page.locator('#search-results [data-code=gov-JPN] .hit-label').textContent(), /^Japón$/);
  }
  // Picked by tap.
  await page.locator('#search-results [data-code=gov-JPN]').click();
  await page.waitForURL(/donor=gov-JPN/);
  assert.equal(await page.locator('#filter-search').inputValue(), '', 'the box empties once a result is picked');
  // The second by keyboard: arrows to the result, Enter adds it beside the first.
  const options = await search(page, 'alemania');
  const position = (await options.evaluateAll((os) => os.map((o) => o.dataset.code))).indexOf('gov-DEU');
  assert.ok(position >= 0);
  for (let i = 0; i <= position; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#filter-search').getAttribute('aria-activedescendant'), `search-hit-${position}`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/donor=gov-JPN(%2C|,)gov-DEU/);
  await chartsSettled(page);
  // Both are filters: two chips, the select says two are chosen, and the figures are theirs.
  const chips = await page.locator('.chips .chip').allTextContents();
  assert.equal(chips.length, 2, chips.join(' | '));
  assert.match(await page.locator('#filter-donor option:checked').textContent(), /^2 seleccionados$/);
  const count = dataset.contributions.filter((c) => ['gov-JPN', 'gov-DEU'].includes(c.donor.id)).length;
  const shown = Number((await page.locator('[data-figure=contributions] dd').textContent()).replace(/\D/g, ''));
  assert.equal(shown, count);
  assert.deepEqual(page.consoleErrors, []);
  await page.screenshot({ path: 'test-results/search-es.png' });
  await page.context().close();
});

test('places, models and obligations are found too; Escape closes the list; nothing found is said', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}?lang=fr`);
  await chartsSettled(page);
  let codes = await (await search(page, 'cordoba')).evaluateAll((os) => os.map((o) => `${o.dataset.dim}:${o.dataset.code}`));
  assert.ok(codes.includes('place:CO-COR'), codes.join(' '));
  codes = await (await search(page, 'triangulaire')).evaluateAll((os) => os.map((o) => `${o.dataset.dim}:${o.dataset.code}`));
  assert.equal(codes[0], 'model:triangular');
  assert.equal(await page.locator('#filter-search').getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#search-results').isVisible(), false);
  await page.locator('#filter-search').fill('zzzzqqq');
  assert.equal(await page.locator('.filter-search [role=status]').textContent(), 'Aucun résultat');
  await page.context().close();
});
