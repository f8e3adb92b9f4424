// How long a slow phone's main thread is blocked while the default view loads, measured in the
// page rather than simulated. Lighthouse's total blocking time replays a trace taken at full speed
// with every task four times longer, and the same build's figure moves by a third from one run to
// the next on this machine; this loads the page as that phone (412 × 823 at 1.75 device pixels,
// touch, Chromium's CPU throttling at 4×), lists its long tasks with the browser's `longtask`
// observer, and sums what each task runs past 50 ms after the first contentful paint (the rule of
// total blocking time), until the page is built and has been quiet for 3 s. No scrolling: the
// reader has not scrolled yet.
import { newPage } from '../e2e/browser.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians over `loads` page loads: blocking time, the longest task and how many tasks were long. */
export async function blockingOnPhone(browser, url, loads = 5) {
  const runs = [];
  for (let i = 0; i < loads; i++) {
    const page = await newPage(browser, { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    // The filters' choices are the page's last part.
    await page.locator('#filter-donor').waitFor({ state: 'attached', timeout: 120000 });
    await page.waitForTimeout(3000);
    const { tasks, paint } = await page.evaluate(() => ({ tasks: window.longTasks, paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0 }));
    await page.context().close();
    const after = tasks.filter(([start]) => start >= paint);
    runs.push({ blocking: after.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0), longest: Math.max(0, ...after.map(([, d]) => d)), count: after.length });
  }
  return { blocking: median(runs.map((r) => r.blocking)), longest: median(runs.map((r) => r.longest)), count: median(runs.map((r) => r.count)), each: runs.map((r) => Math.round(r.blocking)) };
}
