import { validateFeed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { yantianFeed } from '../test/large-feed.js';
import { filterRows, isFilterEmpty, matchesQuery, parseStatus } from './filter.js';
import { buildTableModel } from './table-model.js';

const model = (() => {
  const r = validateFeed(yantianFeed);
  if (!r.ok) throw new Error('invalid sample');
  return buildTableModel(r.feed);
})();
const ids = (filter: Parameters<typeof filterRows>[1]) => filterRows(model.rows, filter).map((r) => r.id);

describe('filterRows', () => {
  it('finds an indicator by its Chinese or English name, whatever the case or width', () => {
    expect(ids({ query: '诈骗' })).toEqual(['fraud-alerts']);
    expect(ids({ query: 'fraud' })).toEqual(['fraud-alerts']);
    expect(ids({ query: '  FRAUD  ' })).toEqual(['fraud-alerts']);
    expect(ids({ query: 'ｆｒａｕｄ' })).toEqual(['fraud-alerts']);
    expect(ids({ query: 'alerts fraud' })).toEqual(['fraud-alerts']);
  });

  it('needs every word in one language', () => {
    expect(ids({ query: 'fraud 诈骗' })).toEqual([]);
    expect(ids({ query: 'fire deaths' })).toEqual(['fire-deaths']);
  });

  it('filters by area and status, together with the search', () => {
    const fire = ids({ area: 'fire' });
    expect(fire).toHaveLength(7);
    expect(ids({ area: 'fire', query: 'deaths' })).toEqual(['fire-deaths']);
    const notMet = filterRows(model.rows, { status: 'not-met' });
    expect(notMet.length).toBeGreaterThan(0);
    expect(notMet.every((r) => r.status === 'not-met')).toBe(true);
    expect(ids({ area: 'nowhere' })).toEqual([]);
  });

  it('an empty filter keeps every row, in order', () => {
    expect(ids({})).toEqual(model.rows.map((r) => r.id));
    expect(ids({ area: '', status: null, query: '   ' })).toHaveLength(56);
  });

  it('a query never matches across the two names', () => {
    const row = model.rows.find((r) => r.id === 'fires')!;
    expect(matchesQuery('起数 fires')(row)).toBe(false);
    expect(matchesQuery('数f')(row)).toBe(false);
  });
});

describe('parseStatus / isFilterEmpty', () => {
  it('reads the four statuses and nothing else', () => {
    expect(parseStatus(' Not-Met ')).toBe('not-met');
    expect(parseStatus('no-target')).toBe('no-target');
    expect(parseStatus('good')).toBeNull();
    expect(parseStatus(undefined)).toBeNull();
  });

  it('knows an empty filter', () => {
    expect(isFilterEmpty({ query: '  ' })).toBe(true);
    expect(isFilterEmpty({ area: 'fire' })).toBe(false);
  });
});
