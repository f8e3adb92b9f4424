// Only the ECharts parts Alianzas draws with (bars, donuts, Sankey, maps; no lines or datasets), exposed as window.echarts for charming's WasmRenderer
// and our own bindings (src/web/echarts.rs).
import * as echarts from 'echarts/core';
import { BarChart, MapChart, PieChart, SankeyChart } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, MapChart, PieChart, SankeyChart,
  AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  CanvasRenderer, SVGRenderer,
]);
window.echarts = echarts;
