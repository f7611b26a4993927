/**
 * Simulate mode (`--simulate`): a demo opens on current feeds, and every simulated change goes
 * through the validated write path, so the feeds stay valid however long the demo runs.
 */
import { parseFeedText } from '@safety-widgets/core';
import { mulberry32 } from '@safety-widgets/sample-data/synthetic';
import { afterEach, expect, it } from 'vitest';
import { continueSeries, dayBefore, nudge } from '../src/simulate.js';
import { call, startTestServer, type TestServer } from './helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

/** Every served feed, parsed by core. */
async function feeds(s: TestServer) {
  const ids = ['yantian', 'shatoujiao', 'haishan', 'yantian-subdistrict', 'meisha'];
  return Promise.all(
    ids.map(async (id) => ({ id, parsed: parseFeedText((await call(`${s.url}/api/feeds/${id}`)).text) })),
  );
}

it('makes every feed current as it starts, before its first tick', async () => {
  const started = Date.now();
  server = await startTestServer({ simulate: true, simulateEveryMs: 600_000 });
  for (const { id, parsed } of await feeds(server)) {
    expect(parsed.feed, id).toBeDefined();
    expect(Date.parse(parsed.feed!.asOf), id).toBeGreaterThanOrEqual(started - 1000);
  }
});

it('keeps every feed valid through many simulated changes', async () => {
  server = await startTestServer({ simulate: true, simulateEveryMs: 5 });
  const before = (await feeds(server)).map((f) => f.parsed.feed!.events.length);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const after = await feeds(server);
  for (const { id, parsed } of after) {
    expect(parsed.ok, id).toBe(true);
    expect(parsed.issues, id).toEqual([]);
    expect(parsed.dropped, id).toEqual({});
  }
  // Incidents were added somewhere (the district gets every one).
  expect(after[0]!.parsed.feed!.events.length).toBeGreaterThan(before[0]!);
});

it('nudges values by a few per cent, never below 0, percentages at most 100', () => {
  const random = mulberry32(1);
  for (let i = 0; i < 500; i++) {
    const count = nudge(40, false, random);
    expect(Number.isInteger(count)).toBe(true);
    expect(count).not.toBe(40);
    expect(Math.abs(count - 40)).toBeLessThanOrEqual(3);
    expect(nudge(0, false, random)).toBeGreaterThanOrEqual(0);
    const share = nudge(99.5, true, random);
    expect(share).toBeLessThanOrEqual(100);
    expect(share).toBeGreaterThan(95);
  }
});

it('continues the sample’s daily series up to yesterday, so the timeline runs on to today', async () => {
  server = await startTestServer({ simulate: true, simulateEveryMs: 600_000 });
  const yesterday = dayBefore(Date.now(), 'Asia/Shanghai');
  const daysTo = (iso: string) => Math.round((Date.parse(iso) - Date.parse('2014-01-01')) / 86_400_000) + 1;
  const all = await feeds(server);
  const dailyOf = (feed: (typeof all)[number]) =>
    feed.parsed.feed!.series.filter((s) => s.interval === 'day' && !s.grid && !s.subdistrict);
  for (const feed of all) {
    expect(dailyOf(feed).length, feed.id).toBe(6);
    for (const s of dailyOf(feed))
      expect(s.counts.length, `${feed.id} ${s.category}`).toBe(daysTo(yesterday));
  }
  // The sub-districts' continued counts still add up to the district's, day by day.
  const district = dailyOf(all[0]!).find((s) => s.category === 'alerts-110')!.counts;
  const parts = all.slice(1).map((f) => dailyOf(f).find((s) => s.category === 'alerts-110')!.counts);
  for (let d = district.length - 30; d < district.length; d++)
    expect(parts.reduce((n, counts) => n + (counts[d] ?? 0), 0)).toBe(district[d]);
  // A restart continues nothing more the same day.
  expect(await continueSeries(server.repository)).toBe(0);
});
