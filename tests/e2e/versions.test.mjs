// Each semester's update side by side: a dataset with an earlier version says what changed since,
// and an embed pinned to the earlier version keeps showing it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openSite, newPage, chartsSettled, tableOf } from './browser.mjs';

let server, browser, catalog;
before(async () => ({ server, browser, catalog } = await openSite()));
after(async () => { await browser?.close(); await server?.close(); });

const ID = 'fts-ebola-pledges-2014';

test('what changed since the previous version, counted from the two files', async () => {
  const entry = catalog.datasets.find((d) => d.id === ID);
  assert.ok(entry.previous.length >= 1, 'the catalog lists an earlier version');
  const [now, then] = await Promise.all([entry.file, entry.previous[0].file].map(async (f) => JSON.parse(await readFile(`public/data/${f}`, 'utf8'))));
  const byId = (ds) => new Map(ds.contributions.map((c) => [c.id, c]));
  const [a, b] = [byId(then), byId(now)];
  const added = [...b.keys()].filter((id) => !a.has(id)).length;
  const removed = [...a.keys()].filter((id) => !b.has(id)).length;
  const rank = { pledged: 0, committed: 1, disbursed: 2 };
  const moved = [...b.values()].filter((c) => a.has(c.id) && rank[c.status] > rank[a.get(c.id).status]).length;
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?lang=en&dataset=${ID}`);
  await chartsSettled(page);
  const summary = page.locator('#changes summary');
  assert.match(await summary.textContent(), new RegExp(`since version ${entry.previous[0].dataset_version}`));
  await summary.click();
  await page.locator('#changes .changes-counts').waitFor();
  const counts = await page.locator('#changes .changes-counts').textContent();
  assert.match(counts, new RegExp(`^${added} contributions added, ${removed} no longer listed, \\d+ changed; ${moved} moved to a further stage`), counts);
  assert.equal(await page.locator('#changes tbody tr').count(), 10);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an embed pinned to the earlier version shows that version, without a notice', async () => {
  const entry = catalog.datasets.find((d) => d.id === ID);
  const version = entry.previous[0].dataset_version;
  const page = await newPage(browser, { viewport: { width: 700, height: 600 } });
  await page.goto(`${server.url}?lang=es&dataset=${ID}&embed=pledge-history&version=${version}`);
  await chartsSettled(page, ['pledge-history']);
  assert.equal(await page.locator('.notice[role=status]').count(), 0, 'no "version changed" notice');
  const dates = (await tableOf(page, 'pledge-history')).slice(1).map((r) => r[0]);
  assert.equal(dates.at(-1), version, 'the series ends at the pinned version');
  await page.context().close();
});
