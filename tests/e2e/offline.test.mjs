// After one online visit, the dashboard works with the network off (service worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, CHART_IDS } from './browser.mjs';

let server, browser;
before(async () => { server = await serve({ '/': 'dist' }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a reload with the network off renders every chart', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=en`);
  await chartsSettled(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await page.context().setOffline(true);
  await page.reload();
  await chartsSettled(page);
  assert.equal(await page.locator('h1').textContent(), 'Humanitarian funding, Afghanistan 2020');
  for (const id of CHART_IDS.filter((c) => c !== 'pledges')) {
    assert.equal(await page.locator(`#${id} .canvas canvas`).count(), 1, id);
  }
  // Another bundled dataset, never opened online, is there too.
  await page.selectOption('#dataset-picker', 'mine-action');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.startsWith('Mine action'));
  await chartsSettled(page);
  await page.screenshot({ path: 'test-results/offline.png' });
  await page.context().close();
});

test('an unreachable remote ?data= falls back to the bundled data with a notice', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?lang=en&data=${encodeURIComponent('https://unreachable.invalid/data.json')}`);
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /There was no answer/);
  assert.match(await alert.textContent(), /Showing the bundled dataset instead/);
  await chartsSettled(page);
  await page.context().close();
});
