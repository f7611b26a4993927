/** The reference bundles: what a page would embed instead of (or beside) a Safety Widget. */
export interface Reference {
  /** File name under `.cache/references/` (served at `/ref/`). */
  file: string;
  /** Entry module, relative to the benchmarks package. */
  entry: string;
  /** What it is, for the report. */
  label: string;
}

export const LIBRARIES: readonly Reference[] = [
  { file: 'chartjs-auto.js', entry: 'src/references/chartjs.entry.ts', label: 'chart.js/auto' },
  {
    file: 'echarts-gauge-map-line.js',
    entry: 'src/references/echarts.entry.ts',
    label: 'ECharts 5: gauge + map + line, canvas',
  },
  {
    file: 'highcharts-accessibility.js',
    entry: 'src/references/highcharts.entry.ts',
    label: 'Highcharts core + accessibility',
  },
  {
    file: 'highcharts-more-map-accessibility.js',
    entry: 'src/references/highcharts-charts.entry.ts',
    label: 'Highcharts core + more (gauge) + map + accessibility',
  },
];

/** Lit + core + `<safety-feed>`: the shared part of every widget page. */
export const RUNTIME: Reference = {
  file: 'runtime-lit-core-feed.js',
  entry: 'src/references/runtime.entry.ts',
  label: 'shared runtime: Lit + core + <safety-feed>',
};

/** The bundles the timing pages load, by library. */
export const PICTURE_BUNDLES = {
  echarts: 'echarts-gauge-map-line.js',
  highcharts: 'highcharts-more-map-accessibility.js',
  chartjs: 'chartjs-auto.js',
} as const;
