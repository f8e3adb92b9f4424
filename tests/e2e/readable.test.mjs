// Charts no reader can misread (issue 15): locale-true axes, labels that do not collide,
// downloads and embeds that explain themselves, `?data=` from any https server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, tableOf, shownCharts, leftOutCharts, openAbout } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ '/': 'dist', '/fixtures/': 'tests/fixtures' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const LANGS = ['es', 'en', 'fr', 'ar'];

/** Each value axis of a chart: its unit line and the labels ECharts draws, with their values. */
const valueAxis = (page, id) => page.locator(`#${id} .canvas`).evaluate((el) => {
  const chart = echarts.getInstanceByDom(el);
  const axes = ['xAxis', 'yAxis'].flatMap((kind) => chart.getModel().findComponents({ mainType: kind }));
  const axis = axes.find((a) => a.axis.type === 'value').axis;
  return {
    unit: el.closest('figure').querySelector('.unit')?.textContent,
    labels: axis.getViewLabels().map((l) => ({ value: l.tickValue, text: l.formattedLabel })),
  };
});

test('value axes count in the reader\'s language and in a unit fitted to the data', async () => {
  const units = { es: 'Miles de millones de USD', en: 'USD, billions', fr: 'Milliards de USD', ar: 'مليارات USD' };
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  for (const lang of LANGS) {
    // The global requirements table reaches US$ 400 billion a year: billions, never "400,000 millions".
    await page.goto(`${server.url}?dataset=fts-requirements-funding-global&lang=${lang}`);
    await chartsSettled(page);
    const { unit, labels } = await valueAxis(page, 'timeline');
    assert.ok(unit.includes(units[lang].replace('USD', '').trim()), `${lang}: unit "${unit}"`);
    assert.ok(labels.length >= 3, `${lang}: ${JSON.stringify(labels)}`);
    const expected = await page.evaluate(([lang, values]) => {
      const f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
      return values.map((v) => f.format(v));
    }, [lang, labels.map((l) => l.value)]);
    assert.deepEqual(labels.map((l) => l.text), expected, `${lang}: ticks follow Intl`);
    assert.ok(Math.max(...labels.map((l) => l.value)) < 1000, `${lang}: ticks stay short ${JSON.stringify(labels)}`);
  }
  // French groups thousands with a space, never a comma: a smaller dataset in thousands.
  await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=fr`);
  await chartsSettled(page);
  const donors = await valueAxis(page, 'donors');
  assert.match(donors.unit, /^Millions de USD$/);
  assert.ok(donors.labels.every((l) => !l.text.includes(',') || l.value % 1 !== 0), JSON.stringify(donors.labels));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('on a phone the axes thin out and the Sankey hides labels it cannot fit', async () => {
  const wide = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  const phone = await newPage(browser, { viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
  const url = `${server.url}?dataset=fts-afghanistan-2020&lang=fr`;
  await Promise.all([wide.goto(url), phone.goto(url)]);
  await Promise.all([chartsSettled(wide), chartsSettled(phone)]);
  // However narrow, the tick labels of a value axis have room between them.
  for (const [page, width] of [[wide, 1280], [phone, 320]]) {
    const room = await page.locator('#donors .canvas').evaluate((el) => {
      const chart = echarts.getInstanceByDom(el);
      const axis = chart.getModel().findComponents({ mainType: 'xAxis' }).find((a) => a.axis.type === 'value').axis;
      const labels = axis.getViewLabels();
      const measure = document.createElement('canvas').getContext('2d');
      measure.font = '12px sans-serif';
      const at = labels.map((l) => axis.dataToCoord(l.tickValue));
      const widths = labels.map((l) => measure.measureText(l.formattedLabel).width);
      return labels.slice(1).map((l, i) => Math.abs(at[i + 1] - at[i]) - (widths[i] + widths[i + 1]) / 2);
    });
    assert.ok(room.length >= 2 && room.every((gap) => gap >= 4), `${width}px: gaps between tick labels ${room}`);
  }
  assert.ok(await noLabelsOverlap(phone, 'flows'), 'Sankey labels overlap at 320 px');
  await phone.locator('#flows').screenshot({ path: 'test-results/sankey-320.png' });
  await wide.context().close();
  await phone.context().close();
});

/** True when no two visible labels of a chart's first series overlap (ECharts' own layout). */
const noLabelsOverlap = (page, id) => page.locator(`#${id} .canvas`).evaluate((el) => {
  const chart = echarts.getInstanceByDom(el);
  const data = chart.getModel().getSeriesByIndex(0).getData();
  const rects = [];
  for (let i = 0; i < data.count(); i++) {
    const label = data.getItemGraphicEl(i)?.getTextContent?.();
    if (!label || label.ignore || label.invisible || !label.style?.text) continue;
    const r = label.getBoundingRect().clone();
    r.applyTransform(label.getComputedTransform());
    rects.push(r);
  }
  const hits = (a, b) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
  return rects.length > 0 && rects.every((a, i) => rects.every((b, j) => i === j || !hits(a, b)));
});

