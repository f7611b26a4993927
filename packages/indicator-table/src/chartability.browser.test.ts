/// <reference types="@vitest/browser-playwright" />
/**
 * <safety-indicator-table> against the Chartability findings of issue 16, in Chromium: text that
 * follows the reader's default size, source notes without tooltips, named rows, marks of 3:1, how
 * to read it, visible keyboard instructions, and a view a page can keep in its URL.
 */
import { contrastRatio } from '@safety-widgets/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { currentYantian } from '../test/large-feed.js';
import './safety-indicator-table.js';
import type { SafetyIndicatorTable } from './safety-indicator-table.element.js';
import { tableStyles } from './styles.js';

afterEach(async () => {
  document.body.replaceChildren();
  await cdp().send('Page.setFontSizes', { fontSizes: { standard: 16 } });
  await page.viewport(1200, 900);
});

async function mount(
  options: { lang?: string; width?: number; theme?: 'light' | 'dark'; attrs?: Record<string, string> } = {},
): Promise<SafetyIndicatorTable> {
  const wrap = document.createElement('div');
  wrap.lang = options.lang ?? 'en';
  wrap.style.width = `${options.width ?? 1000}px`;
  const el = document.createElement('safety-indicator-table');
  for (const [k, v] of Object.entries(options.attrs ?? {})) el.setAttribute(k, v);
  if (options.theme) el.theme = options.theme;
  el.data = currentYantian();
  wrap.append(el);
  document.body.append(wrap);
  await vi.waitFor(() => expect(el.status).toBe('ready'), { timeout: 10_000, interval: 20 });
  await settle(el);
  return el;
}

async function settle(el: SafetyIndicatorTable): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s);
const $$ = <T extends Element = HTMLElement>(el: Element, s: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(s),
];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const row = (el: Element, id: string) =>
  $$<HTMLTableRowElement>(el, 'tr.row').find((r) => r.dataset.id === id)!;
const px = (n: Element) => Number.parseFloat(getComputedStyle(n).fontSize);

/** The name of the focused node in Chromium's accessibility tree. */
async function focusedName(): Promise<string | null> {
  type AxNode = { name?: { value?: string }; properties?: { name: string; value: { value?: unknown } }[] };
  const { frameTree } = (await cdp().send('Page.getFrameTree', {})) as {
    frameTree: { frame: { id: string }; childFrames?: { frame: { id: string } }[] };
  };
  for (const frame of [frameTree, ...(frameTree.childFrames ?? [])]) {
    const { nodes } = (await cdp().send('Accessibility.getFullAXTree', { frameId: frame.frame.id })) as {
      nodes: (AxNode & { role?: { value?: string } })[];
    };
    const node = nodes.find(
      (n) =>
        n.role?.value !== 'RootWebArea' &&
        n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    );
    if (node) return node.name?.value ?? '';
  }
  return null;
}

describe('text follows the reader', () => {
  it('no font size in px in the table’s styles (only core’s 12 px floor)', () => {
    const sizes = [...tableStyles.cssText.matchAll(/font-size:\s*([^;]+);/g)].map((m) => m[1]!.trim());
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes.filter((s) => /\d\s*px/.test(s))).toEqual([]);
  });

  for (const width of [390, 1366]) {
    for (const lang of ['en', 'zh-CN']) {
      it(`at a 32 px default font size, ${width} px wide (${lang}): text doubles, nothing is clipped`, async () => {
        await page.viewport(width, 900);
        await cdp().send('Page.setFontSizes', { fontSizes: { standard: 32 } });
        const el = await mount({ width: width - 32, lang });
        expect($(el, '.widget')!.classList.contains('cards')).toBe(width < 500);
        const fraud = row(el, 'fraud-alerts');
        expect(px(fraud.querySelector('.name')!)).toBe(28);
        expect(px(fraud.querySelector('.unit')!)).toBe(24);
        expect(px($(el, '.about summary')!)).toBe(24);
        // No box is wider than it shows (the table's own box may scroll sideways, as a named,
        // focusable region); nothing runs out of the widget.
        const scroller = $(el, '.scroller')!;
        const clipped = $$(el, '*')
          .filter((n) => n !== scroller && n.getClientRects().length > 0)
          .filter((n) => !n.closest('.visually-hidden, .cards thead, svg'))
          .filter((n) => getComputedStyle(n).overflowX !== 'visible' && n.scrollWidth > n.clientWidth + 1)
          .map((n) => `${n.localName}.${n.className}`);
        expect(clipped).toEqual([]);
        if (scroller.scrollWidth > scroller.clientWidth + 1) {
          expect(scroller.getAttribute('role')).toBe('region');
          expect(scroller.getAttribute('tabindex')).toBe('0');
          expect(scroller.getAttribute('aria-labelledby')).toBe('caption');
        }
        expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
        const host = el.getBoundingClientRect();
        for (const n of $$(el, 'tr.row .status-chip, [part="csv-button"], .about summary')) {
          const r = n.getBoundingClientRect();
          expect(r.right).toBeLessThanOrEqual(host.right + 1);
        }
      });
    }
  }

  it('a table wider than its box becomes a focusable region named by the caption', async () => {
    await cdp().send('Page.setFontSizes', { fontSizes: { standard: 32 } });
    const el = await mount({ width: 700 });
    const scroller = $(el, '.scroller')!;
    expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
    expect([scroller.getAttribute('role'), scroller.tabIndex]).toEqual(['region', 0]);
    scroller.focus();
    expect(await focusedName()).toBe(text($(el, 'caption')));
  });
});

