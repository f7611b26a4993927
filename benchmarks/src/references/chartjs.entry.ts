/** Reference: Chart.js with every chart type, scale and plugin registered (`chart.js/auto`). */
export { default as Chart } from 'chart.js/auto';
