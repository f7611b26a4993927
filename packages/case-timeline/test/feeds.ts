/**
 * Test helpers: the sample feeds validated, and small changes to them (feeds are validated
 * by core exactly as the element would, so tests see what the widget sees).
 */
import { validateFeed, type Feed } from '@safety-widgets/core';
import yantianJson from '@safety-widgets/sample-data/feeds/yantian.json';
import meishaJson from '@safety-widgets/sample-data/feeds/meisha.json';

/** A fresh, mutable copy of the raw district feed. */
export function rawYantian(): Record<string, unknown> & {
  events: Record<string, unknown>[];
  series: Record<string, unknown>[];
} {
  return structuredClone(yantianJson) as never;
}

/** The parts of a raw feed tests change, typed for editing (a cast of `rawYantian()`). */
export interface EditableFeed {
  asOf: string;
  place: { timeZone: string };
  categories: { id: string; sensitive?: boolean }[];
  series: { category: string; counts: (number | null)[] }[];
  events: Record<string, unknown>[];
  indicators: { value: number | null }[];
  grids: {
    features: {
      id: string;
      properties: { subdistrict: string; name: unknown; metrics: Record<string, number | null> };
    }[];
  };
}

/** A fresh copy of the raw district feed, typed for editing. */
export function editableYantian(): EditableFeed {
  return rawYantian() as unknown as EditableFeed;
}

/**
 * The raw district feed without its monthly series per grid, so a grid is counted from its
 * events (what a feed that publishes no grid series gets).
 */
export function yantianWithoutGridSeries(): ReturnType<typeof rawYantian> {
  const raw = rawYantian();
  raw.series = raw.series.filter((s) => s.grid == null);
  return raw;
}

/** A fresh, mutable copy of the raw Meisha sub-district feed. */
export function rawMeisha(): Record<string, unknown> {
  return structuredClone(meishaJson) as never;
}

/** Validates `raw`; throws if the feed is rejected (a test bug). */
export function valid(raw: unknown): Feed {
  const r = validateFeed(raw);
  if (!r.ok) throw new Error(`test feed rejected: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.feed;
}

/**
 * A small district feed: the last `days` days of each series, the last `days` days of events,
 * no grids, sub-districts, neighbours or layers, one indicator. For tests that mount many elements.
 */
export function smallYantian(days = 120): ReturnType<typeof rawYantian> {
  const raw = rawYantian();
  const end = Date.UTC(2017, 10, 30);
  const startMs = end - (days - 1) * 86_400_000;
  const start = new Date(startMs).toISOString().slice(0, 10);
  raw.series = raw.series
    .filter((s) => s.grid == null)
    .map((s) => ({
      ...s,
      start,
      counts: (s.counts as number[]).slice(-days),
    }));
  raw.events = raw.events.filter((e) => e.kind === 'annotation' || Date.parse(e.time as string) >= startMs);
  raw.layers = [];
  raw.grids = { type: 'FeatureCollection', features: [] };
  raw.subdistricts = [];
  raw.neighbours = [];
  raw.events = raw.events.map((e) => ({ ...e, grid: undefined }));
  raw.indicators = (raw.indicators as unknown[]).slice(0, 1);
  return raw;
}
