/// <reference types="@vitest/browser-playwright" />
/**
 * Issue 17, the first paint: what is not needed to paint the chart waits until after it. The
 * data-table twin is built in idle time (at once when the reader opens it or the keyboard reaches
 * it); the chart is drawn when the resize observer reports the plot's size, with no layout forced
 * while updating; a hidden category's periods are never added up.
 */
import { describe, expect, it, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import { cachedTimelineData, sharedView } from './shared-data.js';
import { rawYantian } from '../test/feeds.js';
import {
  chartOf,
  expectAccessible,
  legendButton,
  q,
  settle,
  failOnPageErrors,
  type Timeline,
} from '../test/helpers.js';

failOnPageErrors();

/** Appends a timeline given the sample feed and waits for its first render only (no frame, no idle time). */
async function firstRender(attrs: Record<string, string> = {}): Promise<Timeline> {
  const el = document.createElement('safety-case-timeline');
  el.style.width = '720px';
  el.setAttribute('lang', 'en');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.data = rawYantian();
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const table = (el: Timeline) => el.shadowRoot!.querySelector('.data-table');

/** Names and roles in the page's accessibility tree (the test page is a frame of the runner's page). */
async function accessibilityTree(): Promise<{ role: string; name: string }[]> {
  const frames = (await cdp().send('Page.getFrameTree')) as {
    frameTree: { frame: { id: string }; childFrames?: { frame: { id: string } }[] };
  };
  const frameId = frames.frameTree.childFrames?.[0]?.frame.id ?? frames.frameTree.frame.id;
  const tree = (await cdp().send('Accessibility.getFullAXTree', { frameId })) as {
    nodes: { name?: { value: string }; role?: { value: string }; ignored?: boolean }[];
  };
  return tree.nodes
    .filter((n) => !n.ignored)
    .map((n) => ({ role: n.role?.value ?? '', name: n.name?.value ?? '' }));
}

describe('the data-table twin', () => {
  it('is not built for the first paint; it is built in idle time and read when opened', async () => {
    const el = await firstRender();
    expect(q(el, 'details.data > summary').textContent!.trim()).toBe('Data table');
    expect(table(el)).toBeNull();
    // The page goes idle: the table is built inside the closed disclosure, where it is not shown.
    await expect.poll(() => table(el), { timeout: 5000 }).not.toBeNull();
    const details = q<HTMLDetailsElement>(el, 'details.data');
    expect(details.open).toBe(false);
    expect(q(el, 'table').checkVisibility()).toBe(false);
    const caption = 'Case counts by month, from January 2014 to November 2017';
    expect((await accessibilityTree()).some((n) => n.role === 'table' && n.name.startsWith(caption))).toBe(
      false,
    );
    // Opened: a table in the accessibility tree, 47 months, each with its counts.
    details.open = true;
    await expect.poll(() => el.showTable).toBe(true);
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(47);
    expect(q(el, 'tbody tr th').textContent!.trim()).toBe('January 2014');
    expect((await accessibilityTree()).some((n) => n.role === 'table' && n.name.startsWith(caption))).toBe(
      true,
    );
    await expectAccessible(el);
  });

  it('is built at once when the reader opens it before the page is idle', async () => {
    const el = await firstRender();
    expect(table(el)).toBeNull();
    const details = q<HTMLDetailsElement>(el, 'details.data');
    const toggled = new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
    q(el, 'details.data > summary').click();
    await toggled;
    await el.updateComplete;
    expect(el.showTable).toBe(true);
    expect(table(el)).not.toBeNull();
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(47);
  });

  it('is built at once when the keyboard reaches its control', async () => {
    const el = await firstRender();
    expect(table(el)).toBeNull();
    q(el, 'details.data > summary').focus();
    await el.updateComplete;
    expect(table(el)).not.toBeNull();
    // Still closed: focus builds it, it does not open it.
    expect(q<HTMLDetailsElement>(el, 'details.data').open).toBe(false);
  });

  it('with show-table, the open table follows the first paint, and live updates keep it current', async () => {
    const el = await firstRender({ 'show-table': '' });
    expect(q<HTMLDetailsElement>(el, 'details.data').open).toBe(true);
    expect(table(el)).toBeNull();
    await settle(el);
    await expect.poll(() => el.shadowRoot!.querySelectorAll('tbody tr').length).toBe(47);
    // The rows follow the interval at once while the table is open.
    el.interval = 'year';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(4);
  });

  it('a closed table is brought up to date when it is opened', async () => {
    const el = await firstRender();
    q(el, 'details.data > summary').focus();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(47);
    el.interval = 'year';
    await el.updateComplete;
    q<HTMLDetailsElement>(el, 'details.data').open = true;
    await expect.poll(() => el.showTable).toBe(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(4);
    expect(q(el, 'tbody tr th').textContent!.trim()).toBe('2014');
  });
});

describe('the chart', () => {
  it('is drawn once the plot is laid out, at its size, with no layout read while updating', async () => {
    const reads: string[] = [];
    const watchGetter = (proto: object, name: string) => {
      const original = Object.getOwnPropertyDescriptor(proto, name)!;
      vi.spyOn(proto as HTMLElement, name as 'offsetWidth', 'get').mockImplementation(function (
        this: Element,
      ) {
        reads.push(name);
        return original.get!.call(this) as number;
      });
    };
    for (const name of ['offsetWidth', 'offsetHeight']) watchGetter(HTMLElement.prototype, name);
    for (const name of ['clientWidth', 'clientHeight']) watchGetter(Element.prototype, name);
    const rect = Element.prototype.getBoundingClientRect;
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      reads.push('getBoundingClientRect');
      return rect.call(this);
    });
    const el = await firstRender();
    // The first render: the plot is there, the chart is not drawn yet, and nothing asked for a layout.
    expect(el.shadowRoot!.querySelector('canvas')).not.toBeNull();
    expect(chartOf(el)).toBeUndefined();
    // The browser lays the page out, the resize observer reports, the chart is drawn before the paint.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads).toEqual([]);
    vi.restoreAllMocks();
    const chart = chartOf(el)!;
    expect(chart).toBeDefined();
    const plot = q(el, '.plot');
    expect(chart.width).toBe(plot.clientWidth);
    expect(chart.height).toBe(plot.clientHeight);
    // A new size is drawn when the observer reports it.
    el.style.width = '560px';
    await settle(el);
    expect(chartOf(el)).toBe(chart);
    expect(chart.width).toBe(q(el, '.plot').clientWidth);
  });

  it('does no work for a hidden category: no points, and its periods are never added up', async () => {
    const el = await firstRender({ categories: 'fraud', interval: 'day' });
    await settle(el);
    const data = cachedTimelineData(el.state.feed!, {})!;
    const view = sharedView(data, 'day');
    const fire = data.categories.findIndex((c) => c.id === 'fire');
    const fraud = data.categories.findIndex((c) => c.id === 'fraud');
    const added = (c: number) => Object.getOwnPropertyDescriptor(view.values, c)!.get === undefined;
    expect(added(fraud)).toBe(true);
    expect(added(fire)).toBe(false);
    const dataset = (key: string) =>
      chartOf(el)!.data.datasets.find((d) => (d as { key?: string }).key === key)!;
    expect(dataset('fire').data).toEqual([]);
    expect(dataset('fraud').data.length).toBeGreaterThan(0);
    // Shown again: its periods are added up and drawn.
    legendButton(el, 'fire').click();
    await settle(el);
    expect(added(fire)).toBe(true);
    expect(dataset('fire').data.length).toBeGreaterThan(0);
  });
});
