/// <reference types="@vitest/browser-playwright" />
/**
 * <safety-grid-map> in Chromium: what a user and a screen reader get from the sample district,
 * figures and rates, the sub-district filter, privacy, tooltip, keyboard, zoom, canvas mode with
 * 20,000 cells, bad geometry, hostile text, live updates, theme and axe.
 */
import axe from 'axe-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import type { FeedInput } from '@safety-widgets/core';
import { syntheticGridFeed } from '@safety-widgets/sample-data/synthetic';
import './safety-grid-map.js';
import type { SafetyGridMap } from './safety-grid-map.element.js';
import type { MapModel } from './map-model.js';
import { neighboursOf } from './navigation.js';
import { PATH_SCALE, projectionStats } from './projection.js';
import { feedWithGrids, freshYantianInput, squareRing, yantianInput } from '../test/fixtures.js';

const POLL = { timeout: 10_000, interval: 20 };

/** Errors that reached the page (none may). */
const pageErrors: string[] = [];
const onError = (e: ErrorEvent) => pageErrors.push(String(e.message));
const onRejection = (e: PromiseRejectionEvent) => pageErrors.push(String(e.reason));
beforeAll(() => {
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
});
afterAll(() => {
  removeEventListener('error', onError);
  removeEventListener('unhandledrejection', onRejection);
  expect(pageErrors).toEqual([]);
});

afterEach(async () => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
  await new Promise((resolve) => setTimeout(resolve));
});

interface MountOptions {
  attrs?: Record<string, string>;
  data?: unknown;
  width?: number;
  lang?: string;
  /** `null`: set no data (for `src`). */
  /** Elements to put before and after the map (for Tab tests). */
  around?: boolean;
}

async function mount({
  attrs = {},
  data = freshYantianInput(),
  width = 800,
  lang = 'en',
  around = false,
}: MountOptions = {}) {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.style.width = `${width}px`;
  const el = document.createElement('safety-grid-map');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (data !== null) el.data = data;
  if (around) {
    const before = document.createElement('button');
    before.textContent = 'before';
    before.id = 'before';
    const after = document.createElement('button');
    after.textContent = 'after';
    wrapper.append(before, el, after);
  } else {
    wrapper.append(el);
  }
  document.body.append(wrapper);
  // No status yet (before the first update) is loading too: a feed with problems stays loading
  // while the detailed validator loads.
  await vi.waitFor(() => expect(el.getAttribute('status') ?? 'loading').not.toBe('loading'), POLL);
  if (el.getAttribute('status') === 'ready' || el.getAttribute('status') === 'stale') {
    await vi.waitFor(() => expect(root(el).querySelector('svg.vector g[transform]')).not.toBeNull(), POLL);
  }
  await el.updateComplete;
  return el;
}

const root = (el: SafetyGridMap) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const q = <T extends Element = Element>(el: SafetyGridMap, selector: string) =>
  root(el).querySelector<T>(selector);
const qa = <T extends Element = Element>(el: SafetyGridMap, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const surface = (el: SafetyGridMap) => q<HTMLElement>(el, '.surface')!;
const tooltip = (el: SafetyGridMap) => q<HTMLElement>(el, '.tooltip');
/** The data table's rows (shown with `list`); cells: grid, [sub-district], figure, class, rank, [layers]. */
const twinRows = (el: SafetyGridMap) => qa<HTMLTableRowElement>(el, '#twin tbody tr');
const gridOf = (row: HTMLTableRowElement) => row.querySelector<HTMLElement>('button.pick')!.dataset.grid;
const rowFor = (el: SafetyGridMap, id: string) =>
  q(el, `#twin button.pick[data-grid="${id}"]`)!.closest('tr')!;
const cells = (row: HTMLTableRowElement) => [...row.cells].map((c) => text(c));

/** Index of each grid path by its row in the list (paths are in feed order). */
function gridIds(): string[] {
  return (yantianInput().grids!.features as { id: string }[]).map((f) => f.id);
}

/** A point inside a path, in coordinates relative to the map surface. */
function pointInside(el: SafetyGridMap, path: SVGPathElement): { x: number; y: number } {
  const box = path.getBBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const candidates: DOMPoint[] = [];
  for (let i = 1; i < 12; i++)
    for (let j = 1; j < 12; j++) {
      candidates.push(new DOMPoint(box.x + (box.width * i) / 12, box.y + (box.height * j) / 12));
    }
  candidates.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
  const inside = candidates.find((p) => path.isPointInFill(p))!;
  const screen = inside.matrixTransform(path.getScreenCTM()!);
  const rect = surface(el).getBoundingClientRect();
  return { x: screen.x - rect.left, y: screen.y - rect.top };
}

/** The tooltip's figures as [label, value] pairs. */
function tooltipFigures(el: SafetyGridMap): string[][] {
  return [...(tooltip(el)?.querySelectorAll('dt') ?? [])].map((dt) => [
    text(dt),
    text(dt.nextElementSibling),
  ]);
}

function gridPath(el: SafetyGridMap, id: string): SVGPathElement {
  const index = gridIds().indexOf(id);
  return qa<SVGPathElement>(el, 'path.grid')[index]!;
}

/** The zoom scale of the map group (frame → screen), from its transform. */
function mapScale(el: SafetyGridMap): number {
  const t = q(el, 'svg.vector > g[transform]')!.getAttribute('transform')!;
  return Number(/matrix\(([\d.e+-]+)/.exec(t)![1]) * PATH_SCALE;
}

/** How many point marks the map draws (each group of one kind and level says how many it holds). */
function markCount(el: SafetyGridMap): number {
  return qa(el, 'svg.vector g.mark').reduce((n, g) => n + Number(g.getAttribute('data-marks')), 0);
}

/** The frame point (in path units) drawn at surface position (x, y). */
function frameAt(el: SafetyGridMap, x: number, y: number): [number, number] {
  const t = q(el, 'svg.vector > g[transform]')!.getAttribute('transform')!;
  const [a, , , d, e, f] = /matrix\(([^)]*)\)/.exec(t)![1]!.split(/[ ,]+/).map(Number);
  return [(x - e!) / a!, (y - f!) / d!];
}

/** Resolves once the map's size has settled (the resize observer has answered and it has re-rendered). */
async function settled(el: SafetyGridMap): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
  }
}

/** Where the frame point `p` (in path units) is drawn, in surface pixels. */
function screenOf(el: SafetyGridMap, p: readonly [number, number]): [number, number] {
  const t = q(el, 'svg.vector > g[transform]')!.getAttribute('transform')!;
  const [a, , , d, e, f] = /matrix\(([^)]*)\)/.exec(t)![1]!.split(/[ ,]+/).map(Number);
  return [p[0] * a! + e!, p[1] * d! + f!];
}

/** Dispatches a pointer event of `type` at surface position (x, y). */
function pointer(
  el: SafetyGridMap,
  type: string,
  x: number,
  y: number,
  init: PointerEventInit = {},
): PointerEvent {
  const rect = surface(el).getBoundingClientRect();
  const event = new PointerEvent(type, {
    clientX: rect.left + x,
    clientY: rect.top + y,
    bubbles: true,
    composed: true,
    cancelable: true,
    pointerId: 1,
    pointerType: 'mouse',
    isPrimary: true,
    // The primary button is held from pointerdown to pointerup.
    buttons: type === 'pointerup' ? 0 : 1,
    ...init,
  });
  surface(el).dispatchEvent(event);
  return event;
}

