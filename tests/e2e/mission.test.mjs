// What the product exists for, on bundled real data: the default view shows several cooperation
// models, the mine-action dataset every Mine Ban Convention obligation, both in four languages,
// with the rules that derived them and the rule that counts money once; axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openSite, newPage, chartsSettled, tableOf, shownCharts, leftOutCharts } from './browser.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LANGS = ['es', 'en', 'fr', 'ar'];
const NEW_DATASETS = ['cooperation-lac', 'iati-mine-action'];
let server, browser, catalog;
before(async () => ({ server, browser, catalog } = await openSite()));
after(async () => { await browser?.close(); await server?.close(); });

const dataset = async (id) => JSON.parse(await readFile(`public/data/${id}.json`, 'utf8'));

/** Funding (committed + disbursed: stages exclude each other) per code, read from the shipped file. */
function fundingBy(ds, codesOf) {
  const out = new Map();
  for (const c of ds.contributions) {
    if (c.status === 'pledged') continue;
    for (const [code, share] of codesOf(c)) out.set(code, (out.get(code) ?? 0) + c.amount * share);
  }
  return out;
}

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('the default view answers the mission at a glance: four or more cooperation models with at least 1 % each, from real data', async () => {
  assert.equal(catalog.default, 'cooperation-lac');
  const ds = await dataset(catalog.default);
  const byModel = fundingBy(ds, (c) => [[c.model, 1]]);
  const total = [...byModel.values()].reduce((a, b) => a + b, 0);
  const large = [...byModel].filter(([, v]) => v / total >= 0.01).map(([m]) => m);
  assert.ok(large.length >= 4, `models with ≥ 1 %: ${large}`);
  for (const m of ['south-south', 'triangular', 'public-private', 'bilateral', 'multilateral']) assert.ok(byModel.get(m) > 0, `${m} carries real money`);
  // The page draws them: the model chart's table lists each model with ≥ 1 %.
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?lang=en`);
  await chartsSettled(page);
  const rows = (await tableOf(page, 'model')).slice(1).map((r) => r[0]);
  for (const label of ['Bilateral', 'Multilateral', 'South-South']) assert.ok(rows.includes(label), `${label} in ${rows}`);
  assert.ok(rows.length >= 4, rows.join(', '));
  // How the models were derived, rule by rule, and the rule that counts each amount once.
  const rules = await page.locator('.model-rules li').evaluateAll((li) => li.map((l) => l.dataset.rule));
  for (const r of ['stated', 'text', 'collaboration-type']) assert.ok(rules.includes(r), `${r} in ${rules}`);
  assert.match(await page.locator('#counting-rule').textContent(), /counts once, at the furthest stage/);
  assert.match(await page.locator('#model .counted-once').textContent(), /counted once/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the mine-action dataset gives clearance, risk education, victim assistance and stockpile destruction real money, and says how', async () => {
  const ds = await dataset('iati-mine-action');
  const byObligation = fundingBy(ds, (c) => c.obligations.map((o) => [o.id, o.share]));
  for (const o of ['clearance', 'risk-education', 'victim-assistance', 'stockpile-destruction']) assert.ok(byObligation.get(o) > 0, o);
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?lang=fr&dataset=iati-mine-action`);
  await chartsSettled(page);
  const rows = (await tableOf(page, 'obligation')).slice(1).map((r) => r[0]);
  for (const label of ['Déminage', 'Éducation aux risques', 'Assistance aux victimes']) {
    assert.ok(rows.some((r) => r.startsWith(label)), `${label} in ${rows}`);
  }
  const rules = await page.locator('.obligation-rules li').evaluateAll((li) => li.map((l) => `${l.dataset.rule}:${l.dataset.code}`));
  for (const r of ['title-text:clearance', 'title-text:risk-education', 'description-text:victim-assistance', 'not-specified:mine-action']) {
    assert.ok(rules.includes(r), `${r} in ${rules}`);
  }
  await page.locator('.obligation-rules summary').click();
  assert.match(await page.locator('.obligation-rules').textContent(), /Mots du titre → Déminage/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

for (const id of NEW_DATASETS) {
  test(`${id}: every chart drawn or left out with a reason, in four languages, with no WCAG 2.2 AA violation`, async () => {
    for (const lang of LANGS) {
      const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, bypassCSP: true });
      await page.goto(`${server.url}?lang=${lang}&dataset=${id}`);
      await chartsSettled(page);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      const shown = await shownCharts(page);
      assert.ok(shown.length >= 5, `${id} ${lang}: ${shown}`);
      for (const chart of shown) {
        const table = await tableOf(page, chart);
        assert.ok(table.length > 1, `${id} ${lang} ${chart}: a table with rows`);
        assert.ok((await page.locator(`#${chart} .summary`).textContent()).trim().length > 10, `${id} ${lang} ${chart}: a sentence`);
      }
      for (const chart of await leftOutCharts(page)) {
        assert.ok((await page.locator(`.left-out [data-chart=${chart}]`).textContent()).trim().length > 10, `${chart}: why it is left out`);
      }
      assert.deepEqual(await axe(page), [], `${id} ${lang}`);
      assert.deepEqual(page.consoleErrors, [], `${id} ${lang}`);
      if (lang === 'ar' || lang === 'es') await page.screenshot({ path: `test-results/mission-${id}-${lang}.png`, fullPage: false });
      await page.context().close();
    }
  });
}
