/**
 * The plot's size as a ResizeObserver reports it, so that drawing never asks for a layout: the
 * observer reports after the browser's own layout and before it paints, and the chart is drawn (or
 * resized) there, in the same frame. Reading `clientWidth` while updating would force a layout of the
 * page before the first paint instead.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Width and height in whole CSS pixels; 0 × 0 while unknown or hidden (`display: none` above). */
export interface Size {
  width: number;
  height: number;
}

/** The content-box size of an observed element from its entry (whole pixels, rounded down). */
export function entrySize(entry: ResizeObserverEntry): Size {
  // Horizontal writing: the inline size is the width. (contentRect for browsers without contentBoxSize.)
  const box = entry.contentBoxSize?.[0];
  const width = box ? box.inlineSize : entry.contentRect.width;
  const height = box ? box.blockSize : entry.contentRect.height;
  return { width: Math.floor(width), height: Math.floor(height) };
}

/** Observes one element (the plot) at a time and calls `onResize` with its size when it changes. */
export class PlotSizeController implements ReactiveController {
  /** The last size reported for the element observed now. */
  size: Size = { width: 0, height: 0 };
  private target: Element | undefined;
  private observer: ResizeObserver | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly onResize: (size: Size) => void,
  ) {
    host.addController(this);
  }

  /** Whether the observer has reported a drawable size for `el`. */
  known(el: Element): boolean {
    return el === this.target && this.size.width > 0 && this.size.height > 0;
  }

  /**
   * Observes `el` from now on (nothing when it is already observed). A new element's size is unknown
   * until the observer reports it, after the next layout.
   */
  observe(el: Element | undefined): void {
    if (el === this.target && this.observer) return;
    this.observer?.disconnect();
    this.target = el;
    this.size = { width: 0, height: 0 };
    if (!el || typeof ResizeObserver !== 'function') return;
    this.observer ??= new ResizeObserver((entries) => {
      const entry = entries.filter((e) => e.target === this.target).at(-1);
      if (!entry) return;
      const size = entrySize(entry);
      if (size.width === this.size.width && size.height === this.size.height) return;
      this.size = size;
      this.onResize(size);
    });
    this.observer.observe(el);
  }

  /** Back in the page: the element observed before is observed again (its size reported anew). */
  hostConnected(): void {
    if (this.target && !this.observer) this.observe(this.target);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.size = { width: 0, height: 0 };
  }
}
