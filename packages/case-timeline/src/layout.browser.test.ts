/// <reference types="@vitest/browser-playwright" />
/**
 * What a resident sees on a phone and on a wide page: the plot is most of the widget, the
 * controls are one row, the headline is one sentence, the words and the dashed lines agree,
 * and the widget keeps its size from loading to ready.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { LineDataset } from './chart.js';
import { dayFromYmd } from './dates.js';
import { rawYantian } from '../test/feeds.js';
import {
  all,
  canvasOf,
  chartOf,
  expectAccessible,
  mount,
  q,
  settle,
  watchErrors,
  type Timeline,
} from '../test/helpers.js';

let watch: ReturnType<typeof watchErrors>;
beforeEach(async () => {
  watch = watchErrors();
  await page.viewport(1366, 900);
  // Widgets take the page's typeface, and the skeleton reserves lines of text: lay them out on a page
  // set in Arial, a typical sans-serif page (Chromium's default page font is a wider serif).
  document.body.style.fontFamily = 'Arial, sans-serif';
});
afterEach(() => {
  document.body.replaceChildren();
  watch.stop();
  expect(watch.errors).toEqual([]);
});

const PHONE = 358; // a 390 px phone less the page's margins
const WIDE = 1100; // a card on a 1366 px page

async function at(width: number, attrs: Record<string, string | boolean> = {}, data: unknown = rawYantian()) {
  await page.viewport(width === PHONE ? 390 : 1366, 900);
  const el = await mount(attrs, data);
  el.style.width = `${width}px`;
  await expect.poll(() => Math.round(q(el, '.timeline').getBoundingClientRect().width)).toBe(width);
  await expect.poll(() => chartOf(el)?.width ?? 0).toBeGreaterThan(width - 120);
  await settle(el);
  return el;
}

const height = (e: Element) => e.getBoundingClientRect().height;
const text = (el: Timeline, selector: string) => q(el, selector).textContent!.replace(/\s+/g, ' ').trim();

/** What a feed current today looks like when its counts ended in November 2017. */
function liveFeed() {
  const raw = rawYantian();
  raw.asOf = new Date(Date.now() - 60_000).toISOString();
  raw.events.push({
    id: 'today',
    time: new Date(Date.now() - 120_000).toISOString(),
    category: 'fraud',
    kind: 'incident',
    grid: 'meisha-g01',
    subdistrict: 'meisha',
    provenance: 'synthetic',
  });
  return raw;
}

