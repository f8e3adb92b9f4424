// The first screen answers before it explains: the dataset's title, one sentence, the headline
// figures and the first chart, on a phone and on a desktop, in every language; provenance is one
// tap away in "About this data", and the reader's settings sit in one menu.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openSite, newPage, chartsSettled, shownCharts, openSettings, openAbout } from './browser.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server, browser, catalog;
before(async () => ({ server, browser, catalog } = await openSite()));
after(async () => { await browser?.close(); await server?.close(); });

const top = async (page, selector) => (await page.locator(selector).first().boundingBox()).y;

for (const [width, height] of [[390, 844], [1280, 800]]) {
  for (const lang of ['es', 'en', 'fr', 'ar']) {
    test(`${width}×${height}, ${lang}: title, takeaway, figures and the first chart on the first screen`, async () => {
      const page = await newPage(browser, { viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 });
      await page.goto(`${server.url}?lang=${lang}`);
      await chartsSettled(page);
      const first = (await shownCharts(page))[0];
      assert.ok(first, 'the default dataset draws a chart');
      const order = [await top(page, 'h1'), await top(page, '#takeaway'), await top(page, '.headline'), await top(page, `#${first}`)];
      assert.deepEqual([...order].sort((a, b) => a - b), order, `title, takeaway, figures, chart in this order: ${order}`);
      assert.ok(order[3] < height, `the first chart (${first}) starts at ${order[3]}px, below the first screen of ${height}px`);
      assert.ok((await page.locator('#takeaway').textContent()).length > 20, 'a takeaway sentence');
      // Provenance is one tap away: closed, with source, date and licence in sight on its line.
      assert.equal(await page.locator('#about-data').evaluate((d) => d.open), false);
      const line = await page.locator('#about-data .about-line').textContent();
      const entry = catalog.datasets.find((d) => d.id === catalog.default);
      assert.ok(line.includes(entry.publisher) && line.includes(entry.licence), line);
      assert.ok(await page.locator('#about-data .about-line').isVisible());
      await page.screenshot({ path: `test-results/first-screen-${width}-${lang}.png` });
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });
  }
}

test('"About this data" keeps every field: description, publisher, source, licence, dates, version, import report', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}?lang=en&dataset=fts-afghanistan-2020`);
  await chartsSettled(page);
  const { metadata } = JSON.parse(await readFile('public/data/fts-afghanistan-2020.json', 'utf8'));
  await openAbout(page);
  assert.equal(await page.locator('#about-data .description').textContent(), metadata.description);
  for (const field of ['publisher', 'source', 'licence', 'data-as-of', 'retrieved', 'version', 'report']) {
    assert.ok(await page.locator(`#about-data [data-meta=${field}]`).isVisible(), field);
  }
  await page.screenshot({ path: 'test-results/about-data-390.png', fullPage: false });
  await page.context().close();
});

test('one settings menu: language, colours and patterns, by keyboard; colours change page and charts', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, colorScheme: 'light' });
  await page.goto(`${server.url}?lang=en&dataset=fts-afghanistan-2020`);
  await chartsSettled(page);
  const summary = page.locator('#settings > summary');
  assert.match(await summary.textContent(), /Settings.*English/);
  await summary.focus();
  await page.keyboard.press('Enter');
  for (const id of ['#language-picker', '#theme-system', '#theme-light', '#theme-dark', '#patterns']) assert.ok(await page.locator(id).isVisible(), id);
  assert.equal(await page.locator('#theme-system').isChecked(), true);
  const ink = () => page.locator('#model .canvas').evaluate((el) => echarts.getInstanceByDom(el).getOption().textStyle[0]?.color ?? echarts.getInstanceByDom(el).getOption().textStyle.color);
  const paper = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const lightInk = await ink();
  await page.locator('#theme-dark').check();
  await page.waitForURL(/theme=dark/);
  await chartsSettled(page);
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.notEqual(await ink(), lightInk, 'the charts are redrawn in the dark theme\'s ink');
  assert.equal(await paper(), 'rgb(20, 24, 29)');
  await page.screenshot({ path: 'test-results/settings-dark-390.png' });
  // A link with ?theme=dark opens dark; "as my device" follows the system again.
  await page.locator('#theme-system').check();
  await page.waitForURL((u) => !u.search.includes('theme='));
  await chartsSettled(page);
  assert.equal(await page.locator('html').getAttribute('data-theme'), null);
  assert.equal(await ink(), lightInk);
  assert.equal(await paper(), 'rgb(255, 255, 255)');
  // Escape closes the menu and gives the focus back to its button; a click elsewhere closes it too.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#settings').evaluate((d) => d.open), false);
  assert.equal(await page.evaluate(() => document.activeElement.closest('#settings > summary') !== null), true);
  await openSettings(page);
  await page.mouse.click(20, 820);
  assert.equal(await page.locator('#settings').evaluate((d) => d.open), false);
  // The language, from the same menu.
  await openSettings(page);
  await page.selectOption('#language-picker', 'fr');
  await page.waitForURL(/lang=fr/);
  assert.match(await page.locator('#settings > summary').textContent(), /Réglages.*Français/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('filters fold away on a phone, with the number active in sight, and stay open beside the charts on a desktop', async () => {
  const phone = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await phone.goto(`${server.url}?lang=en&dataset=fts-afghanistan-2020&kind=financial`);
  await chartsSettled(phone);
  assert.equal(await phone.locator('.filter-details').evaluate((d) => d.open), false);
  assert.equal(await phone.locator('.filters-count').textContent(), 'one filter active');
  await phone.locator('.filter-details > summary').click();
  assert.ok(await phone.locator('#filter-donor').isVisible());
  await phone.context().close();
  const desktop = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await desktop.goto(`${server.url}?lang=en&dataset=fts-afghanistan-2020`);
  await chartsSettled(desktop);
  assert.ok(await desktop.locator('#filter-donor').isVisible());
  assert.equal(await desktop.locator('.filters-count').textContent(), 'no filter active');
  await desktop.context().close();
});

for (const lang of ['ar', 'es']) {
  test(`no WCAG 2.2 AA violation on a phone in ${lang} with the settings menu and "About this data" open, dark`, async () => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true });
    await page.goto(`${server.url}?lang=${lang}&theme=dark`);
    await chartsSettled(page);
    await openAbout(page);
    await openSettings(page);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), []);
    await page.context().close();
  });
}

