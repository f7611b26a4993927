/**
 * <safety-indicator-table> as a still picture (`snapshot`, print) and its text alternative
 * (`summary`), in Chromium, with the sample district's feed and a long synthetic one.
 */
import { formatDateTime } from '@safety-widgets/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import type {} from '@vitest/browser-playwright';
import { controlsInTree, visibleControls } from '../../../test/still-picture.js';
import { currentYantian, largeFeed, yantianFeed } from '../test/large-feed.js';
import './safety-indicator-table.js';

const POLL = { timeout: 10_000, interval: 20 };

const emulate = (media: string) => cdp().send('Emulation.setEmulatedMedia', { media, features: [] });

afterEach(async () => {
  document.body.replaceChildren();
  await emulate('');
});

async function mount(data: unknown, attrs: Record<string, string> = {}, width = 1000) {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  const el = document.createElement('safety-indicator-table');
  el.lang = 'en';
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.data = data;
  box.append(el);
  document.body.append(box);
  await vi.waitFor(() => expect(['ready', 'stale', 'empty']).toContain(el.status), POLL);
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
  return el;
}

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const rows = (el: Element) => el.shadowRoot!.querySelectorAll('tr.row');
describe('snapshot', () => {
  it('live, the table has a search, filters, a CSV button and sort buttons (what snapshot takes away)', async () => {
    const el = await mount(currentYantian());
    expect(visibleControls(el).length).toBeGreaterThan(60);
    expect(await controlsInTree()).toEqual(expect.arrayContaining(['button', 'combobox', 'searchbox']));
  });

  it('draws every row and no control, in view or in the accessibility tree', async () => {
    const el = await mount(currentYantian(), { snapshot: '', sort: 'score:desc' });
    expect(visibleControls(el)).toEqual([]);
    expect(await controlsInTree()).toEqual([]);
    expect(rows(el)).toHaveLength(56);
    // The headers are text, the sorted one still says so to a screen reader.
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')];
    expect(headers.map((th) => th.textContent!.trim())).toEqual([
      'Indicator',
      'Value',
      'Target',
      'City average',
      'Score',
      'Trend',
      'Status',
    ]);
    expect(headers[4]!.getAttribute('aria-sort')).toBe('descending');
    expect($(el, '[part="count"]')!.textContent!.trim()).toBe('Showing 56 of 56 indicators');
  });

  it('shows every row of a long table, where the live table windows them in a scroll box', async () => {
    const live = await mount(largeFeed(400));
    expect(rows(live).length).toBeLessThan(100);
    live.remove();
    const el = await mount(largeFeed(400), { snapshot: '' });
    expect(rows(el)).toHaveLength(400);
    expect($(el, '[part="range"]')).toBeNull();
    const scroller = $(el, '[part="scroller"]')!;
    expect(scroller.scrollHeight).toBeLessThanOrEqual(scroller.clientHeight + 1);
  });

  it('writes the source and time of the data in a footer line, in English and Chinese', async () => {
    const el = await mount(structuredClone(yantianFeed), { snapshot: '' });
    const time = formatDateTime('2017-12-04T09:00:00+08:00', 'en', 'Asia/Shanghai');
    expect($(el, '[part="footer"]')!.textContent).toMatch(
      new RegExp(`^Source: Raising public-safety capacity .* · Data as of ${time}$`),
    );
    el.lang = 'zh-CN';
    await vi.waitFor(
      () =>
        expect($(el, '[part="footer"]')!.textContent).toMatch(/^来源：.* · 数据截至 2017年12月4日 09:00$/),
      POLL,
    );
  });
});

describe('summary', () => {
  it('counts the indicators by status, in English and Chinese', async () => {
    const el = await mount(structuredClone(yantianFeed));
    expect(el.summary).toBe(
      'Yantian District: safety indicators, as of Dec 4, 2017. Showing 56 of 56 indicators. Target met: 51, Target not met: 5.',
    );
    el.lang = 'zh-CN';
    await vi.waitFor(
      () =>
        expect(el.summary).toBe(
          '盐田区安全指标，截至2017年12月4日。显示 56 / 56 项指标。达标51项，未达标5项。',
        ),
      POLL,
    );
  });

  it('follows the filters, and counts indicators without a value as "No data", never 0', async () => {
    const feed = currentYantian();
    for (const i of feed.indicators.slice(0, 3)) (i as { value: number | null }).value = null;
    const el = await mount(feed);
    expect(el.summary).toMatch(
      /Showing 56 of 56 indicators\. Target met: \d+, Target not met: \d+, No data: 3\.$/,
    );
    el.statusFilter = 'not-met';
    await el.updateComplete;
    expect(el.summary).toMatch(/Showing \d of 56 indicators\. Target not met: \d\.$/);
    const early = document.createElement('safety-indicator-table');
    document.body.append(early);
    await early.updateComplete;
    expect(early.summary).toBe('');
  });

  it('keeps markup in feed text as the characters it is made of', async () => {
    const feed = currentYantian();
    (feed.place.name as { en: string }).en = '<script>window.__pwned=1</script>';
    const el = await mount(feed, { snapshot: '' });
    expect(el.summary).toMatch(/^<script>window.__pwned=1<\/script>: safety indicators, as of /);
    expect(el.shadowRoot!.querySelector('script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('print', () => {
  it('hides the controls and prints a dark-theme table as dark text on white', async () => {
    const el = await mount(currentYantian(), { theme: 'dark' });
    const cell = $(el, 'tr.row td')!;
    expect(getComputedStyle(cell).color).toBe('rgb(230, 237, 243)');
    await emulate('print');
    expect(visibleControls(el, false)).toEqual([]);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle($(el, '[part="scroller"]')!).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle(cell).color).toBe('rgb(27, 31, 36)');
    // The headers are printed as text (a page repeats them; Chromium draws no button in a repeat).
    const th = $(el, 'thead th')!;
    expect(getComputedStyle(th, '::before').content).toBe('"Indicator"');
  });

  it('prints every row of a long table', async () => {
    const el = await mount(largeFeed(400));
    expect(rows(el).length).toBeLessThan(100);
    await emulate('print');
    await vi.waitFor(() => expect(rows(el)).toHaveLength(400), POLL);
    await emulate('');
    await vi.waitFor(() => expect(rows(el).length).toBeLessThan(100), POLL);
  });
});
