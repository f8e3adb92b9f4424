// Embedding, exports, citation and the security that comes with them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, tableOf, shownCharts, leftOutCharts, CHART_IDS } from './browser.mjs';

let server, browser, catalog;
before(async () => {
  server = await serve({ '/': 'dist', '/fixtures/': 'tests/fixtures' });
  browser = await launch();
  catalog = JSON.parse(await readFile('public/data/catalog.json', 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

/** A page that records Content-Security-Policy violations. */
async function watchedPage(options = {}) {
  const page = await newPage(browser, { viewport: { width: 1100, height: 900 }, acceptDownloads: true, ...options });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}
const violations = (page) => page.evaluate(() => window.__cspViolations);

test('each embed id renders exactly that one chart, with its source line', async () => {
  const page = await watchedPage();
  for (const id of CHART_IDS) {
    await page.goto(`${server.url}?embed=${id}&dataset=fts-afghanistan-2020&lang=en`);
    await chartsSettled(page, [id]);
    assert.equal(await page.locator('figure.chart').count(), 1, id);
    assert.equal(await page.locator(`figure#${id}`).count(), 1, id);
    assert.equal(await page.locator('h1, .site-header, #language-picker').count(), 0, `${id}: no site chrome`);
    assert.match(await page.locator('.source-line').textContent(), /OCHA Financial Tracking Service/);
    await page.locator(`#${id} .table-toggle`).click();
    assert.equal(await page.locator(`#${id} table`).count(), 1);
  }
  await page.goto(`${server.url}?embed=dashboard&lang=en`);
  await chartsSettled(page);
  assert.equal(await page.locator('.site-header').count(), 0);
  // Every chart is either drawn or listed with the reason it is left out for this dataset.
  assert.deepEqual([...await shownCharts(page), ...await leftOutCharts(page)].sort(), [...CHART_IDS].sort());
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the example host page resizes its iframes to their content', async () => {
  const page = await watchedPage({ viewport: { width: 900, height: 800 } });
  await page.goto(`${server.url}embed/example.html`);
  await page.waitForFunction(() => document.querySelector('#one-chart').getBoundingClientRect().height > 400, null, { timeout: 30000 });
  const frame = page.frameLocator('#one-chart');
  await frame.locator('#region .canvas canvas').waitFor();
  await page.waitForTimeout(500);
  const inner = await frame.locator('html').evaluate((el) => el.scrollHeight);
  const outer = await page.locator('#one-chart').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(Math.abs(inner - outer) <= 2, `iframe ${outer}px for content ${inner}px`);
  // Opening the table makes the content taller: the iframe follows.
  await frame.locator('#region .table-toggle').click();
  await page.waitForFunction((before) => document.querySelector('#one-chart').getBoundingClientRect().height > before + 50, outer);
  // …and shrinks back when it is closed.
  await frame.locator('#region .table-toggle').click();
  await page.waitForFunction((before) => Math.abs(document.querySelector('#one-chart').getBoundingClientRect().height - before) <= 2, outer);
  await page.screenshot({ path: 'test-results/embed-host.png', fullPage: true });
  await page.context().close();
});

test('the host script ignores messages that are not a height from its own iframes', async () => {
  const page = await watchedPage();
  await page.goto(`${server.url}embed/example.html`);
  await page.waitForFunction(() => document.querySelector('#one-chart').getBoundingClientRect().height > 400, null, { timeout: 30000 });
  // The embed is built in steps (its chart, then its notes), each reporting its height: wait until
  // the height has held for half a second.
  await page.waitForFunction(() => {
    const el = document.querySelector('#one-chart');
    const now = performance.now();
    if (el.dataset.seenHeight !== el.style.height) Object.assign(el.dataset, { seenHeight: el.style.height, seenAt: now });
    return now - Number(el.dataset.seenAt) > 500;
  }, null, { timeout: 30000, polling: 50 });
  const before = await page.locator('#one-chart').evaluate((el) => el.style.height);
  await page.evaluate(() => {
    window.postMessage({ type: 'alianzas:height', height: 5 }, '*'); // not from an iframe
    window.postMessage({ type: 'alianzas:navigate', url: 'https://example.invalid' }, '*');
  });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#one-chart').evaluate((el) => el.style.height), before);
  assert.equal(new URL(page.url()).pathname, '/embed/example.html');
  await page.context().close();
});

test('the embed dialog gives a pinned, titled, lazy iframe snippet and a direct link', async () => {
  const page = await watchedPage();
  await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=fr&kind=financial`);
  await chartsSettled(page);
  await page.locator('#donors .embed-open').click();
  const code = await page.locator('#donors .embed-code').inputValue();
  const src = new URL(code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&'));
  assert.equal(src.searchParams.get('embed'), 'donors');
  assert.equal(src.searchParams.get('dataset'), 'fts-afghanistan-2020');
  assert.equal(src.searchParams.get('version'), catalog.datasets.find((d) => d.id === 'fts-afghanistan-2020').dataset_version);
  assert.equal(src.searchParams.get('kind'), 'financial');
  assert.equal(src.searchParams.get('lang'), 'fr');
  assert.match(code, /title="Principaux donateurs — Alianzas"/);
  assert.match(code, /loading="lazy"/);
  assert.match(code, /embed\/alianzas-embed\.js/);
  assert.equal(await page.locator('#donors .direct-link').getAttribute('href'), src.href);
  await page.keyboard.press('Escape');
  // A pinned embed whose dataset moved on says so.
  await page.goto(`${server.url}?embed=donors&dataset=fts-afghanistan-2020&version=1999-01-01&lang=en`);
  await chartsSettled(page, ['donors']);
  assert.match(await page.locator('.notice').textContent(), /version 1999-01-01/);
  await page.context().close();
});

test('chart CSV, PNG and SVG and the filtered contributions download with the right content', async () => {
  const page = await watchedPage();
  await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=en&obligation=mine-action`);
  await chartsSettled(page);
  const save = async (selector) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
    return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
  };
  const csv = await save('#donors .download-csv');
  assert.match(csv.name, /^fts-afghanistan-2020_donors_obligation-mine-action_\d{4}-\d\d-\d\d\.csv$/);
  assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM, so spreadsheets read accents');
  const lines = csv.body.toString('utf8').slice(1).trim().split('\n');
  assert.equal(lines[0], '"Donor","Funding (committed + disbursed) (USD)","Share","Contributions"');
  const table = await tableOf(page, 'donors');
  assert.equal(lines.length, table.length, 'one CSV line per table row');
  assert.equal(Number(lines.at(-1).split(',')[1]), Number(table.at(-1)[1].replace(/[^\d]/g, '')));
  const png = await save('#donors .download-png');
  assert.match(png.name, /\.png$/);
  assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const svg = await save('#donors .download-svg');
  assert.match(svg.body.toString('utf8'), /<svg[\s\S]*<\/svg>/);
  const rows = await save('#download-rows-json');
  const doc = JSON.parse(rows.body.toString('utf8'));
  assert.equal(doc.dataset, 'fts-afghanistan-2020');
  assert.ok(doc.rows.length > 0 && doc.rows.every((r) => r.obligation === 'mine-action'));
  const rowsCsv = await save('#download-rows-csv');
  assert.equal(rowsCsv.body.toString('utf8').slice(1).trim().split('\n').length, doc.rows.length + 1);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the cite line names publisher, title, dates and the current view, in the page language', async () => {
  const page = await watchedPage();
  await page.goto(`${server.url}?dataset=unhcr-mirps-2023&lang=es&recipient=MEX`);
  await chartsSettled(page);
  const cite = await page.locator('#cite-text').textContent();
  assert.match(cite, /^UNHCR.*«Refugee response, Central America and Mexico, 2023 \(UNHCR\)», datos al 2023-12-19, descargados el 2024-03-27/);
  assert.match(cite, /dataset=unhcr-mirps-2023/);
  assert.match(cite, /recipient=MEX/);
  await page.context().close();
});

test('a hostile dataset runs nothing: its strings stay text everywhere', async () => {
  const page = await watchedPage();
  await page.goto(`${server.url}?lang=en&data=fixtures/hostile.json`);
  await chartsSettled(page);
  assert.match(await page.locator('h1').textContent(), /^Hostile <img src=x/);
  assert.match(await page.locator('.notice.external').textContent(), /External data: fixtures\/hostile\.json/);
  // Hover every bar of the donors chart so the tooltips render.
  const box = await page.locator('#donors .canvas').boundingBox();
  for (let y = box.y + 10; y < box.y + box.height; y += 15) await page.mouse.move(box.x + box.width / 2, y);
  for (const id of ['obligation', 'donors', 'gap', 'model']) await tableOf(page, id);
  await page.locator('#obligation .embed-open').click();
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img[src="x"], script:not([src]):not([type])').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#donors .download-csv').click()]);
  const csv = (await readFile(await download.path())).toString('utf8');
  assert.match(csv, /"'=HYPERLINK/);
  assert.doesNotMatch(csv, /(^|,)"=/m);
  // The pledging donor is only in the contributions export (all stages).
  const [rows] = await Promise.all([page.waitForEvent('download'), page.locator('#download-rows-csv').click()]);
  const rowsCsv = (await readFile(await rows.path())).toString('utf8');
  assert.match(rowsCsv, /"'\+Donor/);
  assert.doesNotMatch(rowsCsv, /(^|,)"[=+@-]/m);
  assert.deepEqual(await violations(page), []);
  await page.context().close();
});

test('?data= accepts https only and never a script', async () => {
  const page = await watchedPage();
  await page.goto(`${server.url}?lang=en&data=${encodeURIComponent('javascript:window.__pwned=1')}`);
  await page.locator('[role=alert]').waitFor();
  assert.match(await page.locator('[role=alert]').textContent(), /is not an https address/);
  await chartsSettled(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.context().close();
});

test('the built page carries a strict Content-Security-Policy', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  // Scripts: this site's files, and each inline script of the page (Trunk's loader, the baked
  // header's) by its own hash — nothing else inline may run.
  const { createHash } = await import('node:crypto');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  assert.ok(inline.length >= 1);
  assert.equal(policy.match(/script-src ([^;]+)/)[1], ["'self'", "'wasm-unsafe-eval'", ...inline].join(' '));
  assert.doesNotMatch(policy, /'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  assert.match(policy, /connect-src 'self'/);
});

test('the same build works under a sub-path', async () => {
  const sub = await serve({ '/aid/alianzas/': 'dist' });
  const page = await watchedPage();
  await page.goto(`${sub.url}aid/alianzas/?dataset=mine-action&lang=en`);
  await chartsSettled(page);
  assert.match(await page.locator('h1').textContent(), /^Mine action/);
  assert.equal(await page.locator('#flows .canvas canvas').count(), 1);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
  await sub.close();
});
