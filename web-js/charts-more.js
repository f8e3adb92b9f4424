// The chart types below the first screen's bars, legends (bars of several series, donuts), titles
// (exported images carry theirs) and the SVG renderer for image export: fetched by
// window.alianzasMoreCharts() (web-js/charts-entry.js) the first time one is needed.
import { use } from 'echarts/core';
import { install as LegendComponent } from 'echarts/lib/component/legend/install.js';
import { install as TitleComponent } from 'echarts/lib/component/title/install.js';
import { install as MapChart } from 'echarts/lib/chart/map/install.js';
import { install as PieChart } from 'echarts/lib/chart/pie/install.js';
import { install as SankeyChart } from 'echarts/lib/chart/sankey/install.js';
import { install as SVGRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';

use([LegendComponent, TitleComponent, MapChart, PieChart, SankeyChart, SVGRenderer]);
