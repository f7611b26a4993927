/// <reference types="@vitest/browser-playwright" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { partialSegmentDash, type LineDataset } from './chart.js';
import { caseTimelineStats } from './safety-case-timeline.element.js';
import { dayFromYmd, parseIsoDay } from './dates.js';
import { rawMeisha, rawYantian, smallYantian, yantianWithoutGridSeries } from '../test/feeds.js';
import {
  all,
  canvasOf,
  chartOf,
  countPixels,
  drawnPixels,
  expectAccessible,
  legendButton,
  liveCharts,
  mount,
  q,
  rgb,
  settle,
  watchErrors,
  type Timeline,
} from '../test/helpers.js';

let watch: ReturnType<typeof watchErrors>;
beforeEach(() => {
  watch = watchErrors();
});
afterEach(() => {
  document.body.replaceChildren();
  watch.stop();
  // Nothing thrown into the page, nothing logged as an error.
  expect(watch.errors).toEqual([]);
});

const text = (el: Timeline, selector: string) => q(el, selector).textContent!.replace(/\s+/g, ' ').trim();
const rows = (el: Timeline) => all(el, 'tbody tr');
/** Opens the "More" panel (date fields, comparison, table) with its button, as a user would. */
const openMore = async (el: Timeline) => {
  const toggle = q(el, 'button.more-toggle');
  if (toggle.getAttribute('aria-expanded') !== 'true') await userEvent.click(toggle);
  await settle(el);
};
const seriesColor = (el: Timeline, n: number) => {
  const probe = q(el, '.probe');
  probe.style.color = `var(--_series-${n})`;
  const c = getComputedStyle(probe).color;
  probe.style.color = '';
  return rgb(c);
};

describe('rendering the sample district', () => {
  it('draws every category on the canvas, with a title, summary and legend', async () => {
    const el = await mount({}, rawYantian());
    // asOf 2017-12-04 against an hourly cadence: stale, and says so.
    expect(el.status).toBe('stale');
    expect(text(el, '[role="heading"]')).toBe('Case counts over time: Yantian District');
    expect(q(el, '[role="heading"]').getAttribute('aria-level')).toBe('2');
    // The headline: the whole span shown, then the latest month against a year earlier.
    expect(text(el, '.headline')).toMatch(
      /^From January 2014 to November 2017: 74,785 cases in all, the most in August 2014 \(2,077\), falling overall\. 6 categories together: 1,325 in November 2017, down 3\.7% on a year earlier\.$/,
    );
    expect(text(el, '.summary')).toContain(
      'Fires: 4 in November 2017, up from 2 a year earlier (small base, so no percentage).',
    );
    const buttons = all<HTMLButtonElement>(el, '.legend button');
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(Array(6).fill('true'));
    expect(buttons[0]!.textContent).toContain('110 police alerts');
    const chart = chartOf(el)!;
    expect(chart).toBeDefined();
    expect(chart.width).toBeGreaterThan(600);
    expect(chart.height).toBeGreaterThan(150);
    // Something is drawn in the plot area, and the first category's colour is there.
    expect(drawnPixels(el)).toBeGreaterThan(2000);
    expect(countPixels(el, seriesColor(el, 1))).toBeGreaterThan(200);
    // Monthly by default: 47 points per category.
    expect((chart.data.datasets[0]!.data as unknown[]).length).toBe(47);
  });

  it('a hidden category’s colour disappears from the canvas', async () => {
    const el = await mount({ categories: 'fraud,fire' }, rawYantian());
    const green = seriesColor(el, 3); // fraud is the third category
    expect(countPixels(el, green)).toBeGreaterThan(100);
    expect(countPixels(el, seriesColor(el, 1))).toBe(0); // 110 alerts start hidden
    legendButton(el, 'fraud').click();
    await settle(el);
    expect(legendButton(el, 'fraud').getAttribute('aria-pressed')).toBe('false');
    expect(countPixels(el, green)).toBe(0);
  });

  it('marks annotations on the time axis and lists them', async () => {
    const el = await mount({}, rawYantian());
    const details = q(el, 'details.events');
    expect(text(el, 'details.events summary')).toBe('17 events marked on the timeline');
    expect(details.textContent).toContain('Anti-telecom-fraud publicity month');
    expect(q(el, 'details.events time').getAttribute('datetime')).toBe('2014-01-24');
  });
});

describe('legend', () => {
  it('is operable from the keyboard: real buttons with aria-pressed', async () => {
    const el = await mount({}, rawYantian());
    const chart = chartOf(el)!;
    const fire = legendButton(el, 'fire');
    fire.focus();
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(fire.getAttribute('aria-pressed')).toBe('false');
    const index = chart.data.datasets.findIndex((d) => (d as { key?: string }).key === 'fire');
    expect(chart.data.datasets[index]!.hidden).toBe(true);
    // The summary drops it too.
    expect(text(el, '.summary')).not.toContain('Fires');
    await userEvent.keyboard(' ');
    await settle(el);
    expect(fire.getAttribute('aria-pressed')).toBe('true');
    expect(chart.data.datasets[index]!.hidden).toBe(false);
    expect(chartOf(el)).toBe(chart);
  });

  it('says when nothing is selected', async () => {
    const el = await mount({ categories: 'fire' }, rawYantian());
    await userEvent.click(legendButton(el, 'fire'));
    await settle(el);
    // The summary follows the click's update; under load it can be a task later.
    await vi.waitFor(() =>
      expect(text(el, '.summary')).toBe('No category is selected: choose one above to see its counts.'),
    );
  });
});

