/** Reference: Highcharts core with its accessibility module (the ES module build). */
import Highcharts from 'highcharts/esm/highcharts.js';
import 'highcharts/esm/modules/accessibility.js';

export { Highcharts };