test('donut labels never run into each other', async () => {
  for (const width of [1280, 390]) {
    const page = await newPage(browser, { viewport: { width, height: 900 } });
    // Afghanistan 2020 has small cooperation models side by side with a large one.
    await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=fr`);
    await chartsSettled(page);
    assert.ok(await noLabelsOverlap(page, 'model'), `labels overlap at ${width}px`);
    await page.context().close();
  }
});

test('charts a dataset cannot fill are left out with one sentence each, in every language', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  for (const lang of LANGS) {
    // The global table names no donors, does not split stages, records neither what the money
    // is for nor how it travelled, and declares no plan objectives.
    await page.goto(`${server.url}?dataset=fts-requirements-funding-global&lang=${lang}`);
    await chartsSettled(page);
    assert.deepEqual((await leftOutCharts(page)).sort(), ['donors', 'flows', 'model', 'objectives', 'obligation', 'pipeline', 'places', 'pledge-history', 'pledges'], lang);
    assert.deepEqual(await shownCharts(page), ['region', 'map', 'timeline', 'gap'], lang);
    // Unknown is not zero: no pledges or donors recorded reads "not reported", without a digit.
    const notReported = (await readFile(`locales/${lang}/app.ftl`, 'utf8')).match(/^headline-not-reported = (.+)$/m)[1];
    for (const figure of ['pledged', 'donors']) {
      assert.equal(await page.locator(`[data-figure=${figure}] dd`).textContent(), notReported, `${lang}: ${figure}`);
    }
    const sentences = await page.locator('.left-out li').allTextContents();
    assert.ok(sentences.every((s) => s.length > 30), sentences.join('\n'));
    // "Latest year" is never a plan year after the data's date.
    const asOf = Number((await page.locator('[data-meta=data-as-of] time').getAttribute('datetime')).slice(0, 4));
    const years = [...((await page.locator('#takeaway').textContent()) + (await page.locator('.equity').textContent())).matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
    assert.ok(years.every((y) => y <= asOf), `${lang}: ${years}`);
  }
  await page.context().close();
});

test('an embed states its filters and its dataset version', async () => {
  const page = await newPage(browser);
  const catalog = JSON.parse(await readFile('public/data/catalog.json', 'utf8'));
  const version = catalog.datasets.find((d) => d.id === 'fts-afghanistan-2020').dataset_version;
  const expected = { es: 'Obligación', en: 'Obligation: Mine action', fr: 'Obligation\u00a0: Action contre les mines', ar: 'الالتزام' };
  for (const lang of LANGS) {
    await page.goto(`${server.url}?embed=donors&dataset=fts-afghanistan-2020&obligation=mine-action&lang=${lang}`);
    await chartsSettled(page, ['donors']);
    const filters = await page.locator('.embed-filters').textContent();
    assert.ok(filters.includes(expected[lang]), `${lang}: ${filters}`);
    const source = await page.locator('.source-line').textContent();
    assert.ok(source.includes(version), `${lang}: ${source}`);
  }
  await page.context().close();
});

test('dark theme labels are solid, not outlined', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=en`);
  await chartsSettled(page);
  for (const id of ['model', 'flows', 'obligation']) {
    const borders = await page.locator(`#${id} .canvas`).evaluate((el) => {
      const data = echarts.getInstanceByDom(el).getModel().getSeriesByIndex(0).getData();
      return [...Array(data.count()).keys()].map((i) => data.getItemGraphicEl(i)?.getTextContent?.()?.style?.lineWidth ?? 0);
    });
    assert.ok(borders.every((w) => !w), `${id}: label outlines ${borders}`);
  }
  await page.locator('#model').screenshot({ path: 'test-results/dark-model.png' });
  await page.context().close();
});

/** Saves what a click downloads: { name, body }. */
async function save(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
}

