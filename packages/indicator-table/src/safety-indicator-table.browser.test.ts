/// <reference types="@vitest/browser-playwright" />
/**
 * <safety-indicator-table> in Chromium: what a reader, a keyboard user and a screen reader get.
 */
import axe from 'axe-core';
import type { FeedInput } from '@safety-widgets/core';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { currentYantian, largeFeed, yantianFeed } from '../test/large-feed.js';
import '@safety-widgets/core/safety-feed.js';
import './safety-indicator-table.js';
import type { SafetyIndicatorTable } from './safety-indicator-table.element.js';

const POLL = { timeout: 10_000, interval: 20 };

interface MountOptions {
  lang?: string;
  width?: number;
  attrs?: Record<string, string>;
  theme?: 'light' | 'dark';
}

let pageErrors: unknown[] = [];
const onError = (e: ErrorEvent) => pageErrors.push(e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => pageErrors.push(e.reason);

beforeAll(async () => {
  await page.viewport(1200, 900);
});

beforeEach(() => {
  pageErrors = [];
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});

afterEach(async () => {
  document.body.replaceChildren();
  await new Promise((r) => setTimeout(r));
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  vi.restoreAllMocks();
  // No exception ever reaches the host page.
  expect(pageErrors).toEqual([]);
});

async function mount(data: unknown, options: MountOptions = {}): Promise<SafetyIndicatorTable> {
  const wrap = document.createElement('div');
  wrap.lang = options.lang ?? 'en';
  wrap.style.width = `${options.width ?? 1000}px`;
  const el = document.createElement('safety-indicator-table');
  for (const [k, v] of Object.entries(options.attrs ?? {})) el.setAttribute(k, v);
  if (options.theme) el.theme = options.theme;
  el.data = data;
  wrap.append(el);
  document.body.append(wrap);
  await vi.waitFor(() => expect(['ready', 'stale', 'empty', 'error']).toContain(el.status), POLL);
  await settle(el);
  return el;
}

/** Waits for the element and a couple of frames (resize observer, windowing). */
async function settle(el: SafetyIndicatorTable): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
  await el.updateComplete;
}

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: Element) => $$<HTMLTableRowElement>(el, 'tbody tr.row');
const rowById = (el: Element, id: string) => rows(el).find((r) => r.dataset.id === id);
const rowIds = (el: Element) => rows(el).map((r) => r.dataset.id);
const cell = (row: Element | undefined, part: string) => row?.querySelector(`[part~="${part}"]`);
/** A cell's text without the card-layout label (which is hidden in table layout). */
const cellText = (row: Element | undefined, part: string) => {
  const c = cell(row, part)?.cloneNode(true) as Element | undefined;
  c?.querySelectorAll('.label').forEach((l) => l.remove());
  return text(c);
};
const header = (el: Element, key: string) =>
  $<HTMLButtonElement>(el, `thead button[data-sort="${key}"]`)!.closest('th')!;