describe('on a phone (390 px)', () => {
  for (const [name, attrs, feed] of [
    ['the district', { yoy: true }, rawYantian],
    ['the district in Chinese', { yoy: true, lang: 'zh-CN' }, rawYantian],
    ['a live feed whose counts ended years ago', {}, liveFeed],
  ] as const) {
    it(`the plot is at least half the widget, under one row of controls: ${name}`, async () => {
      const el = await at(PHONE, attrs, feed());
      const host = height(el);
      expect(height(canvasOf(el))).toBeGreaterThanOrEqual(0.5 * host);
      const row = q(el, '.controls');
      expect(height(row)).toBeLessThan(60);
      // One line: every control in the row lies inside it.
      const box = row.getBoundingClientRect();
      for (const c of Array.from(row.children)) {
        const r = c.getBoundingClientRect();
        expect(r.top).toBeGreaterThanOrEqual(box.top - 0.5);
        expect(r.bottom).toBeLessThanOrEqual(box.bottom + 0.5);
      }
      expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth);
      // The date fields, comparison and table wait behind "More".
      expect(q(el, '#more').hidden).toBe(true);
      expect(q(el, 'input[name="start"]').getBoundingClientRect().height).toBe(0);
      // One headline above the chart (the span shown, then the comparison); the rest on demand.
      expect(all(el, '.headline')).toHaveLength(1);
      expect(q(el, '.headline').getBoundingClientRect().bottom).toBeLessThan(
        q(el, '.plot').getBoundingClientRect().top,
      );
      expect(q<HTMLDetailsElement>(el, 'details.figures').open).toBe(false);
      // Legend chips: one row that scrolls sideways.
      expect(height(q(el, '.legend'))).toBeLessThanOrEqual(50);
    });
  }

  it('every control can be reached with the keyboard and has a name; More opens and closes', async () => {
    const el = await at(PHONE, { yoy: true });
    const reached: { tag: string; name: string }[] = [];
    /** The name from aria-label, else the label's own words (not the control's), else the content. */
    const nameOf = (e: HTMLElement) => {
      const label = (e as HTMLInputElement).labels?.[0]?.cloneNode(true) as HTMLElement | undefined;
      label?.querySelector('select')?.remove();
      return (e.getAttribute('aria-label') ?? (label?.textContent || e.textContent || ''))
        .replace(/\s+/g, ' ')
        .trim();
    };
    q(el, '.headline').setAttribute('tabindex', '-1');
    q(el, '.headline').focus();
    for (let i = 0; i < 20; i++) {
      await userEvent.tab();
      const active = el.shadowRoot!.activeElement as HTMLElement | null;
      if (!active) break;
      reached.push({
        tag: `${active.tagName.toLowerCase()}${active.className ? `.${active.className}` : ''}`,
        name: nameOf(active),
      });
    }
    const names = reached.map((r) => r.name);
    expect(names.slice(0, 3)).toEqual(['Month', 'Range', 'More options: dates, comparison and table']);
    for (const r of reached) expect(r.name, r.tag).not.toBe('');
    // The six legend buttons and the chart follow.
    expect(names).toContain('110 police alerts61,254');
    expect(reached.some((r) => r.tag.startsWith('div.plot'))).toBe(true);
    // More, from the keyboard: its panel's fields become reachable.
    const more = q(el, 'button.more-toggle');
    more.focus();
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(q(el, '#more').hidden).toBe(false);
    await userEvent.tab();
    expect((el.shadowRoot!.activeElement as HTMLInputElement).name).toBe('start');
    for (const sel of [
      'input[name="start"]',
      'input[name="end"]',
      'input[name="yoy"]',
      'details.data > summary',
      'details.about > summary',
    ]) {
      expect(nameOf(q(el, sel)), sel).not.toBe('');
      expect(height(q(el, sel))).toBeGreaterThanOrEqual(24);
    }
    await expectAccessible(el);
    more.click();
    await settle(el);
    expect(q(el, '#more').hidden).toBe(true);
  });

  it('touch targets of 44 px, text of 14 px (nothing under 12), tabular figures', async () => {
    const el = await at(PHONE, { yoy: true, 'show-table': true });
    const targets = [
      ...all(el, '.segmented label'),
      q(el, 'select[name="range"]'),
      q(el, 'button.more-toggle'),
      ...all(el, '.legend button'),
    ];
    for (const t of targets) {
      const r = t.getBoundingClientRect();
      expect(r.height, t.textContent!).toBeGreaterThanOrEqual(44);
      expect(r.width, t.textContent!).toBeGreaterThanOrEqual(40);
    }
    for (const s of all(el, '.foot summary')) expect(height(s)).toBeGreaterThanOrEqual(24);
    // Every piece of visible text.
    const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
    let checked = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !n.textContent!.trim() || !parent.checkVisibility()) continue;
      // Core's stale badge uses its small size, 0.857 × 14 = 11.998 px: drawn as 12.
      expect(parseFloat(getComputedStyle(parent).fontSize), n.textContent!).toBeGreaterThanOrEqual(11.99);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    for (const sel of ['.headline', '.legend .name', '.segmented span', 'select']) {
      expect(parseFloat(getComputedStyle(q(el, sel)).fontSize), sel).toBeGreaterThanOrEqual(14);
    }
    for (const sel of ['.headline', '.legend .total', 'td', '.summary'])
      expect(getComputedStyle(q(el, sel)).fontVariantNumeric, sel).toBe('tabular-nums');
  });

  it('Day and Week are disabled, with the reason in words, in a grid counted by month', async () => {
    const el = await at(PHONE, { grid: 'haishan-g03' });
    const radio = (v: string) => q<HTMLInputElement>(el, `input[name="interval"][value="${v}"]`);
    expect([radio('day').disabled, radio('week').disabled, radio('month').disabled]).toEqual([
      true,
      true,
      false,
    ]);
    const note = q(el, '#interval-note');
    expect(note.checkVisibility()).toBe(true);
    expect(height(note)).toBeGreaterThan(10);
    expect(note.textContent).toContain('Day and Week are not available here');
    expect(radio('day').getAttribute('aria-describedby')).toBe('interval-note');
    // Greyed, not struck through; still a 44 px row.
    const span = radio('day').nextElementSibling!;
    expect(getComputedStyle(span).textDecorationLine).toBe('none');
    expect(getComputedStyle(span).color).not.toBe(getComputedStyle(radio('month').nextElementSibling!).color);
    expect(height(q(el, '.controls'))).toBeLessThan(60);
  });
});

