// Printing the page (or saving it as PDF) gives every chart, not only those the reader scrolled
// to: charts are drawn when they come near the screen, so the ones further down are drawn when
// the browser announces the print, before it takes its picture of the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled } from './browser.mjs';

let server, browser;
before(async () => { server = await serve({ '/': 'dist' }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Per chart with something to draw: its id, how many pixels of its canvas are painted, and
 *  whether it waits to be drawn. */
const inkOf = () => [...document.querySelectorAll('figure.chart .canvas:not(.empty)')].map((el) => {
  const canvas = el.querySelector('canvas');
  let painted = 0;
  if (canvas) {
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) painted += pixels[i] > 0 ? 1 : 0;
  }
  return { id: el.closest('figure').id, painted, stale: el.hasAttribute('data-stale'), table: el.closest('figure').classList.contains('print-table') };
});

// In Arabic, ECharts itself arrives late, after the app has built its first view: the maps were
// then looked at once before there was anything to draw them with, which must not count as drawn.
for (const [lang, lateEcharts] of [['en', false], ['ar', true]]) {
  test(`${lang}: printing draws the charts never scrolled to, before the page is printed${lateEcharts ? ' (ECharts arrives late)' : ''}`, async () => {
    // The map boundaries never arrive, as on a connection that stalls: the maps cannot be drawn
    // for print, and must print their tables instead. (The service worker is kept out: requests
    // it makes are not routed.)
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await page.route('**/geo/**', () => {});
    if (lateEcharts) {
      await page.route('**/echarts-core.js', async (route) => {
        await page.waitForSelector('#map .canvas, #places .canvas');
        await route.continue();
      });
    }
    await page.goto(`${server.url}?lang=${lang}`);
    // The reader stays at the top: only the charts on or near the first screen are drawn.
    await chartsSettled(page, ['obligation', 'region']);
    await page.waitForFunction(() => document.querySelectorAll('figure.chart .canvas[data-stale]').length > 0);
    // The maps near the first screen have fetched ECharts' second module (donuts, Sankey, maps), as
    // they do a moment after the page opens; only their boundaries are missing.
    await page.waitForFunction(() => window.alianzasMoreChartsReady === true);
    await page.evaluate(`window.inkOf = ${inkOf}`);
    const before = await page.evaluate(() => window.inkOf());
    const waiting = before.filter((c) => c.stale).map((c) => c.id);
    assert.ok(waiting.length >= 3, `charts below the first screen wait to be drawn: ${waiting}`);
    // The browser sends "beforeprint" and then lays out and paints the page for paper, in the same
    // turn: the charts must be painted when the event returns.
    const after = await page.evaluate(() => {
      dispatchEvent(new Event('beforeprint'));
      return window.inkOf();
    });
    // A map whose boundaries were never fetched cannot be drawn in time: its table is printed.
    const tables = after.filter((c) => c.table).map((c) => c.id);
    assert.deepEqual(tables.sort(), after.map((c) => c.id).filter((id) => ['map', 'places'].includes(id)).sort(), 'the maps, and only they, fall back to their table');
    assert.ok(tables.length > 0);
    for (const chart of after.filter((c) => !c.table)) {
      assert.ok(chart.painted > 1000, `${chart.id} painted for print (${chart.painted} pixels)`);
      assert.equal(chart.stale, false, `${chart.id} no longer waits`);
    }
    const painted = (charts) => charts.filter((c) => c.painted > 1000).length;
    assert.ok(painted(after) >= painted(before) + 3, `at least three more charts painted for print (${painted(before)} → ${painted(after)})`);
    assert.deepEqual(after.map((c) => c.id).sort(), before.map((c) => c.id).sort());
    // A real print: Chromium's PDF of the page, which sends the same events.
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 50_000, `a PDF of ${pdf.length} bytes`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.settings-menu').isVisible(), false, 'controls are left off paper');
    // The fallback, seen as paper shows it (the class stays on outside a real print).
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    for (const id of tables) {
      assert.ok(await page.locator(`#${id} .table-wrap`).isVisible(), `${id}: its table is on paper`);
      assert.ok(await page.locator(`#${id} .table-wrap tbody tr`).count() > 2, `${id}: with its rows`);
    }
    await page.screenshot({ path: `test-results/print-${lang}.png`, fullPage: true });
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}
