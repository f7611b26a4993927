import { describe, expect, it } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { validateFeed } from '../feed/validate.js';
import type { Feed } from '../feed/types.js';
import { deriveStatus, isEmptyFeed, isStaleByAge, sameState, staleAt } from './status.js';
import type { FeedError } from './types.js';

function feed(mutate: (f: ReturnType<typeof makeFeed>) => void = () => undefined): Feed {
  const input = makeFeed();
  mutate(input);
  const result = validateFeed(input);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.feed;
}

const asOf = Date.parse('2017-12-04T09:00:00+08:00');
const error: FeedError = { code: 'http', message: 'HTTP 500', httpStatus: 500 };

describe('deriveStatus', () => {
  const f = feed();
  it('loading, then error without a feed', () => {
    expect(deriveStatus({ offline: false, now: asOf })).toEqual({ status: 'loading' });
    expect(deriveStatus({ offline: false, now: asOf, error })).toEqual({ status: 'error' });
  });

  it('ready, stale by age, stale by failed refresh', () => {
    expect(deriveStatus({ feed: f, offline: false, now: asOf + 1000 })).toEqual({ status: 'ready' });
    expect(deriveStatus({ feed: f, offline: false, now: asOf + 7_200_000 })).toEqual({ status: 'ready' });
    expect(deriveStatus({ feed: f, offline: false, now: asOf + 7_200_001 })).toEqual({
      status: 'stale',
      staleReason: 'age',
    });
    expect(deriveStatus({ feed: f, offline: false, now: asOf, error })).toEqual({
      status: 'stale',
      staleReason: 'refresh-failed',
    });
  });

  it('offline wins', () => {
    expect(deriveStatus({ feed: f, offline: true, now: asOf, error })).toEqual({ status: 'offline' });
    expect(deriveStatus({ offline: true, now: asOf })).toEqual({ status: 'offline' });
  });

  it('empty for a valid feed with nothing to draw', () => {
    const empty = feed((x) => {
      x.indicators = [];
      x.grids = { type: 'FeatureCollection', features: [] };
      x.layers = [];
      x.series = [];
      x.events = [];
    });
    expect(isEmptyFeed(empty)).toBe(true);
    expect(isEmptyFeed(f)).toBe(false);
    expect(deriveStatus({ feed: empty, offline: false, now: asOf })).toEqual({ status: 'empty' });
  });
});

describe('staleness by age', () => {
  it('is due at asOf + 2 × expectedUpdateSeconds', () => {
    const f = feed((x) => {
      x.expectedUpdateSeconds = 60;
    });
    expect(staleAt(f)).toBe(asOf + 120_000);
    expect(isStaleByAge(f, asOf + 120_000)).toBe(false);
    expect(isStaleByAge(f, asOf + 120_001)).toBe(true);
  });
});

describe('sameState', () => {
  it('compares fields by identity', () => {
    const issues: never[] = [];
    expect(
      sameState({ status: 'ready', issues, dropped: {} }, { status: 'ready', issues, dropped: {} }),
    ).toBe(false);
    const dropped = {};
    expect(sameState({ status: 'ready', issues, dropped }, { status: 'ready', issues, dropped })).toBe(true);
    expect(
      sameState({ status: 'ready', issues, dropped }, { status: 'ready', issues, dropped, note: 'x' }),
    ).toBe(false);
  });
});
