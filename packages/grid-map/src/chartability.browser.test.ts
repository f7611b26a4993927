/// <reference types="@vitest/browser-playwright" />
/**
 * <safety-grid-map> against the Chartability audit (issue 16; docs/accessibility/grid-map.md): text
 * that follows the reader's default font size, marks and controls at 3:1 from the widget's own
 * colours, keyboard instructions a sighted keyboard user sees, the description block, the data
 * table, names instead of ids, and a view the page can keep in its URL.
 */
import axe from 'axe-core';
import { contrastRatio } from '@safety-widgets/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import './safety-grid-map.js';
import type { SafetyGridMap } from './safety-grid-map.element.js';
import { gridMapStyles } from './styles.js';
import { freshYantianInput } from '../test/fixtures.js';

const POLL = { timeout: 10_000, interval: 20 };

afterEach(async () => {
  document.body.replaceChildren();
  await cdp().send('Page.setFontSizes', { fontSizes: { standard: 16 } });
  await page.viewport(1280, 720);
});

async function mount(
  attrs: Record<string, string> = {},
  width = 800,
  lang = 'en',
  data: unknown = freshYantianInput(),
) {
  const before = document.createElement('button');
  before.textContent = 'before';
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.style.width = `${width}px`;
  const el = document.createElement('safety-grid-map') as SafetyGridMap;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.data = data;
  wrapper.append(before, el);
  document.body.append(wrapper);
  await vi.waitFor(() => expect(el.getAttribute('status')).toBe('ready'), POLL);
  await vi.waitFor(
    () => expect(el.shadowRoot!.querySelector('svg.vector g[transform]')).not.toBeNull(),
    POLL,
  );
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
  }
  return el;
}

const q = <T extends Element = Element>(el: SafetyGridMap, s: string) => el.shadowRoot!.querySelector<T>(s)!;
const qa = <T extends Element = Element>(el: SafetyGridMap, s: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(s),
];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const px = (n: Element) => Number.parseFloat(getComputedStyle(n).fontSize);
const status = (el: SafetyGridMap) => text(q(el, '.frame ~ [role="status"], [role="status"]:not([part])'));

/** Tabs from the button before the widget to its map. */
async function tabToMap(el: SafetyGridMap) {
  (el.previousElementSibling as HTMLElement).focus();
  for (let i = 0; i < 12 && el.shadowRoot!.activeElement !== q(el, '.surface'); i++) await userEvent.tab();
  expect(el.shadowRoot!.activeElement).toBe(q(el, '.surface'));
}

