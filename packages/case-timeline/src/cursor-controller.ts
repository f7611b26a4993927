/**
 * The chart's cursor: the period it is on, whether it is shown (the pointer is over the plot or the
 * chart has keyboard focus), the keys that move it (`keyboard.ts`) and the sentence the live region
 * says when they do (`describeCursor`). The pointer moves it through `hover` (`plot-pointer.ts`).
 * The focus and key handlers are arrow functions, so a template can bind them as they are.
 */
import type { ReactiveControllerHost } from 'lit';
import { cursorInfo, describeCursor } from './cursor.js';
import { cursorKey } from './keyboard.js';
import type { TimelineViewModel } from './timeline-view-model.js';

/** What the cursor reads from the element: what the last render showed, and the small base. */
export interface CursorSource {
  model(): TimelineViewModel | undefined;
  smallBase(): number;
}

interface CursorState {
  /** The period, or -1. */
  k: number;
  pointerOver: boolean;
  focused: boolean;
  /** What the live region says. */
  said: string;
}

/** Holds its state and asks the host for an update when it changes (no lifecycle of its own). */
export class CursorController {
  private state: CursorState = { k: -1, pointerOver: false, focused: false, said: '' };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: CursorSource,
  ) {}

  /** The period under the keyboard or pointer cursor (index into the view), or -1. */
  get period(): number {
    return this.state.k;
  }

  /** Whether the cursor is shown: the pointer is over the plot, or the chart has focus. */
  get shown(): boolean {
    return this.state.pointerOver || this.state.focused;
  }

  /** What the live region says: the period the keys last moved the cursor to, in words. */
  get announcement(): string {
    return this.state.said;
  }

  /** No period (new dates or a new interval). */
  reset(): void {
    this.set({ k: -1 });
  }

  /** The pointer is over period `k` of the plot (undefined: it is not over the plot). */
  hover(k: number | undefined): void {
    this.set(k === undefined ? { pointerOver: false } : { pointerOver: true, k });
  }

  /** The chart got focus: the cursor shows, on the last period shown when it is on none of them. */
  readonly focus = (): void => {
    const m = this.source.model();
    this.set({ focused: true });
    if (m && (this.state.k < m.k0 || this.state.k > m.k1)) this.set({ k: m.k1 });
  };

  readonly blur = (): void => {
    this.set({ focused: false });
  };

  /** The chart's keys move the cursor (Escape hides it), and the live region says where it is. */
  readonly keydown = (e: KeyboardEvent): void => {
    const m = this.source.model();
    if (!m || m.view.starts.length === 0) return;
    const key = cursorKey(e.key, this.state.k, m.k0, m.k1);
    if (key === 'hide') this.set({ focused: false });
    if (!key || key === 'hide') return;
    e.preventDefault();
    this.set({
      focused: true,
      k: key.move,
      said: describeCursor(cursorInfo(m, key.move, this.source.smallBase()), m.locale),
    });
  };

  /** Changes the state, and asks the host for an update when something changed. */
  private set(next: Partial<CursorState>): void {
    const state = { ...this.state, ...next };
    const changed = (Object.keys(next) as (keyof CursorState)[]).some(
      (key) => state[key] !== this.state[key],
    );
    this.state = state;
    if (changed) this.host.requestUpdate();
  }
}
