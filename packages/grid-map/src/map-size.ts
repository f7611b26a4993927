/**
 * The size of the map box, taken from ResizeObserver entries and never read from layout: no
 * `getBoundingClientRect`, `clientWidth` or `offsetWidth` in an update, which would force the
 * browser to lay the page out before the first paint.
 *
 * The loading skeleton's map box is observed too: it has the drawn map's size (same rule, same
 * box), so when the data arrives the first render already knows where to draw and the picture is
 * in the very next frame. The drawn map's box then takes over; its first entry only confirms the
 * size (a different one, say once a scrollbar came or went, updates the map before that frame is
 * painted, as ResizeObserver answers between layout and paint).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A box size in CSS pixels. */
export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

/** The content box of the entry for `target` among `entries` (the last one wins), if any. */
export function sizeFromEntries(
  entries: readonly ResizeObserverEntry[],
  target: Element,
): BoxSize | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.target !== target) continue;
    // contentRect is the content box in physical pixels (width across, height down), whatever the
    // writing mode; the map's box has no padding, so this is its drawing area.
    const { width, height } = entry.contentRect;
    return { width: Math.max(0, width), height: Math.max(0, height) };
  }
  return undefined;
}

/**
 * Watches one element at a time (the box shown now) and asks for an update when its size changes.
 * The map uses one for its box and one for a 1em × 1em probe (the size of its own small print).
 */
export class MapSize implements ReactiveController {
  private current: BoxSize;
  private observer: ResizeObserver | undefined;
  private target: Element | undefined;

  /** `initial` is the size assumed until the first observation (no update when it is right). */
  constructor(
    private readonly host: ReactiveControllerHost,
    initial: BoxSize = { width: 0, height: 0 },
  ) {
    this.current = initial;
    host.addController(this);
  }

  /** The last size observed (`initial` before the first observation). */
  get value(): BoxSize {
    return this.current;
  }

  /**
   * A `ref` callback for the box to measure: observing it replaces the element observed before,
   * and the last size is kept until the new box's first entry arrives.
   */
  readonly ref = (el?: Element): void => {
    if (el === undefined) {
      // Lit says a box went away (its template was replaced, or the host left the page).
      if (this.target && !this.target.isConnected) this.unobserve();
      return;
    }
    if (el === this.target) return;
    this.unobserve();
    if (typeof ResizeObserver !== 'function') return;
    this.observer ??= new ResizeObserver((entries) => this.onEntries(entries));
    this.target = el;
    this.observer.observe(el);
  };

  hostConnected(): void {
    // Reconnected with the same box (the ref is not called again): watch it again.
    if (this.target && this.observer) this.observer.observe(this.target);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  private unobserve(): void {
    if (this.target) this.observer?.unobserve(this.target);
    this.target = undefined;
  }

  private onEntries(entries: readonly ResizeObserverEntry[]): void {
    const target = this.target;
    const size = target ? sizeFromEntries(entries, target) : undefined;
    if (!size || (size.width === this.current.width && size.height === this.current.height)) return;
    this.current = size;
    this.host.requestUpdate();
  }
}