describe('text follows the reader', () => {
  it('sets no type in px: every font size comes from the text tokens', () => {
    expect(gridMapStyles.cssText).not.toMatch(/font-size:\s*[\d.]+px/);
    expect(gridMapStyles.cssText).not.toMatch(/font-size:\s*max\(\s*\d/);
  });

  it('draws counts and names on the map at 12 px by default, never smaller', async () => {
    const el = await mount({ layers: 'risk-source,camera', context: '' });
    for (const t of qa(el, 'g.mark-counts text, g.count text, .context-label')) expect(px(t)).toBe(12);
    expect(qa(el, 'g.mark-counts text').length).toBeGreaterThan(0);
    expect(px(q(el, '.legend li'))).toBeGreaterThanOrEqual(12);
  });

  for (const [vw, width] of [
    [390, 358],
    [1366, 1300],
  ] as const) {
    it(`grows with a 32 px default font size and reflows without clipping at ${vw} px`, async () => {
      await page.viewport(vw, 900);
      await cdp().send('Page.setFontSizes', { fontSizes: { standard: 32 } });
      const el = await mount({ layers: 'risk-source,camera', context: '', list: '' }, width);
      // Body text 28 px (0.875 of 32), small print 22 px: twice the default.
      expect(px(q(el, '.place'))).toBeGreaterThanOrEqual(32);
      expect(px(q(el, '.legend li'))).toBeGreaterThanOrEqual(24);
      expect(px(q(el, '.toolbar select'))).toBeGreaterThanOrEqual(24);
      const labels = qa<SVGTextElement>(el, 'g.mark-counts text, g.count text');
      expect(labels.length).toBeGreaterThan(0);
      for (const t of labels) {
        expect(px(t)).toBeGreaterThanOrEqual(22);
        // The count pills are sized from the text: the text fits in its pill.
        const pill = t.previousElementSibling;
        if (pill instanceof SVGRectElement) {
          expect(t.getBoundingClientRect().width).toBeLessThanOrEqual(
            pill.getBoundingClientRect().width + 0.5,
          );
        }
      }
      for (const t of qa(el, '.context-label')) expect(px(t)).toBeGreaterThanOrEqual(22);
      // Nothing runs out of its box.
      for (const sel of ['.frame', '.header', '.toolbar', '.legend', '.map', '[part="about"]']) {
        const box = q<HTMLElement>(el, sel);
        expect(box.scrollWidth, sel).toBeLessThanOrEqual(box.clientWidth + 1);
      }
      expect(el.getBoundingClientRect().right).toBeLessThanOrEqual(vw);
      const table = q<HTMLElement>(el, '#twin .data-table');
      expect(table.getBoundingClientRect().width).toBeLessThanOrEqual(width);
      for (const b of qa<HTMLElement>(el, '.toolbar button, .toolbar select, .zoom button'))
        expect(b.getBoundingClientRect().right).toBeLessThanOrEqual(
          q(el, '.toolbar').getBoundingClientRect().right + 1,
        );
    });
  }
});

describe('marks and controls stand out (3:1), from the widget’s own colours', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`point marks, their halo, zoom icons, focus ring and sort icons (${theme})`, async () => {
      const el = await mount({ theme, layers: 'fire-station,emergency-point,risk-source', list: '' });
      const surface = getComputedStyle(el).backgroundColor;
      const map = getComputedStyle(q(el, '.map')).backgroundColor;
      const groups = qa(el, 'svg.vector g.mark');
      expect(groups.length).toBeGreaterThanOrEqual(4);
      for (const g of groups) {
        const [halo, mark] = [...g.querySelectorAll('path')].map((p) => getComputedStyle(p));
        // The halo is the surface colour; the mark's fill or its outline stands out from it.
        expect(halo!.stroke).toBe(surface);
        const best = Math.max(contrastRatio(mark!.fill, surface), contrastRatio(mark!.stroke, surface));
        expect(
          best,
          `${g.getAttribute('class')}: ${mark!.fill} / ${mark!.stroke} on ${surface}`,
        ).toBeGreaterThanOrEqual(3);
      }
      // Zoom buttons: icon and border against the button.
      for (const b of qa<HTMLButtonElement>(el, '.zoom button')) {
        const s = getComputedStyle(b);
        const icon = getComputedStyle(b.querySelector('svg')!).stroke;
        expect(contrastRatio(icon, s.backgroundColor)).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(s.borderTopColor, s.backgroundColor)).toBeGreaterThanOrEqual(3);
      }
      // Grid borders part every class from its neighbours at 3:1 (they are the surface colour).
      const border = getComputedStyle(q(el, 'path.grid')).stroke;
      for (const p of qa(el, 'path.grid').filter((p) => /\bc\d\b/.test(p.getAttribute('class')!)))
        expect(contrastRatio(getComputedStyle(p).fill, border)).toBeGreaterThanOrEqual(3);
      // The keyboard focus ring on the map, and the dashed outline of the focused grid.
      await tabToMap(el);
      await vi.waitFor(() => expect(qa(el, 'path.active')).toHaveLength(1));
      const ring = getComputedStyle(q(el, '.surface')).boxShadow;
      expect(ring).toMatch(/rgb/);
      const focus = /rgba?\([^)]*\)/.exec(ring)![0];
      expect(contrastRatio(focus, map)).toBeGreaterThanOrEqual(3);
      const active = getComputedStyle(q(el, 'path.active')).stroke;
      expect(contrastRatio(active, surface)).toBeGreaterThanOrEqual(3);
      // The key hint is text: 4.5:1.
      const hint = getComputedStyle(q(el, '[part="key-hint"]'));
      expect(contrastRatio(hint.color, hint.backgroundColor)).toBeGreaterThanOrEqual(4.5);
      // The table's sort icons are drawn in the header text colour.
      const icon = q(el, '#twin thead .sort-icon');
      const th = q(el, '#twin thead th');
      expect(
        contrastRatio(getComputedStyle(icon).fill, getComputedStyle(th).backgroundColor),
      ).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('keyboard instructions every keyboard user sees', () => {
  it('shows the keys over the map while it has keyboard focus, and says them in the description block', async () => {
    const el = await mount();
    const hint = q<HTMLElement>(el, '[part="key-hint"]');
    expect(getComputedStyle(hint).display).toBe('none');
    await tabToMap(el);
    expect(getComputedStyle(hint).display).toBe('block');
    expect(text(hint)).toBe(
      'Arrow keys: move between grids · Enter: select · Esc: clear · + and −: zoom · 0: reset',
    );
    // Inside the map, over its bottom edge: nothing moves.
    const map = q(el, '.map').getBoundingClientRect();
    const box = hint.getBoundingClientRect();
    expect(box.bottom).toBeLessThanOrEqual(map.bottom);
    expect(box.left).toBeGreaterThanOrEqual(map.left);
    expect(px(hint)).toBeGreaterThanOrEqual(12);
    // A mouse click on the map does not show it.
    await userEvent.tab();
    expect(getComputedStyle(hint).display).toBe('none');
    await userEvent.click(q(el, '.surface'), { position: { x: 5, y: 5 } });
    expect(getComputedStyle(hint).display).toBe('none');
    const about = q<HTMLDetailsElement>(el, '[part="about"]');
    about.open = true;
    await vi.waitFor(() => {
      const keys = [...about.querySelectorAll('dt')].find((d) => text(d) === 'Keyboard')!;
      expect(text(keys.nextElementSibling)).toContain(
        'Arrow keys move between neighbouring grids, Enter selects a grid',
      );
    }, POLL);
  });
});

describe('the description block', () => {
  it('is one control away and says what the map shows, how its classes are chosen, the data and the keys', async () => {
    const input = freshYantianInput();
    (
      input.grids!.features[0] as { properties: { metrics: Record<string, number | null> } }
    ).properties.metrics.cases = null;
    const el = await mount({ layers: 'risk-source' }, 800, 'en', input);
    const about = q<HTMLDetailsElement>(el, '[part="about"]');
    expect(about.open).toBe(false);
    const summary = q<HTMLElement>(el, '[part="about-summary"]');
    expect(text(summary)).toBe('About this map');
    summary.focus();
    await userEvent.keyboard('{Enter}');
    expect(about.open).toBe(true);
    const terms = [...about.querySelectorAll('dt')].map(text);
    expect(terms).toEqual(['What it shows', 'How it is computed', 'Data and freshness', 'Keyboard']);
    const [what, how, data] = [...about.querySelectorAll('dd')].map(text);
    expect(what).toContain(
      'Each of the 30 grids of Yantian District is coloured by Criminal cases, in 4 classes: 0–49, 50–99, 100–149, and 150–200.',
    );
    expect(what).toContain('dotted (“No data”): it is never a class, never counted as zero');
    expect(what).toMatch(/Point layers, switched on under “Map layers”: .*Risk sources/);
    expect(how).toMatch(/^The breaks run in equal steps from zero/);
    expect(data).toMatch(/^Source: .+\. Figures as of .+/);
    // With the page's breaks and per 10,000 residents, it says so.
    el.setAttribute('breaks', '0,20,40,60,80,100');
    el.rate = 'per-10k';
    await el.updateComplete;
    expect(text(about.querySelectorAll('dd')[1])).toMatch(
      /^The class breaks are set by this page\. Per 10,000 residents is/,
    );
  });

  it('is written once the map is painted, closed, so that it is there to find and to open', async () => {
    // Mounted and given its data at once, as a page does: nothing is focused or opened.
    const wrapper = document.createElement('div');
    wrapper.style.width = '800px';
    const el = document.createElement('safety-grid-map') as SafetyGridMap;
    el.data = freshYantianInput();
    wrapper.append(el);
    document.body.append(wrapper);
    await vi.waitFor(() => expect(qa(el, 'path.grid')).toHaveLength(30), POLL);
    const about = q<HTMLDetailsElement>(el, '[part="about"]');
    expect(about.open).toBe(false);
    expect(text(q(el, '[part="about-summary"]'))).toBe('About this map');
    await vi.waitFor(() => expect(about.querySelectorAll('dd')).toHaveLength(4), POLL);
    expect(text(about.querySelector('dd'))).toMatch(/^Each of the 30 grids of Yantian District/);
    expect(about.open).toBe(false);
  });

  it('speaks Chinese on a Chinese page', async () => {
    const el = await mount({}, 800, 'zh-CN');
    expect(text(q(el, '[part="about-summary"]'))).toBe('关于此地图');
    const about = q<HTMLDetailsElement>(el, '[part="about"]');
    about.open = true;
    await vi.waitFor(
      () => expect(text(about.querySelector('dd'))).toMatch(/^盐田区的30个网格按刑事立案着色，分为4级：/),
      POLL,
    );
    expect(text(q(el, '[part="key-hint"]'))).toMatch(/^方向键：在网格间移动/);
  });
});

describe('names, not ids', () => {
  it('names a grid by its name (in the other language when it has none in this one) in the event, the live region and the table', async () => {
    const input = freshYantianInput();
    const first = input.grids!.features[0] as {
      id: string;
      properties: { name: { zh: string; en: string } };
    };
    const english = first.properties.name.en;
    first.properties.name = { zh: '', en: english };
    const el = await mount({ list: '' }, 800, 'zh-CN', input);
    const events: unknown[] = [];
    el.addEventListener('safety-grid-select', (e) => events.push(e.detail));
    const pick = q<HTMLElement>(el, `#twin button.pick[data-grid="${first.id}"]`);
    expect(text(pick)).toBe(english);
    expect(pick.lang).toBe('en');
    await userEvent.click(pick);
    expect(events).toEqual([{ id: first.id, subdistrict: expect.any(String), name: english }]);
    // Keyboard: the announcement of the selected grid is short and by name.
    await tabToMap(el);
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(status(el)).toMatch(new RegExp(`^已选中${english}。刑事立案：\\d+。$`)));
    await userEvent.keyboard('{ArrowRight}');
    await vi.waitFor(() =>
      expect(status(el)).toMatch(/^.+网格，.+街道。刑事立案：\d+。排名第 \d+（共 30 个）。$/),
    );
    for (const f of input.grids!.features as { id: string }[]) expect(status(el)).not.toContain(f.id);
  });
});

