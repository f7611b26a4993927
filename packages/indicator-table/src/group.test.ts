import { validateFeed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { yantianFeed } from '../test/large-feed.js';
import { flattenGroups, groupKey, groupRows, rowKey, rowsInTableOrder } from './group.js';
import { sortRows } from './sort.js';
import { buildTableModel } from './table-model.js';

const model = (() => {
  const r = validateFeed(yantianFeed);
  if (!r.ok) throw new Error('invalid sample');
  return buildTableModel(r.feed);
})();

describe('groupRows', () => {
  it('groups the sample into its 8 areas in feed order', () => {
    const groups = groupRows(model.rows, model);
    expect(groups.map((g) => g.area.id)).toEqual(model.areas.map((a) => a.id));
    expect(groups.reduce((n, g) => n + g.rows.length, 0)).toBe(56);
  });

  it('keeps the sort within each area and leaves out areas with nothing shown', () => {
    const sorted = sortRows(model.rows, { key: 'value', dir: 'desc' });
    const groups = groupRows(sorted, model);
    for (const g of groups) {
      const values = g.rows.map((r) => r.value ?? -Infinity);
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
    const some = groupRows(
      model.rows.filter((r) => r.area === 'fire' || r.area === 'emergency'),
      model,
    );
    expect(some.map((g) => g.area.id)).toEqual(['fire', 'emergency']);
  });

  it('flattens into header and row lines, and back to rows in table order', () => {
    const groups = groupRows(model.rows.slice(0, 9), model);
    const lines = flattenGroups(groups);
    expect(lines.map((l) => l.key)).toEqual([
      groupKey('stability'),
      ...model.rows.slice(0, 7).map((r) => rowKey(r.id)),
      groupKey('public-order'),
      ...model.rows.slice(7, 9).map((r) => rowKey(r.id)),
    ]);
    expect(rowsInTableOrder(groups).map((r) => r.id)).toEqual(model.rows.slice(0, 9).map((r) => r.id));
  });
});
