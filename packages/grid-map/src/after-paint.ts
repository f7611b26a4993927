/**
 * What the first picture of the map does not need, done in idle time once it is painted: the rest
 * of the widget (the description block's text, the notes about grid outlines that cross themselves
 * or have no area, found by checks the drawing does not need), then the spatial index of the grids
 * drawn. The reader reaching into the widget (focus, or a disclosure opened) writes the rest at once.
 */
import { whenIdle } from '@safety-widgets/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * With 10 ms of idle time ahead, and within a second at the latest, once the next frame is painted.
 */
const AFTER_PAINT = { afterPaint: true, timeout: 1000, minimum: 10 } as const;

/** What was drawn last: its scale (0 while the box has no size) and its spatial index. */
export interface Drawn {
  readonly view: { readonly k: number };
  readonly model: { readonly index: { build(): void } };
}

export class AfterPaint implements ReactiveController {
  /** The first picture is painted: the rest of the widget is written. */
  settled = false;
  private settleTask: (() => void) | undefined;
  private indexTask: (() => void) | undefined;
  /** The spatial index built (or being built) after a paint. */
  private warmIndex: unknown;

  /**
   * `drawn` gives what the last render drew (undefined before the data); `guard` runs the index
   * build so that a bug there is reported, never thrown into the page.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly drawn: () => Drawn | undefined,
    private readonly guard: (fn: () => void) => void,
  ) {
    host.addController(this);
  }

  /** Once the map is drawn: the rest of the widget, then the spatial index, in idle time after the paint. */
  schedule(): void {
    const vm = this.drawn();
    if (!vm || !(vm.view.k > 0)) return;
    if (!this.settled && !this.settleTask)
      this.settleTask = whenIdle(() => {
        this.settleTask = undefined;
        this.settle();
      }, AFTER_PAINT);
    const index = vm.model.index;
    if (this.warmIndex !== index) {
      this.warmIndex = index;
      this.indexTask?.();
      this.indexTask = whenIdle(() => {
        this.indexTask = undefined;
        this.guard(() => index.build());
      }, AFTER_PAINT);
    }
  }

  /**
   * A listener for `focusin` and `toggle` on the widget: the reader reached into it, the rest is
   * written now. (`toggle` does not bubble: caught on the way down.)
   */
  readonly settleNow = {
    handleEvent: () => this.settle(),
    capture: true,
  };

  hostConnected(): void {
    // Moved in the page before the work after the paint was done: schedule it again.
    this.schedule();
  }

  hostDisconnected(): void {
    this.settleTask?.();
    this.indexTask?.();
    this.settleTask = this.indexTask = undefined;
    this.warmIndex = undefined;
  }

  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.host.requestUpdate();
  }
}