async function axeClean(el: Element) {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('the sample district', () => {
  it('draws 30 grids, the sub-districts, the outline and a legend with ranges as text', async () => {
    const el = await mount();
    expect(el.getAttribute('status')).toBe('ready');
    expect(qa(el, 'path.grid')).toHaveLength(30);
    expect(qa(el, 'path.subdistrict')).toHaveLength(4);
    expect(qa(el, 'path.outline')).toHaveLength(1);
    expect(qa(el, 'path.context')).toHaveLength(0);
    expect(text(q(el, '.header'))).toContain('Yantian District');
    const legend = q(el, '.legend')!;
    expect(text(legend.querySelector('.legend-title'))).toBe('Criminal cases');
    // Breaks for the metric (cases, 5–133 in the feed): zero to 200 in steps of 50.
    expect(qa(el, '.legend ul[aria-labelledby] li').map(text)).toEqual([
      '0–49',
      '50–99',
      '100–149',
      '150–200',
    ]);
    // The map is one named, described stop.
    const map = surface(el);
    expect(map.getAttribute('role')).toBe('application');
    expect(map.tabIndex).toBe(0);
    expect(map.getAttribute('aria-label')).toBe(
      'Map of the grids of Yantian District, coloured by Criminal cases',
    );
    expect(text(root(el).getElementById(map.getAttribute('aria-describedby')!))).toContain('Arrow keys');
    expect(q(el, 'svg.vector')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows no point marks unless the page asks: the choropleth is the message', async () => {
    const el = await mount({ attrs: { list: '' } });
    expect(markCount(el)).toBe(0);
    expect(qa(el, '#twin thead th').map(text)).toEqual([
      'Grid',
      'Sub-district',
      'Criminal cases',
      'Class',
      'Rank',
    ]);
    // Every layer still has its switch in the legend, off.
    const boxes = qa<HTMLInputElement>(el, '.legend fieldset input[type="checkbox"]');
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    expect(boxes.every((b) => !b.checked)).toBe(true);
  });

  it('has a data table of all 30 grids, shown by its button, named by grid', async () => {
    const el = await mount({ attrs: { layers: 'risk-source' } });
    const twin = q<HTMLElement>(el, '#twin')!;
    // Closed: nothing to tab to or read but the button that opens it.
    expect(twin.hidden).toBe(true);
    expect(getComputedStyle(twin).display).toBe('none');
    expect(twin.querySelector('table, button')).toBeNull();
    const toggle = q<HTMLButtonElement>(el, '.toolbar button[aria-controls="twin"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(text(toggle)).toBe('Ranked list of grids');
    await userEvent.click(toggle);
    await el.updateComplete;
    expect(el.hasAttribute('list')).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(text(toggle)).toBe('Hide the ranked list');
    expect(twin.hidden).toBe(false);
    expect(text(twin.querySelector('caption'))).toBe('Grids of Yantian District ranked by Criminal cases');
    // The scrolling region is named by the caption and can be scrolled from the keyboard.
    const region = twin.querySelector<HTMLElement>('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('Grids of Yantian District ranked by Criminal cases');
    expect(region.tabIndex).toBe(0);
    const rows = twinRows(el);
    expect(rows).toHaveLength(30);
    // Each row is headed by the grid's name (a button that selects it).
    const names = rows.map((r) => text(r.querySelector('th[scope="row"]')));
    expect(new Set(names).size).toBe(30);
    expect(names).toContain('Shatoujiao Grid 01');
    expect(cells(rows[0]!).slice(0, 5)).toEqual([
      'Haishan Grid 01',
      'Haishan Subdistrict',
      '133',
      '100–149',
      '1',
    ]);
    expect(cells(rows[1]!).slice(0, 5)).toEqual([
      'Haishan Grid 07',
      'Haishan Subdistrict',
      '133',
      '100–149',
      '1',
    ]);
    expect(cells(rows[29]!).slice(2, 5)).toEqual(['5', '0–49', '30']);
    // The shown point layer (risk sources) is a column too: counts per grid, levels named.
    expect(qa(el, '#twin thead th').map(text)).toEqual([
      'Grid',
      'Sub-district',
      'Criminal cases',
      'Class',
      'Rank',
      'Risk sources',
    ]);
    const risk = rows.map((r) => cells(r)[5]!);
    const level = '(?:Major|Significant|Moderate|Low) risk \\d+';
    const shape = '[▲◆■●]\\d+';
    const cell = new RegExp(`^(0|\\d+ \\(${shape}(?: ${shape})*\\)\\(${level}(?:, ${level})*\\))$`);
    for (const t of risk) expect(t).toMatch(cell);
    const total = risk.reduce((n, t) => n + Number(/^\d+/.exec(t)![0]), 0);
    expect(total).toBe(149);
    // Numbers in tabular figures; every button in the tab order and big enough.
    expect(getComputedStyle(twin.querySelector('table')!).fontVariantNumeric).toContain('tabular-nums');
    for (const b of [...twin.querySelectorAll<HTMLButtonElement>('button')]) {
      expect(b.tabIndex).toBe(0);
      expect(b.getBoundingClientRect().height).toBeGreaterThanOrEqual(24);
    }
  });

  it('sorts the table by any column (missing values last) and downloads it as CSV', async () => {
    const input = freshYantianInput();
    const features = input.grids!.features as { properties: { metrics: Record<string, number | null> } }[];
    features[0]!.properties.metrics.cases = null;
    const el = await mount({ data: input, attrs: { list: '' } });
    const header = (label: string) =>
      qa<HTMLTableCellElement>(el, '#twin thead th').find((th) => text(th) === label)!;
    await userEvent.click(header('Criminal cases').querySelector('button')!);
    await el.updateComplete;
    expect(header('Criminal cases').getAttribute('aria-sort')).toBe('ascending');
    const figures = () => twinRows(el).map((r) => cells(r)[2]!);
    expect(figures()[0]).toBe('5');
    expect(figures().at(-1)).toBe('No data');
    await userEvent.click(header('Criminal cases').querySelector('button')!);
    await el.updateComplete;
    expect(header('Criminal cases').getAttribute('aria-sort')).toBe('descending');
    expect(figures()[0]).toBe('133');
    // Missing is never 0: last in both directions, and never ranked.
    expect(figures().at(-1)).toBe('No data');
    expect(cells(twinRows(el).at(-1)!)[4]).toBe('Not ranked');
    // The CSV: every grid, the figure of the grid without one left empty.
    let csv = '';
    let file = '';
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      file = this.download;
      void fetch(this.href)
        .then((r) => r.text())
        .then((t) => (csv = t));
    });
    try {
      await userEvent.click(q<HTMLButtonElement>(el, '#twin [part="download"]')!);
      await vi.waitFor(() => expect(csv).not.toBe(''));
    } finally {
      click.mockRestore();
    }
    expect(file).toMatch(/^yantian-cases-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Grid,Sub-district,Criminal cases,Class,Rank');
    expect(lines).toHaveLength(31);
    expect(lines[1]).toMatch(/^Haishan Grid 0\d,Haishan Subdistrict,133,100–149,1$/);
    expect(lines.at(-1)).toMatch(/^Shatoujiao Grid 01,Shatoujiao Subdistrict,,,$/);
  });

  it('selects a grid from the list as from the map', async () => {
    const el = await mount({ attrs: { list: '' } });
    const events: (string | null)[] = [];
    el.addEventListener('safety-grid-select', (e) => events.push(e.detail.id));
    await userEvent.click(rowFor(el, 'meisha-g03').querySelector('button')!);
    await el.updateComplete;
    expect(events).toEqual(['meisha-g03']);
    expect(el.getAttribute('selected')).toBe('meisha-g03');
    expect(rowFor(el, 'meisha-g03').querySelector('button')!.getAttribute('aria-pressed')).toBe('true');
    expect(qa(el, 'path.selected')).toHaveLength(1);
  });

  it('switches figure by attribute and with the picker', async () => {
    const el = await mount({ attrs: { metric: 'fraud', list: '' } });
    expect(text(q(el, '.legend-title'))).toBe('Fraud alerts');
    expect(cells(rowFor(el, 'shatoujiao-g01'))[2]).toBe('21');
    const select = q<HTMLSelectElement>(el, '.toolbar select')!;
    expect(select.value).toBe('fraud');
    await userEvent.selectOptions(select, 'alerts110');
    await el.updateComplete;
    expect(el.metric).toBe('alerts110');
    expect(text(q(el, '.legend-title'))).toBe('110 police alerts');
    expect(cells(rowFor(el, 'shatoujiao-g01'))[2]).toBe('480');
    expect(surface(el).getAttribute('aria-label')).toContain('110 police alerts');
    // An event category: its cases per grid in this feed.
    el.metric = 'category:fire';
    await el.updateComplete;
    expect(text(q(el, '.legend-title'))).toBe('Fires');
    // Unknown figure: falls back to cases.
    el.metric = 'nonsense';
    await el.updateComplete;
    expect(text(q(el, '.legend-title'))).toBe('Criminal cases');
  });

  it('shows figures per 10,000 residents', async () => {
    const el = await mount({ attrs: { rate: 'per-10k', list: '' } });
    expect(text(q(el, '.legend-title'))).toBe('Criminal cases, per 10,000 residents');
    // Shatoujiao 01: 82 cases, 12,940 residents.
    expect(cells(rowFor(el, 'shatoujiao-g01'))[2]).toBe('63.4');
    const box = q<HTMLInputElement>(el, '.toolbar input[type="checkbox"]')!;
    expect(box.checked).toBe(true);
    await userEvent.click(box);
    await el.updateComplete;
    expect(el.rate).toBe('count');
    expect(cells(rowFor(el, 'shatoujiao-g01'))[2]).toBe('82');
  });

  it('shows one sub-district alone', async () => {
    const el = await mount({ attrs: { subdistrict: 'meisha', layers: 'risk-source', list: '' } });
    expect(qa(el, 'path.grid')).toHaveLength(7);
    expect(twinRows(el)).toHaveLength(7);
    // Every row is in Meisha: the list says so in its caption, not in a column.
    expect(qa(el, '#twin thead th').map(text)).toEqual([
      'Grid',
      'Criminal cases',
      'Class',
      'Rank',
      'Risk sources',
    ]);
    expect(qa(el, 'path.subdistrict')).toHaveLength(1);
    expect(qa(el, 'path.outline')).toHaveLength(0);
    expect(text(q(el, '.header .place'))).toBe('Meisha Subdistrict');
    // The legend counts the sub-district's own points.
    expect(qa(el, '.legend fieldset label').map(text)).toContainEqual(
      expect.stringMatching(/^Risk sources under graded control .*\((\d+)\)$/),
    );
    const risk = qa(el, '.legend fieldset label')
      .map(text)
      .find((t) => t.startsWith('Risk sources'))!;
    expect(Number(/\((\d+)\)$/.exec(risk)![1])).toBeLessThan(149);
    // Only the sub-district's points.
    const all = await mount({ attrs: { layers: 'risk-source' } });
    expect(markCount(el)).toBeGreaterThan(0);
    expect(markCount(el)).toBeLessThan(markCount(all));
    el.subdistrict = 'nowhere';
    await el.updateComplete;
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('empty'));
    expect(text(q(el, '[part~="empty"]'))).toContain('no grids in the sub-district “nowhere”');
  });

  it('draws every point mark where its points are, one path per kind and level', async () => {
    const el = await mount({ attrs: { layers: 'fire-station,emergency-point,risk-source' } });
    await settled(el);
    const marks = (el as unknown as { memos: Map<string, { value: unknown }> }).memos.get('marks')!.value as {
      kind: string;
      level?: string;
      x: number;
      y: number;
      n: number;
    }[];
    expect(marks.length).toBeGreaterThan(100);
    expect(markCount(el)).toBe(marks.length);
    const groups = qa(el, 'svg.vector g.mark');
    expect(groups.length).toBe(new Set(marks.map((m) => `${m.kind} ${m.level ?? ''}`)).size);
    for (const m of marks) {
      const g = groups.find(
        (x) => x.classList.contains(m.kind) && (!m.level || x.classList.contains(m.level)),
      )!;
      const path = g.querySelector<SVGPathElement>('path')!;
      expect(path.isPointInFill(new DOMPoint(m.x, m.y)), `${m.kind} ${m.level} at ${m.x}, ${m.y}`).toBe(true);
    }
    // Merged marks say how many points they stand for, beside the mark where there is room; the
    // legend says how many counts found none.
    const counted = marks.filter((m) => m.n > 1).map((m) => String(m.n));
    const labels = qa(el, 'svg.vector g.mark-counts text').map(text);
    expect(labels.length).toBeGreaterThan(0);
    const pool = [...counted];
    for (const l of labels) {
      expect(pool).toContain(l);
      pool.splice(pool.indexOf(l), 1);
    }
    const hidden = counted.length - labels.length;
    const hint = qa(el, '.legend-hint').map(text).join(' ');
    if (hidden > 0) expect(hint).toContain(`${hidden} count`);
    else expect(hint).not.toContain('left out');
  });

  it('greys the neighbouring districts when asked', async () => {
    const el = await mount({ attrs: { context: '' } });
    expect(qa(el, 'path.context')).toHaveLength(3);
    expect(qa(el, 'text.context-label').map(text).length).toBeGreaterThan(0);
  });
});

describe('privacy', () => {
  it('never draws a camera or a sensitive case at a point; counts them per grid with "<3"', async () => {
    const el = await mount({
      attrs: {
        layers: 'fire-station,emergency-point,risk-source,camera',
        metric: 'category:domestic',
        list: '',
      },
    });
    // Points of the shown, non-sensitive layers only.
    expect(qa(el, 'svg.vector .mark.camera')).toHaveLength(0);
    const kinds = new Set(qa(el, 'svg.vector g.mark').map((m) => [...m.classList].find((c) => c !== 'mark')));
    expect([...kinds].sort()).toEqual(['emergency-point', 'fire-station', 'risk-source']);
    // Cameras: one count label per grid instead, and a list column of the same counts.
    expect(qa(el, 'g.count')).toHaveLength(30);
    const cameraColumn = qa(el, '#twin thead th').map(text).indexOf('Cameras');
    const cameraCells = twinRows(el).map((r) => cells(r)[cameraColumn]!);
    expect(cameraCells.length).toBe(30);
    for (const t of cameraCells) expect(t === '<3' || Number(t.replace(/,/g, '')) >= 3).toBe(true);
    // Domestic dispute alerts as the figure: small counts hidden in every form.
    const suppressedRows = twinRows(el).filter((r) => cells(r)[2] === '<3');
    expect(suppressedRows.length).toBeGreaterThan(5);
    for (const r of suppressedRows) expect(cells(r)[4]).toBe('Not ranked');
    expect(qa(el, 'path.grid.sup').length).toBe(suppressedRows.length);
    // Their hatch is a visible pattern on screen (a tile of a few pixels, not a sub-pixel grey).
    const pattern = q<SVGPatternElement>(el, '#suppressed')!;
    const scale = Number(/scale\(([\d.e+-]+)\)/.exec(pattern.getAttribute('patternTransform')!)![1]);
    const tile =
      qa<SVGPathElement>(el, 'path.grid.sup')[0]!.getScreenCTM()!.a * scale * pattern.width.baseVal.value;
    expect(tile).toBeGreaterThan(4);
    expect(tile).toBeLessThan(12);
    expect(qa(el, '.legend li').map(text)).toContain('Fewer than 3 (not shown)');
    const note = q(el, '[part="privacy-note"]')!;
    expect(text(note)).toBe(
      'First-class HD camera sites (synthetic positions and counts) and Domestic dispute alerts: sensitive, so never shown at a point. They are counted per grid, and counts below 3 are shown as “<3”.',
    );
    expect(note.getBoundingClientRect().height).toBeGreaterThan(0);
    // Rates would give a small count away: hidden too.
    el.rate = 'per-10k';
    await el.updateComplete;
    expect(twinRows(el).filter((r) => cells(r)[2] === '<3')).toHaveLength(suppressedRows.length);
  });

  it('takes its threshold from privacy-threshold', async () => {
    const el = await mount({ attrs: { layers: 'camera', 'privacy-threshold': '1000' } });
    expect(
      qa(el, 'g.count')
        .map(text)
        .every((t) => t === '<1,000'),
    ).toBe(true);
    expect(text(q(el, '[part="privacy-note"]'))).toContain('counts below 1,000 are shown as “<1,000”');
    el.setAttribute('privacy-threshold', '1');
    await el.updateComplete;
    expect(qa(el, 'g.count').map(text)).toContain('152');
  });

  it('hides small values of a grid figure that counts a sensitive layer (cameras)', async () => {
    const el = await mount({ attrs: { metric: 'cameras', 'privacy-threshold': '120', list: '' } });
    const rows = twinRows(el);
    const figures = rows.map((r) => cells(r)[2]!);
    const hidden = rows.filter((r) => cells(r)[2] === '<120');
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.length).toBeLessThan(30);
    // No number under the threshold anywhere in the list, and the hidden ones are not ranked.
    expect(figures.filter((t) => /^\d/.test(t)).every((t) => Number(t.replace(/,/g, '')) >= 120)).toBe(true);
    for (const r of hidden) expect(cells(r)[4]).toBe('Not ranked');
    expect(qa(el, 'path.grid.sup')).toHaveLength(hidden.length);
    const id = gridOf(hidden[0]!)!;
    await userEvent.hover(surface(el), { position: pointInside(el, gridPath(el, id)) });
    await vi.waitFor(() => expect(tooltip(el)?.dataset.grid).toBe(id));
    // The figure and the camera layer's count for the grid: both hidden.
    const cameraLines = tooltipFigures(el).filter(([label]) => label === 'Cameras');
    expect(cameraLines.length).toBeGreaterThan(0);
    expect(cameraLines.every(([, v]) => v === '<120')).toBe(true);
    // Keyboard users hear the same.
    surface(el).focus();
    el.selected = id;
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(text(q(el, '[role="status"]'))).toContain('Cameras: <120.'));
  });

  it('shows sensitive counts in the tooltip as "<3"', async () => {
    const el = await mount({ attrs: { list: '' } });
    // Find a grid with 0–2 domestic dispute alerts from the list under that figure.
    el.metric = 'domestic';
    await el.updateComplete;
    const row = twinRows(el).find((r) => cells(r)[2] === '<3')!;
    const id = gridOf(row)!;
    el.metric = 'cases';
    await el.updateComplete;
    await userEvent.hover(surface(el), { position: pointInside(el, gridPath(el, id)) });
    await vi.waitFor(() => expect(tooltip(el)?.dataset.grid).toBe(id));
    expect(tooltipFigures(el)).toContainEqual(['Domestic dispute alerts', '<3']);
  });
});