// The baked first screen is the whole page for seconds on a slow connection: it is held to the
// same standard as the app.
for (const [lang, theme] of [['ar', 'dark'], ['es', 'light']]) {
  test(`no WCAG 2.2 AA violation in the first screen baked into index.html, ${lang}, ${theme}`, async () => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true });
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${server.url}?lang=${lang}&theme=${theme}`);
    await page.waitForSelector('#prerendered h1:visible');
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), []);
    // The settings button is a placeholder until the app arrives: out of the tab order and of the
    // accessibility tree; the catalog link already works.
    assert.equal(await page.locator('#prerendered details.settings-menu:visible').getAttribute('inert'), '');
    assert.match(await page.locator('#prerendered .catalog-link:visible').getAttribute('href'), new RegExp(`^\\?view=catalog&lang=${lang}$`));
    await page.context().close();
  });
}

// What the first screen says is in index.html (web-js/prerender.mjs, words from the core, numbers
// by Intl): readable before the WebAssembly arrives, and the same words once the app has taken over.
for (const lang of ['es', 'en', 'fr', 'ar']) {
  test(`${lang}: title, takeaway and figures are readable before the WebAssembly arrives, and the app keeps their words`, async () => {
    const read = (page, scope) => page.evaluate((scope) => {
      const root = document.querySelector(scope);
      const visible = (el) => el && el.offsetParent !== null;
      const h1 = [...root.querySelectorAll('h1')].find(visible);
      const takeaway = [...root.querySelectorAll('.takeaway')].find(visible);
      const figures = [...root.querySelectorAll('.headline')].find(visible);
      const top = (el) => el && Math.round(el.getBoundingClientRect().top + scrollY);
      return {
        // Where they stand: the app takes over with nothing moved (the baked top bar has its lines).
        place: { title: top(h1), takeaway: top(takeaway), figures: top(figures) },
        title: h1?.textContent.trim(),
        takeaway: takeaway?.textContent.trim(),
        figures: figures ? [...figures.querySelectorAll('.figure')].map((f) => [f.dataset.figure, f.querySelector('dt').textContent.trim(), f.querySelector('dd').textContent.trim()]) : [],
      };
    }, scope);
    // No WebAssembly at all: what a reader sees while it downloads on a slow connection.
    const before = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    await before.route('**/*.wasm', (route) => route.abort());
    await before.goto(`${server.url}?lang=${lang}`);
    const baked = await read(before, '#skeleton');
    assert.equal(await before.evaluate(() => document.documentElement.lang), lang);
    const entry = catalog.datasets.find((d) => d.id === catalog.default);
    assert.equal(baked.title, entry.translations?.[lang]?.title ?? entry.title);
    assert.ok(baked.takeaway.length > 20, `a takeaway sentence: ${baked.takeaway}`);
    assert.deepEqual(baked.figures.map((f) => f[0]), ['funding', 'pledged', 'donors', 'recipients', 'contributions']);
    // Every number written (no token of the build left), the count of contributions that of the catalog.
    assert.ok(!JSON.stringify(baked).includes('\uE000'), JSON.stringify(baked));
    assert.equal(Number(baked.figures[4][2].replace(/[^\d٠-٩]/g, '').replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d))), entry.records);
    await before.screenshot({ path: `test-results/first-screen-baked-${lang}.png` });
    await before.context().close();
    // The app takes over with the same words.
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`${server.url}?lang=${lang}`);
    await page.waitForSelector('#takeaway:not(:empty)');
    assert.equal(await page.locator('#skeleton').count(), 0, 'the static first screen gave way');
    assert.deepEqual(await read(page, 'body'), baked);
    assert.deepEqual(page.consoleErrors, []);
    // A filtered link would show other figures: the baked ones stay hidden, the title shows.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${server.url}?lang=${lang}&from=2020`);
    const filtered = await read(page, '#skeleton');
    assert.equal(filtered.title, baked.title);
    assert.equal(filtered.place.title, baked.place.title);
    assert.equal(filtered.takeaway, undefined);
    await page.context().close();
  });
}