describe('at 1366 px', () => {
  it('the same one row, roomy; targets of at least 24 px', async () => {
    const el = await at(WIDE, { yoy: true });
    expect(height(q(el, '.controls'))).toBeLessThan(60);
    expect(height(canvasOf(el))).toBeGreaterThanOrEqual(280);
    for (const t of [
      ...all(el, '.segmented label'),
      q(el, 'select'),
      q(el, '.more-toggle'),
      ...all(el, '.legend button'),
    ]) {
      const r = t.getBoundingClientRect();
      expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(24);
    }
    // Legend totals are shown here, in tabular figures.
    expect(q(el, '.legend .total').checkVisibility()).toBe(true);
    await expectAccessible(el);
  });
});

describe('loading keeps the final size', () => {
  for (const width of [PHONE, WIDE]) {
    for (const lang of ['en', 'zh-CN']) {
      it(`${width} px, ${lang}: the skeleton is as tall as the widget it becomes`, async () => {
        await page.viewport(width === PHONE ? 390 : 1366, 900);
        const el = await mount({ feed: 'not-there-yet', lang, yoy: true });
        el.style.width = `${width}px`;
        await settle(el);
        expect(el.status).toBe('loading');
        expect(q(el, '[aria-busy="true"]').textContent).toContain(lang === 'en' ? 'Loading' : '加载');
        const loading = height(el);
        const skeletonPlot = height(q(el, '.plot'));
        el.removeAttribute('feed');
        // A current feed (the 2017 sample said to update once in 20 years is not stale by age): the stale
        // badge is a state of its own, checked below.
        el.data = currentYantian();
        await settle(el);
        expect(el.status).toBe('ready');
        await expect.poll(() => chartOf(el)?.height ?? 0).toBeGreaterThan(100);
        expect(Math.abs(height(el) - loading)).toBeLessThanOrEqual(2);
        expect(height(q(el, '.plot'))).toBe(skeletonPlot);
      });
    }
  }
});

/** The 2017 sample said to update once in 20 years: not stale by age, so no stale badge. */
function currentYantian() {
  return { ...rawYantian(), expectedUpdateSeconds: 20 * 365 * 86_400 };
}

describe('the stale badge', () => {
  it('sits in the source line under the chart: nothing above it moves when the feed is stale', async () => {
    const top = async (data: unknown) => {
      const el = await mount({ lang: 'en', yoy: true }, data);
      el.style.width = `${PHONE}px`;
      await settle(el);
      await expect.poll(() => chartOf(el)?.height ?? 0).toBeGreaterThan(100);
      const at = {
        status: el.status,
        plot: q(el, '.plot').getBoundingClientRect().top - el.getBoundingClientRect().top,
        badge: el.shadowRoot!.querySelector('.caption [part~="stale"]')?.textContent ?? '',
      };
      el.remove();
      return at;
    };
    const current = await top(currentYantian());
    const stale = await top(rawYantian());
    expect(current).toMatchObject({ status: 'ready', badge: '' });
    expect(stale.status).toBe('stale');
    expect(stale.badge).toMatch(/Data is .* old/);
    expect(stale.plot).toBe(current.plot);
  });
});