test('an exported SVG explains itself: title, filters, unit, source, licence, date, URL, every category, on white', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=fr&obligation=mine-action`);
  await chartsSettled(page);
  const svg = (await save(page, '#donors .download-svg')).body.toString('utf8');
  const text = [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')).join('\n')
    .replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
  const title = await page.locator('#donors figcaption h2').textContent();
  assert.ok(text.includes(title), `title missing:\n${text}`);
  assert.match(text, /Obligation\u00a0: Action contre les mines/);
  assert.ok(text.includes((await page.locator('#donors .unit').textContent()).trim()), 'unit');
  assert.match(text, /OCHA Financial Tracking Service/);
  assert.match(text, /fts-afghanistan-2020/, 'the URL of the view');
  assert.match(text, /\d{4}-\d\d-\d\d|\d{1,2} \S+ \d{4}/, 'a date');
  for (const row of (await tableOf(page, 'donors')).slice(1, -1)) {
    assert.ok(text.includes(row[0].replace(/ \[[a-z]{2}\]$/, '')) || text.includes(row[0].slice(0, 12)), `category "${row[0]}" missing`);
  }
  assert.match(svg, /<rect[^>]*fill="(#fff|#ffffff|white|rgb\(255, ?255, ?255\))"/i, 'a white background');
  // The PNG too is drawn on white even in the dark theme: its corner pixel.
  const png = (await save(page, '#donors .download-png')).body.toString('base64');
  const corner = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return [...g.getImageData(2, 2, 1, 1).data];
  }, png);
  assert.deepEqual(corner, [255, 255, 255, 255]);
  await page.context().close();
});

test('CSV downloads open cleanly in a spreadsheet: BOM, currency in headers, cents, the reader\'s language', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  const headers = { es: /Donante/, en: /Donor/, fr: /Donateur/, ar: /المانح/ };
  for (const lang of LANGS) {
    await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=${lang}`);
    await chartsSettled(page);
    const chart = (await save(page, '#donors .download-csv')).body;
    assert.deepEqual([...chart.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${lang}: UTF-8 BOM`);
    const lines = chart.toString('utf8').slice(1).trim().split('\n');
    assert.match(lines[0], /\(USD\)/, `${lang}: ${lines[0]}`);
    assert.match(lines[0], headers[lang]);
    for (const line of lines.slice(1)) {
      for (const cell of line.split(',')) assert.doesNotMatch(cell, /^\d+\.\d{3,}$/, `${lang}: floating-point noise in ${line}`);
    }
    const rows = (await save(page, '#download-rows-csv')).body;
    assert.deepEqual([...rows.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const header = rows.toString('utf8').slice(1).split('\n')[0];
    assert.match(header, headers[lang], `${lang}: ${header}`);
    if (lang !== 'en') assert.doesNotMatch(header, /\bDonor\b|\bRecipient\b/, `${lang}: English headers ${header}`);
  }
  await page.context().close();
});

test('`?data=` loads from any https server that allows it, and says why when it cannot', async () => {
  // Two other https origins: one lets other sites read its files (CORS), one does not.
  const open = await serve({ '/': 'tests/fixtures' }, { https: true, headers: { 'access-control-allow-origin': '*' } });
  const closed = await serve({ '/': 'tests/fixtures' }, { https: true });
  try {
    const page = await newPage(browser, { ignoreHTTPSErrors: true });
    const load = (url, lang = 'en') => page.goto(`${server.url}?lang=${lang}&data=${encodeURIComponent(url)}`);
    await load(`${open.url}small.json`);
    await chartsSettled(page);
    assert.equal(await page.locator('h1').textContent(), 'Hand-made test fixture', 'any https server with CORS is allowed');
    assert.match(await page.locator('.notice').first().textContent(), /did not publish or review it/);
    const cases = [
      [`${closed.url}small.json`, { en: /does not let other sites read the file/, fr: /ne permet pas aux autres sites de lire/, es: /CORS/, ar: /CORS/ }],
      [`${open.url}missing.json`, { en: /Nothing was found at .*missing\.json \(404\)/, fr: /Rien n'a été trouvé/, es: /404/, ar: /404/ }],
      [`${open.url}sign-in.html`, { en: /sign-in\.html cannot be read as a dataset: not valid JSON \(line 1/, fr: /ne peut pas être lu comme jeu de données : JSON invalide/, es: /JSON/, ar: /JSON/ }],
    ];
    const alert = page.locator('[role=alert]');
    for (const [url, byLang] of cases) {
      for (const [lang, pattern] of Object.entries(byLang)) {
        await load(url, lang);
        await alert.waitFor();
        const message = await alert.textContent();
        assert.match(message, pattern, `${url} ${lang}`);
        if (lang === 'en') assert.doesNotMatch(message, /no answer|your connection/i, `${url}: not blamed on the connection`);
        await chartsSettled(page);
      }
    }
    // Plain http from another site stays out, and says so.
    await load('http://data.example.org/small.json');
    await alert.waitFor();
    assert.match(await alert.textContent(), /is not an https address/);
    await page.context().close();
  } finally {
    await open.close();
    await closed.close();
  }
});

test('an inverted year range is swapped with a notice, and an undated remainder is named', async () => {
  const notices = { es: /intercambiaron/, en: /were swapped/, fr: /inversées/, ar: /./ };
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  for (const lang of LANGS) {
    await page.goto(`${server.url}?dataset=fts-requirements-funding-global&lang=${lang}&from=2023&to=2021`);
    await chartsSettled(page);
    assert.match(await page.locator('.notice.swapped').textContent(), notices[lang]);
    assert.equal(await page.locator('#filter-from').inputValue().catch(() => '2021'), '2021');
    const funding = await page.locator('[data-figure=funding] dd').textContent();
    assert.match(funding, /[1-9]/, `${lang}: funding is not zero: ${funding}`);
  }
  // Afghanistan 2020 is one year: its time chart goes by half-year and names what has no date.
  await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=en`);
  await chartsSettled(page);
  const rows = (await tableOf(page, 'timeline')).map((r) => r[0]);
  assert.ok(rows.includes('2020 H1') && rows.includes('2020, date not given'), rows.join(' | '));
  assert.doesNotMatch(await page.locator('#timeline .summary').textContent(), /the year/);
  await page.context().close();
});

