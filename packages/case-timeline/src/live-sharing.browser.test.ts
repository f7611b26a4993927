/// <reference types="@vitest/browser-playwright" />
/**
 * Issue 17, live updates across many widgets: timelines on one `<safety-feed>` count each feed
 * version once between them, and a version that leaves what they count unchanged costs them no
 * counting and no drawing.
 */
import '@safety-widgets/core/safety-feed.js';
import { describe, expect, it, vi } from 'vitest';
import { derivationCounts } from './shared-data.js';
import { editableYantian, rawYantian } from '../test/feeds.js';
import { chartOf, legendButton, q, settle, failOnPageErrors, type Timeline } from '../test/helpers.js';

failOnPageErrors();

type Source = HTMLElement & { data?: unknown; updateComplete: Promise<boolean> };

/** Waits until every timeline shows the feed's data, drawn, with nothing pending. */
async function drawn(timelines: Timeline[]): Promise<void> {
  for (const el of timelines) {
    await expect.poll(() => el.status === 'stale' && chartOf(el) !== undefined).toBe(true);
    await settle(el);
  }
}

const fraudTotal = (el: Timeline) => legendButton(el, 'fraud').querySelector('.total')!.textContent!.trim();

describe('five timelines on one <safety-feed>', () => {
  it('count each feed version once between them, and all show it', async () => {
    const source = document.createElement('safety-feed') as Source;
    source.id = 'district';
    document.body.append(source);
    // The same counts by different intervals, comparisons and categories.
    const attrs: Record<string, string>[] = [
      {},
      { interval: 'day' },
      { yoy: '' },
      { categories: 'fraud,fire' },
      { interval: 'day', categories: 'fraud' },
    ];
    const timelines = attrs.map((a) => {
      const el = document.createElement('safety-case-timeline');
      el.setAttribute('feed', 'district');
      el.setAttribute('lang', 'en');
      el.style.width = '720px';
      for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
      document.body.append(el);
      return el;
    });
    const start = derivationCounts();
    source.data = rawYantian();
    await drawn(timelines);
    // One count of the feed; the periods of two intervals.
    expect(derivationCounts().data - start.data).toBe(1);
    expect(derivationCounts().views - start.views).toBe(2);
    const before = fraudTotal(timelines[0]!);
    expect(timelines.map(fraudTotal)).toEqual(timelines.map(() => before));

    // A new version with one more fraud alert: counted once again, shown by all five.
    const next = editableYantian();
    next.asOf = '2017-12-04T10:00:00+08:00';
    next.events.push({
      id: 'live-1',
      time: '2017-12-04T09:30:00+08:00',
      category: 'fraud',
      kind: 'incident',
      provenance: 'synthetic',
    });
    const second = derivationCounts();
    source.data = next;
    await expect.poll(() => timelines.every((el) => fraudTotal(el) !== before)).toBe(true);
    await drawn(timelines);
    expect(derivationCounts().data - second.data).toBe(1);
    const after = fraudTotal(timelines[0]!);
    expect(Number(after.replace(/,/g, ''))).toBe(Number(before.replace(/,/g, '')) + 1);
    expect(timelines.map(fraudTotal)).toEqual(timelines.map(() => after));
  });

  it('a version that changes nothing they count costs them no counting and no drawing', async () => {
    const source = document.createElement('safety-feed') as Source;
    source.id = 'district-2';
    document.body.append(source);
    const timelines = [{}, { interval: 'day' }, { yoy: '' }].map((a) => {
      const el = document.createElement('safety-case-timeline');
      el.setAttribute('feed', 'district-2');
      el.setAttribute('lang', 'en');
      el.style.width = '720px';
      for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
      document.body.append(el);
      return el;
    });
    source.data = rawYantian();
    await drawn(timelines);
    const headlines = timelines.map((el) => q(el, '.headline').textContent);
    const charts = timelines.map((el) => chartOf(el)!);
    const draws = charts.map((chart) => vi.spyOn(chart, 'draw'));
    const updates = charts.map((chart) => vi.spyOn(chart, 'update'));
    const start = derivationCounts();
    // Another indicator value and a later time the same day: nothing a timeline counts.
    const next = editableYantian();
    next.asOf = '2017-12-04T11:00:00+08:00';
    next.indicators[0]!.value = (next.indicators[0]!.value ?? 0) + 3;
    const states = timelines.map((el) => el.state);
    source.data = next;
    await expect.poll(() => timelines.every((el, i) => el.state !== states[i])).toBe(true);
    await drawn(timelines);
    expect(timelines.every((el) => el.state.feed?.asOf === next.asOf)).toBe(true);
    expect(derivationCounts()).toEqual(start);
    expect(draws.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
    expect(updates.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
    expect(timelines.map((el) => q(el, '.headline').textContent)).toEqual(headlines);
    timelines.forEach((el, i) => expect(chartOf(el)).toBe(charts[i]));
  });
});
