/**
 * The reference pictures: the same data drawn by ECharts, Highcharts and Chart.js in a page, timed
 * the way a widget is (see page-helpers.ts): "work" from the drawing call to laid out, "painted" to
 * the second animation frame after it. Each library's bundle is loaded, the data fetched and parsed
 * and the container mounted before the clock starts; what a page does once it has its data is timed:
 * ECharts' `registerMap` (for a map) and `setOption` on a chart `init`ed beforehand (as pages that
 * create the chart before the data arrives do); Highcharts' `Highcharts.chart` / `mapChart`, and
 * Chart.js' `new Chart`, which create and draw the chart in one call. Animation is off everywhere.
 */
import type { Page } from 'playwright';
import type { Timing } from './page-helpers.js';
import { PICTURE_BUNDLES } from './references/list.js';

export type Library = keyof typeof PICTURE_BUNDLES;
export type PictureKind = 'gauge' | 'map' | 'line';

/** A reference picture: which library draws what, from which data file under /data/. */
export interface ReferencePicture {
  library: Library;
  kind: PictureKind;
  /**
   * `gauge`: `{ score }`; `map`: `{ geo, values }` (GeoJSON named by grid id, and each grid's
   * value); `line`: one `[dayStartMs, count][]` per category, all over the same days.
   */
  data: string;
}

export const LIBRARY_NAMES: Record<Library, string> = {
  echarts: 'ECharts',
  highcharts: 'Highcharts',
  chartjs: 'Chart.js',
};

/** The six incident categories of the sample feed, in its order (the lines' names). */
export const CATEGORIES = ['alerts-110', 'criminal', 'fraud', 'fire', 'dispute', 'domestic'];

/**
 * Draws `picture` `renders` times in `page` (the first render in the page, then again with a new
 * container and a new copy of the data); returns each render's timing.
 */
