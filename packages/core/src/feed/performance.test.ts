/**
 * Timings on large valid feeds. Thresholds are the targets, with headroom for slow CI.
 */
import { describe, expect, it } from 'vitest';
import { makeEventsFeedText, makeLargeFeed } from '../../test/fixtures/large-feed.js';
import { parseFeedText, validateFeed } from './validate.js';

/** Median time of `runs` calls, in ms, after one warm-up. */
function median(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? Number.NaN;
}

describe('performance', () => {
  it('validates a full district feed (56 indicators, 30 grids, 2,000 events, 5 × 1,100 daily counts) in well under 100 ms', () => {
    const input = makeLargeFeed();
    const result = validateFeed(input);
    expect(result.issues).toEqual([]);
    expect(result.feed?.indicators).toHaveLength(56);
    expect(result.feed?.events).toHaveLength(2000);
    expect(result.feed?.series.map((s) => s.counts.length)).toEqual([1100, 1100, 1100, 1100, 1100]);
    const ms = median(7, () => validateFeed(input));
    console.info(`full district feed: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(100);
  });

  it('reads and validates 5 MB of valid events in under a second', () => {
    const { text, events } = makeEventsFeedText(5 * 1024 * 1024);
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    const result = parseFeedText(text);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.feed?.events).toHaveLength(events);
    const ms = median(3, () => parseFeedText(text));
    console.info(`5 MB feed (${events} events): ${ms.toFixed(0)} ms including JSON.parse`);
    expect(ms).toBeLessThan(1000);
  });

  it('handles 5 MB of garbage events quickly, with a capped issue list and an exact count', () => {
    const junk = (i: number) => ({ id: `x ${i}`, time: 5, kind: 'sometimes', grid: ['g1'], title: 'not an object', note: 'n'.repeat(20) });
    const garbage = JSON.stringify({ ...makeLargeFeed({ events: 0 }), events: Array.from({ length: 60_000 }, (_, i) => junk(i)) });
    expect(garbage.length).toBeGreaterThan(5 * 1024 * 1024);
    const result = parseFeedText(garbage);
    const ms = median(3, () => parseFeedText(garbage));
    console.info(`garbage feed (${(garbage.length / 1024 / 1024).toFixed(1)} MB, 60,000 bad events): ${ms.toFixed(0)} ms`);
    expect(result.ok).toBe(true);
    expect(result.dropped).toEqual({ events: 60_000 });
    expect(result.issues).toHaveLength(201);
    // id, time, category, kind, grid, title and provenance: 7 problems per event.
    expect(result.issues.at(-1)?.message).toBe(`$: … and ${(60_000 * 7 - 200).toLocaleString('en-US')} more problems`);
    expect(result.issues[0]?.message).toBe('events[0].id: an id may only use letters, digits, ".", "_", ":" and "-", got "x 0"');
    expect(ms).toBeLessThan(3000);
  });
});
