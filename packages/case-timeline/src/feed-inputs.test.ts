import type { Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { sameJson, sameTimelineInputs } from './feed-inputs.js';
import { editableYantian, valid, type EditableFeed } from '../test/feeds.js';

const base = valid(editableYantian());
/** A new version of the sample: a fresh copy, changed by `change`. */
const version = (change: (raw: EditableFeed) => void): Feed => {
  const raw = editableYantian();
  change(raw);
  return valid(raw);
};

describe('sameTimelineInputs', () => {
  it('a copy counts the same; so does a version whose changes the counting does not read', () => {
    expect(sameTimelineInputs(base, base)).toBe(true);
    expect(
      sameTimelineInputs(
        base,
        version(() => undefined),
      ),
    ).toBe(true);
    const other = version((raw) => {
      raw.indicators[0]!.value = (raw.indicators[0]!.value ?? 0) + 5;
      raw.grids.features[0]!.properties.metrics.cases = 999;
      raw.grids.features[0]!.properties.name = { zh: '新名', en: 'New name' };
      // Later the same day in Shenzhen (asOf is 09:00 +08:00).
      raw.asOf = '2017-12-04T21:30:00+08:00';
    });
    expect(sameTimelineInputs(base, other)).toBe(true);
  });

  it('a new event, a changed count, a later day, a grid moved or another time zone count again', () => {
    const changes: ((raw: EditableFeed) => void)[] = [
      (raw) =>
        raw.events.push({
          id: 'new-1',
          time: '2017-12-04T08:00:00+08:00',
          category: 'fraud',
          kind: 'incident',
          provenance: 'synthetic',
        }),
      (raw) => (raw.events[5]!.category = raw.events[5]!.category === 'fraud' ? 'fire' : 'fraud'),
      (raw) => (raw.series[0]!.counts[3]! += 1),
      (raw) => (raw.series[0]!.counts[3] = null),
      (raw) => (raw.asOf = '2017-12-05T00:30:00+08:00'),
      (raw) =>
        (raw.grids.features[0]!.properties.subdistrict = raw.grids.features.at(-1)!.properties.subdistrict),
      (raw) => (raw.place.timeZone = 'Asia/Tokyo'),
      (raw) => (raw.categories[1]!.sensitive = true),
    ];
    for (const change of changes) expect(sameTimelineInputs(base, version(change))).toBe(false);
  });
});

describe('sameJson', () => {
  it('compares JSON values deeply; a missing number equals a missing number', () => {
    expect(sameJson({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson(Number.NaN, Number.NaN)).toBe(true);
    expect(sameJson(0, null)).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});
