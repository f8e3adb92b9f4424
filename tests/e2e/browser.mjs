// Debian's Chromium driven by playwright-core, as a person's browser would run the site.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const CHART_IDS = ['obligation', 'region', 'map', 'places', 'model', 'timeline', 'donors', 'pipeline', 'gap', 'objectives', 'flows', 'pledges', 'pledge-history'];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records console errors and uncaught exceptions. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ reducedMotion: 'reduce', locale: 'en-GB', ...options });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  return page;
}

/** Waits until the first chart of the page is drawn. */
export async function firstChartDrawn(page, timeout = 120000) {
  await page.waitForFunction(() => [...document.querySelectorAll('.canvas')].some((e) => e.dataset.renderedAt), null, { timeout });
}

/** Waits until every chart has finished rendering the latest option it was given, or is listed
 *  among the charts left out for this dataset (with the sentence saying why). A chart is drawn
 *  when it comes on the screen (or near it, once the page has been scrolled): like a reader, this
 *  scrolls to each chart not drawn yet (or drawn for an earlier filter), one per frame, then back
 *  to where the page was. */
export async function chartsSettled(page, ids = CHART_IDS) {
  const scrolled = await page.evaluate(() => [scrollX, scrollY]);
  await page.waitForFunction((ids) => ids.every((id) => {
    if (document.querySelector(`.left-out [data-chart=${id}]`)) return true;
    const el = document.querySelector(`#${id} .canvas`);
    if (!el) return false;
    if (el.closest('.omitted')) return true;
    // Nothing to draw (the canvas is not shown).
    if (el.classList.contains('empty')) return true;
    if (el.hasAttribute('data-stale')) {
      el.scrollIntoView({ block: 'center' });
      return false;
    }
    // A draw is scheduled in its own task and has not run yet.
    if (el.hasAttribute('data-pending')) return false;
    const requested = Number(el.dataset.requested);
    return requested > 0 && Number(el.dataset.rendered) >= requested;
  }), ids, { timeout: 30000 });
  await page.evaluate(([x, y]) => scrollTo(x, y), scrolled);
}

/** The text of each cell of a chart's table, opening it if needed. */
export async function tableOf(page, id) {
  const toggle = page.locator(`#${id} .table-toggle`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return page.locator(`#${id} table`).evaluate((t) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent.trim())));
}

/** The ids of the charts the page draws (charts a dataset cannot fill are listed as left out). */
export async function shownCharts(page) {
  return page.locator('figure.chart').evaluateAll((figures) => figures.map((f) => f.id));
}

/** The ids of the charts listed as left out for this dataset, each with its sentence. */
export async function leftOutCharts(page) {
  return page.locator('.left-out li').evaluateAll((items) => items.map((li) => li.dataset.chart));
}

/** The built site served, a browser, and the bundled catalog: what most test files start with. */
export async function openSite() {
  const server = await serve({ '/': 'dist' });
  const browser = await launch();
  const catalog = JSON.parse(await readFile('public/data/catalog.json', 'utf8'));
  return { server, browser, catalog };
}

/** Opens a disclosure (`<details>`) by its summary, as a reader would, unless it is open. */
export async function disclose(page, selector) {
  const details = page.locator(selector);
  if (!(await details.evaluate((d) => d.open))) await details.locator(':scope > summary').click();
}
/** The settings menu (language, colours, patterns). */
export const openSettings = (page) => disclose(page, '#settings');
/** "About this data": description, provenance and import report. */
export const openAbout = (page) => disclose(page, '#about-data');
