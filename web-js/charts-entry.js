// Only the ECharts parts Alianzas draws with, exposed as window.echarts for charming's WasmRenderer
// and our own bindings (src/web/echarts.rs).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, SankeyChart } from 'echarts/charts';
import {
  AriaComponent, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, PieChart, SankeyChart,
  AriaComponent, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  CanvasRenderer, SVGRenderer,
]);
window.echarts = echarts;
