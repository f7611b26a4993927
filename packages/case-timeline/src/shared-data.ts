/**
 * The data every timeline on a page derives from a feed — the day counts of a scope and their
 * periods of an interval — computed once per feed version and shared: five timelines on one
 * `<safety-feed>` count the day series once per version, not five times. A new version whose
 * counted parts did not change (see feed-inputs.ts) takes the counts of the one before.
 *
 * Entries are held by the feed (and event columns) they came from, in weak maps: they go when the
 * feed does. The counts are never changed after they are made, so sharing them is safe.
 */
import type { Feed } from '@safety-widgets/core';
import { usableColumns, type EventColumns } from './bin-events.js';
import type { Interval } from './dates.js';
import { sameTimelineInputs } from './feed-inputs.js';
import { buildTimelineData, type TimelineData } from './timeline-data.js';
import { buildView, type TimelineView } from './timeline-view.js';

/** What a timeline's day counts depend on besides the feed: its scope and its event columns. */
export interface DataKey {
  grid?: string | undefined;
  subdistrict?: string | undefined;
  /** `eventColumns` as set on the element (checked by `usableColumns` when counted). */
  columns?: unknown;
}

/** Stands for "no event columns" as a weak-map key. */
const NO_COLUMNS = {};

/** Feed → scope → columns → counts. */
const dataCache = new WeakMap<Feed, Map<string, WeakMap<object, TimelineData>>>();
/** Counts → interval → periods. */
const viewCache = new WeakMap<TimelineData, Map<Interval, TimelineView>>();
/**
 * A later version → an earlier one → whether they count the same. Both weakly held: a live feed's
 * versions must not keep each other alive.
 */
const compared = new WeakMap<Feed, WeakMap<Feed, boolean>>();

const counters = { data: 0, views: 0 };

/**
 * How many times timelines counted a feed (`data`) and added up its periods (`views`) since the
 * page loaded: for tests that check the work is shared.
 */
export function derivationCounts(): { data: number; views: number } {
  return { ...counters };
}

const scopeKey = (key: DataKey) => `${key.grid ?? ''}\u0000${key.subdistrict ?? ''}`;

/** The counts of `key`'s scope in `feed` when a timeline counted them already, else undefined. */
export function cachedTimelineData(feed: Feed, key: DataKey): TimelineData | undefined {
  const columnsKey = typeof key.columns === 'object' && key.columns !== null ? key.columns : NO_COLUMNS;
  return dataCache.get(feed)?.get(scopeKey(key))?.get(columnsKey);
}

function remember(feed: Feed, key: DataKey, data: TimelineData): void {
  const columnsKey = typeof key.columns === 'object' && key.columns !== null ? key.columns : NO_COLUMNS;
  let byScope = dataCache.get(feed);
  if (!byScope) dataCache.set(feed, (byScope = new Map()));
  let byColumns = byScope.get(scopeKey(key));
  if (!byColumns) byScope.set(scopeKey(key), (byColumns = new WeakMap()));
  byColumns.set(columnsKey, data);
}

/** Whether `next` counts the same as `previous`, compared once per pair of versions. */
function countsLike(previous: Feed, next: Feed): boolean {
  let earlier = compared.get(next);
  if (!earlier) compared.set(next, (earlier = new WeakMap()));
  let same = earlier.get(previous);
  if (same === undefined) earlier.set(previous, (same = sameTimelineInputs(previous, next)));
  return same;
}

/**
 * The day counts of `key`'s scope in `feed`: from the page's cache when any timeline counted them
 * already; else those of `previous` (the version this timeline showed before) when the feed's counted
 * parts did not change; else counted now. `tag` names the element in a warning about bad columns.
 */
export function sharedTimelineData(
  feed: Feed,
  key: DataKey,
  previous?: Feed,
  tag = 'safety-case-timeline',
): TimelineData {
  const hit = cachedTimelineData(feed, key);
  if (hit) return hit;
  if (previous && previous !== feed) {
    const before = cachedTimelineData(previous, key);
    if (before && countsLike(previous, feed)) {
      remember(feed, key, before);
      return before;
    }
  }
  counters.data += 1;
  const data = buildTimelineData(
    feed,
    { grid: key.grid, subdistrict: key.subdistrict },
    usableColumns(key.columns as EventColumns | undefined, tag),
  );
  remember(feed, key, data);
  return data;
}

/** The periods of `interval` over `data`, shared by every timeline showing that interval. */
export function sharedView(data: TimelineData, interval: Interval): TimelineView {
  let byInterval = viewCache.get(data);
  if (!byInterval) viewCache.set(data, (byInterval = new Map()));
  let view = byInterval.get(interval);
  if (!view) {
    counters.views += 1;
    view = buildView(data, interval);
    byInterval.set(interval, view);
  }
  return view;
}
