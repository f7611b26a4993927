/**
 * The reader's hands on the table's rows, as a reactive controller: the row Tab reaches and ↑/↓
 * move from (roving tabindex), clicks (select a row, or open its details with its ⓘ button),
 * the navigation keys (see `rowKeyTarget`), Enter or Space to select, which the page hears as
 * `safety-indicator-select`, and keeping keyboard focus on its row when an update moves the row's
 * node. Row events are delegated from the shadow root, so they survive re-rendering the table.
 */
import { emit } from '@safety-widgets/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { rowsInTableOrder } from './group.js';
import { rowKeyTarget, type TableView } from './table-view-model.js';

/** What the controller needs of the element. */
export interface TableInteractionHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Keeps the active row and the rows whose details are open, asking the element for an update on change. */
export class TableInteraction implements ReactiveController {
  private activeValue: string | null = null;
  private openValue: ReadonlySet<string> = new Set();
  /** The row that had focus before an update, to give it back if the DOM moved it. */
  private focusBeforeUpdate: string | null = null;
  private listening = false;

  /** `view` gives the rows as the table shows them now (for the navigation keys). */
  constructor(
    private readonly host: TableInteractionHost,
    private readonly view: () => TableView | undefined,
  ) {
    host.addController(this);
  }

  /** The row that Tab reaches (roving tabindex) and that ↑/↓ move from. */
  get activeId(): string | null {
    return this.activeValue;
  }

  set activeId(id: string | null) {
    if (id === this.activeValue) return;
    this.activeValue = id;
    this.host.requestUpdate();
  }

  /** Rows whose details (source note, trend in words) are open. */
  get openDetails(): ReadonlySet<string> {
    return this.openValue;
  }

  /** Opens the row's details, or closes them when open. */
  toggleDetails(id: string): void {
    const open = new Set(this.openValue);
    if (!open.delete(id)) open.add(id);
    this.openValue = open;
    this.host.requestUpdate();
  }

  /** Makes `id` the active row, lets the element render it (if windowed away), focuses it and scrolls it into view. */
  async focusRow(id: string): Promise<void> {
    this.activeId = id;
    await this.host.updateComplete;
    const row = this.rowElement(id);
    if (!row) return;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  hostConnected(): void {
    if (this.listening) return;
    this.listening = true;
    const root = this.host.renderRoot;
    root.addEventListener('click', this.onClick as EventListener);
    root.addEventListener('focusin', this.onFocusIn as EventListener);
    root.addEventListener('keydown', this.onKeyDown as EventListener);
  }

  hostUpdate(): void {
    const focused = (this.host.renderRoot as ShadowRoot | undefined)?.activeElement;
    this.focusBeforeUpdate =
      focused instanceof HTMLTableRowElement && focused.dataset.id ? focused.dataset.id : null;
  }

  /** Keeps keyboard focus on its row: a live update may have moved the row's node. */
  hostUpdated(): void {
    const id = this.focusBeforeUpdate;
    this.focusBeforeUpdate = null;
    if (id === null) return;
    const row = this.rowElement(id);
    if (row && (this.host.renderRoot as ShadowRoot).activeElement !== row) row.focus({ preventScroll: true });
  }

  private rowElement(id: string): HTMLTableRowElement | null {
    const rows = (this.host.renderRoot as ShadowRoot).querySelectorAll<HTMLTableRowElement>('tr.row');
    for (const row of rows) if (row.dataset.id === id) return row;
    return null;
  }

  /** The row a keyboard or pointer event is about, if any. */
  private rowOf(event: Event): HTMLTableRowElement | null {
    for (const node of event.composedPath()) {
      if (node === this.host) break;
      if (node instanceof HTMLTableRowElement && node.classList.contains('row')) return node;
    }
    return null;
  }

  private select(id: string): void {
    emit(this.host, 'safety-indicator-select', { id });
  }

  private readonly onClick = (event: MouseEvent): void => {
    const row = this.rowOf(event);
    if (!row?.dataset.id) return;
    this.activeId = row.dataset.id;
    const details = (event.target as Element).closest?.('[data-details], .details');
    // The ⓘ button opens or closes the row's details; a click in them selects nothing.
    if (details instanceof HTMLButtonElement) this.toggleDetails(row.dataset.id);
    else if (!details) this.select(row.dataset.id);
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const row = this.rowOf(event);
    if (row?.dataset.id && row.dataset.id !== this.activeId) this.activeId = row.dataset.id;
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const row = this.rowOf(event);
    if (!row?.dataset.id || event.target !== row || event.altKey || event.ctrlKey || event.metaKey) return;
    const id = row.dataset.id;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (!event.repeat) this.select(id);
      return;
    }
    const view = this.view();
    if (!view) return;
    const rows = rowsInTableOrder(view.groups);
    const target = rowKeyTarget(
      event.key,
      rows.findIndex((r) => r.id === id),
      rows.length,
    );
    if (target === null) return;
    event.preventDefault();
    const next = rows[target];
    if (next) void this.focusRow(next.id);
  };
}