describe('tooltip', () => {
  it('follows the pointer with the grid’s name, sub-district and figures', async () => {
    const el = await mount();
    await userEvent.hover(surface(el), { position: pointInside(el, gridPath(el, 'shatoujiao-g01')) });
    await vi.waitFor(() => expect(tooltip(el)?.dataset.grid).toBe('shatoujiao-g01'));
    const tip = tooltip(el)!;
    expect(text(tip.querySelector('.name'))).toBe('Shatoujiao Grid 01');
    expect(text(tip.querySelector('.sub'))).toBe('Shatoujiao Subdistrict');
    const figures = tooltipFigures(el);
    expect(figures).toContainEqual(['Criminal cases', '82']);
    expect(figures).toContainEqual(['per 10,000 residents', '63.4']);
    expect(figures).toContainEqual(['Residents', '12,940']);
    expect(qa(el, 'path.hover')).toHaveLength(1);
    await userEvent.hover(surface(el), { position: pointInside(el, gridPath(el, 'meisha-g07')) });
    await vi.waitFor(() => expect(tooltip(el)?.dataset.grid).toBe('meisha-g07'));
    await userEvent.hover(q<HTMLElement>(el, '.legend-title')!);
    await vi.waitFor(() => expect(tooltip(el)).toBeNull());
  });

  it('click selects the grid under the pointer and fires safety-grid-select', async () => {
    const el = await mount();
    const events: CustomEvent[] = [];
    document.addEventListener('safety-grid-select', (e) => events.push(e), { once: true });
    await userEvent.click(surface(el), { position: pointInside(el, gridPath(el, 'haishan-g03')) });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]!.detail).toEqual({
      id: 'haishan-g03',
      subdistrict: 'haishan',
      name: 'Haishan Grid 03',
    });
    expect(events[0]!.composed && events[0]!.bubbles).toBe(true);
    expect(el.selected).toBe('haishan-g03');
  });
});

