/// <reference types="@vitest/browser-playwright" />
/**
 * Issue 16 (Chartability) for the timeline: text follows the reader's default font size and the
 * layout reflows; the chart's focus name is short and the keys are on screen while it has keyboard
 * focus; the description block explains how to read it; marks stand out 3:1; the chosen view can be
 * kept in the page's URL.
 */
import { contrastRatio } from '@safety-widgets/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import type { LineDataset } from './chart.js';
import type { TimelineViewState } from './view-state.js';
import { rawYantian } from '../test/feeds.js';
import {
  all,
  chartOf,
  expectAccessible,
  legendButton,
  mount,
  q,
  settle,
  watchErrors,
  type Timeline,
} from '../test/helpers.js';

let watch: ReturnType<typeof watchErrors>;
beforeEach(() => {
  watch = watchErrors();
  document.body.style.fontFamily = 'Arial, sans-serif';
});
afterEach(async () => {
  document.body.replaceChildren();
  await cdp().send('Page.setFontSizes', { fontSizes: { standard: 16 } });
  watch.stop();
  expect(watch.errors).toEqual([]);
});

const text = (el: Timeline, selector: string) => q(el, selector).textContent!.replace(/\s+/g, ' ').trim();
const px = (e: Element) => Number.parseFloat(getComputedStyle(e).fontSize);

async function at(viewport: number, attrs: Record<string, string | boolean> = {}) {
  await page.viewport(viewport, 900);
  const el = await mount(attrs, rawYantian());
  el.style.width = `${viewport - 32}px`;
  await expect.poll(() => chartOf(el)?.width ?? 0).toBeGreaterThan(viewport - 200);
  await settle(el);
  return el;
}

describe('text follows the reader’s default font size', () => {
  for (const viewport of [390, 1366]) {
    it(`at 32 px the text doubles, the axis labels too, and nothing is clipped (${viewport} px)`, async () => {
      const base = await at(viewport);
      const tick = (el: Timeline) =>
        (chartOf(el)!.options.scales!['x']!.ticks as { font: { size: number } }).font.size;
      expect(px(q(base, '.headline'))).toBe(14);
      expect(tick(base)).toBe(12);
      const baseTicks = chartOf(base)!.scales['x']!.ticks.length;
      base.remove();

      await cdp().send('Page.setFontSizes', { fontSizes: { standard: 32 } });
      const el = await at(viewport);
      expect(px(q(el, '.headline'))).toBe(28);
      expect(px(q(el, '.legend button'))).toBe(28);
      expect(px(q(el, 'select'))).toBe(28);
      // The axis labels are read from the page: 24 px, and fewer of them so they do not collide.
      expect(tick(el)).toBe(24);
      const ticks = chartOf(el)!.scales['x']!.ticks.length;
      if (viewport > 480) expect(ticks).toBeLessThan(baseTicks);
      else expect(ticks).toBeLessThanOrEqual(baseTicks);
      // Nothing under 12 px, nothing in px that stays small.
      for (const e of all(el, '.timeline *')) {
        if (e.closest('[hidden], .more[hidden], details:not([open]) > :not(summary)')) continue;
        if (e.getClientRects().length === 0 || !e.textContent?.trim()) continue;
        expect(px(e), e.className || e.tagName).toBeGreaterThanOrEqual(24);
      }
      // Reflows, not clips: every box fits its width, and every control of the row lies inside it.
      for (const s of ['.timeline', '.toolbar', '.controls', '.plot', '.foot', '.headline', '.head']) {
        const box = q(el, s);
        expect(box.scrollWidth, s).toBeLessThanOrEqual(box.clientWidth);
      }
      const row = q(el, '.controls').getBoundingClientRect();
      for (const c of Array.from(q(el, '.controls').children)) {
        const r = c.getBoundingClientRect();
        expect(r.left).toBeGreaterThanOrEqual(row.left - 0.5);
        expect(r.right).toBeLessThanOrEqual(row.right + 0.5);
        expect(r.bottom).toBeLessThanOrEqual(row.bottom + 0.5);
      }
      // The range select shows its whole text: its box is as tall as its line.
      const select = q<HTMLSelectElement>(el, 'select');
      expect(select.getBoundingClientRect().height).toBeGreaterThanOrEqual(px(select) * 1.2);
      expect(select.scrollWidth).toBeLessThanOrEqual(select.clientWidth + 1);
      await expectAccessible(el);
    });
  }
});