describe('source notes without tooltips', () => {
  it('no information is left in a title attribute', async () => {
    const el = await mount();
    expect($$(el, '[title]')).toEqual([]);
  });

  it('keyboard: Tab from the row reaches its ⓘ; Enter shows the note and the trend in words', async () => {
    const el = await mount();
    const selects = vi.fn();
    el.addEventListener('safety-indicator-select', selects);
    const fraud = row(el, 'fraud-alerts');
    fraud.focus();
    await settle(el);
    // Only the current row's ⓘ is in the tab order.
    expect($$(el, '[part="details-button"][tabindex="0"]')).toHaveLength(1);
    await userEvent.tab();
    const button = el.shadowRoot!.activeElement as HTMLButtonElement;
    expect(button.getAttribute('part')).toBe('details-button');
    expect(button.closest('tr')).toBe(fraud);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedName()).toBe('Note and trend');
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const details = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(text(details)).toContain('Published: 225 fraud alerts');
    expect(text(details)).toMatch(/Trend \(alerts\): .*2017-H1: 225/);
    expect(selects).not.toHaveBeenCalled();
    // The row's name stays short: its indicator, unit, value and status, not the note.
    fraud.focus();
    expect(await focusedName()).toBe('Fraud alerts (first half-year) Unit: alerts 225 Target met');
    button.focus();
    await userEvent.keyboard(' ');
    await settle(el);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(fraud.querySelector('[part="details"]')).toBeNull();
  });

  it('touch: a tap on ⓘ opens the details (in Chinese), a tap in them selects nothing', async () => {
    const el = await mount({ lang: 'zh-CN', width: 360 });
    const selects = vi.fn();
    el.addEventListener('safety-indicator-select', selects);
    const fraud = row(el, 'fraud-alerts');
    const button = fraud.querySelector<HTMLButtonElement>('[part="details-button"]')!;
    const r = button.getBoundingClientRect();
    expect([r.width >= 44, r.height >= 44]).toEqual([true, true]);
    await userEvent.click(button);
    await settle(el);
    const details = fraud.querySelector('[part="details"]')!;
    expect(text(details)).toContain('公布');
    await userEvent.click(details);
    expect(selects).not.toHaveBeenCalled();
    // Every one of the 56 rows has its ⓘ.
    expect($$(el, 'tr.row [part="details-button"]')).toHaveLength(56);
  });
});

describe('marks of at least 3:1, light and dark', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(theme, async () => {
      const el = await mount({ theme, attrs: { sort: 'score:desc' } });
      const surface = getComputedStyle($(el, '.scroller')!).backgroundColor;
      const head = getComputedStyle($(el, 'thead th')!).backgroundColor;
      const ratio = (a: string, b: string) => Math.round(contrastRatio(a, b) * 100) / 100;
      const checks: [string, number][] = [];
      // Sort icons, sorted or not: core's icon, in the header text's colour, never faded.
      for (const icon of $$(el, 'thead .sort-icon')) {
        const s = getComputedStyle(icon);
        expect(Number(s.opacity)).toBe(1);
        checks.push([
          `sort icon ${icon.closest('th')!.getAttribute('aria-sort') ?? ''}`,
          ratio(s.fill, head),
        ]);
      }
      // Status chips: border, icon disc and text in the status colour.
      for (const status of ['met', 'not-met']) {
        const chip = $(el, `tr.row .status-chip[data-status="${status}"]`)!;
        checks.push([`status ${status}`, ratio(getComputedStyle(chip).borderTopColor, surface)]);
      }
      // Sparkline strokes and dots.
      const spark = $(el, '.sparkline path')!;
      checks.push(['sparkline', ratio(getComputedStyle(spark).stroke, surface)]);
      // Score bar: earned part against the track, the track against the surface.
      const bar = $(el, '.score-bar')!;
      const fill = getComputedStyle(bar.firstElementChild!).backgroundColor;
      const track = getComputedStyle(bar).backgroundColor;
      checks.push(['score bar fill / track', ratio(fill, track)], ['score bar track', ratio(track, surface)]);
      // The ⓘ button, the focus ring.
      checks.push(['details button', ratio(getComputedStyle($(el, '.details-button')!).color, surface)]);
      const fraud = row(el, 'fraud-alerts');
      fraud.focus();
      checks.push(['focus ring', ratio(getComputedStyle(fraud).outlineColor, surface)]);
      expect(checks.filter(([, r]) => !(r >= 3))).toEqual([]);
      // And no text under 12 px.
      const small = $$(el, '*')
        .filter(
          (n) => n.textContent?.trim() && n.getClientRects().length > 0 && !n.closest('.visually-hidden'),
        )
        .filter((n) => px(n) < 12);
      expect(small).toEqual([]);
    });
  }
});