describe('keyboard', () => {
  it('is one tab stop; arrows move to a neighbour, Enter selects, Escape clears', async () => {
    const el = await mount({ around: true });
    const events: (string | null)[] = [];
    el.addEventListener('safety-grid-select', (e) => events.push(e.detail.id));
    // Tab from before the map through the toolbar to the map.
    document.getElementById('before')!.focus();
    let tabs = 0;
    while (root(el).activeElement !== surface(el) && tabs < 10) {
      await userEvent.tab();
      tabs++;
    }
    expect(root(el).activeElement).toBe(surface(el));
    await vi.waitFor(() => expect(tooltip(el)).not.toBeNull());
    const first = tooltip(el)!.dataset.grid!;
    expect(qa(el, 'path.active')).toHaveLength(1);
    expect(text(q(el, '[role="status"]'))).toMatch(
      /^.+ Grid \d\d, .+ Subdistrict\. Criminal cases: \d+\. Rank \d+ of 30\.$/,
    );

    await userEvent.keyboard('{ArrowRight}');
    await vi.waitFor(() => expect(tooltip(el)!.dataset.grid).not.toBe(first));
    const second = tooltip(el)!.dataset.grid!;
    // The new grid touches the first: the shared border is inside both outlines' strokes.
    const vm = (el as unknown as { vm: { model: MapModel } }).vm;
    expect(
      neighboursOf(vm.model.index, vm.model.byId.get(first)!).map((i) => vm.model.grids[i]!.id),
    ).toContain(second);
    expect(text(q(el, '[role="status"]'))).toContain(text(tooltip(el)!.querySelector('.name')));

    await userEvent.keyboard('{ArrowLeft}');
    await vi.waitFor(() => expect(tooltip(el)!.dataset.grid).toBe(first));

    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(events).toEqual([first]));
    expect(el.getAttribute('selected')).toBe(first);
    expect(text(tooltip(el)!.querySelector('.sub'))).toContain('Selected');

    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(tooltip(el)).toBeNull());
    expect(el.hasAttribute('selected')).toBe(false);
    // Clearing the selection is announced to the page too, once.
    expect(events).toEqual([first, null]);
    await userEvent.keyboard('{Escape}');
    expect(events).toEqual([first, null]);
    // A selection the page clears (removing the attribute) is not the user's: Escape then says nothing.
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(events).toEqual([first, null, first]));
    el.removeAttribute('selected');
    await el.updateComplete;
    await userEvent.keyboard('{Escape}');
    const escape = new KeyboardEvent('keydown', {
      key: 'Escape',
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    surface(el).dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(false);
    expect(events).toEqual([first, null, first]);

    // The next Tab leaves the grids (to the legend's layer switches): no tab stop per grid.
    await userEvent.tab();
    expect(root(el).activeElement?.closest('[part="legend"]')).not.toBeNull();
  });

  it('zooms with + and -, resets with 0', async () => {
    const el = await mount();
    const k0 = mapScale(el);
    surface(el).focus();
    await userEvent.keyboard('+');
    await vi.waitFor(() => expect(mapScale(el)).toBeCloseTo(k0 * 1.6, 3));
    await userEvent.keyboard('-');
    await vi.waitFor(() => expect(mapScale(el)).toBeCloseTo(k0, 3));
    await userEvent.keyboard('++');
    await vi.waitFor(() => expect(mapScale(el)).toBeGreaterThan(k0 * 2));
    await userEvent.keyboard('0');
    await vi.waitFor(() => expect(mapScale(el)).toBeCloseTo(k0, 3));
  });

  it('pans to keep the focused grid in view when zoomed in', async () => {
    const el = await mount();
    surface(el).focus();
    for (let i = 0; i < 4; i++) await userEvent.keyboard('+');
    await userEvent.keyboard('{ArrowLeft}');
    for (let i = 0; i < 12; i++) await userEvent.keyboard('{ArrowLeft}');
    await el.updateComplete;
    const active = q<SVGPathElement>(el, 'path.active')!;
    const box = active.getBoundingClientRect();
    const map = surface(el).getBoundingClientRect();
    const cx = box.left + box.width / 2;
    expect(cx).toBeGreaterThan(map.left - box.width / 2);
    expect(cx).toBeLessThan(map.right + box.width / 2);
  });
});