describe('focus and keyboard instructions', () => {
  it('the chart’s focus name is short; the summary is read on demand, not on every focus', async () => {
    const el = await at(1366);
    const plot = q(el, '.plot');
    expect(plot.getAttribute('aria-label')).toBe('Case counts by month, from January 2014 to November 2017');
    // Described by one short sentence of keys, not by the headline or the figures.
    const described = plot.getAttribute('aria-describedby')!.split(' ');
    expect(described).toEqual(['keys']);
    expect(text(el, '#keys')).toBe('Use the left and right arrow keys to move between periods.');
    expect(plot.getAttribute('aria-label')!.length + text(el, '#keys').length).toBeLessThan(120);
    // What the accessibility tree exposes, not only the attributes.
    // The test page is a frame of the runner's page: ask for its tree.
    const frames = (await cdp().send('Page.getFrameTree')) as {
      frameTree: { frame: { id: string }; childFrames?: { frame: { id: string } }[] };
    };
    const frameId = frames.frameTree.childFrames?.[0]?.frame.id ?? frames.frameTree.frame.id;
    const tree = (await cdp().send('Accessibility.getFullAXTree', { frameId })) as {
      nodes: { name?: { value: string }; description?: { value: string }; role?: { value: string } }[];
    };
    const node = tree.nodes.find((n) => n.name?.value === plot.getAttribute('aria-label'));
    expect(node, 'the chart in the accessibility tree').toBeDefined();
    expect(node!.description?.value ?? '').toBe('Use the left and right arrow keys to move between periods.');
    const zh = await at(1366, { lang: 'zh-CN' });
    expect(q(zh, '.plot').getAttribute('aria-label')).toBe('按月统计的案件数量，2014年1月至2017年11月');
  });

  it('shows the keys on screen while the chart has keyboard focus, and only then', async () => {
    const el = await at(1366);
    const hint = q(el, '[part="key-hint"]');
    expect(getComputedStyle(hint).display).toBe('none');
    // Tab from the last legend button to the chart.
    legendButton(el, 'domestic').focus();
    await userEvent.tab();
    await settle(el);
    expect(el.shadowRoot!.activeElement).toBe(q(el, '.plot'));
    expect(getComputedStyle(hint).display).toBe('block');
    expect(hint.textContent).toContain('Home End first, last');
    // Legible over the chart: text colour on the surface, in the chart's box.
    expect(
      contrastRatio(getComputedStyle(hint).color, getComputedStyle(hint).backgroundColor),
    ).toBeGreaterThanOrEqual(4.5);
    const plot = q(el, '.plot').getBoundingClientRect();
    const box = hint.getBoundingClientRect();
    expect(box.bottom).toBeLessThanOrEqual(plot.bottom);
    expect(box.right).toBeLessThanOrEqual(plot.right);
    await userEvent.tab();
    expect(getComputedStyle(hint).display).toBe('none');
  });
});

describe('the description block', () => {
  it('says what is counted, YoY and the year-earlier comparison, small base and “<3”, events, data and keys', async () => {
    const el = await at(1366, { 'small-base': '8' });
    const about = q<HTMLDetailsElement>(el, 'details.about');
    expect(about.open).toBe(false);
    await userEvent.click(q(el, 'details.about > summary'));
    expect(about.open).toBe(true);
    const words = text(el, 'details.about');
    expect(words).toContain('About this chart');
    expect(words).toContain('recorded per month in Yantian District');
    expect(words).toContain('a period with no count is a gap, never 0');
    expect(words).toContain('YoY (year on year) compares a period with the same days one year earlier');
    expect(words).toContain('When fewer than 8 cases were counted a year earlier (a small base)');
    expect(words).toContain('“<3”');
    expect(words).toContain('Triangles on the time axis mark events');
    expect(words).toMatch(/Figures as of .*2017/);
    expect(words).toContain('Page Up and Page Down move 10 periods');
    const zh = await at(1366, { lang: 'zh-CN' });
    await userEvent.click(q(zh, 'details.about > summary'));
    expect(text(zh, 'details.about')).toContain('同比：将一个周期与上一年的同一日期比较');
    expect(text(zh, 'details.about')).toContain('基数小');
    await expectAccessible(el);
  });
});