async function axeClean(el: Element): Promise<void> {
  const results = await axe.run(el, { resultTypes: ['violations'] });
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The accessible name and role of the focused node, as Chromium's accessibility tree has it. */
async function focusedAx(): Promise<{ role: string; name: string } | null> {
  type AxNode = {
    role?: { value?: string };
    name?: { value?: string };
    properties?: { name: string; value: { value?: unknown } }[];
  };
  const { frameTree } = (await cdp().send('Page.getFrameTree', {})) as {
    frameTree: { frame: { id: string }; childFrames?: { frame: { id: string } }[] };
  };
  for (const frame of [frameTree, ...(frameTree.childFrames ?? [])]) {
    const { nodes } = (await cdp().send('Accessibility.getFullAXTree', { frameId: frame.frame.id })) as {
      nodes: AxNode[];
    };
    const node = nodes.find(
      (n) =>
        n.role?.value !== 'RootWebArea' &&
        n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    );
    if (node) return { role: node.role?.value ?? '', name: node.name?.value ?? '' };
  }
  return null;
}

/**
 * Elements in the shadow root whose content is taller than their box (a box that scrolls, or
 * clips rows), leaving out the 1 px, clipped screen-reader-only text (`.visually-hidden`, the card
 * layout's column headers), which is hidden on purpose and holds no rows.
 */
const innerScrollers = (el: Element) =>
  [...root(el).querySelectorAll('*')]
    .filter(
      (n) => !(n.clientWidth <= 1 && n.clientHeight <= 1) && !n.closest('.visually-hidden, .cards thead'),
    )
    .filter((n) => n.scrollHeight > n.clientHeight);

describe('the Yantian sample', () => {
  it('renders 56 rows in 8 area groups, with the published figures', async () => {
    const el = await mount(currentYantian());
    expect(el.status).toBe('ready');
    expect(rows(el)).toHaveLength(56);
    const groups = $$(el, 'tbody[part~="group"]');
    expect(groups).toHaveLength(8);
    expect(groups.map((g) => text(g.querySelector('th[scope="rowgroup"]')))).toEqual([
      'Stability',
      'Public order',
      'Fire safety',
      'Work safety',
      'Food and drug safety',
      'Dispute resolution',
      'Residential and community safety',
      'Emergency management and disaster prevention',
    ]);

    const fraud = rowById(el, 'fraud-alerts');
    // The unit is a label under the name, never a count noun after a number ("1 incidents").
    expect(text(fraud?.querySelector('th'))).toBe('Fraud alerts (first half-year) Unit: alerts');
    expect(cellText(fraud, 'value-cell')).toBe('225');
    expect(cellText(fraud, 'target-cell')).toBe('≤at most 300');
    expect(cellText(fraud, 'city-average-cell')).toBe('360');
    expect(text(cell(fraud, 'status'))).toBe('✓Target met');
    expect(fraud?.closest('tbody')?.dataset.area).toBe('public-order');

    const enterprises = rowById(el, 'supervised-enterprises');
    expect(cellText(enterprises, 'value-cell')).toBe('1,962');
    expect(text(cell(enterprises, 'unit'))).toBe('Unit: enterprises');
    expect(cellText(rowById(el, 'micro-fire-stations'), 'value-cell')).toBe('239');
    expect(cell(rowById(el, 'food-sampling-pass'), 'unit')).toBeNull();
    expect(cellText(rowById(el, 'food-sampling-pass'), 'value-cell')).toBe('98%');
    // A published value has no synthetic marker; a synthetic one has, with visible text.
    expect(cell(fraud, 'synthetic')).toBeNull();
    const alerts = rowById(el, 'alerts-110-per-10k');
    expect(text(cell(alerts, 'synthetic'))).toBe('synthetic');
    expect(cellText(alerts, 'value-cell')).toBe('512.4synthetic');
    // Nowhere does a count noun follow a number.
    const poisoning = rowById(el, 'food-poisoning-incidents')!;
    expect(root(el).textContent!.replace(/\s+/g, ' ')).not.toMatch(/\b1 incidents\b/);
    expect(cell(poisoning, 'sparkline')?.getAttribute('aria-label')).toBe(
      'Trend (incidents): 2013: 1; 2014: 0; 2015: 0; 2016: 0; 2017: 0',
    );
    // A trend sparkline is an image with a description; no history is said in words.
    const spark = cell(fraud, 'sparkline');
    expect(spark?.getAttribute('role')).toBe('img');
    expect(spark?.getAttribute('aria-label')).toBe('Trend (alerts): 2016-H1: 417; 2017-H1: 225');
    expect(cellText(rowById(el, 'fire-deaths'), 'trend-cell')).toBe('—No trend data');
    expect(text($(el, '[part="count"]'))).toBe('Showing 56 of 56 indicators');
  });

  it('is a real table: caption, column, row-group and row headers', async () => {
    const el = await mount(yantianFeed);
    expect(el.status).toBe('stale');
    const table = $<HTMLTableElement>(el, 'table')!;
    expect(text(table.caption)).toContain('Yantian District: safety indicators');
    expect(text(table.caption)).toContain('as of Dec 4, 2017');
    expect(text(table.caption)).toContain('Sample data, partly synthetic');
    const cols = $$(el, 'thead th');
    expect(cols.map((th) => th.getAttribute('scope'))).toEqual(Array(7).fill('col'));
    expect(cols.map(text)).toEqual([
      'Indicator',
      'Value',
      'Target',
      'City average',
      'Score',
      'Trend',
      'Status',
    ]);
    expect($$(el, 'th[scope="rowgroup"]')).toHaveLength(8);
    expect($$(el, 'tbody tr.row > th[scope="row"]')).toHaveLength(56);
    for (const row of rows(el)) expect(row.querySelectorAll('th, td')).toHaveLength(7);
    // Each area is its own row group, its header row first.
    for (const body of $$(el, 'tbody[part~="group"]')) {
      expect(body.firstElementChild?.querySelector('th')?.getAttribute('scope')).toBe('rowgroup');
    }
    // The stale badge of the base class is shown.
    expect(text($(el, '[part~="stale"]'))).toMatch(/^Data is \d+ years? old$/);
  });

  it('speaks Chinese: headers, statuses, numbers and units', async () => {
    const el = await mount(currentYantian(), { lang: 'zh-CN' });
    expect($$(el, 'thead th').map(text)).toEqual([
      '指标',
      '数值',
      '目标',
      '全市平均',
      '得分',
      '趋势',
      '状态',
    ]);
    const fraud = rowById(el, 'fraud-alerts');
    expect(text(fraud?.querySelector('th'))).toBe('诈骗警情（上半年） 单位：起');
    expect(cellText(fraud, 'value-cell')).toBe('225');
    expect(text(cell(fraud, 'status'))).toBe('✓达标');
    expect(cellText(rowById(el, 'supervised-enterprises'), 'value-cell')).toBe('1,962');
    expect(text(cell(rowById(el, 'supervised-enterprises'), 'unit'))).toBe('单位：家');
    expect(text($(el, 'caption'))).toContain('盐田区安全指标');
    expect(text($(el, '[part="count"]'))).toBe('显示 56 / 56 项指标');
  });
});

describe('sorting', () => {
  it('by clicking a column’s sort button: aria-sort follows, rows follow, within each area', async () => {
    const el = await mount(currentYantian());
    const valueTh = header(el, 'value');
    expect(valueTh.hasAttribute('aria-sort')).toBe(false);
    await userEvent.click(valueTh.querySelector('button')!);
    await settle(el);
    expect(header(el, 'value').getAttribute('aria-sort')).toBe('ascending');
    expect(el.sort).toBe('value:asc');
    const fire = rows(el).filter((r) => r.closest('tbody')?.dataset.area === 'fire');
    expect(fire.map((r) => r.dataset.id)).toEqual([
      'fire-loss-change',
      'fire-deaths',
      'urban-village-station-area',
      'fire-injuries',
      'fires',
      'emergency-fire-points',
      'micro-fire-stations',
    ]);
    await userEvent.click(header(el, 'value').querySelector('button')!);
    await settle(el);
    expect(header(el, 'value').getAttribute('aria-sort')).toBe('descending');
    expect($$(el, 'th[aria-sort]')).toHaveLength(1);
    const fireDesc = rows(el).filter((r) => r.closest('tbody')?.dataset.area === 'fire');
    expect(fireDesc[0]?.dataset.id).toBe('micro-fire-stations');
  });

  it('by keyboard: Tab to the sort button, Enter', async () => {
    const el = await mount(currentYantian());
    $<HTMLButtonElement>(el, '[part="csv-button"]')!.focus();
    await userEvent.tab();
    // The description block's control comes between the toolbar and the table.
    expect(root(el).activeElement).toBe($(el, '[part="about-summary"]'));
    await userEvent.tab();
    expect(root(el).activeElement).toBe(header(el, 'name').querySelector('button'));
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(root(el).activeElement?.getAttribute('data-sort')).toBe('score');
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(header(el, 'score').getAttribute('aria-sort')).toBe('ascending');
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(header(el, 'score').getAttribute('aria-sort')).toBe('descending');
    // Focus stays on the button that was pressed.
    expect(root(el).activeElement?.getAttribute('data-sort')).toBe('score');
    const stability = rows(el).filter((r) => r.closest('tbody')?.dataset.area === 'stability');
    const scores = stability.map((r) => Number(cellText(r, 'score-cell').split(' ')[0]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('by name in the display language, and from the sort attribute', async () => {
    const el = await mount(currentYantian(), { attrs: { sort: 'name:desc', area: 'fire' } });
    expect(header(el, 'name').getAttribute('aria-sort')).toBe('descending');
    expect(rows(el).map((r) => text(r.querySelector('th .name')))).toEqual([
      'Urban-village area per fire station or point',
      'Micro fire stations',
      'Fires',
      'Fire injuries',
      'Fire deaths',
      'Emergency fire points',
      'Direct property loss from fires, change year on year',
    ]);
    el.setAttribute('sort', 'bogus');
    await settle(el);
    expect($$(el, 'th[aria-sort]')).toHaveLength(0);
    expect(rowIds(el)[0]).toBe('fires');
  });
});

describe('filters and search', () => {
  it('filters by area and by status with labelled selects', async () => {
    const el = await mount(currentYantian());
    const area = $<HTMLSelectElement>(el, 'select[part~="area-filter"]')!;
    expect(text(area.closest('label')?.querySelector('span'))).toBe('Area');
    await userEvent.selectOptions(area, 'fire');
    await settle(el);
    expect(el.area).toBe('fire');
    expect(rows(el)).toHaveLength(7);
    expect($$(el, 'tbody[part~="group"]').map((b) => b.dataset.area)).toEqual(['fire']);
    expect(text($(el, '[part="count"]'))).toBe('Showing 7 of 56 indicators');

    await userEvent.selectOptions(area, '');
    const status = $<HTMLSelectElement>(el, 'select[part~="status-filter"]')!;
    expect(text(status.closest('label')?.querySelector('span'))).toBe('Status');
    await userEvent.selectOptions(status, 'not-met');
    await settle(el);
    const notMet = rows(el);
    expect(notMet.length).toBeGreaterThan(0);
    expect(notMet.length).toBeLessThan(56);
    for (const r of notMet) expect(text(cell(r, 'status'))).toBe('✕Target not met');
  });

  it('preselects from the area and status-filter attributes', async () => {
    const el = await mount(currentYantian(), { attrs: { area: 'disputes', 'status-filter': 'met' } });
    expect($<HTMLSelectElement>(el, 'select[part~="area-filter"]')!.value).toBe('disputes');
    expect($<HTMLSelectElement>(el, 'select[part~="status-filter"]')!.value).toBe('met');
    expect(
      rows(el).every((r) => r.closest('tbody')?.dataset.area === 'disputes' && r.dataset.status === 'met'),
    ).toBe(true);
  });

  for (const lang of ['en', 'zh-CN']) {
    it(`searches Chinese and English names whatever the language shown (${lang})`, async () => {
      const el = await mount(currentYantian(), { lang });
      const search = $<HTMLInputElement>(el, 'input[type="search"]')!;
      expect(text(search.closest('label')?.querySelector('span'))).toBe(lang === 'en' ? 'Search' : '搜索');
      await userEvent.fill(search, '诈骗');
      await settle(el);
      expect(rowIds(el)).toEqual(['fraud-alerts']);
      await userEvent.fill(search, 'fraud');
      await settle(el);
      expect(rowIds(el)).toEqual(['fraud-alerts']);
      await userEvent.fill(search, 'FIRE');
      await settle(el);
      expect(rowIds(el)).toContain('fires');
      expect(rowIds(el)).not.toContain('fraud-alerts');
    });
  }

  it('says when nothing matches, apart from an empty feed, and clears the filters', async () => {
    const el = await mount(currentYantian(), { attrs: { area: 'fire' } });
    await userEvent.fill($<HTMLInputElement>(el, 'input[type="search"]')!, 'no such indicator');
    await settle(el);
    expect(rows(el)).toHaveLength(0);
    expect($(el, 'table')).toBeNull();
    const none = $(el, '[part="no-match"]');
    expect(text(none)).toContain('No indicators match the search and filters.');
    expect($(el, '[part~="empty"]')).toBeNull();
    expect(text($(el, '[part="count"]'))).toBe('Showing 0 of 56 indicators');
    await userEvent.click($(el, '[part="clear-button"]')!);
    await settle(el);
    expect(rows(el)).toHaveLength(56);
    expect(el.area).toBe('');
    expect($<HTMLInputElement>(el, 'input[type="search"]')!.value).toBe('');
    // Focus does not fall to the page when the button goes away.
    expect(root(el).activeElement).toBe($(el, 'input[type="search"]'));
  });

  it('an empty feed is the empty state, not "no match"', async () => {
    const feed = currentYantian();
    feed.indicators = [];
    const el = await mount(feed);
    expect(el.status).toBe('empty');
    expect(text($(el, '[part~="empty"]'))).toBe('This feed has no indicators.');
    expect($(el, '[part="no-match"]')).toBeNull();
  });
});

describe('sticky header', () => {
  it('keeps the column headers (and their sort buttons) in view while the windowed rows scroll', async () => {
    const el = await mount(largeFeed(400));
    const scroller = $(el, '[part="scroller"]')!;
    const th = header(el, 'score');
    const top = scroller.getBoundingClientRect().top;
    // Below the caption at first…
    expect(th.getBoundingClientRect().top).toBeGreaterThan(top);
    scroller.scrollTop = 600;
    await settle(el);
    expect(scroller.scrollTop).toBeGreaterThan(500);
    // …then stuck to the top of the scrolling box.
    expect(Math.abs(th.getBoundingClientRect().top - top)).toBeLessThanOrEqual(1);
    // What is at the header's place is the header, not a row scrolled under it.
    const box = th.getBoundingClientRect();
    const hit = root(el).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(hit?.closest('th')).toBe(th);
  });
});

describe('column headers', () => {
  // Every word of every header on one line: "Target" never becomes "Targ / et".
  const brokenWords = (el: SafetyIndicatorTable) =>
    $$(el, '.sort-label').flatMap((label) => {
      // The label's text node (Lit puts comment markers beside it).
      const text = [...label.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE)!;
      const out: string[] = [];
      for (const match of text.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(match[0]);
      }
      return out;
    });

  for (const width of [500, 640, 760, 1000]) {
    for (const lang of ['en', 'zh-CN']) {
      it(`break no word at ${width} px (${lang})`, async () => {
        const el = await mount(currentYantian(), { width, lang });
        expect($$(el, '.sort-label').map((l) => l.textContent!.trim().length > 0)).toEqual(
          Array(7).fill(true),
        );
        expect(brokenWords(el)).toEqual([]);
      });
    }
  }
});

describe('card layout', () => {
  it('below 480 px of container width (not viewport) rows become labelled cards, still a table', async () => {
    const el = await mount(currentYantian(), { width: 360 });
    expect(window.innerWidth).toBeGreaterThan(1000);
    expect($(el, '.widget')?.classList.contains('cards')).toBe(true);
    const table = $<HTMLTableElement>(el, 'table')!;
    expect(getComputedStyle(table).display).toBe('block');
    expect(table.getAttribute('role')).toBe('table');
    const fraud = rowById(el, 'fraud-alerts')!;
    expect(fraud.getAttribute('role')).toBe('row');
    expect(fraud.getAttribute('part')).toBe('row card');
    expect(fraud.querySelector('th')?.getAttribute('role')).toBe('rowheader');
    expect(fraud.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    // Real, visible labels (not CSS-generated content).
    const label = cell(fraud, 'value-cell')?.querySelector<HTMLElement>('.label');
    expect(label?.textContent).toBe('Value');
    expect(getComputedStyle(label!).display).not.toBe('none');
    // Sorting from a select, since the column headers are hidden.
    const sortSelect = $<HTMLSelectElement>(el, 'select[part~="sort-select"]')!;
    await userEvent.selectOptions(sortSelect, 'score:desc');
    await settle(el);
    expect(el.sort).toBe('score:desc');
    expect($$(el, 'thead th')[4]?.getAttribute('aria-sort')).toBe('descending');

    (el.parentElement as HTMLElement).style.width = '900px';
    await vi.waitFor(() => expect($(el, '.widget')?.classList.contains('cards')).toBe(false), POLL);
    await settle(el);
    expect(getComputedStyle($(el, 'table')!).display).toBe('table');
    expect($(el, 'table')?.hasAttribute('role')).toBe(false);
    expect(
      getComputedStyle(cell(rowById(el, 'fraud-alerts'), 'value-cell')!.querySelector('.label')!).display,
    ).toBe('none');
  });
});

describe('windowing', () => {
  it('5,000 indicators: few rows in the DOM, scrolling reveals later rows, headers stay, sort is right', async () => {
    const el = await mount(largeFeed(5000));
    expect(text($(el, '[part="count"]'))).toBe('Showing 5,000 of 5,000 indicators');
    expect(rows(el).length).toBeGreaterThan(5);
    expect(rows(el).length).toBeLessThan(300);
    const table = $<HTMLTableElement>(el, 'table')!;
    expect(table.getAttribute('aria-rowcount')).toBe(String(5000 + 8 + 1));
    const scroller = $(el, '.scroller')!;
    const fullHeight = scroller.scrollHeight;
    expect(fullHeight).toBeGreaterThan(5000 * 20);

    // Scroll to the end (as a reader would, again if the measured rows made the table taller).
    await vi.waitFor(() => {
      scroller.scrollTop = scroller.scrollHeight;
      expect(rowIds(el)).toContain('synthetic-05000');
    }, POLL);
    expect(rows(el).length).toBeLessThan(300);
    // The last area's header row is still there for the rows in view.
    expect($$(el, 'tbody[part~="group"]').at(-1)?.querySelector('th[scope="rowgroup"]')).not.toBeNull();
    expect($$(el, 'tbody[part~="group"]').at(-1)?.dataset.area).toBe('emergency');

    scroller.scrollTop = 0;
    await vi.waitFor(() => expect(rowIds(el)).toContain('synthetic-00001'), POLL);
    el.sort = 'value:desc';
    await settle(el);
    const first = rows(el).filter((r) => r.closest('tbody')?.dataset.area === 'stability');
    const values = first.map((r) => Number.parseFloat(cellText(r, 'value-cell').replace(/[^\d.]/g, '')));
    expect(values.length).toBeGreaterThan(3);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values[0]).toBeGreaterThanOrEqual(99);
    expect(rows(el).length).toBeLessThan(300);
    expect(header(el, 'value').getAttribute('aria-sort')).toBe('descending');
  });

  it('keeps the focused row rendered when it scrolls out, and arrow keys move through unrendered rows', async () => {
    const el = await mount(largeFeed(2000));
    const firstRow = rows(el)[0]!;
    firstRow.focus();
    await settle(el);
    await userEvent.keyboard('{ArrowDown}');
    await settle(el);
    const second = root(el).activeElement as HTMLTableRowElement;
    expect(second.dataset.id).toBe('synthetic-00009');
    expect(second.tabIndex).toBe(0);
    const scroller = $(el, '.scroller')!;
    scroller.scrollTop = scroller.scrollHeight / 2;
    await vi.waitFor(() => expect(rowIds(el)).not.toContain('synthetic-00017'), POLL);
    await settle(el);
    // Scrolled far away: the focused row is still in the DOM, still focused.
    expect(rowById(el, 'synthetic-00009')).toBe(second);
    expect(root(el).activeElement).toBe(second);
    await userEvent.keyboard('{End}');
    await settle(el);
    expect((root(el).activeElement as HTMLElement).dataset.id).toBe('synthetic-02000');
    await userEvent.keyboard('{Home}');
    await settle(el);
    expect((root(el).activeElement as HTMLElement).dataset.id).toBe('synthetic-00001');
  });
  it('windows cards too, in a narrow container', { timeout: 60_000 }, async () => {
    const el = await mount(largeFeed(1000), { width: 360 });
    expect($(el, '.widget')?.classList.contains('cards')).toBe(true);
    expect(rows(el).length).toBeLessThan(60);
    const scroller = $(el, '.scroller')!;
    await vi.waitFor(() => {
      scroller.scrollTop = scroller.scrollHeight;
      expect(rowIds(el)).toContain('synthetic-01000');
    }, POLL);
    expect(rows(el).length).toBeLessThan(60);
    await axeClean(el);
  });

  it('with --safety-table-max-height: none, follows the page scroll', async () => {
    const el = await mount(largeFeed(2000));
    el.style.setProperty('--safety-table-max-height', 'none');
    await settle(el);
    expect(rows(el).length).toBeLessThan(300);
    const last = () => rows(el).at(-1)!;
    expect(last().getBoundingClientRect().top).toBeGreaterThan(window.innerHeight);
    await vi.waitFor(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      expect(rowIds(el)).toContain('synthetic-02000');
    }, POLL);
    expect(rows(el).length).toBeLessThan(300);
    window.scrollTo(0, 0);
  });
});

describe('rows flow with the page (up to 300 rows)', () => {
  afterEach(async () => {
    window.scrollTo(0, 0);
    await page.viewport(1200, 900);
  });

  for (const [name, width, viewport] of [
    ['desktop', 1000, 1200],
    ['phone (cards)', 358, 390],
  ] as const) {
    for (const lang of ['en', 'zh-CN']) {
      it(`56 rows, ${name}, ${lang}: the host is as tall as its rows, nothing inside scrolls`, async () => {
        await page.viewport(viewport, 800);
        const el = await mount(currentYantian(), { width, lang });
        expect($(el, '.widget')?.classList.contains('cards')).toBe(width < 480);
        expect(rows(el)).toHaveLength(56);
        expect(innerScrollers(el).map((n) => `${n.localName}.${n.className}`)).toEqual([]);
        const scroller = $(el, '[part="scroller"]')!;
        expect(getComputedStyle(scroller).overflowY).not.toMatch(/auto|scroll/);
        expect(scroller.scrollHeight).toBe(scroller.clientHeight);
        // The host is as tall as what it holds: the widget box, from its top to the last row.
        const host = el.getBoundingClientRect();
        const widget = $(el, '.widget')!.getBoundingClientRect();
        expect(Math.abs(host.height - widget.height)).toBeLessThanOrEqual(1);
        const lastRow = rows(el).at(-1)!.getBoundingClientRect();
        expect(lastRow.bottom).toBeLessThanOrEqual(host.bottom);
        expect(host.bottom - lastRow.bottom).toBeLessThan(40);
        expect(host.height).toBeGreaterThan(56 * 30);
        // No windowing: no range line, no row count for a partial DOM.
        expect($(el, '[part="range"]')).toBeNull();
        expect($(el, 'table')?.hasAttribute('aria-rowcount')).toBe(false);
        // The page scrolls to the last row, and the last row is what is there.
        rows(el).at(-1)!.scrollIntoView({ block: 'end' });
        const r = rows(el).at(-1)!.getBoundingClientRect();
        expect(r.bottom).toBeLessThanOrEqual(window.innerHeight + 1);
        const hit = root(el).elementFromPoint(r.left + 20, r.top + r.height / 2);
        expect(hit?.closest('tr')).toBe(rows(el).at(-1));
      });
    }
  }

  it('keyboard: arrows, End and Home move between rows; the page scrolls; a focused row has a name', async () => {
    await page.viewport(1200, 700);
    const el = await mount(currentYantian());
    rows(el)[0]!.focus();
    await settle(el);
    expect(await focusedAx()).toEqual({
      role: 'row',
      name: 'Political security incidents Unit: incidents 0 Target met',
    });
    await userEvent.keyboard('{ArrowDown}');
    await settle(el);
    expect((root(el).activeElement as HTMLElement).dataset.id).toBe('major-mass-incidents');
    await userEvent.keyboard('{End}');
    await settle(el);
    const last = root(el).activeElement as HTMLElement;
    expect(last.dataset.id).toBe(rows(el).at(-1)!.dataset.id);
    // Brought into view by the page's own scroll (there is no other).
    expect(window.scrollY).toBeGreaterThan(500);
    const box = last.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight + 1);
    const ax = await focusedAx();
    expect(ax?.role).toBe('row');
    expect(ax?.name).toContain(text(last.querySelector('th .name')));
    await userEvent.keyboard('{Home}');
    await settle(el);
    expect((root(el).activeElement as HTMLElement).dataset.id).toBe('political-security-incidents');
  });

  it('cards: a focused card has a name too', async () => {
    const el = await mount(currentYantian(), { width: 360, lang: 'zh-CN' });
    rowById(el, 'fraud-alerts')!.focus();
    await settle(el);
    const ax = await focusedAx();
    expect(ax?.role).toBe('row');
    expect(ax?.name).toBe('诈骗警情（上半年） 单位：起 225 达标');
    await userEvent.keyboard('{ArrowDown}');
    await settle(el);
    expect((root(el).activeElement as HTMLElement).dataset.id).toBe('video-solved-share');
  });

  it('300 rows still flow; 301 are windowed', { timeout: 60_000 }, async () => {
    const flow = await mount(largeFeed(300));
    expect(rows(flow)).toHaveLength(300);
    expect($(flow, '[part="scroller"]')?.classList.contains('flow')).toBe(true);
    expect(innerScrollers(flow)).toEqual([]);
    document.body.replaceChildren();
    const windowed = await mount(largeFeed(301));
    expect($(windowed, '[part="scroller"]')?.classList.contains('windowed')).toBe(true);
    expect(rows(windowed).length).toBeLessThan(301);
  });
});

describe('windowed (more than 300 rows)', () => {
  it('5,000 rows: a scroll box with a scrollbar always drawn and a visible "Showing rows …"', async () => {
    const el = await mount(largeFeed(5000));
    const scroller = $(el, '[part="scroller"]')!;
    expect(getComputedStyle(scroller).overflowY).toBe('scroll');
    // A classic scrollbar (styled, so never an overlay that hides until touched). Headless
    // Chromium hides every scrollbar, so its style is what can be checked here.
    expect(getComputedStyle(scroller, '::-webkit-scrollbar').width).toBe('12px');
    expect(getComputedStyle(scroller).overscrollBehaviorY).toBe('auto');
    const range = $(el, '[part="range"]')!;
    expect(range.getBoundingClientRect().height).toBeGreaterThan(10);
    expect(getComputedStyle(range).visibility).toBe('visible');
    expect(range.getBoundingClientRect().bottom).toBeLessThanOrEqual(
      scroller.getBoundingClientRect().top + 1,
    );
    expect(scroller.getAttribute('aria-describedby')).toBe('range');
    await vi.waitFor(() => expect(text(range)).toMatch(/^Showing rows 1–(\d+) of 5,000$/), POLL);
    const shownLast = Number(/–(\d+)/.exec(text(range))![1]);
    // It counts the rows that are in the box.
    const box = scroller.getBoundingClientRect();
    const inView = rows(el).filter((r) => {
      const b = r.getBoundingClientRect();
      return b.bottom > box.top + 1 && b.top < box.bottom - 1;
    });
    expect(shownLast).toBe(inView.length);
    expect(shownLast).toBeGreaterThan(3);
    // It follows the scroll.
    scroller.scrollTop = scroller.scrollHeight / 2;
    await vi.waitFor(() => {
      const m = /^Showing rows ([\d,]+)–([\d,]+) of 5,000$/.exec(text(range));
      expect(Number(m?.[1]?.replace(/,/g, ''))).toBeGreaterThan(2000);
    }, POLL);
    expect($(el, '[part="count"]')?.textContent?.trim()).toBe('Showing 5,000 of 5,000 indicators');
    scroller.scrollTop = 0;
  });

  it('in Chinese', async () => {
    const el = await mount(largeFeed(1000), { lang: 'zh-CN' });
    await vi.waitFor(
      () => expect(text($(el, '[part="range"]'))).toMatch(/^显示第 1–\d+ 行，共 1,000 行$/),
      POLL,
    );
  });
});

describe('history sparklines: missing is never zero', () => {
  it('gaps in the middle, missing at the end, all missing, one value', async () => {
    const feed = currentYantian();
    const set = (id: string, history: { period: string; value: number | null }[]) => {
      feed.indicators.find((i) => i.id === id)!.history = history;
    };
    set('fires', [
      { period: '2013', value: 50 },
      { period: '2014', value: 60 },
      { period: '2015', value: null },
      { period: '2016', value: 53 },
      { period: '2017', value: 41 },
    ]);
    // 2015 left out by the feed altogether: still a gap, not a line from 2014 to 2016.
    set('fire-deaths', [
      { period: '2013', value: 2 },
      { period: '2014', value: 3 },
      { period: '2016', value: 1 },
      { period: '2017', value: 0 },
    ]);
    set('fire-injuries', [
      { period: '2015', value: 4 },
      { period: '2016', value: 6 },
      { period: '2017', value: null },
    ]);
    set('micro-fire-stations', [
      { period: '2016', value: null },
      { period: '2017', value: null },
    ]);
    set('emergency-fire-points', [
      { period: '2016', value: null },
      { period: '2017', value: 12 },
    ]);
    const el = await mount(feed, { attrs: { area: 'fire' } });
    const spark = (id: string) => cell(rowById(el, id), 'sparkline') as SVGSVGElement | null;
    const label = (id: string) => spark(id)?.getAttribute('aria-label');
    const subpaths = (id: string) =>
      (spark(id)?.querySelector('path')?.getAttribute('d') ?? '').split('M').length - 1;
    const ys = (id: string) =>
      [...(spark(id)?.querySelector('path')?.getAttribute('d') ?? '').matchAll(/[ML][\d.]+ ([\d.]+)/g)].map(
        (m) => Number(m[1]),
      );

    // Gap in the middle: two runs, no point on the baseline for 2015.
    expect(subpaths('fires')).toBe(2);
    expect(label('fires')).toBe('Trend (fires): 2013: 50; 2014: 60; 2015: No data; 2016: 53; 2017: 41');
    expect(ys('fires')).toHaveLength(4);
    expect(subpaths('fire-deaths')).toBe(2);
    expect(label('fire-deaths')).toContain('2015: No data');

    // Missing at the end: the line stops at 2016, whose dot is the last one.
    expect(subpaths('fire-injuries')).toBe(1);
    expect(label('fire-injuries')).toMatch(/; 2017: No data$/);
    const lastDot = spark('fire-injuries')!.querySelector('circle')!;
    expect(Number(lastDot.getAttribute('cx'))).toBeLessThan(40);

    // All missing: no drawing at all, "No trend data" in words.
    expect(spark('micro-fire-stations')).toBeNull();
    expect(cellText(rowById(el, 'micro-fire-stations'), 'trend-cell')).toBe('—No trend data');

    // One known value: a dot, and the missing period said.
    const one = spark('emergency-fire-points')!;
    expect(one.querySelector('path')).toBeNull();
    expect(one.querySelectorAll('circle')).toHaveLength(1);
    expect(one.querySelector('circle')!.getBoundingClientRect().width).toBeGreaterThanOrEqual(3);
    expect(label('emergency-fire-points')).toBe('Trend (points): 2016: No data; 2017: 12');
  });
});

describe('steady loading', () => {
  for (const [name, width] of [
    ['table', 1000],
    ['cards', 358],
  ] as const) {
    it(`${name}: the toolbar and the top of the table do not move when the data arrives`, async () => {
      const wrap = document.createElement('div');
      wrap.lang = 'en';
      wrap.style.width = `${width}px`;
      const el = document.createElement('safety-indicator-table');
      wrap.append(el);
      document.body.append(wrap);
      await settle(el);
      expect(el.status).toBe('loading');
      const measure = () => ({
        toolbar: $(el, '[part="toolbar"]')!.getBoundingClientRect().toJSON() as DOMRect,
        box: $(el, '.scroller')!.getBoundingClientRect().top,
        host: el.getBoundingClientRect().height,
        fields: $$(el, '.field, [part="csv-button"]').map((f) => {
          const r = f.getBoundingClientRect();
          return [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
        }),
      });
      const loading = measure();
      el.data = currentYantian();
      await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
      await settle(el);
      const ready = measure();
      expect(ready.toolbar.top).toBe(loading.toolbar.top);
      expect(Math.abs(ready.toolbar.height - loading.toolbar.height)).toBeLessThanOrEqual(1);
      expect(ready.fields).toEqual(loading.fields);
      expect(Math.abs(ready.box - loading.box)).toBeLessThanOrEqual(1);
      // The skeleton reserves the toolbar and a screenful of rows; the table only grows below.
      expect(loading.host).toBeGreaterThan(width < 480 ? 700 : 450);
      expect(loading.host).toBeLessThanOrEqual(ready.host);
      console.info(
        `[steady] ${name}: loading ${loading.host.toFixed(0)} px, ready ${ready.host.toFixed(0)} px`,
      );
    });
  }
});

describe('touch targets and type', () => {
  afterEach(async () => {
    await page.viewport(1200, 900);
  });

  it('desktop: every control at least 24 × 24, body text 14 px, small text 12 px, tabular figures', async () => {
    const el = await mount(currentYantian());
    const controls = $$(el, 'button, input, select, tr.row');
    expect(controls.length).toBeGreaterThan(60);
    for (const c of controls) {
      const r = c.getBoundingClientRect();
      expect([c.localName, r.width >= 24, r.height >= 24]).toEqual([c.localName, true, true]);
    }
    const size = (n: Element) => Number.parseFloat(getComputedStyle(n).fontSize);
    const fraud = rowById(el, 'fraud-alerts')!;
    expect(size(cell(fraud, 'value-cell')!)).toBeGreaterThanOrEqual(14);
    expect(size(fraud.querySelector('th')!)).toBeGreaterThanOrEqual(14);
    expect(getComputedStyle(cell(fraud, 'value-cell')!).fontVariantNumeric).toBe('tabular-nums');
    expect(getComputedStyle($(el, '[part="count"]')!).fontVariantNumeric).toBe('tabular-nums');
  });

  it('phone (390 px): controls 44 px tall, nothing under 12 px', async () => {
    await page.viewport(390, 800);
    const el = await mount(currentYantian(), { width: 358, lang: 'zh-CN' });
    expect($(el, '.widget')?.classList.contains('cards')).toBe(true);
    for (const c of $$(el, 'button, input, select')) {
      const r = c.getBoundingClientRect();
      expect([c.localName, r.height >= 44, r.width >= 44]).toEqual([c.localName, true, true]);
    }
    const tooSmall = [...root(el).querySelectorAll('*')]
      .filter((n) => n.textContent?.trim() && n.getClientRects().length > 0)
      .filter((n) => !n.closest('.visually-hidden'))
      .filter((n) => Number.parseFloat(getComputedStyle(n).fontSize) < 12)
      .map((n) => `${n.localName}.${n.className}: ${getComputedStyle(n).fontSize}`);
    expect(tooSmall).toEqual([]);
  });
});

/** Cells of an RFC 4180 CSV text (quoted fields, doubled quotes, CRLF), as a spreadsheet reads them. */
function parseCsv(csv: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      out.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) out.push([...row, field]);
  return out;
}

/** Stubs the download: returns the CSV texts the element hands to the browser. */
function captureCsv(): Blob[] {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return 'blob:stub';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return blobs;
}

describe('CSV download', () => {
  it('exports what is shown (filtered, sorted), UTF-8 with BOM, escaped and formula-guarded', async () => {
    const feed = currentYantian();
    const fires = feed.indicators.find((i) => i.id === 'fires')!;
    fires.name = {
      zh: '=HYPERLINK("http://evil.example","火灾")',
      en: '=HYPERLINK("http://evil.example","Fires")',
    };
    fires.note = { zh: '@SUM(1)', en: '-2+3, "quoted"' };
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:stub';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });

    const el = await mount(feed, { attrs: { area: 'fire', sort: 'value:desc' } });
    await userEvent.click($(el, '[part="csv-button"]')!);
    expect(blobs).toHaveLength(1);
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toMatch(/^yantian-indicators-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(clicks[0]?.href).toBe('blob:stub');
    expect(clicks[0]?.isConnected).toBe(false);
    const blob = blobs[0]!;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.startsWith('\uFEFFArea,ID,Indicator,Value,Unit,Target,City average,Score')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(8);
    // Same order as the table.
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(rowIds(el));
    const firesLine = lines.find((l) => l.includes(',fires,'))!;
    expect(firesLine).toContain(`"'=HYPERLINK(""http://evil.example"",""Fires"")"`);
    expect(firesLine.endsWith(`"'-2+3, ""quoted"""`)).toBe(true);
    expect(lines.find((l) => l.includes(',fire-loss-change,'))).toContain(',-43.7,');
  });

  it('keeps hostile feed text inert: formulas get an apostrophe, HTML and script stay plain text', async () => {
    const feed = currentYantian();
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const fires = feed.indicators.find((i) => i.id === 'fires')!;
    fires.name = { zh: '=cmd', en: "=cmd|' /C calc'!A0" };
    fires.unit = { zh: '+起', en: '+1 cases' };
    fires.note = { zh: '@x', en: '@SUM(A1:A9)' };
    const deaths = feed.indicators.find((i) => i.id === 'fire-deaths')!;
    deaths.name = { zh: markup, en: markup };
    deaths.note = { zh: '\t=1+1', en: '\t=1+1' };
    feed.areas.find((a) => a.id === 'fire')!.name = { zh: '-2+3', en: '-2+3' };
    const blobs = captureCsv();
    const el = await mount(feed, { attrs: { area: 'fire' } });
    await userEvent.click($(el, '[part="csv-button"]')!);
    const csv = new TextDecoder().decode(await blobs[0]!.arrayBuffer());
    const [head, ...body] = parseCsv(csv.replace(/^\uFEFF/, ''));
    const col = (name: string) => head!.indexOf(name);
    const line = (id: string) => body.find((r) => r[col('ID')] === id)!;
    // Every row of what is shown, in table order, and no cell starts a formula.
    expect(body.map((r) => r[col('ID')])).toEqual(rowIds(el));
    for (const r of body) {
      for (const [i, cellValue] of r.entries()) {
        if (['Value', 'Target', 'City average', 'Score', 'Weight'].includes(head![i]!)) continue;
        expect(cellValue, `${r[col('ID')]} ${head![i]}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(line('fires')[col('Indicator')]).toBe("'=cmd|' /C calc'!A0");
    expect(line('fires')[col('Unit')]).toBe("'+1 cases");
    expect(line('fires')[col('Note')]).toBe("'@SUM(A1:A9)");
    expect(line('fires')[col('Area')]).toBe("'-2+3");
    expect(line('fire-deaths')[col('Note')]).toBe("'\t=1+1");
    // Markup is data in a CSV: written verbatim (quoted), never escaped into something else.
    expect(line('fire-deaths')[col('Indicator')]).toBe(markup);
    // Numbers stay numbers, negative ones too.
    expect(line('fire-loss-change')[col('Value')]).toBe('-43.7');
    // And in the table, the same text is shown as text.
    expect(text(rowById(el, 'fire-deaths')!.querySelector('th .name'))).toBe(markup);
    expect($$(el, 'img, script')).toHaveLength(0);
  });

  it('in Chinese, readable as UTF-8', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:stub';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const el = await mount(currentYantian(), { lang: 'zh-CN' });
    await userEvent.fill($<HTMLInputElement>(el, 'input[type="search"]')!, 'fraud');
    await settle(el);
    await userEvent.click($(el, '[part="csv-button"]')!);
    const csv = new TextDecoder().decode(await blobs[0]!.arrayBuffer());
    expect(csv.split('\r\n')[0]).toBe('领域,编号,指标,数值,单位,目标,全市平均,得分,权重,方向,状态,来源,说明');
    expect(csv.split('\r\n')[1]).toMatch(/^社会治安,fraud-alerts,诈骗警情（上半年）,225,起,300,360,/);
  });
});

describe('row activation', () => {
  it('fires safety-indicator-select on click, Enter and Space, bubbling out of the shadow root', async () => {
    const el = await mount(currentYantian());
    const seen: string[] = [];
    document.addEventListener('safety-indicator-select', (e) => seen.push(e.detail.id));
    await userEvent.click(rowById(el, 'fraud-alerts')!.querySelector('th')!);
    expect(seen).toEqual(['fraud-alerts']);
    expect(root(el).activeElement).toBe(rowById(el, 'fraud-alerts'));
    await userEvent.keyboard('{ArrowDown}');
    await settle(el);
    expect((root(el).activeElement as HTMLElement).dataset.id).toBe('video-solved-share');
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(seen).toEqual(['fraud-alerts', 'video-solved-share', 'video-solved-share']);
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await settle(el);
    expect((root(el).activeElement as HTMLElement).dataset.id).toBe('murder-kidnap-gun-solved');
  });

  it('one row is in the tab order (roving tabindex)', async () => {
    const el = await mount(currentYantian());
    const tabbable = rows(el).filter((r) => r.tabIndex === 0);
    expect(tabbable.map((r) => r.dataset.id)).toEqual(['political-security-incidents']);
    header(el, 'status').querySelector('button')!.focus();
    await userEvent.tab();
    expect(root(el).activeElement).toBe(tabbable[0]);
  });
});

describe('live updates', () => {
  it('updates a row in place, keeping sort, filters, search, scroll and focus', async () => {
    const feed = currentYantian();
    const el = await mount(feed, { attrs: { sort: 'value:desc', 'status-filter': 'met' } });
    await userEvent.fill($<HTMLInputElement>(el, 'input[type="search"]')!, 'a');
    await settle(el);
    const shownBefore = rowIds(el);
    expect(shownBefore).toContain('fraud-alerts');
    // The rows flow with the page: the page is what scrolls.
    window.scrollTo(0, 120);
    const fraud = rowById(el, 'fraud-alerts')!;
    fraud.focus();
    await settle(el);
    // Focus may have scrolled the row into view: the update must keep whatever is shown now.
    const scrolled = window.scrollY;
    expect(scrolled).toBeGreaterThan(0);
    const valueCell = cell(fraud, 'value-cell');

    const next = structuredClone(feed) as FeedInput & typeof feed;
    next.indicators.find((i) => i.id === 'fraud-alerts')!.value = 230;
    el.data = next;
    await settle(el);

    const after = rowById(el, 'fraud-alerts');
    expect(after).toBe(fraud);
    expect(cell(after, 'value-cell')).toBe(valueCell);
    expect(cellText(after, 'value-cell')).toBe('230');
    expect(root(el).activeElement).toBe(fraud);
    expect(document.activeElement).toBe(el);
    expect(el.sort).toBe('value:desc');
    expect(header(el, 'value').getAttribute('aria-sort')).toBe('descending');
    expect($<HTMLSelectElement>(el, 'select[part~="status-filter"]')!.value).toBe('met');
    expect($<HTMLInputElement>(el, 'input[type="search"]')!.value).toBe('a');
    expect(rowIds(el)).toEqual(shownBefore);
    expect(window.scrollY).toBe(scrolled);
    window.scrollTo(0, 0);
  });

  it('a <safety-feed> update re-renders only the changed row, keeping sort, filter, search and the focused node', async () => {
    const feed = currentYantian();
    const source = document.createElement('safety-feed');
    source.id = 'live-table';
    source.data = feed;
    document.body.append(source);
    const el = await mount(undefined, { attrs: { feed: 'live-table' } });
    await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
    // The reader filters, searches and sorts with the controls.
    await userEvent.selectOptions($<HTMLSelectElement>(el, 'select[part~="area-filter"]')!, 'public-order');
    await userEvent.fill($<HTMLInputElement>(el, 'input[type="search"]')!, 'a');
    await userEvent.click(header(el, 'score').querySelector('button')!);
    await userEvent.click(header(el, 'score').querySelector('button')!);
    await settle(el);
    const shownBefore = rowIds(el);
    expect(shownBefore).toContain('fraud-alerts');
    const fraud = rowById(el, 'fraud-alerts')!;
    const others = rows(el).filter((r) => r !== fraud);
    const scoreCell = cell(fraud, 'score-cell')!;
    const scoreBefore = cellText(fraud, 'score-cell');
    fraud.focus();
    await settle(el);
    expect(root(el).activeElement).toBe(fraud);

    const touched = new Set<Element>();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target instanceof Element ? r.target : r.target.parentElement;
        // A row moved by the sort is a childList change of its tbody: the row itself counts, below.
        if (!(r.type === 'childList' && node?.localName === 'tbody'))
          touched.add(node?.closest('tr') ?? node ?? el);
        for (const n of [...r.addedNodes, ...r.removedNodes]) {
          if (n instanceof HTMLTableRowElement) touched.add(n);
        }
      }
    });
    observer.observe(root(el), { subtree: true, childList: true, characterData: true, attributes: true });

    const next = structuredClone(feed) as typeof feed;
    next.indicators.find((i) => i.id === 'fraud-alerts')!.value = 400;
    source.data = next;
    await vi.waitFor(() => expect(cellText(rowById(el, 'fraud-alerts'), 'value-cell')).toBe('400'), POLL);
    await settle(el);
    observer.disconnect();

    // The changed row is the same node, updated in place; its score moved with its value.
    expect(rowById(el, 'fraud-alerts')).toBe(fraud);
    expect(cell(fraud, 'score-cell')).toBe(scoreCell);
    expect(cellText(fraud, 'score-cell')).not.toBe(scoreBefore);
    // No other indicator row was touched: no full re-render. The polite live region says the change.
    const group = fraud.closest('tbody')!.querySelector('tr.group-row')!;
    const announcer = $(el, '[part~="announcer"]')!;
    expect(announcer.textContent!.trim()).toBe('Fraud alerts (first half-year) now 400 alerts.');
    for (const node of touched) {
      expect([fraud, group, announcer], `unexpected change in ${node.outerHTML.slice(0, 120)}`).toContain(
        node,
      );
    }
    expect(rows(el).filter((r) => r !== fraud)).toEqual(others);
    // Sort, filters and focus are as the reader left them.
    expect(header(el, 'score').getAttribute('aria-sort')).toBe('descending');
    expect(el.sort).toBe('score:desc');
    expect($<HTMLSelectElement>(el, 'select[part~="area-filter"]')!.value).toBe('public-order');
    expect($<HTMLInputElement>(el, 'input[type="search"]')!.value).toBe('a');
    expect(text(cell(fraud, 'status'))).toBe('✕Target not met');
    expect(rows(el).every((r) => r.closest('tbody')?.dataset.area === 'public-order')).toBe(true);
    expect(root(el).activeElement).toBe(fraud);
    expect(document.activeElement).toBe(el);
  });

  it('keeps focus and the caret in the search box while live data arrives', async () => {
    const feed = currentYantian();
    const el = await mount(feed);
    const search = $<HTMLInputElement>(el, 'input[type="search"]')!;
    await userEvent.click(search);
    await userEvent.keyboard('fra');
    await settle(el);
    expect(rowIds(el)).toEqual(['fraud-alerts']);
    const next = structuredClone(feed) as typeof feed;
    next.indicators.find((i) => i.id === 'fraud-alerts')!.value = 230;
    el.data = next;
    await settle(el);
    expect(cellText(rowById(el, 'fraud-alerts'), 'value-cell')).toBe('230');
    expect(root(el).activeElement).toBe(search);
    expect(search.selectionStart).toBe(3);
    await userEvent.keyboard('ud');
    await settle(el);
    expect(search.value).toBe('fraud');
    expect(rowIds(el)).toEqual(['fraud-alerts']);
  });

  it('keeps focus on a row whose new value moves it within the sort', async () => {
    const feed = currentYantian();
    const el = await mount(feed, { attrs: { sort: 'value:asc', area: 'fire' } });
    const fires = rowById(el, 'fires')!;
    fires.focus();
    const next = structuredClone(feed) as typeof feed;
    next.indicators.find((i) => i.id === 'fires')!.value = 1000;
    el.data = next;
    await settle(el);
    expect(rowIds(el).at(-1)).toBe('fires');
    expect(rowById(el, 'fires')).toBe(fires);
    expect(root(el).activeElement).toBe(fires);
  });
});

describe('hostile and bad data', () => {
  it('renders HTML and script in names, units, notes and areas as text', async () => {
    const feed = currentYantian();
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const target = feed.indicators[0]!;
    target.name = { zh: evil, en: evil };
    target.unit = { zh: evil, en: evil };
    target.note = { zh: evil, en: evil };
    feed.areas[0]!.name = { zh: evil, en: evil };
    feed.place.name = { zh: evil, en: evil };
    const el = await mount(feed);
    expect($$(el, 'img, script')).toHaveLength(0);
    const row = rowById(el, target.id)!;
    expect(text(row.querySelector('th .name'))).toBe(evil);
    // The note is no tooltip: the ⓘ button shows it, as text.
    expect(row.querySelector('[title]')).toBeNull();
    row.querySelector<HTMLButtonElement>('[part="details-button"]')!.click();
    await settle(el);
    expect(text(row.querySelector('[part="details"] [lang]'))).toBe(evil);
    expect($$(el, 'img, script')).toHaveLength(0);
    expect(cellText(row, 'value-cell')).toBe('0');
    expect(text(cell(row, 'unit'))).toBe(`Unit: ${evil}`);
    expect(text($(el, 'th[scope="rowgroup"]'))).toBe(evil);
    expect(text($(el, 'caption'))).toContain(evil);
    expect($$<HTMLOptionElement>(el, 'select[part~="area-filter"] option')[1]?.text).toBe(evil);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('counts dropped indicators in a visible note', async () => {
    const feed = currentYantian() as unknown as { indicators: Record<string, unknown>[] };
    feed.indicators[3]!.value = '98%';
    feed.indicators[10]!.area = 'no-such-area';
    const el = await mount(feed);
    expect(rows(el)).toHaveLength(54);
    expect(text($(el, '[part~="dropped"]'))).toContain(
      '2 indicators could not be shown because the feed had problems.',
    );
  });

  it('a fatal feed is an alert', async () => {
    const el = await mount({ format: 'nope' });
    expect(el.status).toBe('error');
    expect($(el, '[role="alert"]')).not.toBeNull();
    expect($(el, 'table')).toBeNull();
  });

  it('a network failure is an alert with a retry button', async () => {
    const wrap = document.createElement('div');
    wrap.lang = 'en';
    const el = document.createElement('safety-indicator-table');
    el.src = 'http://127.0.0.1:9/x.json';
    wrap.append(el);
    document.body.append(wrap);
    await vi.waitFor(() => expect(el.status).toBe('error'), POLL);
    await el.updateComplete;
    expect(text($(el, '[role="alert"]'))).toContain('Could not load safety data');
    expect($(el, '[part~="retry"]')).not.toBeNull();
  });

  it('shows a table-like skeleton while loading: the toolbar, disabled, over placeholder rows', async () => {
    const el = document.createElement('safety-indicator-table');
    document.body.append(el);
    await el.updateComplete;
    expect(el.status).toBe('loading');
    const skeleton = $(el, '[part~="skeleton"]')!;
    expect(skeleton.getAttribute('aria-busy')).toBe('true');
    expect(text($(el, '[part="count"][role="status"]'))).toBe('Loading safety data…');
    expect($$<HTMLInputElement | HTMLSelectElement>(el, 'input, select').every((c) => c.disabled)).toBe(true);
    expect($$(el, '.skeleton-row')).toHaveLength(8);
    expect($(el, 'table')).toBeNull();
  });
});

describe('themes', () => {
  afterEach(async () => {
    await cdp().send('Emulation.setEmulatedMedia', { features: [] });
  });

  it('dark: dark surface, light text, status colours from the dark tokens', async () => {
    const light = await mount(currentYantian());
    const dark = await mount(currentYantian(), { theme: 'dark' });
    const bg = (el: Element) => getComputedStyle($(el, '.scroller')!).backgroundColor;
    expect(bg(light)).toBe('rgb(255, 255, 255)');
    expect(bg(dark)).toBe('rgb(13, 17, 23)');
    expect(getComputedStyle(rowById(dark, 'fraud-alerts')!.querySelector('th')!).color).toBe(
      'rgb(230, 237, 243)',
    );
    expect(getComputedStyle(cell(rowById(dark, 'fraud-alerts'), 'status')!).color).toBe('rgb(63, 185, 80)');
  });

  it('honours --safety-* custom properties from the page', async () => {
    const el = await mount(currentYantian());
    const wrap = el.parentElement!;
    wrap.style.setProperty('--safety-color-met', 'rgb(1, 2, 3)');
    expect(getComputedStyle(cell(rowById(el, 'fraud-alerts'), 'status')!).color).toBe('rgb(1, 2, 3)');
    // The scroll box's height, for a windowed table (short ones have no box to size).
    const long = await mount(largeFeed(400));
    long.parentElement!.style.setProperty('--safety-table-max-height', '200px');
    expect($(long, '.scroller')!.getBoundingClientRect().height).toBeLessThanOrEqual(202);
  });

  it('forced colours: statuses stay distinguishable by icon, text and border style', async () => {
    const feed = currentYantian();
    feed.indicators.find((i) => i.id === 'fires')!.value = null;
    feed.indicators.find((i) => i.id === 'fire-injuries')!.value = 50;
    const el = await mount(feed, { attrs: { area: 'fire' } });
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'forced-colors', value: 'active' }],
    });
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    const chip = (id: string) => cell(rowById(el, id), 'status') as HTMLElement;
    const met = chip('fire-deaths');
    const notMet = chip('fire-injuries');
    const noData = chip('fires');
    expect([met, notMet, noData].map((c) => c.dataset.status)).toEqual(['met', 'not-met', 'no-data']);
    expect([met, notMet, noData].map((c) => c.querySelector('.status-icon')?.textContent)).toEqual([
      '✓',
      '✕',
      '–',
    ]);
    expect(new Set([met, notMet, noData].map((c) => text(c))).size).toBe(3);
    expect(getComputedStyle(met).borderTopStyle).toBe('solid');
    expect(getComputedStyle(noData).borderTopStyle).toBe('dashed');
    // Icons are drawn in system colours (not hidden by forced colours).
    const icon = met.querySelector('.status-icon')!;
    const glyph = icon.firstElementChild!;
    expect(getComputedStyle(icon).backgroundColor).not.toBe(getComputedStyle(glyph).color);
    await axeClean(el);
  });

  it('theme="auto" follows the reader’s dark colour scheme', async () => {
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-color-scheme', value: 'dark' }],
    });
    const el = await mount(currentYantian(), { attrs: { theme: 'auto', area: 'fire' } });
    expect(getComputedStyle($(el, '.scroller')!).backgroundColor).toBe('rgb(13, 17, 23)');
    expect(getComputedStyle(rowById(el, 'fires')!.querySelector('th')!).color).toBe('rgb(230, 237, 243)');
  });
});

describe('accessibility (axe)', () => {
  // axe over 56 rows takes seconds on a busy machine.
  const AXE_TIMEOUT = 60_000;

  it('ready', { timeout: AXE_TIMEOUT }, async () => {
    await axeClean(await mount(currentYantian()));
  });

  it('filtered and sorted, and with no match', { timeout: AXE_TIMEOUT }, async () => {
    const el = await mount(currentYantian(), { attrs: { area: 'fire', sort: 'score:desc' } });
    await axeClean(el);
    el.query = 'no such thing';
    await settle(el);
    await axeClean(el);
  });

  it('card layout', { timeout: AXE_TIMEOUT }, async () => {
    await axeClean(await mount(currentYantian(), { width: 360, lang: 'zh-CN' }));
  });

  it('dark', { timeout: AXE_TIMEOUT }, async () => {
    await axeClean(await mount(currentYantian(), { theme: 'dark' }));
  });

  it('dark cards', { timeout: AXE_TIMEOUT }, async () => {
    await axeClean(await mount(currentYantian(), { theme: 'dark', width: 360 }));
  });

  it('windowed', { timeout: AXE_TIMEOUT }, async () => {
    await axeClean(await mount(largeFeed(600)));
  });
});

describe('live changes', () => {
  it('says a changed shown value in the polite live region; a filtered-out row is not said; announce="off" is quiet', async () => {
    const first = currentYantian() as { indicators: { id: string; area: string; value: number | null }[] };
    const withValue = (id: string, value: number) => {
      const next = structuredClone(first);
      next.indicators.find((i) => i.id === id)!.value = value;
      return next;
    };
    const el = await mount(first, { attrs: { area: 'public-order' } });
    const region = () => $(el, '[part~="announcer"][aria-live="polite"]')!.textContent!.trim();
    expect(region()).toBe('');
    // A stability indicator is filtered out: nothing is said.
    el.data = withValue('reoffending-rate', 0.5);
    await settle(el);
    expect(region()).toBe('');
    el.data = withValue('alerts-110-per-10k', 530);
    await vi.waitFor(
      () =>
        expect(region()).toBe(
          '110 alerts per 10,000 residents (last 12 months) now 530 per 10,000 residents.',
        ),
      POLL,
    );

    const quiet = await mount(first, { attrs: { announce: 'off' } });
    quiet.data = withValue('alerts-110-per-10k', 530);
    await settle(quiet);
    expect($(quiet, '[part~="announcer"]')!.textContent!.trim()).toBe('');
  });
});