describe('the words and the dashed lines agree', () => {
  /** Per shown category: whether its dashed line is drawn, and whether its sentence compares with a year earlier. */
  const agreement = (el: Timeline) => {
    const chart = chartOf(el)!;
    return all(el, '.legend button[aria-pressed="true"]').map((b) => {
      const id = b.dataset['category']!;
      const name = b.querySelector('.name')!.textContent!;
      const prev = chart.data.datasets.find((d) => (d as LineDataset).key === `${id}:previous`)!;
      const drawn = !prev.hidden && (prev.data as { y: number | null }[]).some((p) => p.y !== null);
      const sentence = all(el, '.summary p').find((p) => p.textContent!.startsWith(`${name}:`))!.textContent!;
      const compares = /on a year earlier|a year earlier \(small base|the same as a year earlier/.test(
        sentence,
      );
      return { id, drawn, compares };
    });
  };
  const pixels = (el: Timeline) => {
    const c = canvasOf(el);
    return c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
  };
  const samePixels = (a: Timeline, b: Timeline) => {
    const pa = pixels(a);
    const pb = pixels(b);
    return pa.length === pb.length && pa.every((v, i) => v === pb[i]);
  };

  it('date inputs from March 2014: no year earlier for the range, so no dashed line is drawn', async () => {
    const el = await at(WIDE, { yoy: true });
    await userEvent.click(q(el, 'button.more-toggle'));
    await settle(el);
    await userEvent.fill(q(el, 'input[name="start"]'), '2014-03-10');
    await settle(el);
    await userEvent.fill(q(el, 'input[name="end"]'), '2016-08-20');
    await settle(el);
    const rows = agreement(el);
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r.drawn, r.id).toBe(r.compares);
    expect(rows.every((r) => !r.drawn)).toBe(true);
    expect(text(el, '.headline')).toContain('there is no count for a year earlier to compare with');
    // The canvas is what it is without the comparison: not a dashed pixel.
    const plain = await at(WIDE, { start: '2014-03-10', end: '2016-08-20' });
    expect(samePixels(el, plain)).toBe(true);
  });

  it('a drag across 2016: the year earlier is stated and drawn', async () => {
    const el = await at(WIDE, { yoy: true });
    const chart = chartOf(el)!;
    const rect = canvasOf(el).getBoundingClientRect();
    const x = (day: number) => rect.left + chart.scales.x!.getPixelForValue(day);
    const y = rect.top + (chart.chartArea.top + chart.chartArea.bottom) / 2;
    const plot = q(el, '.plot');
    const pointer = (type: string, day: number) =>
      plot.dispatchEvent(
        new PointerEvent(type, {
          clientX: x(day),
          clientY: y,
          button: 0,
          pointerType: 'mouse',
          bubbles: true,
        }),
      );
    pointer('pointerdown', dayFromYmd(2016, 1, 3));
    pointer('pointermove', dayFromYmd(2016, 7, 1));
    pointer('pointerup', dayFromYmd(2016, 12, 29));
    await settle(el);
    // Snapped to whole months: the figures speak of the months drawn.
    expect([el.start, el.end]).toEqual(['2016-01-01', '2016-12-31']);
    expect(text(el, '.headline')).toMatch(
      /^In 2016: [\d,]+ cases in all, .+\. 6 categories together: [\d,]+ in 2016, (up|down) [\d.]+% on a year earlier\.$/,
    );
    const rows = agreement(el);
    for (const r of rows) expect(r.drawn, r.id).toBe(r.compares);
    expect(rows.every((r) => r.drawn)).toBe(true);
    const plain = await at(WIDE, { start: '2016-01-01', end: '2016-12-31' });
    expect(samePixels(el, plain)).toBe(false);
  });

  it('when only some categories have a year earlier, only theirs are dashed, and the headline says whose', async () => {
    // Fires counted only from 2016.
    const raw = rawYantian();
    for (const s of raw.series as { category: string; grid?: string; start: string; counts: number[] }[]) {
      if (s.category === 'fire' && !s.grid) {
        s.start = '2016-01-01';
        s.counts = s.counts.slice(730);
      }
    }
    const el = await at(WIDE, { yoy: true, start: '2016-03-01', end: '2016-08-31' }, raw);
    const rows = agreement(el);
    for (const r of rows) expect(r.drawn, r.id).toBe(r.compares);
    expect(rows.filter((r) => !r.drawn).map((r) => r.id)).toEqual(['fire']);
    expect(text(el, '.headline')).toMatch(/\. 5 of 6 categories with a count a year earlier: /);
  });
});
