// The maps: countries on the world map and, where a dataset places money, the states or
// departments of a country; drawn from boundaries fetched on demand (never in the first load),
// in four languages, clickable and by keyboard, embeddable, offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, tableOf } from './browser.mjs';

let server, browser;
before(async () => { server = await serve({ '/': 'dist' }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Where a longitude/latitude falls on a map chart, in page pixels. */
async function pixelOf(page, id, lonLat) {
  const box = await page.locator(`#${id} .canvas`).boundingBox();
  const [x, y] = await page.locator(`#${id} .canvas`).evaluate((el, ll) => window.echarts.getInstanceByDom(el).convertToPixel({ seriesIndex: 0 }, ll), lonLat);
  return { x: box.x + x, y: box.y + y };
}

for (const lang of ['es', 'en', 'fr', 'ar']) {
  test(`${lang}: the world map and the departments of Colombia are drawn, with a legend, and filter on click`, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const fetched = [];
    page.on('request', (r) => { if (r.url().includes('/geo/')) fetched.push(r.url().split('/geo/')[1]); });
    await page.goto(`${server.url}?lang=${lang}`);
    await chartsSettled(page, ['map', 'places']);
    for (const id of ['map', 'places']) {
      assert.equal(await page.locator(`#${id} .canvas canvas`).count(), 1, `${id} drawn`);
      assert.equal(await page.locator(`#${id} .map-legend li`).count(), 5, `${id}: a legend of five shades`);
      assert.ok((await tableOf(page, id)).length > 2, `${id}: its table`);
    }
    assert.deepEqual(fetched.sort(), ['admin1-CO.json', 'world.json'], 'boundaries fetched when the maps are drawn');
    // A country the dataset records no money for: its tooltip names it in the reader's language
    // and says nothing is recorded (ECharts' own showed the boundaries' code and a dash, "MNG -").
    const tip = await page.locator('#map .canvas').evaluate(async (el) => {
      window.echarts.getInstanceByDom(el).dispatchAction({ type: 'showTip', seriesIndex: 0, name: 'MNG' });
      await new Promise((r) => setTimeout(r, 300));
      return [...el.querySelectorAll('div')].filter((d) => d.style.display !== 'none' && getComputedStyle(d).visibility !== 'hidden').map((d) => d.innerText.trim()).filter(Boolean).join(' | ');
    });
    const mongolia = await page.evaluate((lang) => new Intl.DisplayNames([lang], { type: 'region' }).of('MN'), lang);
    const nothing = { es: 'Ningún monto registrado para esta selección', en: 'No amount recorded for this selection', fr: 'Aucun montant enregistré pour cette sélection', ar: 'لا يوجد مبلغ مسجَّل لهذا الاختيار' }[lang];
    assert.equal(tip, `${mongolia}\n${nothing}`, 'the tooltip of an area without money');
    // Colombia on the world map: a click filters by it.
    await page.locator('#map').scrollIntoViewIfNeeded();
    const colombia = await pixelOf(page, 'map', [-73.5, 4]);
    await page.mouse.click(colombia.x, colombia.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('recipient') === 'COL');
    // Antioquia on the map of departments.
    await chartsSettled(page, ['places']);
    await page.locator('#places').scrollIntoViewIfNeeded();
    const antioquia = await pixelOf(page, 'places', [-75.6, 7.0]);
    await page.mouse.click(antioquia.x, antioquia.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('place') === 'CO-ANT');
    await chartsSettled(page, ['places']);
    assert.match(await page.locator('#places .summary').textContent(), /Antioquia/);
    if (lang === 'ar') assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.locator('#places').screenshot({ path: `test-results/map-places-${lang}.png` });
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}

test('the map is reachable by keyboard: arrows announce each country, Enter filters', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?lang=en`);
  await chartsSettled(page, ['map']);
  await page.locator('#map .canvas').focus();
  await page.keyboard.press('ArrowDown');
  const said = await page.locator('#map .announcer').textContent();
  assert.match(said, /Colombia/, said);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('recipient') === 'COL');
  await page.context().close();
});

test('the map alone, embedded in a partner page', async () => {
  const page = await newPage(browser, { viewport: { width: 600, height: 500 } });
  await page.goto(`${server.url}?lang=fr&embed=places`);
  await chartsSettled(page, ['places']);
  assert.equal(await page.locator('figure.chart').count(), 1);
  assert.equal(await page.locator('#places .canvas canvas').count(), 1);
  assert.match(await page.locator('#places .summary').textContent(), /Colombie/);
  await page.context().close();
});

test('offline, after one visit, the maps are drawn from the cached boundaries', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?lang=es`);
  await chartsSettled(page, ['map', 'places']);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await page.context().setOffline(true);
  await page.reload();
  await chartsSettled(page, ['map', 'places']);
  for (const id of ['map', 'places']) assert.equal(await page.locator(`#${id} .canvas canvas`).count(), 1, id);
  assert.equal(await page.locator('.no-data').count(), 0);
  await page.context().close();
});