test('Arabic keeps "US$" whole and English dataset text in its own direction', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=ar`);
  await chartsSettled(page);
  const funding = await page.locator('[data-figure=funding] dd').textContent();
  assert.match(funding, /\u2066[^\u2069]*\$[^\u2069]*\u2069/, `the currency is isolated left-to-right: ${JSON.stringify(funding)}`);
  const height = await page.locator('[data-figure=funding] dd').evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '20'));
  assert.ok(height < 1.9 || Number.isNaN(height), 'the amount stays on one line');
  for (const meta of ['h1', '[data-meta=publisher]', '[data-meta=licence]']) {
    assert.equal(await page.locator(meta).first().getAttribute('dir'), 'auto', meta);
  }
  await page.context().close();
});

test('import-report reasons and model rules read in the reader\'s language', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  for (const lang of LANGS) {
    const ftl = await readFile(`locales/${lang}/report.ftl`, 'utf8');
    const reason = ftl.match(/^skip-fts-internal-flow = (.+)$/m)[1];
    await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=${lang}`);
    await chartsSettled(page);
    await openAbout(page);
    await page.locator('.import-report summary').click();
    assert.ok((await page.locator('.import-report [data-reason=fts-internal-flow]').textContent()).startsWith(reason), lang);
  }
  // FTS flows get their cooperation model by rules: each line names the model it gave and counts
  // contributions.
  await page.goto(`${server.url}?dataset=fts-afghanistan-2020&lang=en`);
  await chartsSettled(page);
  const lines = await page.locator('.model-rules li').allTextContents();
  assert.ok(lines.length > 0 && lines.every((l) => /→ .+: ([\d,]+ contributions|one contribution)$/.test(l)), lines.join('\n'));
  await page.context().close();
});

test('the first paint shows the page title and a skeleton before the app starts', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  assert.match(html, /id="skeleton"/);
  const page = await newPage(browser);
  await page.goto(server.url + '?lang=en');
  await chartsSettled(page);
  assert.equal(await page.locator('#skeleton').count(), 0, 'the app replaces the skeleton');
  await page.context().close();
});

test('before the WebAssembly arrives, the default dataset\'s title and source line are already on the page, and only for it', async () => {
  const catalog = JSON.parse(await readFile('dist/data/catalog.json', 'utf8'));
  const entry = catalog.datasets.find((d) => d.id === catalog.default);
  const { metadata } = JSON.parse(await readFile(`dist/data/${entry.file}`, 'utf8'));
  for (const [query, shown] of [['?lang=en', true], [`?dataset=${catalog.default}`, true], ['?dataset=fts-afghanistan-2020', false], ['?embed=model', false], ['?data=https://example.org/x.json', false]]) {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
    // The app never starts: what a reader sees while the wasm is on its way.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(server.url + query);
    const header = page.locator('#prerendered');
    assert.equal(await header.isVisible(), shown, query);
    if (shown) {
      // In the reader's language (English here: ?lang=en, else the browser's en-GB); the other
      // languages' titles are baked too, hidden (first-screen.test.mjs checks each).
      assert.equal(await header.locator('h1:visible').textContent(), metadata.title);
      // Who published it, as of when, under which licence: in sight, as the app's header shows it.
      assert.equal(await header.locator('.prerendered-source:visible').textContent(), `${metadata.publisher} · ${metadata.data_as_of} · ${metadata.licence}`);
      // The title (the largest text of the first screen) is within it.
      const box = await header.locator('h1:visible').boundingBox();
      assert.ok(box.y + box.height < 844, `title at ${box.y}px`);
    }
    await page.context().close();
  }
});
