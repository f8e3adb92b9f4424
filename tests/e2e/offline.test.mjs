// After one online visit, the dashboard works with the network off (service worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, shownCharts } from './browser.mjs';

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
  const shown = await shownCharts(page);
  assert.equal(shown.length, 8, 'every chart but pledges and their history (none recorded), places (none) and region (one region)');
  assert.ok(shown.includes('map'), 'the world map, its boundaries from the offline copy');
  for (const id of shown) {
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

test('a new build replaces the old offline copy: the old cache goes, the new data shows offline', async () => {
  // A copy of the site, so a "new release" can be written into it: a changed snapshot and the
  // service worker the build hook writes for it.
  const root = await mkdtemp(join(tmpdir(), 'alianzas-release-'));
  await cp('dist', root, { recursive: true });
  const site = await serve({ '/': root });
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  const cacheNames = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('alianzas-')));
  try {
    await page.goto(`${site.url}?dataset=fts-afghanistan-2020&lang=en`);
    await chartsSettled(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const [first] = await cacheNames();
    assert.ok(first, 'the first visit filled a cache');

    const file = join(root, 'data', 'fts-afghanistan-2020.json');
    const dataset = JSON.parse(await readFile(file, 'utf8'));
    dataset.metadata.title += ' (second release)';
    await writeFile(file, JSON.stringify(dataset));
    execFileSync(process.execPath, ['web-js/sw.mjs', root]);

    await page.reload();
    await chartsSettled(page);
    // The browser checks sw.js on navigation; the new worker installs, then deletes the old cache.
    let names = await cacheNames();
    for (const deadline = Date.now() + 30000; !(names.length === 1 && names[0] !== first) && Date.now() < deadline;) {
      await new Promise((ok) => setTimeout(ok, 250));
      names = await cacheNames();
    }
    assert.equal(names.length, 1, names.join(', '));
    assert.notEqual(names[0], first);

    await page.context().setOffline(true);
    await page.reload();
    await chartsSettled(page);
    assert.equal(await page.locator('h1').textContent(), 'Humanitarian funding, Afghanistan 2020 (second release)');
  } finally {
    await page.context().close();
    await site.close();
    await rm(root, { recursive: true, force: true });
  }
});