describe('interval', () => {
  it('switches between day, week, month and year with the control', async () => {
    const el = await mount({ 'show-table': true }, rawYantian());
    const chart = chartOf(el)!;
    expect(rows(el)).toHaveLength(47);
    await userEvent.click(q(el, 'input[name="interval"][value="year"]'));
    await settle(el);
    expect(el.interval).toBe('year');
    expect(rows(el)).toHaveLength(4);
    expect(rows(el).at(-1)!.querySelector('th')!.textContent!.trim()).toBe('2017 (to Nov 30, 2017)');
    expect((chart.data.datasets[0]!.data as unknown[]).length).toBe(4);
    await userEvent.click(q(el, 'input[name="interval"][value="week"]'));
    await settle(el);
    // 205 weeks: the table lists the latest 150 and says so; the current week is partial.
    expect(rows(el)).toHaveLength(150);
    expect(text(el, 'caption')).toContain('The latest 150 of 205 periods are listed');
    expect(rows(el).at(-1)!.querySelector('th')!.textContent!.trim()).toBe(
      'Week of Nov 27, 2017 (to Nov 30, 2017)',
    );
    el.end = '2014-02-01';
    await settle(el);
    expect(rows(el)[0]!.querySelector('th')!.textContent!.trim()).toBe(
      'Week of Dec 30, 2013 (from Jan 1, 2014)',
    );
    // The same chart throughout.
    expect(chartOf(el)).toBe(chart);
  });

  it('follows the interval attribute and falls back from an unknown one', async () => {
    const el = await mount({ interval: 'day', start: '2017-11-01', 'show-table': true }, rawYantian());
    expect(rows(el)).toHaveLength(30);
    el.setAttribute('interval', 'fortnight');
    await settle(el);
    expect(rows(el)).toHaveLength(1);
    expect(q<HTMLInputElement>(el, 'input[value="month"]').checked).toBe(true);
  });
});

describe('year-on-year', () => {
  it('draws dashed year-earlier lines and adds them to the table', async () => {
    const el = await mount({ categories: 'fraud', 'show-table': true }, rawYantian());
    const chart = chartOf(el)!;
    const prev = chart.data.datasets.find((d) => (d as { key?: string }).key === 'fraud:previous')!;
    expect(prev.hidden).toBe(true);
    await openMore(el);
    await userEvent.click(q(el, 'input[name="yoy"]'));
    await settle(el);
    expect(el.yoy).toBe(true);
    expect(prev.hidden).toBe(false);
    expect((prev as { borderDash?: number[] }).borderDash).toEqual([6, 4]);
    const headers = all(el, 'thead th').map((th) => th.textContent!.replace(/\s+/g, ' ').trim());
    // Each column says whose figure it is, on screen and to screen readers.
    expect(headers).toEqual([
      'Period',
      'Fraud alerts',
      'Fraud alerts, a year earlier',
      'Fraud alerts: change on a year earlier',
    ]);
    // January 2015 against January 2014, computed from the same series.
    const jan2015 = rows(el)[12]!.querySelectorAll('td');
    const jan2014 = rows(el)[0]!.querySelectorAll('td');
    expect(jan2015[1]!.textContent).toBe(jan2014[0]!.textContent);
    expect(jan2014[2]!.textContent!.trim()).toBe('—');
  });

  it('never draws the years after the counts end as zeros, and says where they end', async () => {
    // A live feed: current today, its counts ending in November 2017, a few incidents since.
    const raw = rawYantian();
    raw.asOf = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 3; i++)
      raw.events.push({
        id: `today-${i}`,
        time: new Date(Date.now() - (i + 2) * 60_000).toISOString(),
        category: 'fraud',
        kind: 'incident',
        grid: 'meisha-g01',
        subdistrict: 'meisha',
        provenance: 'synthetic',
      });
    const el = await mount({}, raw);
    // The summary speaks of the counted months, not of "0 cases" this year.
    expect(text(el, '.summary')).toContain(
      'Fires: 4 in November 2017, up from 2 a year earlier (small base, so no percentage).',
    );
    expect(text(el, '.summary')).not.toMatch(/\b0 /);
    expect(text(el, '.caption')).toBe(
      'Counts from the feed’s published series. Dates in Asia/Shanghai time. Sample data, partly synthetic',
    );
    expect(text(el, '[part~="recorded-since"]')).toBe(
      'The counts end on Nov 30, 2017. 3 incidents recorded since are not charted: the days after that are not fully counted.',
    );
    // The same 47 months as the sample: no run of zero months up to today.
    const chart = chartOf(el)!;
    const points = chart.data.datasets[0]!.data as { y: number | null }[];
    expect(points.length).toBe(47);
    expect(points.every((p) => p.y !== 0)).toBe(true);
    const zh = await mount({ lang: 'zh-CN' }, raw);
    expect(text(zh, '[part~="recorded-since"]')).toBe(
      '计数截至2017年11月30日。此后记录的 3 起事件未绘入图表：此后各日没有完整计数。',
    );
  });

  it('dots the line into a period not yet over, so its lower count does not read as a fall', async () => {
    const raw = rawYantian();
    raw.asOf = '2017-11-15T12:00:00+08:00';
    const chart = chartOf(await mount({}, raw))!;
    const segment = (c: typeof chart, p0DataIndex: number) =>
      partialSegmentDash({ chart: c, datasetIndex: 0, p0DataIndex, p1DataIndex: p0DataIndex + 1 } as never);
    const last = chart.getDatasetMeta(0).data.length - 1;
    expect(
      (chart.data.datasets[0] as LineDataset & { segment: { borderDash: unknown } }).segment.borderDash,
    ).toBe(partialSegmentDash);
    // November 2017 has 15 of its days: the segment into it is dotted, the others solid.
    expect(segment(chart, last - 1)).toEqual([2, 3]);
    expect(segment(chart, last - 2)).toBeUndefined();
    expect(segment(chart, 0)).toBeUndefined();
    // A whole last month: no dots.
    const whole = chartOf(await mount({}, rawYantian()))!;
    expect(segment(whole, whole.getDatasetMeta(0).data.length - 2)).toBeUndefined();
  });

  it('summarises fraud alerts in the first half of 2017: 225, down 46%', async () => {
    const el = await mount({ categories: 'fraud', start: '2017-01-01', end: '2017-06-30' }, rawYantian());
    expect(text(el, '.summary')).toBe(
      'Fraud alerts: 225 in the first half of 2017, down 46% on a year earlier.',
    );
    const zh = await mount(
      { categories: 'fraud', start: '2017-01-01', end: '2017-06-30', lang: 'zh-CN' },
      rawYantian(),
    );
    expect(text(zh, '.summary')).toBe('诈骗警情：2017年上半年225起，比上年同期下降46%。');
    // The legend total follows the range.
    expect(legendButton(el, 'fraud').textContent).toContain('225');
  });

  it('marks a small base in the table instead of a bare percentage', async () => {
    const el = await mount(
      { categories: 'fire', interval: 'month', yoy: true, 'show-table': true },
      rawYantian(),
    );
    const cells = rows(el)
      .slice(12)
      .map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent!.trim()));
    const small = cells.filter(([, prev]) => Number(prev) < 10);
    const large = cells.filter(([, prev]) => Number(prev) >= 10);
    expect(small.length).toBeGreaterThan(10);
    for (const [now, prev, change] of small) {
      const delta = Number(now) - Number(prev);
      const signed = delta > 0 ? `+${delta}` : delta < 0 ? `\u2212${-delta}` : '0';
      expect(change).toBe(`${signed} (small base)`);
    }
    for (const [, , change] of large) expect(change).toMatch(/%$/);
    // With a threshold of 0 every month with fires a year earlier gets a percentage.
    el.setAttribute('small-base', '0');
    await settle(el);
    expect(rows(el)[20]!.querySelectorAll('td')[2]!.textContent).toMatch(/%$|small base/);
  });
});

