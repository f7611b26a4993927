/**
 * Large feeds: results only. Timings are measured by bench/feed-and-scoring.bench.ts, never asserted here.
 */
import { describe, expect, it } from 'vitest';
import { makeEventsFeedText, makeLargeFeed } from '../../test/fixtures/large-feed.js';
import { parseFeedText, validateFeed } from './validate.js';

describe('large feeds', () => {
  it('validates a full district feed (56 indicators, 30 grids, 2,000 events, 5 × 1,100 daily counts)', () => {
    const input = makeLargeFeed();
    const result = validateFeed(input);
    expect(result.issues).toEqual([]);
    expect(result.feed?.indicators).toHaveLength(56);
    expect(result.feed?.events).toHaveLength(2000);
    expect(result.feed?.series.map((s) => s.counts.length)).toEqual([1100, 1100, 1100, 1100, 1100]);
  });

  it('reads and validates 5 MB of valid events', () => {
    const { text, events } = makeEventsFeedText(5 * 1024 * 1024);
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    const result = parseFeedText(text);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.feed?.events).toHaveLength(events);
  });

  it('handles 5 MB of garbage events, with a capped issue list and an exact count', () => {
    const junk = (i: number) => ({
      id: `x ${i}`,
      time: 5,
      kind: 'sometimes',
      grid: ['g1'],
      title: 'not an object',
      note: 'n'.repeat(20),
    });
    const garbage = JSON.stringify({
      ...makeLargeFeed({ events: 0 }),
      events: Array.from({ length: 60_000 }, (_, i) => junk(i)),
    });
    expect(garbage.length).toBeGreaterThan(5 * 1024 * 1024);
    const result = parseFeedText(garbage);
    expect(result.ok).toBe(true);
    expect(result.dropped).toEqual({ events: 60_000 });
    expect(result.issues).toHaveLength(201);
    // id, time, category, kind, grid, title and provenance: 7 problems per event.
    expect(result.issues.at(-1)?.message).toBe(
      `$: … and ${(60_000 * 7 - 200).toLocaleString('en-US')} more problems`,
    );
    expect(result.issues[0]?.message).toBe(
      'events[0].id: an id may only use letters, digits, ".", "_", ":" and "-", got "x 0"',
    );
  });
});