describe('a view the page can keep in its URL', () => {
  it('tells the page the figure the reader picks; attributes set by the page restore the view', async () => {
    const el = await mount();
    const events: unknown[] = [];
    document.addEventListener('safety-metric-change', (e) => events.push(e.detail));
    try {
      await userEvent.selectOptions(q<HTMLSelectElement>(el, '.toolbar select'), 'fraud');
      await userEvent.click(q(el, '.toolbar input[type="checkbox"]'));
      expect(events).toEqual([
        { metric: 'fraud', rate: 'count' },
        { metric: 'fraud', rate: 'per-10k' },
      ]);
      // The page sets them (from its URL): nothing is fired, the view follows.
      el.setAttribute('metric', 'alerts110');
      el.setAttribute('rate', 'count');
      el.setAttribute('selected', 'meisha-g03');
      await el.updateComplete;
      expect(events).toHaveLength(2);
      expect(text(q(el, '.legend-title'))).toBe('110 police alerts');
      expect(qa(el, 'path.selected')).toHaveLength(1);
      expect(location.search).toBe(new URL(location.href).search);
    } finally {
      document.removeEventListener('safety-metric-change', (e) => events.push(e.detail));
    }
  });
});

describe('axe', () => {
  it('has no serious violations with the description open and the table shown, at a 32 px default size', async () => {
    await cdp().send('Page.setFontSizes', { fontSizes: { standard: 32 } });
    const el = await mount({ list: '', layers: 'risk-source,camera' }, 390, 'zh-CN');
    q<HTMLDetailsElement>(el, '[part="about"]').open = true;
    await tabToMap(el);
    const result = await axe.run(el, { resultTypes: ['violations'] });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
