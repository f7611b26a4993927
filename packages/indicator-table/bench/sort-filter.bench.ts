/**
 * Sorting and filtering 5,000 indicators over the precomputed view model (target: under 30 ms
 * each, measured here, never asserted in tests). Run: `pnpm bench` (vitest bench --run --project unit).
 */
import { validateFeed } from '@safety-widgets/core';
import { bench, describe } from 'vitest';
import { largeFeed } from '../test/large-feed.js';
import { filterRows } from '../src/filter.js';
import { flattenGroups, groupRows } from '../src/group.js';
import { nameRanks, sortRows } from '../src/sort.js';
import { buildTableModel } from '../src/table-model.js';

const result = validateFeed(largeFeed(5000));
if (!result.ok) throw new Error('the 5,000-indicator feed is invalid');
const feed = result.feed;
const model = buildTableModel(feed);
const ranksZh = nameRanks(model.rows, 'zh-CN');

describe('5,000 rows: sort', () => {
  bench('sort by score, descending', () => {
    sortRows(model.rows, { key: 'score', dir: 'desc' });
  });
  bench('sort by value, ascending', () => {
    sortRows(model.rows, { key: 'value', dir: 'asc' });
  });
  bench('sort by name (zh-CN, ranks precomputed)', () => {
    sortRows(model.rows, { key: 'name', dir: 'asc' }, 'zh-CN', ranksZh);
  });
  bench('sort by status', () => {
    sortRows(model.rows, { key: 'status', dir: 'asc' });
  });
});

describe('5,000 rows: filter', () => {
  bench('search "指标 12"', () => {
    filterRows(model.rows, { query: '指标 12' });
  });
  bench('search "indicator 4" + status not-met', () => {
    filterRows(model.rows, { query: 'indicator 4', status: 'not-met' });
  });
  bench('area fire', () => {
    filterRows(model.rows, { area: 'fire' });
  });
});

describe('5,000 rows: the whole pipeline of one render', () => {
  bench('filter + sort + group + flatten', () => {
    const rows = sortRows(filterRows(model.rows, { query: 'indicator' }), { key: 'score', dir: 'desc' });
    flattenGroups(groupRows(rows, model));
  });
});

describe('5,000 rows: once per feed or locale (not per sort or filter)', () => {
  bench('buildTableModel (scores the feed)', () => {
    buildTableModel(feed);
  });
  bench('nameRanks zh-CN (collation)', () => {
    nameRanks(model.rows, 'zh-CN');
  });
  bench('nameRanks en', () => {
    nameRanks(model.rows, 'en');
  });
});
