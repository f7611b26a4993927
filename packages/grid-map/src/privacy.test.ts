import { describe, expect, it } from 'vitest';
import { countPerGrid, formatCount, isSuppressed, privacyThreshold, sensitiveThings } from './privacy.js';
import { yantian } from '../test/fixtures.js';

describe('privacy', () => {
  it('counts each layer and category per grid, cameras by their count', () => {
    const feed = yantian();
    const counters = countPerGrid(feed, (p) => p.grid ?? undefined);
    const cameras = counters.find((c) => c.key === 'layer:cameras')!;
    expect(cameras.sensitive).toBe(true);
    for (const grid of feed.grids.features) {
      expect(cameras.counts.get(grid.id) ?? 0, grid.id).toBe(grid.properties.metrics.cameras);
    }
    const risks = counters.find((c) => c.key === 'layer:risk-sources')!;
    const total = [...risks.byLevel!.values()].reduce(
      (n, l) => n + Object.values(l).reduce((a, b) => a + b, 0),
      0,
    );
    expect(total).toBe(149);
    const domestic = counters.find((c) => c.key === 'category:domestic')!;
    expect(domestic.sensitive).toBe(true);
    expect([...domestic.counts.values()].reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('shows small sensitive counts as "<threshold"', () => {
    expect(formatCount(0, 'en', true, 3)).toBe('<3');
    expect(formatCount(2, 'en', true, 3)).toBe('<3');
    expect(formatCount(3, 'en', true, 3)).toBe('3');
    expect(formatCount(2, 'en', false, 3)).toBe('2');
    expect(formatCount(1, 'zh-CN', true, 5)).toBe('<5');
    expect(formatCount(1234, 'en', true, 3)).toBe('1,234');
    expect(formatCount(null, 'en', true, 3)).toBe('—');
    expect(isSuppressed(2, 3)).toBe(true);
  });

  it('reads the threshold attribute safely', () => {
    expect(privacyThreshold(undefined)).toBe(3);
    expect(privacyThreshold('5')).toBe(5);
    expect(privacyThreshold(10)).toBe(10);
    expect(privacyThreshold('0')).toBe(3);
    expect(privacyThreshold(-2)).toBe(3);
    expect(privacyThreshold('abc')).toBe(3);
    expect(privacyThreshold(2.7)).toBe(2);
  });

  it('names the sensitive layers and categories', () => {
    expect(sensitiveThings(yantian()).map((t) => t.en)).toEqual([
      'First-class HD camera sites (synthetic positions and counts)',
      'Domestic dispute alerts',
    ]);
  });
});
