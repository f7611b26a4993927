/**
 * Sample feeds for the gauge's tests, stories and benches: deep copies (so a test can edit
 * them), optionally made current so that they are not `stale` by age.
 */
import meisha from '@safety-widgets/sample-data/feeds/meisha.json';
import yantian from '@safety-widgets/sample-data/feeds/yantian.json';
import type { Feed } from '@safety-widgets/core';

/** A feed as JSON data: loosely typed so that tests can break it on purpose. */
export type FeedJson = Feed & Record<string, unknown>;

const SAMPLES = { yantian, meisha } as const;

/** A deep copy of a sample feed, as published (asOf 2017-12-04, so `stale` by age). */
export function sampleFeed(name: keyof typeof SAMPLES = 'yantian'): FeedJson {
  return structuredClone(SAMPLES[name]) as unknown as FeedJson;
}

/** A deep copy of a sample feed with `asOf` set to now, so that it is `ready`. */
export function currentFeed(name: keyof typeof SAMPLES = 'yantian'): FeedJson {
  return { ...sampleFeed(name), asOf: new Date().toISOString() };
}

/** A copy of `feed` with one indicator's value changed. */
export function withValue(feed: FeedJson, indicatorId: string, value: number | null): FeedJson {
  const copy = structuredClone(feed);
  const indicator = copy.indicators.find((i) => i.id === indicatorId);
  if (!indicator) throw new Error(`no indicator ${indicatorId}`);
  (indicator as { value: number | null }).value = value;
  return copy;
}
