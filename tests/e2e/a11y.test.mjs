// WCAG 2.2 AA checks with axe-core in every language and the main states of the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, tableOf } from './browser.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let server, browser;

before(async () => {
  server = await serve({ '/': 'dist', '/fixtures/': 'tests/fixtures' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const lang of ['es', 'en', 'fr', 'ar']) {
  test(`no WCAG 2.2 AA violation in ${lang}: dashboard, tables open, import report open`, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}?lang=${lang}`);
    await chartsSettled(page);
    assert.deepEqual(await axe(page), []);
    for (const id of ['obligation', 'gap', 'flows']) await tableOf(page, id);
    await page.locator('.import-report summary').click();
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });

  test(`no WCAG 2.2 AA violation in ${lang}: an invalid dataset's error state`, async () => {
    const page = await newPage(browser, { viewport: { width: 1024, height: 900 } });
    await page.goto(`${server.url}?lang=${lang}&data=fixtures/broken.json`);
    await page.locator('[role=alert]').waitFor();
    await chartsSettled(page);
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });
}
