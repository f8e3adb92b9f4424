// Funding and progress by objective, on UNHCR's real 2022 results for the Americas: the chart
// counts indicators by where they stand, its table and summary give the same numbers as the
// shipped file, funding says "not reported", in four languages; keyboard-reachable; axe clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openSite, newPage, chartsSettled, tableOf, shownCharts } from './browser.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ID = 'unhcr-americas-2022-results';
let server, browser;
before(async () => ({ server, browser } = await openSite()));
after(async () => { await browser?.close(); await server?.close(); });

/** Indicators per class, counted from the shipped file by the rule of docs/dataset-format.md. */
function classes(ds, recipient) {
  const count = { met: 0, towards: 0, short: 0, none: 0 };
  for (const plan of ds.plans.filter((p) => !recipient || p.recipient === recipient)) {
    for (const o of plan.objectives) for (const i of o.indicators) {
      const up = i.ascending !== false;
      const asGood = (a, b) => (up ? a >= b : a <= b);
      if (i.target == null || i.actual == null) count.none++;
      else if (asGood(i.actual, i.target)) count.met++;
      else if (i.baseline != null && i.actual !== i.baseline && asGood(i.actual, i.baseline)) count.towards++;
      else count.short++;
    }
  }
  return count;
}

test('the objectives chart shows real UNHCR results with a table and summary in four languages, and funding as not reported', async () => {
  const ds = JSON.parse(await readFile(`public/data/${ID}.json`, 'utf8'));
  const all = classes(ds);
  const total = all.met + all.towards + all.short + all.none;
  assert.equal(total, 221);
  await mkdir('test-results', { recursive: true });
  for (const lang of ['en', 'es', 'fr', 'ar']) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}?lang=${lang}&dataset=${ID}`);
    await chartsSettled(page);
    assert.ok((await shownCharts(page)).includes('objectives'));
    await page.locator('#objectives').screenshot({ path: `test-results/objectives-${lang}.png` });
    const rows = await tableOf(page, 'objectives');
    const footer = rows.at(-1);
    const digits = (s) => Number(s.replace(/[^\d٠-٩]/g, '').replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d)));
    // Indicators, met, towards, short, no target or actual (plans do not add up: blank).
    assert.equal(footer[1], '');
    assert.deepEqual(footer.slice(2, 7).map(digits), [total, all.met, all.towards, all.short, all.none], `${lang}: ${footer}`);
    const summary = await page.locator('#objectives .summary').textContent();
    assert.ok(summary.length > 80, summary);
    // Funding is unknown here, never 0.
    const funding = await page.locator('[data-figure=funding] dd').textContent();
    assert.doesNotMatch(funding, /\d/, `${lang}: funding ${funding}`);
    if (lang === 'en') {
      assert.match(summary, /80 met their target/);
      assert.match(summary, /not reported/);
    }
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  }
});

test('selecting Mexico narrows the objectives to its 14 indicators; a phone reads it; axe finds nothing', async () => {
  const ds = JSON.parse(await readFile(`public/data/${ID}.json`, 'utf8'));
  const mex = classes(ds, 'MEX');
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true });
  await page.goto(`${server.url}?lang=es&dataset=${ID}&recipient=MEX`);
  await chartsSettled(page);
  await page.locator('#objectives').screenshot({ path: 'test-results/objectives-mexico-phone-es.png' });
  const footer = (await tableOf(page, 'objectives')).at(-1);
  assert.deepEqual(footer.slice(2, 7).map((s) => Number(s.replace(/\D/g, ''))), [14, mex.met, mex.towards, mex.short, mex.none]);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`), []);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
