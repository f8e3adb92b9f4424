// The ECharts parts the first screen draws with (bars; axes, tooltips, legends, descriptions for
// screen readers; the canvas renderer), exposed as window.echarts for charming's WasmRenderer and our
// own bindings (src/web/echarts.rs). Donuts, Sankey diagrams, maps and the SVG renderer (image
// export) are web-js/charts-more.js, fetched the first time one is drawn (a smaller script to
// evaluate before the first chart). esbuild splits what both share into echarts-core.js.
import * as echarts from 'echarts/core';
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as AriaComponent } from 'echarts/lib/component/aria/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as LegendComponent } from 'echarts/lib/component/legend/install.js';
import { install as TitleComponent } from 'echarts/lib/component/title/install.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';

echarts.use([BarChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);
window.echarts = echarts;

// One fetch however many charts ask; resolves once the other chart types are registered.
let more;
window.alianzasMoreCharts = () => {
  more ??= import('./charts-more.js').then(() => { window.alianzasMoreChartsReady = true; });
  return more;
};