describe('zoom', () => {
  it('zoom buttons zoom in, out and reset', async () => {
    const el = await mount();
    const k0 = mapScale(el);
    const [zoomIn, zoomOut, reset] = qa<HTMLButtonElement>(el, '[part="zoom-controls"] button');
    expect([zoomIn, zoomOut, reset].map((b) => b!.getAttribute('aria-label'))).toEqual([
      'Zoom in',
      'Zoom out',
      'Reset view',
    ]);
    await userEvent.click(zoomIn!);
    await userEvent.click(zoomIn!);
    await vi.waitFor(() => expect(mapScale(el)).toBeCloseTo(k0 * 1.6 * 1.6, 3));
    await userEvent.click(zoomOut!);
    await vi.waitFor(() => expect(mapScale(el)).toBeCloseTo(k0 * 1.6, 3));
    await userEvent.click(reset!);
    await vi.waitFor(() => expect(mapScale(el)).toBeCloseTo(k0, 3));
    // Cannot zoom out past the whole map.
    await userEvent.click(zoomOut!);
    await el.updateComplete;
    expect(mapScale(el)).toBeCloseTo(k0, 3);
  });

  it('Ctrl + wheel zooms around the pointer; a plain wheel is left to the page', async () => {
    const el = await mount();
    await settled(el);
    const k0 = mapScale(el);
    const { width, height } = surface(el).getBoundingClientRect();
    // Whole pixels: a mouse or wheel event's clientX and clientY are integers.
    const [x, y] = [Math.round(width * 0.3), Math.round(height * 0.6)];
    const before = frameAt(el, x, y);
    const wheel = (init: WheelEventInit) => {
      const rect = surface(el).getBoundingClientRect();
      const event = new WheelEvent('wheel', {
        clientX: rect.left + x,
        clientY: rect.top + y,
        bubbles: true,
        composed: true,
        cancelable: true,
        ...init,
      });
      surface(el).dispatchEvent(event);
      return event;
    };
    const plain = wheel({ deltaY: -100 });
    await el.updateComplete;
    expect(plain.defaultPrevented).toBe(false);
    expect(mapScale(el)).toBeCloseTo(k0, 6);

    // d3-zoom's step: 2 ** (100 × 0.002 × 10) = 4 with Ctrl (a trackpad pinch), around the pointer.
    const zoomed = wheel({ deltaY: -100, ctrlKey: true });
    await el.updateComplete;
    expect(zoomed.defaultPrevented).toBe(true);
    expect(mapScale(el)).toBeCloseTo(k0 * 4, 3);
    expect(screenOf(el, before)[0]).toBeCloseTo(x, 1);
    expect(screenOf(el, before)[1]).toBeCloseTo(y, 1);

    // Zooming out stops at the whole map, which fills the container again.
    wheel({ deltaY: 1000, metaKey: true });
    await el.updateComplete;
    expect(mapScale(el)).toBeCloseTo(k0, 3);
    expect(screenOf(el, before)[0]).toBeCloseTo(x, 1);
  });

  it('double-click zooms in around the pointer, Shift + double-click zooms out', async () => {
    // Narrower than the test page (414 px), so that the real pointer lands on the map.
    const el = await mount({ width: 400 });
    await settled(el);
    const selected: unknown[] = [];
    el.addEventListener('safety-grid-select', (e) => selected.push(e.detail.id));
    const k0 = mapScale(el);
    const { width, height } = surface(el).getBoundingClientRect();
    const position = { x: Math.round(width * 0.6), y: Math.round(height * 0.4) };
    const before = frameAt(el, position.x, position.y);
    await userEvent.dblClick(surface(el), { position: { ...position } });
    await vi.waitFor(() => expect(mapScale(el)).toBeCloseTo(k0 * 2, 3));
    // Its first click selected what was under the pointer (if anything), its second nothing more.
    expect(selected.length).toBeLessThanOrEqual(1);
    // The real pointer lands within a pixel of the position asked for (the test page is scaled).
    expect(Math.abs(screenOf(el, before)[0] - position.x)).toBeLessThan(1.5);
    expect(Math.abs(screenOf(el, before)[1] - position.y)).toBeLessThan(1.5);
    const rect = surface(el).getBoundingClientRect();
    surface(el).dispatchEvent(
      new MouseEvent('dblclick', {
        clientX: rect.left + position.x,
        clientY: rect.top + position.y,
        shiftKey: true,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    await el.updateComplete;
    expect(mapScale(el)).toBeCloseTo(k0, 3);
  });

  it('a drag pans the zoomed map, stops at its edges, and is not taken for a click', async () => {
    const el = await mount({ width: 400 });
    await settled(el);
    const selected: unknown[] = [];
    el.addEventListener('safety-grid-select', (e) => selected.push((e as CustomEvent).detail));
    const corner0 = frameAt(el, 0, 0);
    el.zoomIn();
    el.zoomIn();
    await el.updateComplete;
    const { width, height } = surface(el).getBoundingClientRect();
    const [x, y] = [Math.round(width / 2), Math.round(height / 2)];
    const start = frameAt(el, x, y);
    pointer(el, 'pointerdown', x, y);
    pointer(el, 'pointermove', x + 20, y + 10);
    const move = pointer(el, 'pointermove', x + 40, y + 30);
    pointer(el, 'pointerup', x + 40, y + 30);
    surface(el).dispatchEvent(
      new MouseEvent('click', { clientX: x + 40, clientY: y + 30, bubbles: true, composed: true }),
    );
    await el.updateComplete;
    expect(move.defaultPrevented).toBe(true);
    // The frame point that was under the pointer moved with it.
    expect(screenOf(el, start)[0]).toBeCloseTo(x + 40, 1);
    expect(screenOf(el, start)[1]).toBeCloseTo(y + 30, 1);
    expect(selected).toEqual([]);

    // A drag far past the edge stops with the map's corner at the container's corner.
    pointer(el, 'pointerdown', x, y);
    pointer(el, 'pointermove', x + 5000, y + 5000);
    pointer(el, 'pointerup', x + 5000, y + 5000);
    await el.updateComplete;
    // The zoomed map's corner is at the container's corner: the frame point there is the one
    // the whole map shows there.
    expect(screenOf(el, corner0)[0]).toBeCloseTo(0, 1);
    expect(screenOf(el, corner0)[1]).toBeCloseTo(0, 1);

    // A click without a drag still selects.
    el.resetZoom();
    await el.updateComplete;
    const path = qa<SVGPathElement>(el, 'path.grid').find((p) => {
      const b = p.getBoundingClientRect();
      const r = surface(el).getBoundingClientRect();
      return b.left > r.left && b.right < r.right && b.top > r.top && b.bottom < r.bottom;
    })!;
    const inside = pointInside(el, path);
    await userEvent.click(surface(el), { position: { x: Math.round(inside.x), y: Math.round(inside.y) } });
    await vi.waitFor(() => expect(selected).toHaveLength(1));
  });

  it('a drag whose release was lost stops there, and the next click still selects', async () => {
    const el = await mount({ width: 400 });
    await settled(el);
    const selected: unknown[] = [];
    el.addEventListener('safety-grid-select', (e) => selected.push(e.detail.id));
    el.zoomIn();
    await el.updateComplete;
    const { width, height } = surface(el).getBoundingClientRect();
    const [x, y] = [Math.round(width / 2), Math.round(height / 2)];
    const start = frameAt(el, x, y);
    pointer(el, 'pointerdown', x, y);
    pointer(el, 'pointermove', x + 20, y + 10);
    await el.updateComplete;
    expect(screenOf(el, start)[0]).toBeCloseTo(x + 20, 1);
    // The button came up outside the page: moves now come with no button held.
    pointer(el, 'pointermove', x + 60, y + 40, { buttons: 0 });
    pointer(el, 'pointermove', x + 90, y + 70, { buttons: 0 });
    await el.updateComplete;
    expect(screenOf(el, start)[0]).toBeCloseTo(x + 20, 1);
    expect(screenOf(el, start)[1]).toBeCloseTo(y + 10, 1);
    el.resetZoom();
    await el.updateComplete;
    const path = gridPath(el, 'haishan-g03');
    const inside = pointInside(el, path);
    await userEvent.click(surface(el), { position: { x: Math.round(inside.x), y: Math.round(inside.y) } });
    await vi.waitFor(() => expect(selected).toEqual(['haishan-g03']));
  });

  it('two fingers pinch to zoom; one finger is left to the page', async () => {
    const el = await mount();
    const k0 = mapScale(el);
    const { width, height } = surface(el).getBoundingClientRect();
    const [x, y] = [width / 2, height / 2];
    const touch = (type: string, id: number, px: number, py: number) =>
      pointer(el, type, px, py, { pointerId: id, pointerType: 'touch', isPrimary: id === 11 });
    touch('pointerdown', 11, x - 20, y);
    const one = touch('pointermove', 11, x - 60, y);
    await el.updateComplete;
    expect(one.defaultPrevented).toBe(false);
    expect(mapScale(el)).toBeCloseTo(k0, 6);
    touch('pointerdown', 12, x + 20, y);
    touch('pointermove', 11, x - 80, y);
    touch('pointermove', 12, x + 80, y);
    touch('pointerup', 11, x - 80, y);
    touch('pointerup', 12, x + 80, y);
    await el.updateComplete;
    // The fingers started 80 px apart and ended 160 px apart.
    expect(mapScale(el)).toBeCloseTo(k0 * 2, 3);
  });
});

describe('canvas mode, 20,000 cells', () => {
  let big: FeedInput;
  beforeAll(() => {
    big = syntheticGridFeed(freshYantianInput(), { cells: 20_000, points: 400 });
  });

  it(
    'draws to a canvas, keeps the DOM small, and hit-tests the cell under the pointer',
    { timeout: 60_000 },
    async () => {
      const el = await mount({ data: big });
      expect(el.getAttribute('status')).toBe('ready');
      const canvas = q<HTMLCanvasElement>(el, 'canvas.paint')!;
      expect(canvas).not.toBeNull();
      expect(qa(el, 'path.grid')).toHaveLength(0);
      // Nothing per grid: controls, ~400 risk marks, 100 list rows with a risk-source column.
      expect(root(el).querySelectorAll('*').length).toBeLessThan(2000);
      expect(canvas.width).toBe(Math.round(canvas.getBoundingClientRect().width * devicePixelRatio));
      // Something was drawn in the middle of the map.
      const ctx = canvas.getContext('2d')!;
      const px = ctx.getImageData(Math.floor(canvas.width / 2), Math.floor(canvas.height / 2), 1, 1).data;
      expect(px[3]).toBe(255);
      // The data table shows a page of its rows (its CSV has them all).
      el.list = true;
      await el.updateComplete;
      expect(twinRows(el)).toHaveLength(100);
      expect(text(q(el, '#twin .dt-note'))).toBe(
        'Showing 100 of 20,000 grids; the CSV file has all of them.',
      );
      expect(text(q(el, '#twin button.more'))).toBe('Show 100 more');
      el.list = false;
      await el.updateComplete;
      // Hover: the tooltip names the cell whose outline holds the pointer.
      const rect = surface(el).getBoundingClientRect();
      const at = { x: Math.round(rect.width * 0.37), y: Math.round(rect.height * 0.61) };
      // (userEvent scales the position object it is given: pass a copy.)
      await userEvent.hover(surface(el), { position: { ...at } });
      await vi.waitFor(() => expect(tooltip(el)?.dataset.grid).toMatch(/^cell-\d{5}$/));
      const hover = q<SVGPathElement>(el, 'path.hover')!;
      const local = new DOMPoint(rect.left + at.x, rect.top + at.y).matrixTransform(
        hover.getScreenCTM()!.inverse(),
      );
      expect(hover.isPointInFill(local)).toBe(true);
      expect(text(tooltip(el)!.querySelector('.name'))).toMatch(/^Cell \d{5}$/);
      // Sensitive cameras: never drawn (no camera marks; too many grids for count labels).
      el.layers = 'risk-source,camera';
      await el.updateComplete;
      expect(qa(el, 'svg.vector .mark.camera')).toHaveLength(0);
      expect(qa(el, 'g.count')).toHaveLength(0);
      expect(qa(el, 'svg.vector .mark').length).toBeGreaterThan(0);
    },
  );

  it('paints every cell in its class colour', { timeout: 60_000 }, async () => {
    const el = await mount({ data: big });
    await settled(el);
    const inner = el as unknown as {
      vm: { model: MapModel; colors: readonly number[]; view: { k: number; x: number; y: number } };
      paintStyle: { style: { fills: readonly string[] } };
    };
    const { model, colors, view } = inner.vm;
    const fills = inner.paintStyle.style.fills.map((css) => {
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    });
    const canvas = q<HTMLCanvasElement>(el, 'canvas.paint')!;
    const dpr = canvas.width / canvas.getBoundingClientRect().width;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let checked = 0;
    const wrong: string[] = [];
    // Every 37th cell, all over the map and through every colour's paths.
    for (let i = 0; i < model.grids.length; i += 37) {
      const shape = model.grids[i]!.shape;
      if (colors[i]! < 0) continue;
      // The pixel at a point well inside the cell (borders are drawn in another colour).
      const x = Math.floor((shape.label[0] * view.k + view.x) * dpr);
      const y = Math.floor((shape.label[1] * view.k + view.y) * dpr);
      if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) continue;
      const at = (y * canvas.width + x) * 4;
      const want = fills[colors[i]!]!;
      const got = [pixels[at]!, pixels[at + 1]!, pixels[at + 2]!];
      checked++;
      if (got.some((v, c) => Math.abs(v - want[c]!) > 8))
        wrong.push(`${model.grids[i]!.id}: ${got} ≠ ${want}`);
    }
    expect(checked).toBeGreaterThan(400);
    expect(wrong).toEqual([]);
  });

  it(
    'moves cell by cell with the arrow keys and recolours without projecting again',
    { timeout: 60_000 },
    async () => {
      const el = await mount({ data: big });
      surface(el).focus();
      await userEvent.keyboard('{ArrowRight}');
      await vi.waitFor(() => expect(tooltip(el)).not.toBeNull());
      const first = Number(tooltip(el)!.dataset.grid!.slice(5));
      await userEvent.keyboard('{ArrowRight}');
      await vi.waitFor(() => expect(Number(tooltip(el)!.dataset.grid!.slice(5))).toBe(first + 1));
      const canvas = q<HTMLCanvasElement>(el, 'canvas.paint')!;
      const before = projectionStats.shapes;
      const changed = structuredClone(big);
      for (const f of changed.grids!.features as { properties: { metrics: Record<string, number> } }[]) {
        f.properties.metrics.cases = 100 - (f.properties.metrics.cases ?? 0);
      }
      const vmOf = () => (el as unknown as { vm: { model: MapModel } }).vm;
      const index = vmOf().model.index;
      const pixels = () => {
        const c = q<HTMLCanvasElement>(el, 'canvas.paint')!;
        return c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      };
      const painted = pixels();
      el.data = changed;
      await el.updateComplete;
      expect(projectionStats.shapes).toBe(before);
      expect(q(el, 'canvas.paint')).toBe(canvas);
      // The same spatial index (nothing re-indexed), and the canvas painted in the new colours.
      expect(vmOf().model.index).toBe(index);
      const repainted = pixels();
      let differ = 0;
      for (let i = 0; i < painted.length; i += 4 * 31) if (painted[i] !== repainted[i]) differ++;
      expect(differ).toBeGreaterThan(100);
    },
  );
});

describe('bad geometry', () => {
  it('drops what validation rejects and draws the rest, saying so, without throwing', async () => {
    const bowTie = [
      [114.25, 22.62],
      [114.27, 22.6],
      [114.27, 22.62],
      [114.25, 22.6],
      [114.25, 22.62],
    ];
    const flat = [
      [114.25, 22.6],
      [114.26, 22.6],
      [114.27, 22.6],
      [114.25, 22.6],
    ];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = await mount({
      data: feedWithGrids([
        { id: 'ok', coordinates: [squareRing(114.22, 22.58, 0.01)] },
        { id: 'rfc', coordinates: [squareRing(114.3, 22.58, 0.01).reverse()] },
        { id: 'unclosed', coordinates: [squareRing(114.25, 22.6, 0.01).slice(0, 4)] },
        { id: 'empty', coordinates: [] },
        {
          id: 'out-of-range',
          coordinates: [
            [
              [200, 22],
              [201, 22],
              [201, 95],
              [200, 22],
            ],
          ],
        },
        { id: 'flat', coordinates: [flat] },
        { id: 'bow', coordinates: [bowTie] },
      ]),
    });
    expect(el.getAttribute('status')).toBe('ready');
    el.list = true;
    await el.updateComplete;
    const ids = twinRows(el).map(gridOf);
    expect(ids.sort()).toEqual(['bow', 'ok', 'rfc']);
    expect(qa(el, 'path.grid')).toHaveLength(3);
    expect(qa(el, '[part~="note"]').map(text)).toContainEqual(
      expect.stringContaining('3 grid cells could not be shown because the feed had problems.'),
    );
    // The outlines' own problems are said once the map is painted.
    await vi.waitFor(() => {
      const notes = qa(el, '[part~="note"]').map(text);
      expect(notes).toContainEqual('1 grid has no area (empty outline) and is not drawn.');
      expect(notes).toContainEqual('1 grid outline crosses itself; it is drawn as given.');
    }, POLL);
    // RFC 7946 winding is drawn as the small square it is, like its twin.
    const [ok, rfc] = qa<SVGPathElement>(el, 'path.grid');
    expect(rfc!.getBoundingClientRect().width).toBeCloseTo(ok!.getBoundingClientRect().width, 0);
    expect(rfc!.getBoundingClientRect().width).toBeLessThan(200);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('rings reversed to d3-geo winding: rfc'));
    warn.mockRestore();
  });

  it('shows the empty state when no grid can be drawn', async () => {
    const el = await mount({ data: feedWithGrids([]) });
    expect(el.getAttribute('status')).toBe('empty');
    expect(text(q(el, '[part~="empty"]'))).toBe('This feed has no grids to map.');
  });

  it('shows the error state for a feed that cannot load, and for one that is not a feed', async () => {
    const el = await mount({ data: null, attrs: { src: 'http://127.0.0.1:9/x.json' } });
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('error'), POLL);
    expect(q(el, '[role="alert"]')).not.toBeNull();
    const bad = await mount({ data: { format: 'nope' } });
    expect(bad.getAttribute('status')).toBe('error');
    expect(text(q(bad, '[role="alert"]'))).toContain('does not follow the safety feed format');
  });

  it('shows the stale badge for old data', async () => {
    const el = await mount({ data: yantianInput() });
    expect(el.getAttribute('status')).toBe('stale');
    expect(text(q(el, '[part~="stale"]'))).toMatch(/^Data is \d+ years? old$/);
    expect(qa(el, 'path.grid')).toHaveLength(30);
  });
});