describe('range', () => {
  it('date inputs zoom the chart and fire safety-range-change', async () => {
    const el = await mount({}, rawYantian());
    const chart = chartOf(el)!;
    const events: { start: string; end: string }[] = [];
    el.addEventListener('safety-range-change', (e) => events.push(e.detail));
    await openMore(el);
    await userEvent.fill(q(el, 'input[name="start"]'), '2017-01-01');
    await settle(el);
    await userEvent.fill(q(el, 'input[name="end"]'), '2017-06-30');
    await settle(el);
    expect(events.at(-1)).toEqual({ start: '2017-01-01', end: '2017-06-30' });
    expect(el.start).toBe('2017-01-01');
    expect(chart.options.scales!.x!.min).toBe(dayFromYmd(2017, 1, 1));
    expect(chart.options.scales!.x!.max).toBe(dayFromYmd(2017, 6, 1));
    expect(chart.scales.x!.min).toBe(dayFromYmd(2017, 1, 1));
    expect(chartOf(el)).toBe(chart);
    // The range row says "Custom"; "All dates" there goes back to the whole span and says so.
    expect(q<HTMLSelectElement>(el, 'select[name="range"]').value).toBe('custom');
    await userEvent.selectOptions(q<HTMLSelectElement>(el, 'select[name="range"]'), 'all');
    await settle(el);
    expect(events.at(-1)).toEqual({ start: '2014-01-01', end: '2017-11-30' });
    expect(chart.options.scales!.x!.min).toBe(dayFromYmd(2014, 1, 1));
  });

  it('a drag across the chart (the brush) selects dates', async () => {
    const el = await mount({}, rawYantian());
    const chart = chartOf(el)!;
    const events: { start: string; end: string }[] = [];
    el.addEventListener('safety-range-change', (e) => events.push(e.detail));
    const plot = q(el, '.plot');
    const rect = canvasOf(el).getBoundingClientRect();
    const x = chart.scales.x!;
    const at = (day: number) => rect.left + x.getPixelForValue(day);
    const y = rect.top + (chart.chartArea.top + chart.chartArea.bottom) / 2;
    const pointer = (type: string, clientX: number) =>
      plot.dispatchEvent(
        new PointerEvent(type, { clientX, clientY: y, button: 0, pointerType: 'mouse', bubbles: true }),
      );
    pointer('pointerdown', at(dayFromYmd(2016, 1, 1)));
    pointer('pointermove', at(dayFromYmd(2016, 6, 1)));
    pointer('pointermove', at(dayFromYmd(2016, 12, 31)));
    pointer('pointerup', at(dayFromYmd(2016, 12, 31)));
    await settle(el);
    expect(events).toHaveLength(1);
    // Within a day of the pixels' dates.
    expect(Math.abs(parseIsoDay(events[0]!.start)! - dayFromYmd(2016, 1, 1))).toBeLessThanOrEqual(2);
    expect(Math.abs(parseIsoDay(events[0]!.end)! - dayFromYmd(2016, 12, 31))).toBeLessThanOrEqual(2);
    expect(el.start).toBe(events[0]!.start);
    // A click (no drag) selects nothing.
    pointer('pointerdown', at(dayFromYmd(2016, 3, 1)));
    pointer('pointerup', at(dayFromYmd(2016, 3, 1)));
    await settle(el);
    expect(events).toHaveLength(1);
  });

  it('clamps dates outside the data, swaps a reversed range, and ignores garbage', async () => {
    const el = await mount({ start: '2020-01-01', end: '2010-01-01' }, rawYantian());
    expect(q<HTMLInputElement>(el, 'input[name="start"]').value).toBe('2014-01-01');
    expect(q<HTMLInputElement>(el, 'input[name="end"]').value).toBe('2017-11-30');
    el.setAttribute('start', 'yesterday');
    el.setAttribute('end', '2017-02-31');
    await settle(el);
    expect(q<HTMLInputElement>(el, 'input[name="start"]').value).toBe('2014-01-01');
  });
});

