/** Browser test helpers: mounting timelines, reading their chart and canvas, collecting page errors. */
import { Chart } from 'chart.js';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import '../src/safety-case-timeline.js';
import type { SafetyCaseTimeline } from '../src/safety-case-timeline.element.js';

export type Timeline = SafetyCaseTimeline;

/**
 * Adds a `<safety-case-timeline>` with `attrs` (and `.data`) to the body (or `parent`) and waits for it to
 * settle: its data taken up and its chart drawn (after the resize observer reports, a frame later).
 */
export async function mount(
  attrs: Record<string, string | boolean | undefined> = {},
  data?: unknown,
  parent: HTMLElement = document.body,
): Promise<Timeline> {
  const el = document.createElement('safety-case-timeline');
  el.style.width = '720px';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === undefined) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  if (!el.hasAttribute('lang')) el.setAttribute('lang', 'en');
  if (data !== undefined) el.data = data;
  parent.append(el);
  await settle(el);
  if (data !== undefined && el.status === 'loading') {
    // A feed with problems is taken up once core's detailed check has loaded (a chunk of its own).
    await expect.poll(() => el.status).not.toBe('loading');
    await settle(el);
  }
  return el;
}

/** Waits for pending updates and a frame (the resize observer reports after layout). */
export async function settle(el: Timeline): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

export function root(el: Timeline): ShadowRoot {
  return el.shadowRoot!;
}

export function q<T extends Element = HTMLElement>(el: Timeline, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <safety-case-timeline>`);
  return found;
}

export function all<T extends Element = HTMLElement>(el: Timeline, selector: string): T[] {
  return Array.from(el.shadowRoot!.querySelectorAll<T>(selector));
}

export function canvasOf(el: Timeline): HTMLCanvasElement {
  return q<HTMLCanvasElement>(el, 'canvas');
}

/** The Chart.js chart drawing the timeline, if there is one. */
export function chartOf(el: Timeline): Chart | undefined {
  const canvas = el.shadowRoot?.querySelector('canvas');
  return canvas ? Chart.getChart(canvas) : undefined;
}

export function liveCharts(): number {
  return Object.keys(Chart.instances).length;
}

/** The legend button of a category. */
export function legendButton(el: Timeline, id: string): HTMLButtonElement {
  return q<HTMLButtonElement>(el, `.legend button[data-category="${id}"]`);
}

/** Parses `rgb(r, g, b)` / `rgba(…)`. */
export function rgb(color: string): [number, number, number] {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color);
  if (!m) throw new Error(`not an rgb() colour: ${color}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Pixels of the chart area within `tolerance` of `color` (and opaque enough to be a line). */
export function countPixels(el: Timeline, color: [number, number, number], tolerance = 40): number {
  const canvas = canvasOf(el);
  const chart = chartOf(el)!;
  const area = chart.chartArea;
  const ratio = canvas.width / chart.width;
  const x0 = Math.floor(area.left * ratio);
  const y0 = Math.floor(area.top * ratio);
  const w = Math.floor((area.right - area.left) * ratio);
  const h = Math.floor((area.bottom - area.top) * ratio);
  const data = canvas.getContext('2d')!.getImageData(x0, y0, w, h).data;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3]! < 160) continue;
    const d =
      Math.abs(data[i]! - color[0]) + Math.abs(data[i + 1]! - color[1]) + Math.abs(data[i + 2]! - color[2]);
    if (d <= tolerance) n++;
  }
  return n;
}

/** Pixels in the chart area that are drawn at all (not transparent). */
export function drawnPixels(el: Timeline): number {
  const canvas = canvasOf(el);
  const chart = chartOf(el)!;
  const area = chart.chartArea;
  const ratio = canvas.width / chart.width;
  const data = canvas
    .getContext('2d')!
    .getImageData(
      area.left * ratio,
      area.top * ratio,
      (area.right - area.left) * ratio,
      (area.bottom - area.top) * ratio,
    ).data;
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
  return n;
}

/** Collects uncaught errors and console errors from now until `stop()`. */
export function watchErrors(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      spy.mockRestore();
    },
  };
}

/**
 * For a test file: every test watches for page errors and fails on any; after each, the page is
 * emptied and mocks are restored.
 */
export function failOnPageErrors(): void {
  let watch: ReturnType<typeof watchErrors>;
  beforeEach(() => {
    watch = watchErrors();
  });
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
    watch.stop();
    expect(watch.errors).toEqual([]);
  });
}

/** Asserts that axe finds nothing serious or critical in `el`. */
export async function expectAccessible(el: Element): Promise<void> {
  const { default: axe } = await import('axe-core');
  const result = await axe.run(el);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}
