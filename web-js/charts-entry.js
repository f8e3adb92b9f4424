// The ECharts parts the first screen draws with (bars; axes, tooltips, descriptions for screen
// readers; the canvas renderer), exposed as window.echarts for our bindings
// (src/web/echarts.rs). Donuts, Sankey diagrams, maps, legends, titles and the SVG renderer
// (image export) are web-js/charts-more.js, fetched the first time one is drawn (a smaller script
// to evaluate before the first chart; `needs_more_charts` in src/core/charts/echarts_option.rs
// says which charts wait for it). esbuild splits what both share into echarts-core.js.
// Each file starts with V8's compile hint `//# allFunctionsCalledOnLoad` (package.json, esbuild's
// banner): Chromium then compiles its functions while the file streams in, on a background thread,
// instead of one by one on the main thread when the first chart calls them (the first setOption was
// the page's longest task, about 250 ms on a 4x slower CPU; 110-125 ms with the hint). Other
// browsers read a comment.
import { getInstanceByDom, getMap, init, registerMap, use } from 'echarts/core';
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as AriaComponent } from 'echarts/lib/component/aria/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';

use([BarChart, AriaComponent, GridComponent, TooltipComponent, CanvasRenderer]);
// Only what src/web/echarts.rs binds (and the tests read): the whole namespace would keep every
// export of echarts/core in the first load (2.6 KB brotli more).
window.echarts = { getInstanceByDom, getMap, init, registerMap };

// One fetch however many charts ask; resolves once the other chart types are registered.
let more;
window.alianzasMoreCharts = () => {
  more ??= import('./charts-more.js').then(() => { window.alianzasMoreChartsReady = true; });
  return more;
};
