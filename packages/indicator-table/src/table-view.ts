/**
 * What one render of the table shows, as pure functions of the view model: the filtered, sorted,
 * grouped rows as table lines (with the indexes keyboard moves and windowing need), the windowed
 * table's tbodies, and the row a navigation key moves to.
 */
import type { SupportedLocale } from '@safety-widgets/core';
import { filterRows, type RowFilter } from './filter.js';
import { flattenGroups, groupRows, type RowGroup, type TableLine } from './group.js';
import { sortRows, type SortSpec } from './sort.js';
import type { IndicatorRow, TableModel } from './view-model.js';
import type { WindowSlot } from './windowing.js';

/** What one render shows: the filtered, sorted rows grouped by area, as table lines. */
export interface TableView {
  readonly model: TableModel;
  readonly groups: readonly RowGroup[];
  readonly lines: readonly TableLine[];
  /** Line index by row id. */
  readonly lineOfRow: ReadonlyMap<string, number>;
  /** Header line index of each line. */
  readonly headerOf: Int32Array;
  /** Number (from 1, in table order) of the row on each line; 0 on an area header line. */
  readonly rowNumbers: Int32Array;
  /** Rows shown. */
  readonly shown: number;
}

/**
 * The view of `model` under a filter and a sort (`ranks`: the names' collation ranks, needed
 * when sorting by name).
 */
export function buildTableView(
  model: TableModel,
  filter: RowFilter,
  sort: SortSpec | null,
  locale: SupportedLocale,
  ranks?: ReadonlyMap<string, number>,
): TableView {
  const sorted = sortRows(filterRows(model.rows, filter), sort, locale, ranks);
  const groups = groupRows(sorted, model);
  const lines = flattenGroups(groups);
  const lineOfRow = new Map<string, number>();
  const headerOf = new Int32Array(lines.length);
  const rowNumbers = new Int32Array(lines.length);
  let header = 0;
  let number = 0;
  lines.forEach((line, i) => {
    if (line.kind === 'group') header = i;
    else {
      lineOfRow.set(line.row.id, i);
      rowNumbers[i] = ++number;
    }
    headerOf[i] = header;
  });
  return { model, groups, lines, lineOfRow, headerOf, rowNumbers, shown: sorted.length };
}

/** One entry of an area's tbody: its header row, an indicator row, or a spacer between rows. */
export type BodyEntry =
  | { readonly kind: 'group' }
  | { readonly kind: 'row'; readonly row: IndicatorRow; readonly line?: number }
  | { readonly kind: 'spacer'; readonly height: number; readonly key: string };

/** One tbody of the windowed table: an area (with only its lines in view), or a spacer. */
export type WindowBody =
  | { kind: 'group'; key: string; group: RowGroup; entries: BodyEntry[]; headerLine: number }
  | { kind: 'spacer'; key: string; height: number };

/**
 * The windowed table's tbodies for the slots to draw (see `windowSlots`): lines grouped into
 * their area's tbody; a spacer between two lines of one area stays inside it, others are
 * tbodies of their own.
 */
export function windowBodies(lines: readonly TableLine[], slots: readonly WindowSlot[]): WindowBody[] {
  const bodies: WindowBody[] = [];
  let current: Extract<WindowBody, { kind: 'group' }> | null = null;
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s]!;
    if (slot.kind === 'spacer') {
      const next = slots[s + 1];
      const nextLine = next?.kind === 'line' ? lines[next.index] : undefined;
      if (current && nextLine?.kind === 'row' && nextLine.group === current.group) {
        current.entries.push({ kind: 'spacer', height: slot.height, key: `s:${slot.from}` });
      } else {
        current = null;
        bodies.push({ kind: 'spacer', key: `s:${nextLine?.key ?? 'end'}`, height: slot.height });
      }
      continue;
    }
    const line = lines[slot.index]!;
    if (line.kind === 'group') {
      current = {
        kind: 'group',
        key: line.key,
        group: line.group,
        entries: [{ kind: 'group' }],
        headerLine: slot.index,
      };
      bodies.push(current);
    } else if (current) {
      current.entries.push({ kind: 'row', row: line.row, line: slot.index });
    }
  }
  return bodies;
}

/**
 * Where a key moves from row `at` of `count` (in table order): ↑/↓ one row, Home/End the first
 * and last, PageUp/PageDown ten; null for any other key.
 */
export function rowKeyTarget(key: string, at: number, count: number): number | null {
  const last = count - 1;
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, at + 1);
    case 'ArrowUp':
      return Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, at + 10);
    case 'PageUp':
      return Math.max(0, at - 10);
    default:
      return null;
  }
}
