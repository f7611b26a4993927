/**
 * <safety-case-timeline> as a still picture (`snapshot`, print) and its text alternative
 * (`summary`), in Chromium, with the sample district's feed.
 */
import { formatDateTime } from '@safety-widgets/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import type {} from '@vitest/browser-playwright';
import { controlsInTree, visibleControls } from '../../../test/still-picture.js';
import { editableYantian, rawYantian } from '../test/feeds.js';
import { all, chartOf, countPixels, mount, q, settle } from '../test/helpers.js';

const emulate = (media: string) => cdp().send('Emulation.setEmulatedMedia', { media, features: [] });

afterEach(async () => {
  document.body.replaceChildren();
  await emulate('');
});

describe('snapshot', () => {
  it('live, the timeline has its toolbar, legend buttons and a focusable chart (what snapshot takes away)', async () => {
    const el = await mount({}, rawYantian());
    expect(visibleControls(el).length).toBeGreaterThan(8);
    expect(await controlsInTree()).toEqual(expect.arrayContaining(['button', 'radio', 'combobox']));
  });

  it('draws the chart, its legend and year-earlier lines as configured, with no control', async () => {
    const el = await mount({ snapshot: true, yoy: true, categories: 'fraud,fire' }, rawYantian());
    expect(visibleControls(el)).toEqual([]);
    expect(await controlsInTree()).toEqual([]);
    // The legend is a key: every category with data, the hidden ones marked as in the live widget.
    const chips = all(el, '[part="legend-item"]');
    expect(chips.map((c) => c.tagName)).toEqual(Array(6).fill('SPAN'));
    expect(chips.filter((c) => !c.classList.contains('off')).map((c) => c.dataset.category)).toEqual([
      'fraud',
      'fire',
    ]);
    expect(q(el, '[part="legend"]').checkVisibility()).toBe(true);
    // The dashed year-earlier lines are drawn, as `yoy` asks.
    const chart = chartOf(el)!;
    const previous = chart.data.datasets.find((d) => (d as { key?: string }).key === 'fraud:previous')!;
    expect(previous.hidden).toBe(false);
    expect((previous as { borderDash?: number[] }).borderDash).toEqual([6, 4]);
    expect(q(el, '[part="headline"]').checkVisibility()).toBe(true);
  });

  it('writes the source and time of the data in a footer line, in English and Chinese', async () => {
    const el = await mount({ snapshot: true }, rawYantian());
    const time = formatDateTime('2017-12-04T09:00:00+08:00', 'en', 'Asia/Shanghai');
    expect(q(el, '[part="footer"]').textContent).toMatch(
      new RegExp(`^Source: Raising public-safety capacity .* · Data as of ${time}$`),
    );
    el.lang = 'zh-CN';
    await settle(el);
    expect(q(el, '[part="footer"]').textContent).toMatch(/^来源：.* · 数据截至 2017年12月4日 09:00$/);
  });

  it('keeps a one-row phone legend whole, wrapped, rather than cut at the edge', async () => {
    const box = document.createElement('div');
    box.style.width = '360px';
    document.body.append(box);
    const el = await mount({ snapshot: true }, rawYantian(), box);
    el.style.width = '360px';
    await settle(el);
    const legend = q(el, '[part="legend"]');
    expect(legend.scrollWidth).toBeLessThanOrEqual(legend.clientWidth + 1);
    const right = el.getBoundingClientRect().right;
    for (const chip of all(el, '[part="legend-item"]'))
      expect(chip.getBoundingClientRect().right).toBeLessThanOrEqual(right);
  });
});

describe('summary', () => {
  it('says the range, the totals and the change on a year earlier, in English and Chinese', async () => {
    const el = await mount({}, rawYantian());
    expect(el.summary).toBe(
      'From January 2014 to November 2017: 74,785 cases in all, the most in August 2014 (2,077), falling overall. ' +
        '6 categories together: 1,325 in November 2017, down 3.7% on a year earlier.',
    );
    expect(el.summary).toBe(q(el, '[part="headline"]').textContent!.trim());
    el.lang = 'zh-CN';
    await settle(el);
    expect(el.summary).toBe(
      '2014年1月至2017年11月共74,785起，2014年8月最多（2,077起），总体下降。6类合计：2017年11月1,325起，比上年同期下降3.7%。',
    );
  });

  it('follows the options: one category, a range', async () => {
    const el = await mount({ categories: 'fraud', start: '2017-01-01', end: '2017-06-30' }, rawYantian());
    expect(el.summary).toContain('Fraud alerts: 225 in the first half of 2017, down 46% on a year earlier.');
  });

  it("is '' before the data, and says 'no data' (never 0) for counts the feed does not have", async () => {
    const early = document.createElement('safety-case-timeline');
    document.body.append(early);
    await early.updateComplete;
    expect(early.summary).toBe('');
    early.remove();

    // The district's fraud counts are missing for March 2017.
    const feed = editableYantian();
    const march = (Date.UTC(2017, 2, 1) - Date.UTC(2014, 0, 1)) / 86_400_000;
    for (const s of feed.series as { category: string; counts: (number | null)[]; grid?: string }[])
      if (s.category === 'fraud' && !s.grid && !('subdistrict' in s)) s.counts.fill(null, march, march + 31);
    const el = await mount({ categories: 'fraud', start: '2017-03-01', end: '2017-03-31' }, feed);
    expect(el.summary).toContain('Fraud alerts: no data in March 2017.');
    expect(el.summary).not.toMatch(/\b0\b/);
  });

  it('keeps markup in feed text as the characters it is made of', async () => {
    const feed = rawYantian() as ReturnType<typeof rawYantian> & {
      categories: { id: string; name: { en: string } }[];
    };
    feed.categories.find((c) => c.id === 'fraud')!.name.en = '<img src=x onerror="window.__pwned=1">';
    const el = await mount({ categories: 'fraud', snapshot: true }, feed);
    expect(el.summary).toContain('<img src=x onerror="window.__pwned=1">: 52 in November 2017');
    expect(el.shadowRoot!.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('print', () => {
  it('hides the controls and draws a dark-theme chart again in light colours', async () => {
    const el = await mount({ theme: 'dark', categories: 'alerts-110' }, rawYantian());
    // 110 alerts are the first colour: #58a6ff dark, #0b61a4 light.
    expect(countPixels(el, [0x58, 0xa6, 0xff], 20)).toBeGreaterThan(200);
    expect(countPixels(el, [0x0b, 0x61, 0xa4], 20)).toBe(0);
    await emulate('print');
    // The legend's chips are the chart's key (as buttons they only matter at a screen): nothing else.
    expect(visibleControls(el, false).filter((c) => !c.matches('[part="legend-item"]'))).toEqual([]);
    expect(q(el, '[part="toolbar"]').checkVisibility()).toBe(false);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle(q(el, '[part="headline"]')).color).toBe('rgb(27, 31, 36)');
    await vi.waitFor(() => expect(countPixels(el, [0x0b, 0x61, 0xa4], 20)).toBeGreaterThan(200));
    expect(countPixels(el, [0x58, 0xa6, 0xff], 20)).toBe(0);
  });
});
