// How much of the wasm the first view runs. Chromium compiles each wasm function the first time it
// is called, on the main thread (lazy compilation, with Liftoff), and no page can ask for eager
// compilation. That compiling is a large part of a slow phone's start-up blocking: loads with the
// CPU 4x slower blocked the main thread 833-972 ms with V8's eager compilation (a flag) against
// 1,014-1,323 ms as shipped (medians of 5, on the machine of 2026-11-28). Counted from V8's own
// trace events, the figure below does not depend on the speed of the machine, unlike Lighthouse's
// blocking time: it moves only when the page runs less (or more) code before it is ready.
import { readFile } from 'node:fs/promises';
import { newPage } from '../e2e/browser.mjs';

/** Number and total size of the function bodies in a wasm module (its code section). */
export async function wasmFunctions(file) {
  const bytes = await readFile(file);
  let at = 8; // after the magic number and version
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    if (id === 10) {
      const count = leb();
      let total = 0;
      for (let i = 0; i < count; i++) {
        const body = leb();
        total += body;
        at += body;
      }
      return { count, bytes: total };
    }
    at += size;
  }
  throw new Error(`${file}: no code section`);
}

/** The wasm functions compiled from navigation until the default view is built (its last part,
 * the filters' choices) and the page has been quiet for 3 s, on a phone-sized screen: how many,
 * and the size of their bodies. Without scrolling, as a reader who has not scrolled yet: a phone's
 * first screen is the figures, and charts are drawn when they come on the screen. */
export async function compiledAtStart(browser, url) {
  const page = await newPage(browser, { viewport: { width: 412, height: 823 } });
  await browser.startTracing(page, { categories: ['disabled-by-default-v8.wasm.detailed'] });
  await page.goto(url);
  await page.locator('#filter-donor').waitFor({ state: 'attached', timeout: 120000 });
  await page.waitForTimeout(3000);
  const events = JSON.parse(await browser.stopTracing()).traceEvents;
  await page.context().close();
  // One event per function compiled for the first time (Liftoff, V8's baseline compiler).
  const compiled = new Map(events.filter((e) => e.name === 'wasm.CompileBaseline').map((e) => [e.args.funcIndex, e.args.bodySize]));
  return { count: compiled.size, bytes: [...compiled.values()].reduce((sum, size) => sum + size, 0) };
}
