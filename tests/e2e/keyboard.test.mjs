// A chart walked by keyboard only: one tab stop, arrows through the points, announcements,
// Enter to filter, Escape to stop (focus stays on the chart).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, newPage, chartsSettled, tableOf } from './browser.mjs';

let server, browser;
before(async () => { server = await serve({ '/': 'dist' }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a chart is walked by keyboard and its points are announced', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?dataset=fts-afghanistan-2020&lang=en');
  await chartsSettled(page);
  const rows = await tableOf(page, 'obligation');
  await page.locator('#obligation .table-toggle').click(); // close it again
  // Tab from the table toggle of the chart before reaches this chart's drawing in one step.
  await page.locator('#obligation .canvas').focus();
  const announcer = page.locator('#obligation .announcer');
  await page.keyboard.press('ArrowRight');
  assert.equal(await announcer.textContent(), `${rows[1][0]}: ${rows[1][1]}`);
  await page.keyboard.press('ArrowRight');
  assert.equal(await announcer.textContent(), `${rows[2][0]}: ${rows[2][1]}`);
  await page.keyboard.press('End');
  assert.equal(await announcer.textContent(), `${rows.at(-1)[0]}: ${rows.at(-1)[1]}`, 'the obligation table has no totals row');
  await page.keyboard.press('Home');
  assert.equal(await announcer.textContent(), `${rows[1][0]}: ${rows[1][1]}`);
  // Horizontal bars run down the page: Down and Up walk them too.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await announcer.textContent(), `${rows[3][0]}: ${rows[3][1]}`);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await announcer.textContent(), `${rows[1][0]}: ${rows[1][1]}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForURL(/obligation=food-security/);
  await chartsSettled(page);
  assert.match(await page.locator('.chips').textContent(), /Food security/);
  await page.locator('#obligation .canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // The chart keeps the other obligations after the click, and says which one is selected.
  assert.equal(await announcer.textContent(), `${rows[2][0]}: ${rows[2][1]} (selected)`);
  await page.keyboard.press('Escape');
  assert.equal(await announcer.textContent(), '');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('figure')?.id), 'obligation', 'Escape leaves the focus on the chart');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('canvas')), true);
  // Each chart is one tab stop: Tab from a chart's drawing goes to its table button.
  await page.locator('#donors .canvas').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'table-toggle');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('in Arabic the arrow keys follow the mirrored axis', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?lang=ar&dataset=fts-afghanistan-2020');
  await chartsSettled(page);
  const rows = await tableOf(page, 'pipeline');
  await page.locator('#pipeline .canvas').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('#pipeline .announcer').textContent(), `${rows[2][0]}: ${rows[2][1]}`);
  await page.context().close();
});
