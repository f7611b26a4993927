/**
 * Feed → daily counts per category for one scope (the whole place, a sub-district or a grid):
 * the data behind every period, comparison and summary the timeline shows. Pure; no DOM.
 *
 * Where the counts come from, per category:
 * 1. the feed's `series` for exactly that scope (the finest interval if there are several);
 * 2. incidents (`events` of kind `incident`, and `EventColumns` set from script) counted per
 *    local day, for the days the series does not cover — so new events arriving after the
 *    series' last day extend the timeline, and events that repeat days the series already
 *    counts (the sample feed lists the last 61 days both ways) are not counted twice.
 * Missing is never zero. A day counts only where the data covers it: a series period with a
 * count, or a day inside a stretch of the event log. The log is taken as complete only where
 * incidents (of any category, anywhere in the place) come at most LOG_GAP_DAYS apart: a quiet
 * day there is a zero, but a longer silence is a gap in the log — no data, never drawn, summed or
 * compared. A window's total is no data unless every day of it is covered.
 *
 * The charted span ends where the counts end: at the last stretch of coverage at least
 * MIN_CHARTED_DAYS long. Incidents recorded after it (a live feed whose counts stopped, with a few
 * new events since) are not charted as if they were a run of counts; `notes.recordedSince` says
 * how many there are.
 *
 * A sensitive category narrowed to one grid is withheld: no counts at all (see `withheld`).
 *
 * Dates are local to `place.timeZone`. Anything dated after the feed's `asOf` day, before
 * 1970, or more than 100 years before the latest data is left out and counted in `notes`.
 */
import type { Feed, LocalizedText } from '@safety-widgets/core';
import { binEventsByDay, timeExtent, type EventColumns, type IndexArray } from './bin-events.js';
import { DAY_MS, nextPeriodStart, parseIsoDay, type Interval } from './dates.js';
import { localDay, zoneOffsets } from './zone.js';

/** Which counts to show: the whole place, one sub-district, or one grid (grid wins). */
export interface Scope {
  subdistrict?: string | null;
  grid?: string | null;
}

/** A category as the timeline shows it. */
export interface TimelineCategory {
  id: string;
  /** Names from the feed; undefined for a category the feed does not list (shown by id). */
  name: LocalizedText | undefined;
  sensitive: boolean;
  /**
   * True for a sensitive category narrowed to one grid: it has no counts here (`basis: 'none'`).
   * In a grid of a few hundred homes, a small count over time could point at a household, and
   * hiding only the small counts is not enough: a year's total less its months, or one date
   * range less another, gives a hidden month's count back. The sub-district and the place show it.
   */
  withheld: boolean;
  /** Position in the feed's list: picks the colour, marker and dash of the category. */
  slot: number;
  /** Where its counts come from; `none` when it has no data in this scope. */
  basis: 'series' | 'events' | 'series+events' | 'none';
  /** The finest interval its counts can be shown by (a monthly series cannot be shown by day). */
  grain: Interval;
  /** First day with data and the day after the last (equal when there is none). */
  firstDay: number;
  endDay: number;
  /** Incidents of this category counted (in scope, in range, on days its series does not cover). */
  events: number;
}

/** A campaign or operation marked on the time axis. */
export interface TimelineAnnotation {
  id: string;
  day: number;
  time: string;
  category: string;
  title: LocalizedText | undefined;
}

/** What was left out of the counts, for a note under the chart. */
export interface TimelineNotes {
  /** Incidents in scope recorded after the charted counts end (`endDay`), up to the feed's date. */
  recordedSince: number;
  /** Events and series counts dated after the feed's `asOf`, before 1970, or with no usable time. */
  outOfRange: number;
  /** Events in `EventColumns` whose category the feed does not list. */
  unknownCategory: number;
}

/** Daily counts per category for one scope, with prefix sums for any window. */
export interface TimelineData {
  categories: TimelineCategory[];
  /** Span of all the data: `[firstDay, endDay)`; empty when `endDay === firstDay`. */
  firstDay: number;
  endDay: number;
  /** The feed's `asOf` as a local day. */
  asOfDay: number;
  timeZone: string;
  /** Per category, `span + 1` running totals: `sums[c * (span + 1) + i]` = total of days `[firstDay, firstDay + i)`. */
  sums: Float64Array;
  /** Running count of days the category's data covers, laid out like `sums`. */
  covered: Int32Array;
  annotations: TimelineAnnotation[];
  notes: TimelineNotes;
  /** Incidents counted (in scope, in range, on days no series covers). */
  eventsCounted: number;
  /** Whether any count shown is synthetic (series or events marked so). */
  synthetic: boolean;
  /** What the counts cover: the whole place, one sub-district, or one grid. */
  scope: 'place' | 'subdistrict' | 'grid';
}

