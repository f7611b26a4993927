/**
 * Reference: ECharts 5 with only what the four widgets' pictures need, registered the tree-shaken
 * way: gauge, map and line series, their components and the canvas renderer. The render
 * benchmarks draw the reference pictures with this same bundle.
 */
import { init, registerMap, use } from 'echarts/core';
import { GaugeChart, LineChart, MapChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  GaugeChart,
  MapChart,
  LineChart,
  GridComponent,
  GeoComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

export { init, registerMap };