export async function referenceRenders(
  page: Page,
  picture: ReferencePicture,
  renders: number,
): Promise<Timing[]> {
  return page.evaluate(
    async ({ library, kind, data: dataPath, bundle, renders, names }) => {
      const { bench } = window;
      type Chart = { dispose?(): void; destroy?(): void };
      type Lib = {
        init(
          el: HTMLElement,
          theme: null,
          opts: { renderer: string },
        ): Chart & { setOption(o: unknown): void };
        registerMap(name: string, geo: unknown): void;
        Highcharts: {
          chart(el: HTMLElement, o: unknown): Chart;
          mapChart(el: HTMLElement, o: unknown): Chart;
        };
        Chart: new (canvas: HTMLCanvasElement, config: unknown) => Chart;
      };
      const lib = (await bench.load(`/ref/${bundle}`)) as Lib;
      const bands: [number, number, string][] = [
        [0, 60, '#d64545'],
        [60, 75, '#e8a33d'],
        [75, 90, '#4f9d69'],
        [90, 100, '#2b7a4b'],
      ];
      const ramp = ['#eff3ff', '#6baed6', '#08519c'];
      const timings: { work: number; painted: number }[] = [];
      let previous: Chart | undefined;
      for (let r = 0; r < renders; r++) {
        previous?.dispose?.();
        previous?.destroy?.();
        previous = undefined;
        const data = (await bench.json(`/data/${dataPath}`)) as never;
        const div = document.createElement('div');
        div.style.position = 'relative';
        div.style.width = kind === 'gauge' ? '420px' : '1000px';
        div.style.height = kind === 'gauge' ? '420px' : kind === 'map' ? '700px' : '400px';
        document.getElementById('host')!.replaceChildren(div);

        // Shaped for the library before the clock starts.
        const score = kind === 'gauge' ? Math.round((data as { score: number }).score * 10) / 10 : 0;
        const map =
          kind === 'map'
            ? (data as { geo: unknown; values: { name: string; value: number | null }[] })
            : undefined;
        const numbers = map ? map.values.map((v) => v.value ?? 0) : [];
        const [min, max] = [Math.min(...numbers), Math.max(...numbers)];
        const lines = kind === 'line' ? (data as [number, number][][]) : [];

        let draw: () => void;
        if (library === 'echarts') {
          const chart = lib.init(div, null, { renderer: 'canvas' });
          previous = chart;
          const mapName = `grids-${r}`;
          const option =
            kind === 'gauge'
              ? {
                  animation: false,
                  series: [
                    {
                      type: 'gauge',
                      min: 0,
                      max: 100,
                      axisLine: { lineStyle: { width: 24, color: bands.map(([, to, c]) => [to / 100, c]) } },
                      detail: { formatter: '{value}', valueAnimation: false },
                      data: [{ value: score, name: 'Safety index' }],
                    },
                  ],
                }
              : kind === 'map'
                ? {
                    animation: false,
                    tooltip: { trigger: 'item' },
                    visualMap: { min, max, inRange: { color: ramp }, calculable: false },
                    series: [
                      {
                        type: 'map',
                        map: mapName,
                        roam: true,
                        data: map!.values,
                        emphasis: { label: { show: false } },
                      },
                    ],
                  }
                : {
                    animation: false,
                    tooltip: { trigger: 'axis' },
                    legend: { data: names },
                    xAxis: { type: 'time' },
                    yAxis: { type: 'value' },
                    dataZoom: [{ type: 'inside' }],
                    series: lines.map((points, i) => ({
                      name: names[i],
                      type: 'line',
                      showSymbol: false,
                      sampling: 'lttb',
                      data: points,
                    })),
                  };
          draw = () => {
            // Registering the map is part of drawing it.
            if (kind === 'map') lib.registerMap(mapName, map!.geo);
            chart.setOption(option);
          };
        } else if (library === 'highcharts') {
          const H = lib.Highcharts;
          const base = { credits: { enabled: false }, plotOptions: { series: { animation: false } } };
          if (kind === 'line') throw new Error('no Highcharts line picture');
          const options =
            kind === 'gauge'
              ? {
                  ...base,
                  chart: { type: 'gauge', animation: false },
                  title: { text: 'Safety index' },
                  pane: { startAngle: -135, endAngle: 135 },
                  yAxis: {
                    min: 0,
                    max: 100,
                    plotBands: bands.map(([from, to, color]) => ({ from, to, color, thickness: 24 })),
                  },
                  series: [{ type: 'gauge', name: 'Safety index', data: [score] }],
                }
              : {
                  ...base,
                  chart: { map: map!.geo, animation: false },
                  title: { text: '' },
                  mapNavigation: { enabled: true },
                  colorAxis: { min, max, stops: ramp.map((c, i) => [i / (ramp.length - 1), c]) },
                  series: [{ type: 'map', name: 'cases', joinBy: 'name', data: map!.values }],
                };
          draw = () => {
            previous = kind === 'map' ? H.mapChart(div, options) : H.chart(div, options);
          };
        } else {
          if (kind !== 'line') throw new Error(`no Chart.js ${kind} picture`);
          const canvas = document.createElement('canvas');
          div.append(canvas);
          const day = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
          const config = {
            type: 'line',
            data: {
              labels: lines[0]!.map(([t]) => day(t)),
              datasets: lines.map((points, i) => ({
                label: names[i],
                data: points.map(([, n]) => n),
                borderWidth: 1.5,
                pointRadius: 0,
                tension: 0,
              })),
            },
            options: {
              animation: false,
              responsive: true,
              maintainAspectRatio: false,
              interaction: { mode: 'index', intersect: false },
              scales: { x: { ticks: { maxTicksLimit: 12 } } },
            },
          };
          draw = () => {
            previous = new lib.Chart(canvas, config);
          };
        }
        await bench.twoFrames();
        const t0 = performance.now();
        draw();
        void div.getBoundingClientRect();
        const work = performance.now() - t0;
        await bench.twoFrames();
        timings.push({ work, painted: performance.now() - t0 });
      }
      return timings;
    },
    { ...picture, bundle: PICTURE_BUNDLES[picture.library], renders, names: CATEGORIES },
  );
}
