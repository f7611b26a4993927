/**
 * Reference for the first-paint pictures: Highcharts core with `highcharts-more` (the gauge
 * series), the map module (`Highcharts.mapChart`, the map series, colour axis) and the
 * accessibility module a page should load with it (the ES module build).
 */
import Highcharts from 'highcharts/esm/highcharts.js';
import 'highcharts/esm/highcharts-more.js';
import 'highcharts/esm/modules/map.js';
import 'highcharts/esm/modules/accessibility.js';

export { Highcharts };