describe('narrowing by sub-district or grid', () => {
  it('counts a sub-district from the district feed’s events', async () => {
    const raw = rawYantian();
    const el = await mount({ subdistrict: 'meisha', interval: 'day', 'show-table': true }, raw);
    expect(text(el, '[role="heading"]')).toBe('Case counts over time: Meisha Subdistrict');
    expect(rows(el)).toHaveLength(61);
    const meishaEvents = raw.events.filter((e) => e.kind === 'incident' && e.subdistrict === 'meisha');
    const total = all(el, '.legend .total').reduce((n, t) => n + Number(t.textContent!.replace(/,/g, '')), 0);
    expect(total).toBe(meishaEvents.length);
    expect(text(el, '.caption')).toContain(`Counted from ${meishaEvents.length} cases.`);
  });

  it('narrows to a grid, and a sub-district feed uses its own series', async () => {
    const raw = yantianWithoutGridSeries();
    const el = await mount({ grid: 'haishan-g07', categories: 'fire' }, raw);
    expect(text(el, '[role="heading"]')).toBe('Case counts over time: Haishan Grid 07');
    const fires = raw.events.filter(
      (e) => e.kind === 'incident' && e.grid === 'haishan-g07' && e.category === 'fire',
    ).length;
    expect(legendButton(el, 'fire').textContent).toContain(String(fires));
    // With the grid's monthly series: years of months, counted by month or year only.
    const full = rawYantian();
    const monthly = full.series.find((s) => s.grid === 'haishan-g07' && s.category === 'fire')!;
    const total = (monthly.counts as number[]).reduce((a, b) => a + b, 0);
    const bySeries = await mount({ grid: 'haishan-g07', categories: 'fire' }, full);
    expect(legendButton(bySeries, 'fire').textContent).toContain(total.toLocaleString('en'));
    expect(text(bySeries, '.caption')).toContain('Counts from the feed’s published series.');
    const sd = await mount({ subdistrict: 'meisha' }, rawMeisha());
    expect(text(sd, '.caption')).toContain('Counts from the feed’s published series.');
  });

  it('says in words why a grid counted by month cannot be shown by day or week', async () => {
    const el = await mount({ grid: 'haishan-g07', categories: 'fire' }, rawYantian());
    const radio = (i: string) => q<HTMLInputElement>(el, `input[name="interval"][value="${i}"]`);
    expect(radio('day').disabled).toBe(true);
    expect(radio('week').disabled).toBe(true);
    expect(radio('month').disabled).toBe(false);
    // Greyed, not struck through; the reason is on the page and is the disabled buttons' description.
    expect(getComputedStyle(radio('day').nextElementSibling!).textDecorationLine).toBe('none');
    const note = q(el, '#interval-note');
    expect(text(el, '#interval-note')).toBe(
      'Day and Week are not available here: the feed counts these figures by longer periods.',
    );
    expect(note.getBoundingClientRect().height).toBeGreaterThan(0);
    expect(radio('day').getAttribute('aria-describedby')).toBe('interval-note');
    expect(radio('month').hasAttribute('aria-describedby')).toBe(false);
    const zh = await mount({ grid: 'haishan-g07', categories: 'fire', lang: 'zh-CN' }, rawYantian());
    expect(text(zh, '#interval-note')).toBe('此处不能按日、周统计：数据源按更长的周期统计这些数字。');
    // A feed counted by day: every interval, and no note.
    const district = await mount({}, rawYantian());
    expect(all(district, '#interval-note')).toHaveLength(0);
  });

  it('withholds a sensitive category in one grid, with a note, and shows it for the sub-district', async () => {
    const raw = yantianWithoutGridSeries();
    const el = await mount({ grid: 'haishan-g07', 'show-table': true, lang: 'en' }, raw);
    // haishan-g07 has 5 domestic dispute alerts (4 in October, 1 in November): none of them shows.
    const names = all(el, '.legend .name').map((n) => n.textContent);
    expect(names).not.toContain('Domestic dispute alerts');
    expect(names).toContain('Fires');
    expect(all(el, 'thead th').map((th) => th.textContent)).not.toContain('Domestic dispute alerts');
    expect(text(el, '.summary')).not.toContain('Domestic');
    expect(text(el, '[part~="withheld"]')).toBe(
      'Domestic dispute alerts: sensitive, so not shown for a single grid, where small counts over time could point at a household. The sub-district and the district show them.',
    );
    const chart = chartOf(el)!;
    expect(chart.data.datasets.map((d) => (d as { key?: string }).key)).not.toContain('domestic');
    expect(countPixels(el, seriesColor(el, 6))).toBe(0);
    // The caption's count is of the categories shown only (else it would give the withheld total away).
    const shownTotal = all(el, '.legend .total').reduce((n, t) => n + Number(t.textContent), 0);
    expect(text(el, '.caption')).toContain(`Counted from ${shownTotal} cases.`);
    const zh = await mount({ grid: 'haishan-g07', lang: 'zh-CN' }, raw);
    expect(text(zh, '[part~="withheld"]')).toContain('家庭纠纷警情属于敏感信息，不按单个网格显示');
    // Its sub-district shows it, drawn in its colour.
    const sd = await mount({ subdistrict: 'haishan', categories: 'domestic' }, raw);
    expect(legendButton(sd, 'domestic').getAttribute('aria-pressed')).toBe('true');
    expect(sd.shadowRoot!.querySelector('[part~="withheld"]')).toBeNull();
    expect(countPixels(sd, seriesColor(sd, 6))).toBeGreaterThan(50);
  });

  it('an unknown grid is an empty state that names it', async () => {
    const fresh = { ...rawYantian(), events: [], asOf: new Date().toISOString() };
    const el = await mount({ grid: 'nowhere-g99' }, fresh);
    expect(el.status).toBe('empty');
    expect(q(el, '[part~="empty"]').textContent).toContain('This feed has no case counts for nowhere-g99.');
  });
});