/** Earliest day counted (1970-01-01) and the longest span kept (100 years). */
export const MIN_DAY = 0;
export const MAX_SPAN_DAYS = 36_525;
/** A silence in the event log longer than this many days is a gap in the log, not quiet days. */
export const LOG_GAP_DAYS = 14;
/** The shortest stretch of coverage the charted span may end with. */
export const MIN_CHARTED_DAYS = 28;

const ORDER: Record<Interval, number> = { day: 0, week: 1, month: 2, year: 3 };

/** Whether counts of grain `grain` can be added up into periods of `interval`. */
export function supportsInterval(grain: Interval, interval: Interval): boolean {
  return grain === 'day' || grain === interval || (grain === 'month' && interval === 'year');
}

const parsedTimes = new WeakMap<readonly unknown[], Float64Array>();
/** Parsed times by text: a live feed repeats its events, so only new ones are parsed. */
const timeCache = new Map<string, number>();

/** Instants of the feed's events, parsed once per events array (and once per time text). */
function eventTimes(events: Feed['events']): Float64Array {
  let times = parsedTimes.get(events);
  if (!times) {
    if (timeCache.size > 250_000) timeCache.clear();
    times = new Float64Array(events.length);
    for (let i = 0; i < events.length; i++) {
      const text = events[i]!.time;
      let t = timeCache.get(text);
      if (t === undefined) timeCache.set(text, (t = Date.parse(text)));
      times[i] = t;
    }
    parsedTimes.set(events, times);
  }
  return times;
}

function clean(value: string | null | undefined): string | undefined {
  const v = typeof value === 'string' ? value.trim() : '';
  return v === '' ? undefined : v;
}

/**
 * Counts for `scope` from `feed` (and `columns`, when given). Never throws for a validated
 * feed; anything unusable is left out and counted in `notes`.
 */
