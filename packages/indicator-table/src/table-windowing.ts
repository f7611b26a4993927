/**
 * Windowing of a long table (beyond `WINDOW_THRESHOLD` rows, see ./layout.ts) as a reactive
 * controller: listens to scrolling and resizing (the page's and the scroll box's), measures the
 * lines drawn and where the table is in view once per frame, and asks the element for an update
 * when other lines are needed. The arithmetic is in ./windowing.ts and ./layout.ts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { visibleRowRange, type RowRange } from './layout.js';
import type { TableView } from './table-view-model.js';
import {
  computeOffsets,
  estimateLineHeight,
  spanMoved,
  visibleSpan,
  windowSlots,
  type LineLayout,
  type ViewSpan,
  type WindowSlot,
} from './windowing.js';

/** Extra px rendered above and below the visible part when windowing. */
export const OVERSCAN = 480;

/** What the controller needs of the element. */
export interface TableWindowingHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the element shows now: its last view, and whether it is in the card layout. */
export interface WindowingState {
  readonly view: TableView | undefined;
  readonly cards: boolean;
}

/** Keeps the measured heights and the visible part, and chooses the lines to draw. */
export class TableWindowing implements ReactiveController {
  /** Measured heights of lines by key. */
  private readonly heights = new Map<string, number>();
  private heightsMode: 'table' | 'cards' | null = null;
  /** Visible part of the lines, px from the first line. */
  private span: ViewSpan = { top: 0, bottom: 800 };
  private frame = 0;
  /** Offsets of the lines as last drawn (see `computeOffsets`). */
  private offsets: Float64Array | null = null;
  private rangeValue: RowRange | null = null;

  constructor(
    private readonly host: TableWindowingHost,
    private readonly state: () => WindowingState,
  ) {
    host.addController(this);
  }

  /** The rows in the scroll box, for "Showing rows 41–52 of 5,000"; null before they are measured. */
  get range(): RowRange | null {
    return this.rangeValue;
  }

  /**
   * The slots to draw `view` with: the lines in view (measured heights, estimated elsewhere), the
   * active row's line wherever it is, and the header of each line's area.
   */
  slots(view: TableView, layout: LineLayout, activeId: string | null): WindowSlot[] {
    const mode = layout.cards ? 'cards' : 'table';
    if (this.heightsMode !== mode) {
      this.heights.clear();
      this.heightsMode = mode;
    }
    const rowH = estimateLineHeight(this.heights, 'row', layout);
    const groupH = estimateLineHeight(this.heights, 'group', layout);
    const offsets = computeOffsets(view.lines.length, (i) => {
      const line = view.lines[i]!;
      return this.heights.get(line.key) ?? (line.kind === 'group' ? groupH : rowH);
    });
    this.offsets = offsets;
    const keep: number[] = [];
    const activeLine = activeId === null ? undefined : view.lineOfRow.get(activeId);
    if (activeLine !== undefined) keep.push(activeLine);
    return windowSlots({
      offsets,
      viewTop: this.span.top,
      viewBottom: this.span.bottom,
      overscan: OVERSCAN,
      keep,
      headerOf: (i) => view.headerOf[i] ?? 0,
    });
  }

  /** Schedules a check of the windowed table against the scroll position and measured heights. */
  readonly onScroll = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.sync();
    });
  };

  hostConnected(): void {
    window.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Measures the new lines and checks the view once they are laid out. */
  hostUpdated(): void {
    this.onScroll();
  }

  /** Measures the lines drawn and where the table is in view; re-renders when other lines are needed. */
  private sync(): void {
    const table = (this.host.renderRoot as ShadowRoot).querySelector('table');
    if (!table?.hasAttribute('data-windowed')) return;
    const measured = this.measureLines(table);
    const moved = this.measureView(table);
    if (measured || moved) this.host.requestUpdate();
  }

  /**
   * Reads the visible part of the lines and which rows are in it (for the range line); true when
   * it moved enough to need other lines.
   */
  private measureView(table: HTMLTableElement): boolean {
    const scroller = table.parentElement;
    const firstBody = table.tBodies[0];
    if (!scroller || !firstBody) return false;
    const { view, cards } = this.state();
    const head = cards ? 0 : (table.tHead?.getBoundingClientRect().height ?? 0);
    const span = visibleSpan(
      scroller.getBoundingClientRect(),
      head,
      window.innerHeight,
      firstBody.getBoundingClientRect().top,
    );
    const range =
      this.offsets && view ? visibleRowRange(this.offsets, view.rowNumbers, span.top, span.bottom) : null;
    if (range?.first !== this.rangeValue?.first || range?.last !== this.rangeValue?.last) {
      this.rangeValue = range;
      this.host.requestUpdate();
    }
    if (!spanMoved(this.span, span, OVERSCAN / 4)) return false;
    this.span = span;
    return true;
  }

  /** Measures the lines drawn (height = distance to the next row drawn). */
  private measureLines(table: HTMLTableElement): boolean {
    const trs = [...table.querySelectorAll<HTMLTableRowElement>('tbody > tr')];
    let changed = false;
    for (let i = 0; i < trs.length; i++) {
      const tr = trs[i]!;
      const key = tr.dataset.key;
      if (!key) continue;
      const top = tr.getBoundingClientRect().top;
      const next = trs[i + 1];
      const height = next ? next.getBoundingClientRect().top - top : tr.getBoundingClientRect().height;
      if (!(height > 0)) continue;
      const old = this.heights.get(key);
      if (old === undefined || Math.abs(old - height) > 0.5) {
        this.heights.set(key, height);
        changed = true;
      }
    }
    return changed;
  }
}