describe('live updates', () => {
  it('new events extend the current period in the same chart, keeping hidden categories and the range', async () => {
    const raw = rawYantian();
    raw.asOf = '2017-12-02T09:00:00+08:00';
    const el = await mount({ interval: 'month', start: '2017-06-01', 'show-table': true }, raw);
    const chart = chartOf(el)!;
    legendButton(el, 'alerts-110').click();
    await settle(el);
    const lastRow = () => rows(el).at(-1)!;
    expect(lastRow().querySelector('th')!.textContent!.trim()).toBe('November 2017');
    const fraudColumn = () => {
      const headers = all(el, 'thead th').map((th) => th.textContent!.trim());
      return headers.indexOf('Fraud alerts') - 1;
    };

    // Three fraud alerts on 1 December: a new (partial) month.
    const next = structuredClone(raw);
    for (let i = 0; i < 3; i++) {
      next.events.push({
        id: `live-${i}`,
        time: `2017-12-01T1${i}:00:00+08:00`,
        category: 'fraud',
        kind: 'incident',
        grid: 'meisha-g01',
        subdistrict: 'meisha',
        provenance: 'synthetic',
      });
    }
    const announced = () => q(el, '[part~="announcer"][aria-live="polite"]').textContent!.trim();
    expect(announced()).toBe('');
    el.data = next;
    await settle(el);
    // Said once, in words, in the shared polite live region.
    expect(announced()).toBe('3 new cases recorded since 9:00 AM.');
    expect(chartOf(el)).toBe(chart);
    expect(lastRow().querySelector('th')!.textContent!.trim()).toBe('December 2017 (to Dec 1, 2017)');
    expect(lastRow().querySelectorAll('td')[fraudColumn()]!.textContent).toBe('3');
    const row = lastRow();
    const canvas = canvasOf(el);
    const options = chart.config.options;

    // Two more in the same period: the same row, updated in place.
    const more = structuredClone(next);
    more.asOf = '2017-12-02T12:00:00+08:00';
    more.events.push(
      {
        id: 'live-3',
        time: '2017-12-02T08:00:00+08:00',
        category: 'fraud',
        kind: 'incident',
        provenance: 'synthetic',
      },
      {
        id: 'live-4',
        time: '2017-12-02T09:00:00+08:00',
        category: 'fraud',
        kind: 'incident',
        provenance: 'synthetic',
      },
    );
    el.data = more;
    await settle(el);
    // Not re-rendered: the same chart on the same canvas, the same table row, and (the periods
    // being the same) the same options, so Chart.js only takes the new counts.
    expect(chartOf(el)).toBe(chart);
    expect(canvasOf(el)).toBe(canvas);
    expect(chart.canvas).toBe(canvas);
    expect(chart.config.options).toBe(options);
    expect(lastRow()).toBe(row);
    expect(row.querySelectorAll('td')[fraudColumn()]!.textContent).toBe('5');
    // Two more within 5 s: held back by the throttle, so the region still says the first change.
    expect(announced()).toBe('3 new cases recorded since 9:00 AM.');
    // Still hidden, still zoomed.
    expect(legendButton(el, 'alerts-110').getAttribute('aria-pressed')).toBe('false');
    const alerts = chart.data.datasets.find((d) => (d as { key?: string }).key === 'alerts-110')!;
    expect(alerts.hidden).toBe(true);
    expect(chart.options.scales!.x!.min).toBe(parseIsoDay('2017-06-01'));
    const fraud = chart.data.datasets.find((d) => (d as { key?: string }).key === 'fraud')!;
    expect((fraud.data as { y: number }[]).at(-1)!.y).toBe(5);
  });
});