export function buildTimelineData(feed: Feed, scope: Scope = {}, columns?: EventColumns): TimelineData {
  const grid = clean(scope.grid);
  const subdistrict = grid ? undefined : clean(scope.subdistrict);
  const placeId = feed.place.id;
  const timeZone = feed.place.timeZone;

  // Categories: the feed's list, then any id used without being listed (only possible when the feed lists none).
  const categories: TimelineCategory[] = [];
  const bySlot = new Map<string, number>();
  const addCategory = (id: string, name?: LocalizedText, sensitive = false) => {
    if (bySlot.has(id)) return;
    bySlot.set(id, categories.length);
    categories.push({
      id,
      name,
      sensitive,
      withheld: grid !== undefined && sensitive,
      slot: categories.length,
      basis: 'none',
      grain: 'day',
      firstDay: 0,
      endDay: 0,
      events: 0,
    });
  };
  for (const c of feed.categories) addCategory(c.id, c.name, c.sensitive === true);
  const listed = feed.categories.length > 0;
  if (!listed) {
    for (const s of feed.series) addCategory(s.category);
    for (const e of feed.events) if (e.kind !== 'annotation') addCategory(e.category);
    for (const id of columns?.categories ?? []) addCategory(id);
  }
  const nCats = categories.length;

  // Which sub-district each grid is in, for narrowing events by sub-district.
  const gridSubdistrict = new Map<string, string>();
  for (const f of feed.grids.features) {
    const sd = f.properties?.subdistrict;
    if (typeof sd === 'string') gridSubdistrict.set(f.id, sd);
  }
  const inScope = (g: string | null | undefined, sd: string | null | undefined): boolean => {
    if (grid) return g === grid;
    if (subdistrict) {
      if (placeId === subdistrict) return true;
      return sd === subdistrict || (g != null && gridSubdistrict.get(g) === subdistrict);
    }
    return true;
  };

  // Series for exactly this scope: the finest interval per category.
  const seriesFor: (Feed['series'][number] | undefined)[] = new Array(nCats).fill(undefined);
  for (const s of feed.series) {
    const sg = clean(s.grid);
    const ssd = clean(s.subdistrict);
    const matches = grid
      ? sg === grid
      : subdistrict
        ? !sg && (ssd === subdistrict || (!ssd && placeId === subdistrict))
        : !sg && !ssd;
    const slot = bySlot.get(s.category);
    if (!matches || slot === undefined || categories[slot]!.withheld) continue;
    const current = seriesFor[slot];
    if (!current || ORDER[s.interval] < ORDER[current.interval]) seriesFor[slot] = s;
  }

  // Bounds: 1970 up to the feed's asOf day (local).
  const asOfMs = Date.parse(feed.asOf);
  const allTimes = eventTimes(feed.events);
  const extent = timeExtent(allTimes);
  const colExtent = columns ? timeExtent(columns.time) : undefined;
  const lo = Math.min(extent?.min ?? asOfMs, colExtent?.min ?? asOfMs, asOfMs);
  const hi = Math.max(extent?.max ?? asOfMs, colExtent?.max ?? asOfMs, asOfMs);
  const zone = zoneOffsets(timeZone, lo, hi);
  const asOfDay = Number.isFinite(asOfMs) ? localDay(asOfMs, zone) : Math.floor(Date.now() / DAY_MS);
  const maxDay = asOfDay;
  const notes: TimelineNotes = { outOfRange: 0, unknownCategory: 0, recordedSince: 0 };

  // Series coverage, clipped to the bounds.
  interface Cover {
    start: number;
    end: number;
  }
  const seriesCover: (Cover | undefined)[] = seriesFor.map((s) => {
    if (!s) return undefined;
    const start = parseIsoDay(s.start);
    if (start === undefined) return undefined;
    let end = start;
    for (let i = 0; i < s.counts.length; i++) end = nextPeriodStart(end, s.interval);
    return { start, end };
  });

  // The event log's span: every incident in range, whatever its scope, so a quiet day is a zero.
  let logFirst = Infinity;
  let logLast = -Infinity;
  const inBounds = (d: number) => d >= MIN_DAY && d <= maxDay;
  const incidentDays = new Int32Array(feed.events.length);
  for (let i = 0; i < feed.events.length; i++) {
    const e = feed.events[i]!;
    const t = allTimes[i]!;
    const d = Number.isFinite(t) ? localDay(t, zone) : Number.NaN;
    incidentDays[i] = Number.isFinite(d) ? d : -1;
    if (e.kind === 'annotation') continue;
    if (!Number.isFinite(d) || !inBounds(d)) continue;
    if (d < logFirst) logFirst = d;
    if (d > logLast) logLast = d;
  }
  if (columns && colExtent) {
    const a = localDay(colExtent.min, zone);
    const b = localDay(colExtent.max, zone);
    const first = Math.max(a, MIN_DAY);
    const last = Math.min(b, maxDay);
    if (first <= last) {
      // The extent may include out-of-range days; the in-range ones are what the log covers.
      logFirst = Math.min(logFirst, first);
      logLast = Math.max(logLast, last);
    }
  }

  // The log's stretches: runs of incident days at most LOG_GAP_DAYS apart. Events given as
  // columns are taken as a complete log over their extent.
  const logStretches: Cover[] = [];
  if (logFirst <= logLast) {
    const active = new Uint8Array(logLast - logFirst + 1);
    for (let i = 0; i < feed.events.length; i++) {
      const d = incidentDays[i]!;
      if (feed.events[i]!.kind !== 'annotation' && d !== -1 && inBounds(d)) active[d - logFirst] = 1;
    }
    if (columns && colExtent) {
      const a = Math.max(localDay(colExtent.min, zone), logFirst);
      const b = Math.min(localDay(colExtent.max, zone), logLast);
      if (a <= b) active.fill(1, a - logFirst, b - logFirst + 1);
    }
    let start = -1;
    let last = -1;
    for (let i = 0; i < active.length; i++) {
      if (!active[i]) continue;
      const d = logFirst + i;
      if (start >= 0 && d - last > LOG_GAP_DAYS) {
        logStretches.push({ start, end: last + 1 });
        start = d;
      } else if (start < 0) start = d;
      last = d;
    }
    if (start >= 0) logStretches.push({ start, end: last + 1 });
  }

  // The span of everything.
  let firstDay = Infinity;
  let endDay = -Infinity;
  for (const c of seriesCover) {
    if (!c) continue;
    firstDay = Math.min(firstDay, Math.max(c.start, MIN_DAY));
    endDay = Math.max(endDay, Math.min(c.end, maxDay + 1));
  }
  if (logFirst <= logLast) {
    firstDay = Math.min(firstDay, logFirst);
    endDay = Math.max(endDay, logLast + 1);
  }
  if (!(firstDay < endDay)) {
    firstDay = asOfDay;
    endDay = asOfDay;
  }
  if (endDay - firstDay > MAX_SPAN_DAYS) firstDay = endDay - MAX_SPAN_DAYS;
  const span = endDay - firstDay;

  // Daily values (NaN = no value on that day) and the days each category's data covers.
  const values = new Float64Array(nCats * span).fill(Number.NaN);
  const cover = new Uint8Array(nCats * span);
  const coverDays = (c: number, a: number, b: number) => {
    const lo = Math.max(a, firstDay);
    const hi = Math.min(b, endDay);
    if (lo < hi) cover.fill(1, c * span + (lo - firstDay), c * span + (hi - firstDay));
  };
  let synthetic = false;
  seriesFor.forEach((s, c) => {
    const cover = seriesCover[c];
    if (!s || !cover) return;
    categories[c]!.grain = s.interval;
    let used = false;
    let day = cover.start;
    for (let i = 0; i < s.counts.length; i++) {
      const next = nextPeriodStart(day, s.interval);
      const count = s.counts[i];
      if (count !== null && count !== undefined) {
        if (day >= firstDay && day < endDay) {
          values[c * span + (day - firstDay)] = count;
          coverDays(c, day, next);
          used = true;
        } else notes.outOfRange += 1;
      }
      day = next;
    }
    if (used) {
      categories[c]!.basis = 'series';
      if (s.provenance === 'synthetic') synthetic = true;
    }
  });

  // Incidents, per category and day, from the feed and from columns.
  let anySyntheticEvent = false;
  if (logFirst <= logLast && span > 0) {
    const lastDay = endDay - 1;
    const feedCats = new Int32Array(feed.events.length);
    const keepMask = new Uint8Array(feed.events.length);
    const keepIndex = new Int32Array(feed.events.length);
    for (let i = 0; i < feed.events.length; i++) {
      const e = feed.events[i]!;
      keepIndex[i] = i;
      feedCats[i] = bySlot.get(e.category) ?? -1;
      const keep = e.kind !== 'annotation' && inScope(e.grid, e.subdistrict);
      keepMask[i] = keep ? 1 : 0;
      if (keep && e.provenance === 'synthetic') anySyntheticEvent = true;
      if (keep) {
        const d = incidentDays[i]!;
        if (d === -1 || !inBounds(d)) notes.outOfRange += 1;
      }
    }
    const bins = [
      binEventsByDay(allTimes, feedCats, {
        firstDay,
        lastDay,
        categoryCount: nCats,
        zone,
        keep: { index: keepIndex, mask: keepMask },
      }),
    ];
    if (columns) {
      const map = new Int32Array(columns.categories.length);
      columns.categories.forEach((id, j) => (map[j] = bySlot.get(id) ?? -1));
      const n = Math.min(columns.time.length, columns.category.length);
      const cats = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const j = columns.category[i]!;
        cats[i] = j >= 0 && j < map.length ? map[j]! : -1;
      }
      let keep: { index: IndexArray; mask: Uint8Array } | undefined;
      if (grid || (subdistrict && placeId !== subdistrict)) {
        // Without a grid column nothing can be placed in a grid or sub-district: an empty mask keeps none.
        const grids = columns.grid ? (columns.grids ?? []) : [];
        const mask = new Uint8Array(grids.length);
        grids.forEach((g, j) => (mask[j] = inScope(g, undefined) ? 1 : 0));
        keep = { index: columns.grid ?? new Uint8Array(n), mask };
      }
      const b = binEventsByDay(columns.time, cats, { firstDay, lastDay, categoryCount: nCats, zone, keep });
      notes.outOfRange += b.outOfRange;
      notes.unknownCategory += b.unknownCategory;
      bins.push(b);
      if (feed.synthetic) anySyntheticEvent = true;
    }
    // Days each category takes from events: inside a stretch of the log, outside its series' coverage.
    for (let c = 0; c < nCats; c++) {
      if (categories[c]!.withheld) continue;
      const series = seriesCover[c];
      let usedEvents = false;
      let counted = 0;
      for (const stretch of logStretches) {
        for (let d = Math.max(stretch.start, firstDay), to = Math.min(stretch.end, endDay); d < to; d++) {
          if (series && d >= series.start && d < series.end) continue;
          let n = 0;
          for (const b of bins) n += b.counts[c * b.dayCount + (d - firstDay)]!;
          const at = c * span + (d - firstDay);
          values[at] = n;
          cover[at] = 1;
          counted += n;
          usedEvents = true;
        }
      }
      const cat = categories[c]!;
      cat.events = counted;
      if (usedEvents) cat.basis = cat.basis === 'series' ? 'series+events' : 'events';
    }
  }

  // Where the counts end: the last stretch of coverage (any category) at least MIN_CHARTED_DAYS
  // long. Incidents after it are counted in a note, not charted.
  let chartedEnd = endDay;
  {
    let runEnd = -1;
    let run = 0;
    let lastLong = -1;
    for (let i = span - 1; i >= 0; i--) {
      let on = false;
      for (let c = 0; c < nCats && !on; c++) on = cover[c * span + i] === 1;
      if (on) {
        if (runEnd < 0) runEnd = i + 1;
        run += 1;
        if (run >= MIN_CHARTED_DAYS) {
          lastLong = runEnd;
          break;
        }
      } else {
        runEnd = -1;
        run = 0;
      }
    }
    if (lastLong >= 0) chartedEnd = firstDay + lastLong;
  }
  const shown = chartedEnd - firstDay;

  // Running totals and each category's data span, over the charted days.
  const sums = new Float64Array(nCats * (shown + 1));
  const covered = new Int32Array(nCats * (shown + 1));
  let eventsCounted = 0;
  for (let c = 0; c < nCats; c++) {
    const base = c * (shown + 1);
    let total = 0;
    let k = 0;
    let first = -1;
    let last = -1;
    for (let i = 0; i < shown; i++) {
      const v = values[c * span + i]!;
      if (v === v) total += v;
      if (cover[c * span + i]) {
        k += 1;
        if (first < 0) first = i;
        last = i;
      }
      sums[base + i + 1] = total;
      covered[base + i + 1] = k;
    }
    const cat = categories[c]!;
    if (first >= 0) {
      cat.firstDay = firstDay + first;
      cat.endDay = firstDay + last + 1;
    } else {
      cat.basis = 'none';
      cat.firstDay = cat.endDay = firstDay;
    }
    // Incidents after the charted days are not counted in them: the note says how many.
    if (shown < span && cat.basis !== 'none') {
      let after = 0;
      const series = seriesCover[c];
      for (let i = shown; i < span; i++) {
        const v = values[c * span + i]!;
        if (v === v && !(series && firstDay + i >= series.start && firstDay + i < series.end)) after += v;
      }
      cat.events -= after;
      notes.recordedSince += after;
      if (cat.events === 0 && cat.basis === 'series+events') cat.basis = 'series';
    }
    eventsCounted += cat.events;
  }

  // Synthetic events make the counts synthetic only where they are charted.
  if (anySyntheticEvent && eventsCounted > 0) synthetic = true;

  // Annotations for this scope: place-wide ones and those inside the scope.
  const gridSd = grid ? gridSubdistrict.get(grid) : undefined;
  const annotations: TimelineAnnotation[] = [];
  feed.events.forEach((e, i) => {
    if (e.kind !== 'annotation') return;
    const d = incidentDays[i]!;
    if (d === -1) return;
    const eg = clean(e.grid);
    const esd = clean(e.subdistrict) ?? (eg ? gridSubdistrict.get(eg) : undefined);
    let show = true;
    if (grid) show = (!eg && !esd) || eg === grid || (!eg && esd === gridSd);
    else if (subdistrict && placeId !== subdistrict) show = (!eg && !esd) || esd === subdistrict;
    if (show)
      annotations.push({ id: e.id, day: d, time: e.time, category: e.category, title: e.title ?? undefined });
  });
  annotations.sort((a, b) => a.day - b.day || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));

  return {
    categories,
    firstDay,
    endDay: chartedEnd,
    asOfDay,
    timeZone,
    sums,
    covered,
    annotations,
    notes,
    eventsCounted,
    synthetic,
    scope: grid ? 'grid' : subdistrict && subdistrict !== placeId ? 'subdistrict' : 'place',
  };
}

/**
 * Total of category `c` over days `[a, b)`, or NaN unless its data covers every one of those days:
 * a total with days missing would count them as zero.
 */
export function windowSum(data: TimelineData, c: number, a: number, b: number): number {
  if (!windowCovered(data, c, a, b)) return Number.NaN;
  const span = data.endDay - data.firstDay;
  const base = c * (span + 1);
  return data.sums[base + b - data.firstDay]! - data.sums[base + a - data.firstDay]!;
}

/** Whether category `c`'s data covers every day of `[a, b)` (a non-empty window inside the span). */
export function windowCovered(data: TimelineData, c: number, a: number, b: number): boolean {
  if (!(a < b) || a < data.firstDay || b > data.endDay || c < 0 || c >= data.categories.length) return false;
  const span = data.endDay - data.firstDay;
  const base = c * (span + 1);
  return data.covered[base + b - data.firstDay]! - data.covered[base + a - data.firstDay]! === b - a;
}
