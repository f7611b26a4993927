/**
 * The arc's sweep as a reactive controller: after each render it moves the drawn arc from the
 * value it showed to the new one (easing over `--_sweep`, ./motion.ts), or draws the new one at
 * once for a reader who prefers reduced motion; a new value mid-sweep starts from where the arc
 * is, and disconnecting stops the sweep on the arc's final value.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { valueArcPath } from './geometry.js';
import { easeInOutCubic, parseDuration } from './motion.js';

/** What the controller needs of the element. */
export interface GaugeSweepHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Keeps the value the arc is drawn for and the one it shows mid-sweep. */
export class GaugeSweep implements ReactiveController {
  /** The value the render draws the arc for (set while rendering; null when it draws no arc). */
  value: number | null = null;
  private drawnValue: number | null = null;
  private shownValue: number | null = null;
  private frame = 0;

  constructor(private readonly host: GaugeSweepHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.sweep();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Sweeps the arc from the value it showed to the new one, unless the reader prefers reduced motion. */
  private sweep(): void {
    const path = this.host.renderRoot.querySelector<SVGPathElement>('path.arc');
    const target = path ? this.value : null;
    if (target === this.drawnValue) return;
    const from = this.shownValue ?? this.drawnValue;
    this.drawnValue = target;
    this.stop();
    const duration = path && target !== null && from !== null ? this.duration() : 0;
    if (!path || target === null || from === null || duration <= 0) {
      this.shownValue = null;
      return;
    }
    const start = performance.now();
    const draw = (value: number) => path.setAttribute('d', valueArcPath(value));
    const step = (now: number) => {
      const t = (now - start) / duration;
      if (t >= 1) {
        this.shownValue = null;
        this.frame = 0;
        draw(target);
        return;
      }
      this.shownValue = from + (target - from) * easeInOutCubic(t);
      draw(this.shownValue);
      this.frame = requestAnimationFrame(step);
    };
    this.shownValue = from;
    draw(from);
    this.frame = requestAnimationFrame(step);
  }

  private stop(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.shownValue !== null && this.drawnValue !== null) {
      this.host.renderRoot?.querySelector('path.arc')?.setAttribute('d', valueArcPath(this.drawnValue));
    }
  }

  private duration(): number {
    if (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches) return 0;
    return parseDuration(getComputedStyle(this.host).getPropertyValue('--_sweep'));
  }
}
