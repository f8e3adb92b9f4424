// WCAG 2.2 AA checks with axe-core in every language and the main states of the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, tableOf, shownCharts, openSettings, openAbout } from './browser.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let server, browser;

before(async () => {
  server = await serve({ '/': 'dist', '/fixtures/': 'tests/fixtures' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

// axe is injected by the test, not part of the site: the site's CSP rightly refuses inline
// scripts, so these pages bypass it (tests/e2e/embed.test.mjs checks the CSP itself).
const a11yPage = (options) => newPage(browser, { bypassCSP: true, ...options });

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const lang of ['es', 'en', 'fr', 'ar']) {
  test(`no WCAG 2.2 AA violation in ${lang}: dashboard, every table, import report, embed dialog, embed view`, async () => {
    const page = await a11yPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}?lang=${lang}`);
    await chartsSettled(page);
    assert.deepEqual(await axe(page), []);
    for (const id of await shownCharts(page)) await tableOf(page, id);
    await openAbout(page);
    await page.locator('.import-report summary').click();
    assert.deepEqual(await axe(page), []);
    // A dialog open.
    await page.locator('#region .embed-open').click();
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('Escape');
    // The embed view of one chart.
    await page.goto(`${server.url}?lang=${lang}&embed=timeline`);
    await chartsSettled(page, ['timeline']);
    await tableOf(page, 'timeline');
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });

  test(`no WCAG 2.2 AA violation in ${lang}: an invalid dataset's error state`, async () => {
    const page = await a11yPage({ viewport: { width: 1024, height: 900 } });
    await page.goto(`${server.url}?lang=${lang}&data=fixtures/broken.json`);
    await page.locator('[role=alert]').waitFor();
    await chartsSettled(page);
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });
}

test('the dark theme passes the same checks', async () => {
  const page = await a11yPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  await page.goto(`${server.url}?lang=en`);
  await chartsSettled(page);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--paper').trim()), '#14181d');
  await tableOf(page, 'obligation');
  assert.deepEqual(await axe(page), []);
  // Chart text takes the theme's colours too (ECharts' canvas cannot read CSS variables).
  const ink = await page.locator('#obligation .canvas').evaluate((el) => echarts.getInstanceByDom(el).getOption().textStyle[0]?.color ?? echarts.getInstanceByDom(el).getOption().textStyle.color);
  assert.equal(ink, '#e6e9ed');
  await page.screenshot({ path: 'test-results/dark.png', fullPage: true });
  await page.context().close();
});

test('text zoomed to 200 % on a 320 px screen reflows without sideways scrolling', async () => {
  const page = await a11yPage({ viewport: { width: 320, height: 640 } });
  await page.goto(`${server.url}?lang=fr`);
  await chartsSettled(page);
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${overflow}px of sideways scrolling`);
  await page.screenshot({ path: 'test-results/zoom-320.png' });
  await page.context().close();
});

test('patterns: a toggle, on by default when more contrast is preferred', async () => {
  const decal = (page) => page.locator('#model .canvas').evaluate((el) => echarts.getInstanceByDom(el).getOption().aria[0]?.decal?.show ?? echarts.getInstanceByDom(el).getOption().aria.decal.show);
  const page = await a11yPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?lang=en&dataset=fts-afghanistan-2020`);
  await chartsSettled(page);
  assert.equal(await decal(page), false);
  await openSettings(page);
  await page.locator('#patterns').check();
  await page.waitForURL(/patterns=1/);
  await chartsSettled(page);
  assert.equal(await decal(page), true);
  await page.context().close();
  const contrast = await a11yPage({ viewport: { width: 1280, height: 900 }, contrast: 'more' });
  await contrast.goto(`${server.url}?lang=en&dataset=fts-afghanistan-2020`);
  await chartsSettled(contrast);
  assert.equal(await contrast.locator('#patterns').isChecked(), true);
  assert.equal(await decal(contrast), true);
  await contrast.context().close();
});

test('table columns keep readable widths', async () => {
  const page = await a11yPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}?lang=en`);
  await chartsSettled(page);
  await tableOf(page, 'obligation');
  const width = await page.locator('#obligation tbody th').first().evaluate((th) => th.getBoundingClientRect().width);
  assert.ok(width > 80, `first column is ${width}px wide`);
  await page.context().close();
});

test('no WCAG 2.2 AA violation on any bundled dataset, tables open, in Arabic and Spanish', async () => {
  const catalog = JSON.parse(await readFile('public/data/catalog.json', 'utf8'));
  for (const lang of ['ar', 'es']) {
    const page = await a11yPage({ viewport: { width: 1280, height: 900 } });
    for (const d of catalog.datasets) {
      await page.goto(`${server.url}?lang=${lang}&dataset=${d.id}`);
      await chartsSettled(page);
      for (const id of await shownCharts(page)) await tableOf(page, id);
      assert.deepEqual(await axe(page), [], `${lang}/${d.id}`);
    }
    await page.context().close();
  }
});