describe('sizing in a shadow root', () => {
  it('starts in a hidden container and draws once shown', async () => {
    const box = document.createElement('div');
    box.style.display = 'none';
    document.body.append(box);
    const el = await mount({}, rawYantian(), box);
    expect(el.status).toBe('stale');
    expect(chartOf(el)).toBeUndefined();
    box.style.display = 'block';
    await expect.poll(() => chartOf(el)?.width ?? 0).toBeGreaterThan(600);
    expect(chartOf(el)!.height).toBeGreaterThan(150);
    expect(canvasOf(el).width).toBeGreaterThan(0);
    await settle(el);
    expect(drawnPixels(el)).toBeGreaterThan(1000);
  });

  it('follows the host’s width', async () => {
    const el = await mount({}, rawYantian());
    const chart = chartOf(el)!;
    el.style.width = '400px';
    await expect.poll(() => chart.width).toBeLessThan(400);
    expect(chartOf(el)).toBe(chart);
  });

  it('on a phone, the values at the cursor hang under the chart instead of covering it', async () => {
    const el = await mount({ categories: 'fraud,fire' }, rawYantian());
    el.style.width = '360px';
    await expect.poll(() => chartOf(el)!.width).toBeLessThan(360);
    const plot = q(el, '.plot');
    plot.focus();
    await userEvent.keyboard('{ArrowLeft}');
    await settle(el);
    const tip = q(el, '.tooltip').getBoundingClientRect();
    const box = plot.getBoundingClientRect();
    expect(tip.top).toBeGreaterThanOrEqual(box.bottom);
    expect(Math.round(tip.width)).toBe(Math.round(box.width));
    // On a wide page it stays beside the cursor, over the chart.
    el.style.width = '900px';
    await expect.poll(() => chartOf(el)!.width).toBeGreaterThan(600);
    await settle(el);
    expect(q(el, '.tooltip').getBoundingClientRect().top).toBeLessThan(plot.getBoundingClientRect().bottom);
  });

  it('200 mount/unmount cycles leave no chart and no listener behind', async () => {
    const before = liveCharts();
    // Series only: each connection validates the feed again (core), so keep it small.
    const raw = smallYantian(60);
    const el = await mount({}, raw);
    expect(caseTimelineStats().charts).toBe(1);
    for (let i = 0; i < 200; i++) {
      el.remove();
      expect(caseTimelineStats().charts).toBe(0);
      document.body.append(el);
      // The chart is drawn when the resize observer reports the plot's size, after layout.
      await settle(el);
      expect(caseTimelineStats().charts).toBe(1);
    }
    expect(liveCharts()).toBe(before + 1);
    expect(caseTimelineStats().mediaListeners).toBe(3);
    el.remove();
    expect(caseTimelineStats()).toEqual({ charts: 0, mediaListeners: 0 });
    expect(liveCharts()).toBe(before);
    // New elements each time, too.
    for (let i = 0; i < 20; i++) (await mount({}, raw)).remove();
    expect(caseTimelineStats()).toEqual({ charts: 0, mediaListeners: 0 });
    expect(liveCharts()).toBe(before);
  }, 120_000);
});

describe('accessibility', () => {
  it('has a data-table twin one control under the chart: sortable, downloadable, no data never 0', async () => {
    const raw = rawYantian();
    // No fires counted in March 2015: a gap, "No data" in the table, never 0.
    for (const s of raw.series as { category: string; grid?: string; start: string; counts: number[] }[]) {
      if (s.category === 'fire' && !s.grid) {
        const from = (dayFromYmd(2015, 3, 1) - parseIsoDay(s.start)!) | 0;
        raw.series.push({ ...s, start: '2015-04-01', counts: s.counts.slice(from + 31) });
        s.counts = s.counts.slice(0, from);
        break;
      }
    }
    const el = await mount({ categories: 'fraud,fire' }, raw);
    // A feed with a problem (two fire series) is ready once core's detailed check has loaded.
    await expect.poll(() => el.status).not.toBe('loading');
    await settle(el);
    const details = q<HTMLDetailsElement>(el, 'details.data');
    expect(details.open).toBe(false);
    // Closed, nothing of it is shown (it is built in idle time, see first-paint.browser.test.ts).
    expect(el.shadowRoot!.querySelector('table')?.checkVisibility() ?? false).toBe(false);
    await userEvent.click(q(el, 'details.data > summary'));
    await settle(el);
    expect(el.showTable).toBe(true);
    expect(q(el, '.dt-scroll').getAttribute('aria-label')).toBe(
      'Case counts by month, from January 2014 to November 2017',
    );
    expect(rows(el)).toHaveLength(47);
    const first = rows(el)[0]!;
    expect(first.querySelector('th')!.textContent!.trim()).toBe('January 2014');
    const chart = chartOf(el)!;
    const fraud = chart.data.datasets.find((d) => (d as { key?: string }).key === 'fraud')!;
    expect(first.querySelectorAll('td')[0]!.textContent!.trim()).toBe(
      String((fraud.data as { y: number }[])[0]!.y),
    );
    const march2015 = rows(el).find((r) => r.querySelector('th')!.textContent!.trim() === 'March 2015')!;
    expect(march2015.querySelectorAll('td')[2]!.textContent!.trim()).toBe('No data');
    // Sorting by fires, descending: the largest first, the month without data last (never as 0).
    const fireHeader = all(el, 'thead th').find((th) => th.textContent!.trim() === 'Fires')!;
    await userEvent.click(fireHeader.querySelector('button')!);
    await userEvent.click(fireHeader.querySelector('button')!);
    await settle(el);
    expect(fireHeader.getAttribute('aria-sort')).toBe('descending');
    const fires = rows(el).map((r) => r.querySelectorAll('td')[2]!.textContent!.trim());
    expect(fires.at(-1)).toBe('No data');
    const numbers = fires.slice(0, -1).map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    // Download: a CSV of the table as sorted, missing as an empty field.
    let csv = '';
    let name = '';
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      void (blob as Blob).text().then((t) => (csv = t));
      return 'blob:test';
    };
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      name = this.download;
    });
    try {
      await userEvent.click(q(el, '[part~="download"]'));
      await expect.poll(() => csv).toContain('Period,Fraud alerts');
    } finally {
      URL.createObjectURL = create;
      click.mockRestore();
    }
    expect(name).toMatch(/^case-counts-yantian.*month.*2014-01-01.*2017-11-30.*\.csv$/);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(48);
    // Sorted as shown: the months without fires last, their field empty (never 0).
    expect(lines.at(-1)!.split(',')[3]).toBe('');
    expect(lines.find((l) => l.startsWith('2015-03-01,'))!.split(',')[3]).toBe('');
    await expectAccessible(el);
  });

  it('keeps the "showing the latest 150 of 205" note in the table', async () => {
    const el = await mount({ interval: 'week', 'show-table': true }, rawYantian());
    expect(rows(el)).toHaveLength(150);
    expect(text(el, 'caption')).toContain('The latest 150 of 205 periods are listed');
  });

  it('moves a cursor across periods with the keyboard and announces the values', async () => {
    const el = await mount(
      { categories: 'fraud,fire', start: '2017-01-01', end: '2017-06-30' },
      rawYantian(),
    );
    const plot = q(el, '.plot');
    plot.focus();
    await settle(el);
    expect(q(el, '.tooltip').textContent).toContain('June 2017');
    await userEvent.keyboard('{ArrowLeft}');
    await settle(el);
    const live = q(el, '[role="status"][aria-live="polite"]');
    expect(live.textContent).toMatch(
      /^May 2017\. Fraud alerts \d+, [+\u2212]?[\d.]+% on a year earlier\. Fires \d+, /,
    );
    await userEvent.keyboard('{Home}');
    await settle(el);
    expect(live.textContent).toMatch(/^January 2017\. /);
    await userEvent.keyboard('{ArrowLeft}');
    await settle(el);
    expect(live.textContent).toMatch(/^January 2017\. /);
    await userEvent.keyboard('{End}');
    await settle(el);
    expect(live.textContent).toMatch(/^June 2017\. /);
    // March 2017 holds an annotation of a shown category.
    await userEvent.keyboard('{Home}{ArrowRight}{ArrowRight}');
    await settle(el);
    expect(live.textContent).toContain('Marked: Anti-telecom-fraud publicity month.');
    // A short name on focus; the keys as its description; the summary is not read on every focus.
    expect(plot.getAttribute('aria-label')).toBe('Case counts by month, in the first half of 2017');
    expect(plot.getAttribute('aria-describedby')).toBe('keys');
    expect(q(el, '#keys').textContent).toBe('Use the left and right arrow keys to move between periods.');
  });

  it('is axe-clean in light and dark, in both languages', async () => {
    for (const attrs of [{}, { theme: 'dark', yoy: true, 'show-table': true, lang: 'zh-CN' }]) {
      const el = await mount(attrs, rawYantian());
      await expectAccessible(el);
      el.remove();
    }
  });
});

