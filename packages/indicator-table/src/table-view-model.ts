/**
 * What one render of the table shows, as pure functions of the table model (./table-model.ts) and
 * the element's options: the filtered, sorted, grouped rows as table lines (with the indexes
 * keyboard moves and windowing need), the tbodies to draw (every area, or only the lines in view
 * and spacers), the row a navigation key moves to, and the `TableViewModel` of one render that the
 * templates (./table-template.ts) draw. Nothing here touches the DOM.
 */
import { formatDate, localizedTextWithLang, type Feed, type SupportedLocale } from '@safety-widgets/core';
import { filterRows, parseStatus, type RowFilter } from './filter.js';
import { flattenGroups, groupRows, type RowGroup, type TableLine } from './group.js';
import type { RowRange } from './layout.js';
import { formatSort, parseSort, sortRows, type SortSpec } from './sort.js';
import type { IndicatorRow, TableModel } from './table-model.js';
import type { ToolbarModel } from './toolbar.js';
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

/** One tbody of the table: an area (every line, or in a windowed table only those in view), or a spacer. */
export type TableBody =
  | {
      readonly kind: 'group';
      readonly key: string;
      readonly group: RowGroup;
      readonly entries: readonly BodyEntry[];
      /** Line index of the area's header in a windowed table (for `aria-rowindex`); null otherwise. */
      readonly headerLine: number | null;
    }
  | { readonly kind: 'spacer'; readonly key: string; readonly height: number };

/**
 * The tbodies to draw: with `slots` (a windowed table, see `windowSlots`) those of `windowBodies`;
 * without, one per area with its header and every row, keyed by the area's id.
 */
export function tableBodies(view: TableView, slots: readonly WindowSlot[] | null): TableBody[] {
  if (slots) return windowBodies(view.lines, slots);
  return view.groups.map((group) => ({
    kind: 'group',
    key: group.area.id,
    group,
    entries: [{ kind: 'group' }, ...group.rows.map((row) => ({ kind: 'row' as const, row }))],
    headerLine: null,
  }));
}

/**
 * The row in the tab order (roving tabindex): the active one while it is shown, else the first
 * row drawn (the first row of the table when every line is drawn); null when no row is drawn.
 */
export function tabbableRow(
  view: TableView,
  slots: readonly WindowSlot[] | null,
  activeId: string | null,
): string | null {
  if (activeId !== null && view.lineOfRow.has(activeId)) return activeId;
  if (!slots) return view.groups[0]?.rows[0]?.id ?? null;
  for (const slot of slots) {
    const line = slot.kind === 'line' ? view.lines[slot.index] : undefined;
    if (line?.kind === 'row') return line.row.id;
  }
  return null;
}

/** What the element gives to make the view model of one render. */
export interface TableViewInput {
  readonly feed: Feed;
  /** The rows shown (see `buildTableView`). */
  readonly view: TableView;
  readonly locale: SupportedLocale;
  /** The card layout (a narrow container). */
  readonly cards: boolean;
  /** The `area`, `status-filter`, `sort` and `query` attributes, as set. */
  readonly area?: string | undefined;
  readonly statusFilter?: string | undefined;
  readonly sort?: string | undefined;
  readonly query?: string | undefined;
  /** The slots to draw when windowed (see `windowSlots`); null draws every line. */
  readonly slots: readonly WindowSlot[] | null;
  /** Windowed: the rows in the scroll box, once measured. */
  readonly range: RowRange | null;
  /** The row the reader last moved to or clicked. */
  readonly activeId: string | null;
  /** Rows whose details are open. */
  readonly openDetails: ReadonlySet<string>;
  /** The table is wider than its box: the box is a focusable region named by the caption. */
  readonly sideways: boolean;
  /** Snapshot mode: a still picture (no sort buttons, no row in the tab order). */
  readonly still?: boolean;
}

/** Everything one render of the table draws. */
export interface TableViewModel {
  readonly locale: SupportedLocale;
  readonly cards: boolean;
  readonly view: TableView;
  readonly sort: SortSpec | null;
  readonly toolbar: ToolbarModel;
  /** Beyond `WINDOW_THRESHOLD` rows: only the lines in view are drawn, in a scroll box. */
  readonly windowed: boolean;
  /** Windowed: the rows in the scroll box ("Showing rows 41–52 of 5,000"); null otherwise. */
  readonly range: RowRange | null;
  readonly bodies: readonly TableBody[];
  /** The row in the tab order. */
  readonly tabbable: string | null;
  readonly openDetails: ReadonlySet<string>;
  readonly sideways: boolean;
  readonly still: boolean;
  /** The caption: the place's name (with its language) and the date of the data, in `locale`. */
  readonly place: { readonly text: string; readonly lang: string };
  readonly asOf: string;
  readonly synthetic: boolean;
}

/** The view model of one render. */
export function buildTableViewModel(input: TableViewInput): TableViewModel {
  const { feed, view, locale, cards, slots } = input;
  const sort = parseSort(input.sort);
  const windowed = slots !== null;
  return {
    locale,
    cards,
    view,
    sort,
    toolbar: {
      locale,
      cards,
      areas: view.model.areas,
      area: input.area ?? '',
      status: parseStatus(input.statusFilter) ?? '',
      sort: formatSort(sort),
      query: input.query ?? '',
      count: { shown: view.shown, total: view.model.rows.length },
    },
    windowed,
    range: windowed ? input.range : null,
    bodies: tableBodies(view, slots),
    tabbable: tabbableRow(view, slots, input.activeId),
    openDetails: input.openDetails,
    sideways: input.sideways,
    still: input.still === true,
    place: localizedTextWithLang(feed.place.name, locale),
    asOf: formatDate(feed.asOf, locale, feed.place.timeZone),
    synthetic: !!feed.synthetic,
  };
}
