// The dashboard in Chromium, against the release build in dist/, as a person would use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, tableOf, shownCharts, leftOutCharts, openSettings, openAbout } from './browser.mjs';

const SHOTS = 'test-results';
let server, browser, snapshot, defaultTitle;

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serve({ '/': 'dist', '/fixtures/': 'tests/fixtures' });
  browser = await launch();
  snapshot = JSON.parse(await readFile('public/data/fts-afghanistan-2020.json', 'utf8'));
  const catalog = JSON.parse(await readFile('public/data/catalog.json', 'utf8'));
  defaultTitle = catalog.datasets.find((d) => d.id === catalog.default).title;
});
after(async () => { await browser?.close(); await server?.close(); });

const digits = (text) => Number(text.replace(/[^\d]/g, ''));
const funding = (c) => c.status === 'committed' || c.status === 'disbursed';

test('every chart draws from the real snapshot, with provenance and no console error', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?dataset=fts-afghanistan-2020&lang=en');
  await chartsSettled(page);
  assert.equal(await page.locator('h1').textContent(), snapshot.metadata.title);
  assert.equal(await page.locator('[data-meta=publisher]').textContent(), 'OCHA Financial Tracking Service (FTS)');
  assert.equal(await page.locator('[data-meta=source]').getAttribute('href'), snapshot.metadata.source_url);
  assert.match(await page.locator('[data-meta=licence]').textContent(), /OCHA Financial Tracking Service/);
  assert.equal(await page.locator('[data-meta=data-as-of] time').getAttribute('datetime'), snapshot.metadata.data_as_of);
  assert.equal(await page.locator('[data-meta=retrieved] time').getAttribute('datetime'), snapshot.metadata.retrieved);
  // FTS records no pledges for Afghanistan 2020, places nothing below the country, declares no
  // plan objectives, and every recipient is in one region: those charts are left out, each with
  // a sentence saying why.
  assert.deepEqual(await leftOutCharts(page), ['region', 'places', 'objectives', 'pledges', 'pledge-history']);
  assert.match(await page.locator('.left-out [data-chart=pledges]').textContent(), /records no pledges/);
  assert.match(await page.locator('.left-out [data-chart=region]').textContent(), /accounts for all of this dataset's money/);
  const shown = await shownCharts(page);
  assert.equal(shown.length, 8);
  for (const id of shown) {
    const figure = page.locator(`figure#${id}`);
    assert.ok((await figure.locator('figcaption h2').textContent()).length > 5, id);
    assert.equal(await figure.locator('.canvas canvas').count(), 1, `${id} has a drawn canvas`);
    assert.ok(Number(await figure.locator('.canvas').getAttribute('data-rendered')) >= 1, `${id} finished rendering`);
    assert.ok((await figure.locator('.summary').textContent()).length > 20, `${id} has a summary`);
  }
  // Headline funding = committed + disbursed, summed here from the shipped file.
  const expected = snapshot.contributions.filter(funding).reduce((s, c) => s + c.amount, 0);
  assert.equal(expected, 725591299);
  assert.match(await page.locator('[data-figure=funding] dd').textContent(), /\$725\.6M/);
  const statusTable = await tableOf(page, 'pipeline');
  assert.equal(digits(statusTable[2][1]) + digits(statusTable[3][1]), expected);
  await page.screenshot({ path: `${SHOTS}/dashboard-wide.png`, fullPage: true });
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a filter changes the numbers in the charts and their tables', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?dataset=fts-afghanistan-2020&lang=en');
  await chartsSettled(page);
  const before = await tableOf(page, 'donors');
  await page.selectOption('#filter-obligation', 'mine-action');
  await chartsSettled(page);
  const afterRows = await tableOf(page, 'donors');
  assert.notDeepEqual(afterRows, before);
  const mine = snapshot.contributions.filter((c) => funding(c) && c.obligations.some((o) => o.id === 'mine-action'));
  const total = mine.reduce((s, c) => s + c.amount, 0);
  assert.ok(total > 0);
  assert.equal(digits(afterRows.at(-1)[1]), total, 'the donors table total is the mine-action funding');
  assert.equal(digits(afterRows.at(-1)[3]), mine.length);
  assert.match(await page.locator('.chips').textContent(), /Mine action/);
  assert.match(page.url(), /obligation=mine-action/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('after a filter change the charts on the screen change in the same frame as the figures, and those below follow', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?lang=en');
  await chartsSettled(page);
  const donor = await page.$$eval('#filter-donor option', (os) => os.map((o) => o.value).find(Boolean));
  const counts = () => page.$$eval('figure.chart .canvas', (els) => els.map((el) => ({ id: el.closest('figure').id, requested: Number(el.dataset.requested || 0) })));
  const before = await counts();
  const firstFrame = await page.evaluate(async (donor) => {
    const figures = document.querySelector('.headline').textContent;
    const select = document.querySelector('#filter-donor');
    select.value = donor;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    // The first frame after the change, as it is about to be painted: a resize observer made in
    // one of its animation-frame callbacks reports after all of them and after layout, before paint.
    const painted = () => ({
      figuresChanged: document.querySelector('.headline').textContent !== figures,
      charts: [...document.querySelectorAll('figure.chart .canvas')].map((el) => {
        const box = el.getBoundingClientRect();
        return { id: el.closest('figure').id, onScreen: box.bottom > 0 && box.top < innerHeight, rendered: Number(el.dataset.rendered || 0) };
      }),
    });
    return new Promise((resolve) => requestAnimationFrame(() => new ResizeObserver((_, observer) => {
      observer.disconnect();
      resolve(painted());
    }).observe(document.body)));
  }, donor);
  await chartsSettled(page);
  const after = await counts();
  const changed = after.filter((c, i) => c.requested > before[i].requested).map((c) => c.id);
  const at = (id) => firstFrame.charts.find((c) => c.id === id);
  const visible = changed.filter((id) => at(id).onScreen);
  const below = changed.filter((id) => !at(id).onScreen);
  assert.ok(firstFrame.figuresChanged, 'the figures changed');
  assert.ok(visible.length >= 2 && below.length >= 1, `changed on the screen: ${visible}; below it: ${below}`);
  for (const id of visible) assert.equal(at(id).rendered, before.find((c) => c.id === id).requested + 1, `${id} drawn in the frame of the change`);
  for (const id of below) assert.equal(at(id).rendered, before.find((c) => c.id === id).requested, `${id} drawn after that frame, not delaying it`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a phone opening the page draws no chart below its first screen until the reader scrolls, then draws ahead of them', async () => {
  const page = await newPage(browser, { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  await page.goto(server.url + '?lang=en');
  // The whole page is built (the filters' choices come last), and the charts' observers have reported.
  await page.locator('#filter-donor').waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const charts = () => page.$$eval('figure.chart .canvas', (els) => els.map((el) => {
    const box = el.getBoundingClientRect();
    return { id: el.closest('figure').id, top: box.top, onScreen: box.bottom > 0 && box.top < innerHeight, requested: Number(el.dataset.requested || 0), stale: el.hasAttribute('data-stale') };
  }));
  const loaded = await charts();
  const height = 823;
  const near = loaded.filter((c) => !c.onScreen && c.top < height + 300);
  assert.ok(near.length >= 1, `a chart starts within 300 px below the first screen: ${JSON.stringify(loaded.slice(0, 3))}`);
  for (const c of loaded.filter((c) => !c.onScreen)) {
    assert.equal(c.requested, 0, `${c.id}, below the first screen, is not drawn while the reader has not scrolled`);
    assert.ok(c.stale, `${c.id} is marked to be drawn`);
  }
  for (const c of loaded.filter((c) => c.onScreen)) assert.ok(c.requested >= 1, `${c.id}, on the screen, is drawn`);
  // One pixel of scrolling: the charts near the screen are drawn ahead of the reader, not yet on it.
  await page.evaluate(() => scrollBy(0, 1));
  await page.waitForFunction((ids) => ids.every((id) => Number(document.querySelector(`#${id} .canvas`).dataset.rendered) >= 1), near.map((c) => c.id));
  const scrolled = await charts();
  for (const c of near) assert.ok(!scrolled.find((s) => s.id === c.id).onScreen, `${c.id} was drawn before it came on the screen`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a chart a filter leaves empty is drawn again when the filter is cleared', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?lang=en');
  await chartsSettled(page);
  // The first donor whose money has no first-level division: the places map has nothing to draw.
  const donor = await page.evaluate(async () => {
    const select = document.querySelector('#filter-donor');
    for (const value of [...select.options].map((o) => o.value).filter(Boolean)) {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
      if (document.querySelector('#places .canvas.empty')) return value;
    }
    return null;
  });
  assert.ok(donor, 'a donor without places');
  await page.selectOption('#filter-donor', '');
  await chartsSettled(page);
  const places = page.locator('#places .canvas');
  assert.equal(await places.getAttribute('data-rendered'), await places.getAttribute('data-requested'));
  assert.equal(await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('#places .canvas'))?.getOption().series[0].type), 'map');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('clicking a bar filters by it, and the state survives reload and Back', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?dataset=fts-afghanistan-2020&lang=en');
  await chartsSettled(page);
  // The pixel centre of the first bar, asked of ECharts itself.
  const point = await page.locator('#model .canvas').evaluate((el) => {
    el.scrollIntoView({ block: 'center' });
    const chart = echarts.getInstanceByDom(el);
    const layout = chart.getModel().getSeriesByIndex(0).getData().getItemLayout(0);
    const box = el.getBoundingClientRect();
    const angle = (layout.startAngle + layout.endAngle) / 2;
    const radius = (layout.r0 + layout.r) / 2;
    return { x: box.left + layout.cx + radius * Math.cos(angle), y: box.top + layout.cy + radius * Math.sin(angle) };
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForURL(/model=bilateral/);
  await chartsSettled(page);
  const filtered = snapshot.contributions.filter((c) => funding(c) && c.model === 'bilateral').reduce((s, c) => s + c.amount, 0);
  const donors = await tableOf(page, 'donors');
  assert.equal(digits(donors.at(-1)[1]), filtered);
  // The model chart keeps the other models, so another one can be chosen without clearing.
  assert.ok((await tableOf(page, 'model')).length > 3, 'the clicked donut keeps its other slices');
  await page.selectOption('#filter-kind', 'financial');
  await page.waitForURL(/kind=financial/);
  await page.reload();
  await chartsSettled(page);
  assert.equal(await page.locator('#filter-kind').inputValue(), 'financial');
  assert.equal(await page.locator('#filter-model').inputValue(), 'bilateral');
  assert.equal(await page.locator('.chips li').count(), 2);
  await page.goBack();
  await page.waitForURL((u) => !u.search.includes('kind='));
  await chartsSettled(page);
  assert.equal(await page.locator('#filter-kind').inputValue(), '');
  assert.equal(await page.locator('.chips li').count(), 1);
  await page.locator('.clear-all').click();
  await chartsSettled(page);
  assert.equal(await page.locator('.chips').count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a broken ?data= shows located errors and keeps the bundled data usable', async () => {
  const page = await newPage(browser, { viewport: { width: 1024, height: 900 } });
  await page.goto(server.url + '?lang=en&data=fixtures/broken.json');
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.locator('h2').textContent(), /fixtures\/broken\.json has 13 problem/);
  const items = await alert.locator('li').allTextContents();
  assert.equal(items.length, 13);
  assert.ok(items.some((t) => t.includes('/contributions/0/obligations') && t.includes('shares add up to 1.2')), items.join('\n'));
  await chartsSettled(page);
  assert.equal(await page.locator('h1').textContent(), defaultTitle, 'the default bundled dataset is shown instead');
  await page.screenshot({ path: `${SHOTS}/broken-data.png` });
  await alert.locator('button').click();
  await page.waitForURL((u) => !u.search.includes('data='));
  await page.locator('[role=alert]').waitFor({ state: 'detached' });

  await page.goto(server.url + '?lang=en&data=fixtures/missing.json');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Nothing was found at fixtures\/missing\.json \(404\)/);
  await page.goto(server.url + '?lang=fr&data=fixtures/not-json.json');
  await alert.waitFor();
  assert.match(await alert.textContent(), /ne peut pas être lu comme jeu de données : JSON invalide \(ligne 3/);
  await page.context().close();
});

test('a dataset saved with a byte-order mark (as Windows editors write UTF-8) loads like any other', async () => {
  const page = await newPage(browser);
  const small = await readFile('tests/fixtures/small.json');
  await page.route('**/fixtures/small-bom.json', (route) => route.fulfill({ contentType: 'application/json', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), small]) }));
  await page.goto(server.url + '?lang=en&data=fixtures/small-bom.json');
  await chartsSettled(page);
  assert.equal(await page.locator('h1').textContent(), 'Hand-made test fixture');
  assert.equal(await page.locator('[role=alert]').count(), 0);
  await page.context().close();
});

test('another valid dataset loads from ?data=', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + '?lang=es&data=fixtures/small.json');
  await chartsSettled(page);
  assert.equal(await page.locator('h1').textContent(), 'Hand-made test fixture');
  assert.match(await page.locator('#obligation .summary').textContent(), /Desminado/);
  const gap = await tableOf(page, 'gap');
  assert.equal(gap.length, 3, 'header and two requirements');
  // The fixture's one pledge (EU, 2000) is followed up by donor; the flows chart draws too.
  assert.equal(await page.locator('#pledges .canvas canvas').count(), 1);
  const pledges = await tableOf(page, 'pledges');
  assert.deepEqual(pledges[1].map(digits).slice(1, 4), [2000, 0, 0]);
  assert.equal(await page.locator('#flows .canvas canvas').count(), 1);
  const flows = await tableOf(page, 'flows');
  assert.equal(digits(flows.at(-1)[3]), 1850, 'flows carry committed + disbursed money');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('languages: the page follows ?lang=, Arabic runs right to left', async () => {
  const page = await newPage(browser, { locale: 'fr-FR' });
  await page.goto(server.url);
  await chartsSettled(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr', 'browser preference when no ?lang=');
  await openSettings(page);
  await page.selectOption('#language-picker', 'ar');
  await page.waitForURL(/lang=ar/);
  await chartsSettled(page);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('#filters-title').textContent(), 'عوامل التصفية');
  // The Sankey mirrors too: donors (the first column of its table) stand right of recipients.
  const sides = async () => page.evaluate(() => {
    const chart = window.echarts.getInstanceByDom(document.querySelector('#flows .canvas'));
    const data = chart.getModel().getSeriesByIndex(0).getData();
    const x = (prefix) => {
      const i = [...Array(data.count()).keys()].find((k) => data.getName(k).startsWith(prefix));
      return data.getItemLayout(i).x;
    };
    return { donor: x('donor:'), recipient: x('recipient:') };
  });
  const arabic = await sides();
  assert.ok(arabic.donor > arabic.recipient, `Arabic Sankey: ${JSON.stringify(arabic)}`);
  await page.screenshot({ path: `${SHOTS}/arabic.png`, fullPage: true });
  await openSettings(page);
  await page.selectOption('#language-picker', 'en');
  await page.waitForURL(/lang=en/);
  await chartsSettled(page);
  const english = await sides();
  assert.ok(english.donor < english.recipient, `English Sankey: ${JSON.stringify(english)}`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('sentences use each language\'s plural forms and digits, and no message id or placeholder leaks', async () => {
  const report = JSON.parse(await readFile('public/data/fts-afghanistan-2020.report.json', 'utf8'));
  const ftl = await readFile('locales/en/app.ftl', 'utf8');
  const ids = [...ftl.matchAll(/^([a-z][a-z0-9-]*-[a-z0-9-]+) =/gm)].map((m) => m[1]);
  assert.ok(ids.length > 50, 'message ids read from the English Fluent file');
  // 484 records: "many" in Arabic (its last two digits are 11..99), plain plural elsewhere.
  const expected = {
    es: (n) => `${n} registros leídos`,
    en: (n) => `${n} records read`,
    fr: (n) => `${n} enregistrements lus`,
    ar: (n) => `قُرئ \u2068${n}\u2069 سجلًا`,
  };
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  for (const [lang, sentence] of Object.entries(expected)) {
    await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=${lang}`);
    await chartsSettled(page);
    const n = await page.evaluate(([n, lang]) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n), [report.read, lang]);
    // The import report is inside "About this data", built when the reader opens it.
    await openAbout(page);
    const summary = await page.locator('.import-report summary').textContent();
    assert.ok(summary.includes(sentence(n)), `${lang}: ${summary}`);
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /\{\s*\$/, `${lang}: a Fluent placeable was left unfilled`);
    assert.deepEqual(ids.filter((id) => text.includes(id)), [], `${lang}: message ids shown instead of text`);
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a dataset and its import report are fetched together, not one after the other', async () => {
  const page = await newPage(browser);
  const events = [];
  const file = (r) => new URL(r.url()).pathname.split('/').pop();
  page.on('request', (r) => events.push(`start ${file(r)}`));
  page.on('requestfinished', (r) => events.push(`end ${file(r)}`));
  // A slow dataset, as on a poor connection: the report must not wait for it.
  await page.route('**/data/fts-afghanistan-2020.json', async (route) => {
    await new Promise((ok) => setTimeout(ok, 500));
    await route.continue();
  });
  await page.goto(server.url + '?dataset=fts-afghanistan-2020&lang=en');
  await chartsSettled(page);
  const at = (event) => events.indexOf(event);
  assert.ok(at('start fts-afghanistan-2020.report.json') >= 0, events.join(', '));
  assert.ok(at('start fts-afghanistan-2020.report.json') < at('end fts-afghanistan-2020.json'), events.join(', '));
  await openAbout(page);
  // Built when "About this data" opens; the report is already there to show.
  await page.locator('.import-report').waitFor({ state: 'visible', timeout: 2000 });
  await page.context().close();
});

test('the catalog and the dataset the address names are fetched once, while the app is still on its way', async () => {
  // What each load asked for, by path, and whether it was asked before the WebAssembly started.
  const fetched = async (query) => {
    const page = await newPage(browser, { serviceWorkers: 'block' });
    const paths = [];
    page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    await page.goto(server.url + query);
    await chartsSettled(page);
    const early = await page.evaluate(() => {
      const start = performance.getEntriesByName('alianzas:start')[0].startTime;
      return performance.getEntriesByType('resource').filter((e) => e.startTime < start).map((e) => new URL(e.name).pathname);
    });
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
    return { count: (path) => paths.filter((p) => p === path).length, early };
  };
  const catalog = JSON.parse(await readFile('public/data/catalog.json', 'utf8'));
  const byDefault = catalog.datasets.find((d) => d.id === catalog.default);
  const defaults = [byDefault.file, byDefault.report].filter(Boolean).map((f) => `/data/${f}`);

  const fixture = await fetched('?lang=en&data=fixtures/small.json');
  for (const path of ['/data/catalog.json', '/fixtures/small.json']) {
    assert.equal(fixture.count(path), 1, path);
    assert.ok(fixture.early.includes(path), `${path} is asked for before the app starts: ${fixture.early}`);
  }
  for (const path of defaults) assert.equal(fixture.count(path), 0, `${path}: the default dataset is not the one asked for`);

  const first = await fetched('?lang=en');
  for (const path of ['/data/catalog.json', ...defaults]) {
    assert.equal(first.count(path), 1, path);
    assert.ok(first.early.includes(path), `${path} is asked for before the app starts: ${first.early}`);
  }

  // Which file ?dataset= names is in the catalog: the app asks for it, once.
  const named = await fetched('?lang=en&dataset=fts-afghanistan-2020');
  assert.equal(named.count('/data/fts-afghanistan-2020.json'), 1);
  for (const path of defaults) assert.equal(named.count(path), 0, path);
});

test('a government reported by two sources is one donor, named in the reader\'s language', async () => {
  const merged = JSON.parse(await readFile('public/data/mine-action.json', 'utf8'));
  const german = merged.contributions.filter((c) => c.donor.id === 'gov-DEU' && funding(c));
  assert.ok(new Set(german.map((c) => c.id.split('/')[0])).size === 2, 'Germany is in both sources (FTS and OECD CRS)');
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?dataset=mine-action&lang=es');
  await chartsSettled(page);
  const germany = await page.evaluate(() => new Intl.DisplayNames(['es'], { type: 'region' }).of('DE'));
  const names = (await tableOf(page, 'donors')).slice(1).map((r) => r[0]);
  assert.equal(names.filter((n) => n === germany).length, 1, names.join(' | '));
  assert.ok(!names.some((n) => /Government of/.test(n)), names.join(' | '));
  const row = (await tableOf(page, 'donors')).find((r) => r[0] === germany);
  assert.equal(digits(row[1]), Math.round(german.reduce((s, c) => s + c.amount, 0)));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('works on a 360 px wide phone without sideways scrolling', async () => {
  const page = await newPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(server.url + '?lang=es');
  await chartsSettled(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  for (const id of await shownCharts(page)) {
    const box = await page.locator(`#${id} .canvas`).boundingBox();
    assert.ok(box.width > 250 && box.x >= 0 && box.x + box.width <= 360, `${id}: ${JSON.stringify(box)}`);
  }
  await page.screenshot({ path: `${SHOTS}/phone.png`, fullPage: true });
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the time axis shows half-years where the data is dated', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?dataset=unhcr-mirps-2023&lang=en');
  await chartsSettled(page);
  await page.selectOption('#filter-period', 'half');
  await page.waitForURL(/period=half/);
  await chartsSettled(page);
  const rows = await tableOf(page, 'timeline');
  assert.equal(rows[0][0], 'Period');
  assert.ok(rows.some((r) => /^2023 H2$/.test(r[0])), rows.map((r) => r[0]).join(' | '));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('picking another dataset while one loads cancels the first download', async () => {
  // The global table arrives slowly, as on a poor connection; the reader moves on meanwhile.
  const slowServer = await serve({ '/': 'dist' }, { slow: { '/data/fts-requirements-funding-global.json': 3000 } });
  // No service worker: its cache would answer at once.
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  try {
    await page.goto(slowServer.url + '?dataset=fts-afghanistan-2020&lang=en');
    await chartsSettled(page);
    const failed = [];
    page.on('requestfailed', (r) => failed.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText}`));
    await page.selectOption('#dataset-picker', 'fts-requirements-funding-global');
    await page.waitForTimeout(300);
    await page.selectOption('#dataset-picker', 'mine-action');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent.startsWith('Mine action'));
    await chartsSettled(page);
    assert.ok(failed.some((f) => f.includes('fts-requirements-funding-global.json') && /ABORTED/.test(f)), failed.join('\n'));
    await page.waitForTimeout(3200);
    assert.match(await page.locator('h1').textContent(), /^Mine action/, 'the slow answer never replaces the newer choice');
  } finally {
    await page.context().close();
    await slowServer.close();
  }
});
