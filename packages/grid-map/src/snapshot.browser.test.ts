/**
 * <safety-grid-map> as a still picture (`snapshot`, print) and its text alternative (`summary`),
 * in Chromium, with the sample district's feed.
 */
import { formatDateTime, type FeedInput } from '@safety-widgets/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import type {} from '@vitest/browser-playwright';
import { controlsInTree, visibleControls } from '../../../test/still-picture.js';
import { freshYantianInput, yantianInput } from '../test/fixtures.js';
import './safety-grid-map.js';
import type { SafetyGridMap } from './safety-grid-map.element.js';

const POLL = { timeout: 10_000, interval: 20 };

const emulate = (media: string) => cdp().send('Emulation.setEmulatedMedia', { media, features: [] });

afterEach(async () => {
  document.body.replaceChildren();
  await emulate('');
});

async function mount(data: unknown, attrs: Record<string, string> = {}): Promise<SafetyGridMap> {
  const el = document.createElement('safety-grid-map');
  el.lang = 'en';
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.data = data;
  const box = document.createElement('div');
  box.style.width = '800px';
  box.append(el);
  document.body.append(box);
  await vi.waitFor(() => expect(['ready', 'stale', 'empty']).toContain(el.status), POLL);
  await vi.waitFor(
    () => expect(el.shadowRoot!.querySelector('svg.vector g[transform]')).not.toBeNull(),
    POLL,
  );
  await el.updateComplete;
  return el;
}

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
type Grid = { properties: { metrics: Record<string, number | null>; name: { en: string; zh: string } } };
const gridsOf = (feed: FeedInput) => (feed.grids as unknown as { features: Grid[] }).features;

describe('snapshot', () => {
  it('live, the map has a toolbar, zoom buttons, a figure picker and an application surface', async () => {
    const el = await mount(freshYantianInput(), { layers: 'risk-source' });
    expect(visibleControls(el).length).toBeGreaterThan(6);
    const tree = await controlsInTree();
    expect(tree).toEqual(expect.arrayContaining(['button', 'combobox', 'checkbox', 'application']));
  });

  it('draws the map with its legend and no control, in view or in the accessibility tree', async () => {
    const el = await mount(freshYantianInput(), { snapshot: '', layers: 'risk-source' });
    expect(visibleControls(el)).toEqual([]);
    expect(await controlsInTree()).toEqual([]);
    // The map is a picture named for what it shows; the legend shows its classes and the layer shown.
    const surface = $(el, '.surface')!;
    expect(surface.getAttribute('role')).toBe('img');
    expect(surface.getAttribute('aria-label')).toBe(
      'Map of the grids of Yantian District, coloured by Criminal cases',
    );
    expect(el.shadowRoot!.querySelectorAll('svg.vector path.grid')).toHaveLength(30);
    expect($(el, '[part="legend"]')!.checkVisibility()).toBe(true);
    expect($(el, '.legend-title')!.textContent).toBe('Criminal cases');
    const layers = $(el, '.layers')!;
    expect(layers.checkVisibility()).toBe(true);
    expect(layers.textContent).toContain('Risk sources');
    expect(layers.textContent).not.toContain('Micro fire stations');
    expect($(el, '[part="privacy-note"]')!.checkVisibility()).toBe(true);
    expect($(el, '[part="toolbar"]')!.checkVisibility()).toBe(false);
  });

  it('writes the source and time of the data in a footer line, in English and Chinese', async () => {
    const el = await mount(yantianInput(), { snapshot: '' });
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

  it('shows every grid of the ranked list when the page asks for it, as text', async () => {
    const el = await mount(freshYantianInput(), { snapshot: '', list: '' });
    expect(el.shadowRoot!.querySelectorAll('.twin tbody tr')).toHaveLength(30);
    expect(visibleControls(el)).toEqual([]);
  });
});

describe('summary', () => {
  it('says the figure, the highest and lowest grids, in English and Chinese', async () => {
    const el = await mount(freshYantianInput());
    expect(el.summary).toBe(
      'Map of the grids of Yantian District, coloured by Criminal cases. ' +
        'Highest: Haishan Grid 01 and Haishan Grid 07 (133). Lowest: Haishan Grid 05 (5).',
    );
    el.lang = 'zh-CN';
    await vi.waitFor(() => expect(el.summary).toMatch(/^盐田区网格地图，按刑事立案着色。最高：/), POLL);
    expect(el.summary).toMatch(/（133）。最低：.*（5）。$/);
  });

  it("is '' before the data; counts grids without data, never as 0", async () => {
    const early = document.createElement('safety-grid-map');
    document.body.append(early);
    await early.updateComplete;
    expect(early.summary).toBe('');
    early.remove();

    const feed = freshYantianInput();
    const grids = gridsOf(feed);
    grids[0]!.properties.metrics.cases = null;
    grids[1]!.properties.metrics.cases = null;
    const el = await mount(feed);
    expect(el.summary).toMatch(/ 2 grids have no data\.$/);

    for (const g of grids) g.properties.metrics.cases = null;
    el.data = { ...feed };
    await vi.waitFor(() => expect(el.summary).toMatch(/30 grids have no data\.$/), POLL);
    expect(el.summary).not.toMatch(/Highest|Lowest|\(0\)/);
  });

  it('keeps markup in feed text as the characters it is made of', async () => {
    const feed = freshYantianInput();
    const top = gridsOf(feed).find((g) => g.properties.name.en === 'Haishan Grid 01')!;
    top.properties.name.en = '<img src=x onerror="window.__pwned=1">';
    (feed.place.name as { en: string }).en = '<script>window.__pwned=1</script>';
    const el = await mount(feed, { snapshot: '' });
    expect(el.summary).toContain('Map of the grids of <script>window.__pwned=1</script>, coloured by');
    expect(el.summary).toContain('<img src=x onerror="window.__pwned=1">');
    expect(el.shadowRoot!.querySelector('script, img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

/** How many of the canvas's pixels are `rgb` (within 3 in every channel: fills are flat colours). */
function pixelsNear(canvas: HTMLCanvasElement, rgb: readonly number[]): number {
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 0; i < data.length; i += 4)
    if (data[i + 3]! > 250 && rgb.every((v, c) => Math.abs(data[i + c]! - v) <= 3)) n++;
  return n;
}

describe('print', () => {
  it('hides the controls and prints a dark-theme map light, its canvas painted again', async () => {
    const el = await mount(freshYantianInput(), { theme: 'dark', renderer: 'canvas' });
    const canvas = $(el, 'canvas.paint') as unknown as HTMLCanvasElement;
    await vi.waitFor(() => expect(pixelsNear(canvas, [0x6c, 0x5c, 0xb0])).toBeGreaterThan(500), POLL);
    expect(getComputedStyle($(el, '.place')!).color).toBe('rgb(230, 237, 243)');
    await emulate('print');
    expect(visibleControls(el, false)).toEqual([]);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle($(el, '.place')!).color).toBe('rgb(27, 31, 36)');
    // The lowest class in the light palette (#9884bf), no longer the dark one (#6c5cb0).
    await vi.waitFor(() => expect(pixelsNear(canvas, [0x98, 0x84, 0xbf])).toBeGreaterThan(500), POLL);
    expect(pixelsNear(canvas, [0x6c, 0x5c, 0xb0])).toBe(0);
  });
});