describe('hostile text', () => {
  it('shows markup in names as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const input = freshYantianInput();
    const features = input.grids!.features as { properties: { name: { zh: string; en: string } } }[];
    features[0]!.properties.name = { zh: evil, en: evil };
    (input.subdistricts as { name: { zh: string; en: string } }[])[0]!.name = { zh: evil, en: evil };
    (input.place as { name: { zh: string; en: string } }).name = { zh: evil, en: evil };
    const el = await mount({ data: input, attrs: { list: '' } });
    expect(rowFor(el, 'shatoujiao-g01').querySelector('th')!.textContent!.trim()).toBe(evil);
    expect(text(q(el, '.header .place'))).toBe(evil);
    expect(surface(el).getAttribute('aria-label')).toContain(evil);
    await userEvent.hover(surface(el), { position: pointInside(el, gridPath(el, 'shatoujiao-g01')) });
    await vi.waitFor(() => expect(text(tooltip(el)?.querySelector('.name'))).toBe(evil));
    expect(root(el).querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('live updates', () => {
  it('recolours in place: same path nodes, same outlines, nothing projected again', async () => {
    const el = await mount({ attrs: { list: '' } });
    const paths = qa<SVGPathElement>(el, 'path.grid');
    const ds = paths.map((p) => p.getAttribute('d'));
    const classes = paths.map((p) => p.getAttribute('class'));
    const before = projectionStats.shapes;
    const input = freshYantianInput();
    for (const f of input.grids!.features as {
      id: string;
      properties: { metrics: Record<string, number> };
    }[]) {
      f.properties.metrics.cases = f.id === 'meisha-g07' ? 500 : 1;
    }
    el.data = input;
    await el.updateComplete;
    const after = qa<SVGPathElement>(el, 'path.grid');
    expect(after).toHaveLength(30);
    after.forEach((p, i) => {
      expect(p).toBe(paths[i]);
      expect(p.getAttribute('d')).toBe(ds[i]);
    });
    expect(after.map((p) => p.getAttribute('class'))).not.toEqual(classes);
    expect(projectionStats.shapes).toBe(before);
    const first = cells(twinRows(el)[0]!);
    expect(first.slice(0, 3)).toEqual(['Meisha Grid 07', 'Meisha Subdistrict', '500']);
    expect(first[4]).toBe('1');
  });

  it('projects again only a grid whose outline changed', async () => {
    const el = await mount();
    const paths = qa<SVGPathElement>(el, 'path.grid');
    const ds = paths.map((p) => p.getAttribute('d'));
    const before = projectionStats.shapes;
    const input = freshYantianInput();
    const ring = (input.grids!.features[5] as { geometry: { coordinates: number[][][] } }).geometry
      .coordinates[0]!;
    ring[1] = [ring[1]![0]! + 0.001, ring[1]![1]! + 0.001];
    el.data = input;
    await el.updateComplete;
    expect(projectionStats.shapes).toBe(before + 1);
    const after = qa<SVGPathElement>(el, 'path.grid');
    expect(after[5]!.getAttribute('d')).not.toBe(ds[5]);
    expect(after.filter((p, i) => i !== 5).map((p) => p.getAttribute('d'))).toEqual(
      ds.filter((_, i) => i !== 5),
    );
  });
});

describe('theme, locale and accessibility', () => {
  it('dark theme changes the map colours', async () => {
    const light = await mount();
    const dark = await mount({ attrs: { theme: 'dark' } });
    const fill = (el: SafetyGridMap) => getComputedStyle(qa(el, 'path.grid')[0]!).fill;
    expect(fill(dark)).not.toBe(fill(light));
    expect(getComputedStyle(dark).backgroundColor).toBe('rgb(13, 17, 23)');
    expect(getComputedStyle(q(dark, '.tooltip') ?? q(dark, '.legend')!).color).toBe('rgb(230, 237, 243)');
  });

  it('dark theme repaints the canvas in dark colours', async () => {
    const feed = syntheticGridFeed(freshYantianInput(), { cells: 400 });
    const light = await mount({ data: feed, attrs: { renderer: 'canvas' } });
    const dark = await mount({ data: feed, attrs: { renderer: 'canvas', theme: 'dark' } });
    const luminance = (el: SafetyGridMap) => {
      const c = q<HTMLCanvasElement>(el, 'canvas.paint')!;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      let n = 0;
      for (let i = 0; i < d.length; i += 4 * 97) {
        if (d[i + 3] === 0) continue;
        sum += d[i]! + d[i + 1]! + d[i + 2]!;
        n++;
      }
      return sum / n;
    };
    expect(luminance(dark)).toBeLessThan(luminance(light));
  });

  it('stays legible in forced colours: system colours for lines and controls, classes still told apart', async () => {
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'forced-colors', value: 'active' }],
    });
    try {
      const el = await mount({ attrs: { layers: 'risk-source' } });
      expect(matchMedia('(forced-colors: active)').matches).toBe(true);
      const swatches = qa<HTMLElement>(el, '.legend .swatch').map((s) => getComputedStyle(s).backgroundColor);
      expect(new Set(swatches).size).toBe(swatches.length);
      const marks = qa(el, 'svg.vector g.mark path');
      expect(marks.length).toBeGreaterThan(0);
      expect(qa(el, 'path.grid').length).toBe(30);
      await axeClean(el);
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { features: [] });
    }
  });

  it('speaks Chinese on a Chinese page', async () => {
    const el = await mount({ lang: 'zh-CN', attrs: { list: '' } });
    expect(text(q(el, '.legend-title'))).toBe('刑事立案');
    expect(text(q(el, '.header .place'))).toBe('盐田区');
    expect(surface(el).getAttribute('aria-label')).toBe('盐田区网格地图，按刑事立案着色');
    expect(text(q(el, '[part="privacy-note"]'))).toContain('少于3的计数显示为“<3”');
    expect(cells(twinRows(el)[0]!)).toEqual(['海山第01网格', '海山街道', '133', '100–149', '1']);
    expect(qa(el, '#twin thead th').map(text)).toEqual(['网格', '街道', '刑事立案', '分级', '排名']);
  });

  it('has no serious axe violations, list hidden or shown, light or dark, with a tooltip', async () => {
    const el = await mount({ attrs: { context: '', layers: 'risk-source,camera' } });
    await axeClean(el);
    el.list = true;
    el.theme = 'dark';
    await el.updateComplete;
    surface(el).focus();
    await userEvent.keyboard('{ArrowDown}');
    await vi.waitFor(() => expect(tooltip(el)).not.toBeNull());
    await axeClean(el);
    const zh = await mount({ lang: 'zh-CN', attrs: { metric: 'category:domestic' } });
    await axeClean(zh);
  });
});