describe('themes', () => {
  it('dark theme draws with the dark tokens', async () => {
    const light = await mount({ categories: 'fraud' }, rawYantian());
    const dark = await mount({ categories: 'fraud', theme: 'dark' }, rawYantian());
    const l = seriesColor(light, 3);
    const d = seriesColor(dark, 3);
    expect(d).not.toEqual(l);
    expect(countPixels(dark, d)).toBeGreaterThan(100);
    expect(countPixels(dark, l, 10)).toBe(0);
    const ticks = chartOf(dark)!.options.scales!.x!.ticks as { color: string };
    expect(rgb(ticks.color)).toEqual(rgb(getComputedStyle(q(dark, '.caption')).color));
    // Switching theme re-reads the colours on the same chart.
    const chart = chartOf(light)!;
    light.setAttribute('theme', 'dark');
    await settle(light);
    expect(chartOf(light)).toBe(chart);
    expect(countPixels(light, d)).toBeGreaterThan(100);
  });
});

describe('forced colors', () => {
  const emulate = (features: { name: string; value: string }[]) =>
    cdp().send('Emulation.setEmulatedMedia', { features });
  afterEach(async () => {
    await emulate([]);
  });

  /** A system colour as the shadow root resolves it (unadjusted, like the chart's colour probe). */
  const systemColor = (el: Timeline, name: string) => {
    const probe = q(el, '.probe');
    probe.style.color = name;
    const c = getComputedStyle(probe).color;
    probe.style.color = '';
    return rgb(c);
  };

  it('draws every line in the system text colour, keeps the shapes and dashes, and switches live', async () => {
    const el = await mount({ categories: 'fraud,fire', yoy: true, 'show-table': true }, rawYantian());
    const chart = chartOf(el)!;
    const green = seriesColor(el, 3);
    expect(countPixels(el, green)).toBeGreaterThan(100);

    await emulate([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    await expect.poll(() => countPixels(el, green, 10)).toBe(0);
    await settle(el);
    // The same chart, redrawn with the system colours: every line and marker in CanvasText.
    expect(chartOf(el)).toBe(chart);
    const text = systemColor(el, 'CanvasText');
    const background = systemColor(el, 'Canvas');
    expect(text).not.toEqual(background);
    const lines = chart.data.datasets.filter((d) => !d.hidden);
    expect(lines).toHaveLength(4);
    for (const d of lines) expect(rgb(String(d.borderColor))).toEqual(text);
    expect(countPixels(el, text, 30)).toBeGreaterThan(300);
    // Colour no longer tells the categories apart: the year-earlier lines stay dashed, the legend
    // keeps each category's marker shape, drawn in CanvasText.
    const dashed = lines.filter((d) => (d as { borderDash?: number[] }).borderDash?.length);
    expect(dashed).toHaveLength(2);
    const swatches = all<SVGElement>(el, '.legend .swatch');
    expect(new Set(swatches.map((sw) => sw.querySelector('path')!.getAttribute('d'))).size).toBe(
      swatches.length,
    );
    for (const sw of swatches) expect(rgb(getComputedStyle(sw).color)).toEqual(text);
    // Ticks are legible in the system colours.
    const ticks = chart.options.scales!.x!.ticks as { color: string };
    expect(rgb(ticks.color)).not.toEqual(background);
    await expectAccessible(el);

    // Back to the theme's colours when forced colours end.
    await emulate([]);
    await expect.poll(() => countPixels(el, green)).toBeGreaterThan(100);
    expect(chartOf(el)).toBe(chart);
  });
});

describe('states and bad data', () => {
  it('shows the error state for a feed that cannot be fetched', async () => {
    const el = await mount({ src: 'http://127.0.0.1:9/x.json' });
    await expect.poll(() => el.status, { timeout: 10_000 }).toBe('error');
    expect(q(el, '[role="alert"]').textContent).toContain('Could not load safety data');
    expect(chartOf(el)).toBeUndefined();
  });

  it('shows loading, then empty for a feed with no counts', async () => {
    const loading = await mount({ feed: 'not-there-yet' });
    expect(loading.status).toBe('loading');
    expect(q(loading, '[aria-busy="true"]')).toBeTruthy();
    const empty = await mount(
      {},
      { ...rawYantian(), series: [], events: [], asOf: new Date().toISOString() },
    );
    expect(empty.status).toBe('empty');
    expect(q(empty, '[part~="empty"]').textContent).toContain('This feed has no case counts to show.');
    // A stale feed with nothing to draw: the stale badge and the empty message.
    const stale = await mount({}, { ...rawYantian(), series: [], events: [] });
    expect(stale.status).toBe('stale');
    expect(q(stale, '[part~="stale"]')).toBeTruthy();
    expect(q(stale, '[part~="empty"]').textContent).toContain('This feed has no case counts to show.');
    expect(chartOf(stale)).toBeUndefined();
  });

  it('copes with unsorted, duplicate, negative, out-of-range and unknown-category data', async () => {
    const raw = rawYantian();
    raw.events.reverse();
    const incident = raw.events.find((e) => e.kind === 'incident')!;
    raw.events.push(
      { ...incident }, // the same id twice: counted once
      {
        id: 'future',
        time: '2031-01-01T00:00:00+08:00',
        category: 'fire',
        kind: 'incident',
        provenance: 'synthetic',
      },
      {
        id: 'old',
        time: '1950-01-01T00:00:00+08:00',
        category: 'fire',
        kind: 'incident',
        provenance: 'synthetic',
      },
      {
        id: 'alien',
        time: '2017-11-02T00:00:00+08:00',
        category: 'ufo-sightings',
        kind: 'incident',
        provenance: 'synthetic',
      },
    );
    raw.series.push({
      category: 'fire',
      interval: 'week',
      start: '2016-01-04',
      counts: [1, -3, 2],
      provenance: 'synthetic',
    });
    const el = await mount({ 'show-table': true }, raw);
    // A feed with problems is shown once core's detailed check has loaded; the chart a frame later.
    await expect.poll(() => el.status).not.toBe('loading');
    await settle(el);
    expect(el.status).toBe('stale');
    // The validator drops the duplicate, the unknown category and the negative series, and says so.
    expect(text(el, '[part~="dropped"]')).toContain(
      '3 items could not be shown because the feed had problems.',
    );
    // Dates outside the feed's span are left out, with a note.
    expect(text(el, '[part~="out-of-range"]')).toBe(
      '2 counts dated outside the feed’s dates (after its “as of” date or before 1970) were left out.',
    );
    expect(text(el, '.summary')).toContain('Fires: 4 in November 2017');
    expect(chartOf(el)).toBeDefined();
  });

  it('ignores malformed eventColumns and properties of the wrong type', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const el = await mount({}, rawYantian());
    el.eventColumns = { time: [1, 2], category: 'x' } as never;
    (el as unknown as { grid: unknown }).grid = 42;
    (el as unknown as { categories: unknown }).categories = ['fire'];
    await settle(el);
    expect(el.status).toBe('stale');
    expect(text(el, '[role="heading"]')).toBe('Case counts over time: Yantian District');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ignored eventColumns'));
    warn.mockRestore();
  });

  it('counts raw events from eventColumns after the series, in the same chart', async () => {
    const raw = rawYantian();
    raw.asOf = '2017-12-03T09:00:00+08:00';
    const el = await mount({ categories: 'fire', interval: 'day', start: '2017-11-25' }, raw);
    const chart = chartOf(el)!;
    const t = Date.parse('2017-12-02T10:00:00+08:00');
    el.eventColumns = {
      time: Float64Array.of(t, t, t + 3_600_000),
      category: Uint8Array.of(0, 0, 1),
      categories: ['fire', 'unlisted'],
    };
    await settle(el);
    expect(chartOf(el)).toBe(chart);
    const fire = chart.data.datasets.find((d) => (d as { key?: string }).key === 'fire')!;
    expect((fire.data as { y: number }[]).at(-1)!.y).toBe(2);
    expect(text(el, '[part~="unknown-category"]')).toBe(
      '1 event of a category the feed does not list was left out.',
    );
  });

  it('renders markup and script in titles and names as text', async () => {
    const raw = rawYantian();
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    (raw.categories as { name: { en: string } }[])[3]!.name.en = `Fires ${evil}`;
    const note = raw.events.find((e) => e.id === 'note-2017-anti-fraud-month')!;
    note.title = { zh: evil, en: `Campaign ${evil}` };
    const el = await mount(
      { categories: 'fraud,fire', start: '2017-03-01', end: '2017-03-31', 'show-table': true },
      raw,
    );
    expect(el.shadowRoot!.querySelector('img, script:not([type])')).toBeNull();
    expect(text(el, '.summary')).toContain(`Fires ${evil}`);
    expect(q(el, 'details.events').textContent).toContain(`Campaign ${evil}`);
    const plot = q(el, '.plot');
    plot.focus();
    await userEvent.keyboard('{End}');
    await settle(el);
    expect(q(el, '.tooltip').textContent).toContain(`Campaign ${evil}`);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
