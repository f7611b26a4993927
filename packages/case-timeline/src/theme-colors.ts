/**
 * Canvas colours from the element's theme: Chart.js draws on a canvas, which CSS cannot
 * colour, so the `--_*` tokens (light, dark, forced colours, page overrides) are resolved to
 * `rgb()` through a probe element inside the shadow root and handed to Chart.js.
 */
import type { ChartColors } from './chart.js';

/** Number of category colours (`--_series-1` … `--_series-6`). */
export const SERIES_COLORS = 6;

function resolve(probe: HTMLElement, token: string, fallback: string): string {
  probe.style.setProperty('color', `var(${token}, ${fallback})`);
  const value = getComputedStyle(probe).color;
  return value && value !== '' ? value : fallback;
}

/**
 * The chart colours of `probe`'s tree. The probe should have `forced-color-adjust: none`, so
 * that in forced-colors mode it reports the system colours the tokens name (CanvasText…).
 */
export function readChartColors(probe: HTMLElement): ChartColors {
  const series: string[] = [];
  for (let i = 1; i <= SERIES_COLORS; i++) series.push(resolve(probe, `--_series-${i}`, '#0969da'));
  const colors: ChartColors = {
    text: resolve(probe, '--_fg', '#1b1f24'),
    muted: resolve(probe, '--_muted', '#57606a'),
    grid: resolve(probe, '--_grid', '#d0d7de'),
    surface: resolve(probe, '--_surface', '#ffffff'),
    focus: resolve(probe, '--_focus', '#0969da'),
    series: series,
  };
  probe.style.removeProperty('color');
  return colors;
}

/** The font the chart's ticks use: `el`'s family and computed size (the probe's: the widget's small text). */
export function readFont(el: Element): { family: string; size: number } {
  const style = getComputedStyle(el);
  const size = Number.parseFloat(style.fontSize);
  return { family: style.fontFamily || 'sans-serif', size: Number.isFinite(size) && size > 0 ? size : 14 };
}
