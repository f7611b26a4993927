import { validateFeed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { yantianFeed } from '../test/large-feed.js';
import { buildTableView, rowKeyTarget, windowBodies } from './table-view.js';
import { buildTableModel } from './view-model.js';

const model = (() => {
  const r = validateFeed(yantianFeed);
  if (!r.ok) throw new Error('invalid sample');
  return buildTableModel(r.feed);
})();

describe('buildTableView', () => {
  it('filters, sorts within areas and numbers the rows in table order', () => {
    const view = buildTableView(model, { status: 'not-met' }, { key: 'score', dir: 'asc' }, 'en');
    expect(view.shown).toBe(view.lines.filter((l) => l.kind === 'row').length);
    expect(view.shown).toBeGreaterThan(0);
    expect(view.lines[0]!.kind).toBe('group');
    const numbers = [...view.rowNumbers].filter((n) => n > 0);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    for (const [id, line] of view.lineOfRow) {
      const l = view.lines[line]!;
      expect(l.kind === 'row' && l.row.id).toBe(id);
      expect(view.lines[view.headerOf[line]!]!.kind).toBe('group');
    }
  });

  it('shows nothing (not zero rows of zeros) when nothing matches', () => {
    const view = buildTableView(model, { query: 'no such indicator' }, null, 'en');
    expect([view.shown, view.lines.length, view.groups.length]).toEqual([0, 0, 0]);
  });
});

describe('rowKeyTarget', () => {
  it('moves one row, ten rows, to either end, and stays inside the rows', () => {
    expect(rowKeyTarget('ArrowDown', 3, 56)).toBe(4);
    expect(rowKeyTarget('ArrowDown', 55, 56)).toBe(55);
    expect(rowKeyTarget('ArrowUp', 0, 56)).toBe(0);
    expect(rowKeyTarget('PageDown', 50, 56)).toBe(55);
    expect(rowKeyTarget('PageUp', 5, 56)).toBe(0);
    expect(rowKeyTarget('Home', 30, 56)).toBe(0);
    expect(rowKeyTarget('End', 3, 56)).toBe(55);
    expect(rowKeyTarget('a', 3, 56)).toBeNull();
    expect(rowKeyTarget('End', 0, 0)).toBeNull();
  });
});

describe('windowBodies', () => {
  it('puts drawn lines in their area tbody; a spacer inside an area stays inside it', () => {
    const view = buildTableView(model, {}, null, 'en');
    const first = view.lines.findIndex((l, i) => i > 0 && l.kind === 'group');
    const bodies = windowBodies(view.lines, [
      { kind: 'line', index: 0 },
      { kind: 'line', index: 1 },
      { kind: 'spacer', height: 100, from: 2, to: first - 1 },
      { kind: 'line', index: first - 1 },
      { kind: 'spacer', height: 900, from: first, to: view.lines.length },
    ]);
    expect(bodies.map((b) => b.kind)).toEqual(['group', 'spacer']);
    const area = bodies[0]!;
    expect(area.kind === 'group' && area.entries.map((e) => e.kind)).toEqual([
      'group',
      'row',
      'spacer',
      'row',
    ]);
    expect(bodies[1]).toMatchObject({ kind: 'spacer', height: 900 });
  });
});