describe('marks that stand out', () => {
  for (const theme of ['light', 'dark']) {
    it(`lines, year-earlier lines, annotation markers, brush and icons are 3:1 against the surface (${theme})`, async () => {
      const el = await at(1366, { theme, yoy: true });
      const surface = getComputedStyle(q(el, '.timeline')).backgroundColor;
      const probe = q(el, '.probe');
      const token = (name: string) => {
        probe.style.color = `var(${name})`;
        const c = getComputedStyle(probe).color;
        probe.style.color = '';
        return c;
      };
      const chart = chartOf(el)!;
      for (let i = 1; i <= 6; i++)
        expect(contrastRatio(token(`--_series-${i}`), surface), `series ${i}`).toBeGreaterThanOrEqual(3);
      // Each year-earlier line is drawn in its category's own colour (no transparency), dashed.
      for (const d of chart.data.datasets as LineDataset[]) {
        if (!d.key?.endsWith(':previous') || d.hidden) continue;
        expect(contrastRatio(String(d.borderColor), surface), d.key).toBeGreaterThanOrEqual(3);
        expect(d.borderDash).toEqual([6, 4]);
      }
      // Annotation triangles (text), the cursor (text), the brush's edge (focus colour).
      for (const name of ['--_fg', '--_focus'])
        expect(contrastRatio(token(name), surface), name).toBeGreaterThanOrEqual(3);
      // Interactive icons: the More chevron, a hidden category's swatch, the table's sort icons.
      expect(contrastRatio(getComputedStyle(q(el, '.chevron')).stroke, surface)).toBeGreaterThanOrEqual(3);
      await userEvent.click(legendButton(el, 'fire'));
      await settle(el);
      const off = legendButton(el, 'fire');
      expect(
        contrastRatio(
          getComputedStyle(off.querySelector('.swatch')!).color,
          getComputedStyle(off).backgroundColor,
        ),
      ).toBeGreaterThanOrEqual(3);
      await userEvent.click(q(el, 'details.data > summary'));
      await settle(el);
      expect(contrastRatio(getComputedStyle(q(el, '.sort-icon')).fill, surface)).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('the view can be kept in the page’s URL', () => {
  it('fires safety-view-change with the attribute values that show the same view again', async () => {
    const el = await at(1366);
    const seen: TimelineViewState[] = [];
    el.addEventListener('safety-view-change', (e) => seen.push(e.detail));
    await userEvent.click(q(el, 'input[name="interval"][value="year"]'));
    await settle(el);
    expect(seen.at(-1)).toEqual({ interval: 'year', start: null, end: null, categories: null, yoy: false });
    await userEvent.click(legendButton(el, 'fire'));
    await settle(el);
    expect(seen.at(-1)!.categories).toBe('alerts-110,criminal,fraud,dispute,domestic');
    await userEvent.selectOptions(q<HTMLSelectElement>(el, 'select'), 'year');
    await settle(el);
    expect(seen.at(-1)).toMatchObject({ interval: 'year', start: '2017-01-01', end: '2017-11-30' });
    expect(seen).toHaveLength(3);
    // A page that wrote these to its URL sets them back on a new element: the same view.
    const state = seen.at(-1)!;
    const again = await at(1366, {
      interval: state.interval,
      start: state.start!,
      end: state.end!,
      categories: state.categories!,
    });
    expect(text(again, '.headline')).toBe(text(el, '.headline'));
    expect(all(again, '.legend button').map((b) => b.getAttribute('aria-pressed'))).toEqual(
      all(el, '.legend button').map((b) => b.getAttribute('aria-pressed')),
    );
    expect(q<HTMLSelectElement>(again, 'select').value).toBe('year');
    // Setting attributes from script fires nothing; the widget never writes the page's URL.
    const before = location.href;
    again.addEventListener('safety-view-change', () => seen.push({} as TimelineViewState));
    again.setAttribute('interval', 'month');
    await settle(again);
    expect(seen).toHaveLength(3);
    expect(location.href).toBe(before);
  });
});