describe('how to read it', () => {
  it('a collapsed description block: columns, the score, statuses, data and freshness, keys', async () => {
    const el = await mount();
    const about = $<HTMLDetailsElement>(el, 'details[part="about"]')!;
    expect(about.open).toBe(false);
    expect(text(about.querySelector('summary'))).toBe('About this table');
    // It sits between the toolbar and the table.
    expect(about.compareDocumentPosition($(el, 'table')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await userEvent.click(about.querySelector('summary')!);
    expect(about.open).toBe(true);
    const body = text(about);
    for (const column of ['Indicator', 'Value', 'Target', 'City average', 'Score', 'Trend', 'Status']) {
      expect(body).toContain(`${column}:`);
    }
    expect(body).toContain('Score "1.7 / 2" means 1.7 of the indicator\'s 2 points were earned');
    expect(body).toContain('its weight times how far the value reaches its target');
    expect(body).toContain('✓ met, ✕ not met, – no data or no target');
    expect(body).toContain('never counted as 0');
    expect(body).toContain('"synthetic" marks a value made up');
    expect(body).toMatch(/Source: Raising public-safety capacity/);
    expect(body).toMatch(/Figures as of /);
    expect(body).toContain('↑ and ↓ move one row');
  });

  it('in Chinese', async () => {
    const el = await mount({ lang: 'zh-CN' });
    const about = $<HTMLDetailsElement>(el, 'details[part="about"]')!;
    expect(text(about.querySelector('summary'))).toBe('关于此表');
    expect(text(about)).toContain('得分“1.7 / 2”表示该指标 2 分中得到 1.7 分');
    expect(text(about)).toContain('得分：');
  });
});

describe('visible keyboard instructions', () => {
  it('show at the bottom of the screen while a row has keyboard focus, and only then', async () => {
    await page.viewport(1200, 600);
    const el = await mount();
    const hint = $(el, '[part="key-hint"]')!;
    expect(hint.checkVisibility()).toBe(false);
    $<HTMLButtonElement>(el, 'thead button[data-sort="status"]')!.focus();
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement?.classList.contains('row')).toBe(true);
    expect(hint.checkVisibility()).toBe(true);
    expect(text(hint)).toBe('↑ ↓ rows · Home / End first, last · Enter select · Tab then Enter: note');
    // Mid-table (stuck to the bottom of the screen) and at the end (under the table): in view, at
    // the bottom edge, and never over the focused row.
    for (const key of ['{PageDown}', '{PageDown}', '{End}']) {
      await userEvent.keyboard(key);
      await settle(el);
      const r = hint.getBoundingClientRect();
      expect(r.bottom).toBeLessThanOrEqual(window.innerHeight);
      expect(r.bottom).toBeGreaterThan(window.innerHeight - 40);
      const focused = (el.shadowRoot!.activeElement as HTMLElement).getBoundingClientRect();
      expect(focused.bottom <= r.top || focused.top >= r.bottom).toBe(true);
    }
    await userEvent.tab({ shift: true });
    expect(hint.checkVisibility()).toBe(false);
  });
});

describe('the view in the URL', () => {
  it('fires safety-table-view-change with attribute values when the reader changes the view', async () => {
    const el = await mount({ attrs: { area: 'public-order' } });
    const seen: unknown[] = [];
    el.addEventListener('safety-table-view-change', (e) => seen.push(e.detail));
    // Setting attributes (as a page restoring its URL does) fires nothing.
    el.setAttribute('sort', 'name');
    el.setAttribute('query', 'fraud');
    await settle(el);
    expect(seen).toEqual([]);
    expect($$(el, 'tr.row').map((r) => r.dataset.id)).toEqual(['fraud-alerts']);
    $<HTMLButtonElement>(el, 'thead button[data-sort="score"]')!.click();
    await settle(el);
    const search = $<HTMLInputElement>(el, 'input[type="search"]')!;
    search.focus();
    await userEvent.clear(search);
    expect(seen).toEqual([
      { sort: 'score:asc', area: 'public-order', statusFilter: '', query: 'fraud' },
      { sort: 'score:asc', area: 'public-order', statusFilter: '', query: '' },
    ]);
    const status = $<HTMLSelectElement>(el, 'select[part~="status-filter"]')!;
    status.value = 'not-met';
    status.dispatchEvent(new Event('change'));
    expect(seen.at(-1)).toEqual({
      sort: 'score:asc',
      area: 'public-order',
      statusFilter: 'not-met',
      query: '',
    });
  });
});
