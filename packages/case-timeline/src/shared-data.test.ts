import type { Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { cachedTimelineData, derivationCounts, sharedTimelineData, sharedView } from './shared-data.js';
import { buildTimelineData } from './timeline-data.js';
import { buildView } from './timeline-view.js';
import { millionEvents } from '../test/synthetic.js';
import { editableYantian, valid, type EditableFeed } from '../test/feeds.js';

const version = (change: (raw: EditableFeed) => void = () => undefined): Feed => {
  const raw = editableYantian();
  change(raw);
  return valid(raw);
};
/** Counts made by `run`. */
const counted = (run: () => void) => {
  const before = derivationCounts();
  run();
  const after = derivationCounts();
  return { data: after.data - before.data, views: after.views - before.views };
};

describe('sharedTimelineData', () => {
  it('five timelines on one feed version count it once, with the counts buildTimelineData gives', () => {
    const feed = version();
    const results: unknown[] = [];
    expect(
      counted(() => {
        for (let i = 0; i < 5; i++) results.push(sharedTimelineData(feed, {}));
      }),
    ).toEqual({ data: 1, views: 0 });
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toEqual(buildTimelineData(feed));
    // A sub-district and a grid are counted on their own, once each.
    expect(
      counted(() => {
        for (let i = 0; i < 3; i++) sharedTimelineData(feed, { subdistrict: 'meisha' });
        for (let i = 0; i < 3; i++) sharedTimelineData(feed, { grid: 'meisha-g01' });
      }),
    ).toEqual({ data: 2, views: 0 });
    expect(sharedTimelineData(feed, { subdistrict: 'meisha' })).toEqual(
      buildTimelineData(feed, { subdistrict: 'meisha' }),
    );
  });

  it('a new version with a new event is counted again, once, and shows it', () => {
    const first = version();
    const before = sharedTimelineData(first, {});
    const next = version((raw) =>
      raw.events.push({
        id: 'live-1',
        time: '2017-12-04T08:30:00+08:00',
        category: 'fraud',
        kind: 'incident',
        provenance: 'synthetic',
      }),
    );
    let after = before;
    expect(
      counted(() => {
        for (let i = 0; i < 5; i++) after = sharedTimelineData(next, {}, first);
      }),
    ).toEqual({ data: 1, views: 0 });
    expect(after).not.toBe(before);
    expect(after).toEqual(buildTimelineData(next));
    expect(after.eventsCounted).toBe(before.eventsCounted + 1);
  });

  it('a version that leaves the counted parts unchanged takes the counts before it, without counting', () => {
    const first = version();
    const before = sharedTimelineData(first, {});
    const next = version((raw) => {
      raw.indicators[0]!.value = (raw.indicators[0]!.value ?? 0) + 1;
      raw.asOf = '2017-12-04T09:05:00+08:00';
    });
    expect(cachedTimelineData(next, {})).toBeUndefined();
    let after: unknown;
    expect(counted(() => (after = sharedTimelineData(next, {}, first)))).toEqual({ data: 0, views: 0 });
    expect(after).toBe(before);
    // Then every other timeline finds them for that version too.
    expect(cachedTimelineData(next, {})).toBe(before);
  });

  it('event columns are part of the key: other columns are counted, the same ones are not', () => {
    const feed = version();
    const ca = millionEvents(2000);
    const cb = millionEvents(3000);
    expect(
      counted(() => {
        sharedTimelineData(feed, { columns: ca });
        sharedTimelineData(feed, { columns: ca });
        sharedTimelineData(feed, { columns: cb });
      }),
    ).toEqual({ data: 2, views: 0 });
    expect(sharedTimelineData(feed, { columns: cb }).eventsCounted).toBeGreaterThan(
      sharedTimelineData(feed, {}).eventsCounted,
    );
  });
});

describe('sharedView', () => {
  it('adds up the periods of an interval once per counts, for every timeline', () => {
    const data = sharedTimelineData(version(), {});
    let views: unknown[] = [];
    expect(
      counted(() => {
        views = [sharedView(data, 'month'), sharedView(data, 'month'), sharedView(data, 'day')];
      }),
    ).toEqual({ data: 0, views: 2 });
    expect(views[0]).toBe(views[1]);
    const month = buildView(data, 'month');
    expect(Array.from((views[0] as typeof month).values[2]!)).toEqual(Array.from(month.values[2]!));
  });
});
