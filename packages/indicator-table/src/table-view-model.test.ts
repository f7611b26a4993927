import { validateFeed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { yantianFeed } from '../test/large-feed.js';
import {
  buildTableView,
  buildTableViewModel,
  rowKeyTarget,
  tabbableRow,
  tableBodies,
  windowBodies,
} from './table-view-model.js';
import { buildTableModel } from './table-model.js';

const feed = (() => {
  const r = validateFeed(yantianFeed);
  if (!r.ok) throw new Error('invalid sample');
  return r.feed;
})();
const model = buildTableModel(feed);

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

describe('tableBodies', () => {
  it('draws every area with its header and all its rows, keyed by area id, when not windowed', () => {
    const view = buildTableView(model, { status: 'met' }, null, 'en');
    const bodies = tableBodies(view, null);
    expect(bodies.map((b) => b.key)).toEqual(view.groups.map((g) => g.area.id));
    bodies.forEach((b, i) => {
      if (b.kind !== 'group') throw new Error('spacer in a table that is not windowed');
      expect(b.headerLine).toBeNull();
      expect(b.entries[0]).toEqual({ kind: 'group' });
      expect(b.entries.slice(1).map((e) => e.kind === 'row' && e.row.id)).toEqual(
        view.groups[i]!.rows.map((r) => r.id),
      );
    });
  });

  it('draws the windowed bodies when given slots', () => {
    const view = buildTableView(model, {}, null, 'en');
    const slots = [
      { kind: 'line', index: 0 },
      { kind: 'line', index: 1 },
      { kind: 'spacer', height: 500, from: 2, to: view.lines.length },
    ] as const;
    expect(tableBodies(view, slots)).toEqual(windowBodies(view.lines, slots));
  });
});

describe('tabbableRow', () => {
  const view = buildTableView(model, {}, null, 'en');
  const firstRow = view.groups[0]!.rows[0]!.id;
  const later = view.groups[2]!.rows[1]!.id;

  it('is the active row while it is shown, else the first row', () => {
    expect(tabbableRow(view, null, later)).toBe(later);
    expect(tabbableRow(view, null, null)).toBe(firstRow);
    expect(tabbableRow(view, null, 'not-shown')).toBe(firstRow);
  });

  it('is the first row drawn in a windowed table, and none when no row is drawn', () => {
    const at = view.lineOfRow.get(later)!;
    const header = view.headerOf[at]!;
    const slots = [
      { kind: 'spacer', height: 800, from: 0, to: header },
      { kind: 'line', index: header },
      { kind: 'line', index: at },
      { kind: 'spacer', height: 800, from: at + 1, to: view.lines.length },
    ] as const;
    expect(tabbableRow(view, slots, null)).toBe(later);
    expect(tabbableRow(view, [{ kind: 'line', index: 0 }], null)).toBeNull();
  });
});

describe('buildTableViewModel', () => {
  const base = {
    feed,
    locale: 'en' as const,
    cards: false,
    slots: null,
    range: { first: 1, last: 12 },
    activeId: null,
    openDetails: new Set<string>(),
    sideways: false,
  };

  it('gives the toolbar the attributes as the controls show them and the counts', () => {
    const view = buildTableView(model, { status: 'met' }, { key: 'score', dir: 'desc' }, 'en');
    const vm = buildTableViewModel({
      ...base,
      view,
      area: undefined,
      statusFilter: 'met',
      sort: 'score:desc',
      query: undefined,
    });
    expect(vm.sort).toEqual({ key: 'score', dir: 'desc' });
    expect(vm.toolbar).toMatchObject({
      area: '',
      status: 'met',
      sort: 'score:desc',
      query: '',
      count: { shown: view.shown, total: 56 },
    });
    const bad = buildTableViewModel({ ...base, view, statusFilter: 'nonsense', sort: 'nonsense' });
    expect([bad.toolbar.status, bad.toolbar.sort, bad.sort]).toEqual(['', '', null]);
  });

  it('shows the row range only when windowed, and the caption in the locale', () => {
    const view = buildTableView(model, {}, null, 'en');
    const flow = buildTableViewModel({ ...base, view });
    expect([flow.windowed, flow.range]).toEqual([false, null]);
    const windowed = buildTableViewModel({ ...base, view, slots: [{ kind: 'line', index: 0 }] });
    expect([windowed.windowed, windowed.range]).toEqual([true, { first: 1, last: 12 }]);
    expect(flow.place).toEqual({ text: 'Yantian District', lang: 'en' });
    expect(flow.asOf).toMatch(/2017/);
    expect(flow.synthetic).toBe(true);
    const zh = buildTableViewModel({ ...base, view, locale: 'zh-CN' });
    expect(zh.place).toEqual({ text: '盐田区', lang: 'zh-CN' });
  });
});
