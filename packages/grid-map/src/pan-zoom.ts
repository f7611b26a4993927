/**
 * Zoom and pan of the map surface: Ctrl/⌘ + wheel and double-click zoom around the pointer
 * (Shift + double-click zooms out), a mouse drag pans, two fingers pinch and pan, and a plain
 * wheel or one finger still scroll the host page (on a touch screen the browser may take a pen
 * drag for scrolling too, as `touch-action: pan-x pan-y` asks). The transform follows d3-zoom's
 * (`k`, then `x`, `y` in CSS pixels) with the same wheel steps and the same constraint (the
 * map never leaves the container). Written for the map because d3-zoom brings d3-selection,
 * d3-transition, d3-interpolate, d3-color and d3-drag into the bundle (about 17 KB gzip) for
 * these few gestures.
 */
import type { View } from './view.js';

/** The whole map, unzoomed. */
export const IDENTITY: View = { k: 1, x: 0, y: 0 };

/** The container size and how far one may zoom in. */
export interface ZoomLimits {
  readonly width: number;
  readonly height: number;
  /** Largest scale (the smallest is 1: the whole map). */
  readonly maxScale: number;
}

/** A drag shorter than this (CSS pixels) is still a click. */
const CLICK_DISTANCE = 3;

/**
 * `t` moved so the container shows only the map: d3-zoom's default constraint with the
 * container as both the extent and the translate extent.
 */
export function constrain(t: View, limits: ZoomLimits): View {
  const { width, height } = limits;
  const dx0 = -t.x / t.k;
  const dx1 = (width - t.x) / t.k - width;
  const dy0 = -t.y / t.k;
  const dy1 = (height - t.y) / t.k - height;
  const dx = dx1 > dx0 ? (dx0 + dx1) / 2 : Math.min(0, dx0) || Math.max(0, dx1);
  const dy = dy1 > dy0 ? (dy0 + dy1) / 2 : Math.min(0, dy0) || Math.max(0, dy1);
  return dx === 0 && dy === 0 ? t : { k: t.k, x: t.x + t.k * dx, y: t.y + t.k * dy };
}

/**
 * `t` scaled to `k` (clamped to 1 … maxScale) with the frame point that was under the screen
 * point (fromX, fromY) moved to (toX, toY): a zoom around a point, or a pinch that also pans.
 */
export function scaleAround(
  t: View,
  k: number,
  fromX: number,
  fromY: number,
  limits: ZoomLimits,
  toX = fromX,
  toY = fromY,
): View {
  const k1 = Math.max(1, Math.min(limits.maxScale, k));
  const fx = (fromX - t.x) / t.k;
  const fy = (fromY - t.y) / t.k;
  return constrain({ k: k1, x: toX - fx * k1, y: toY - fy * k1 }, limits);
}

/** `t` panned by (dx, dy) in unzoomed pixels (as d3-zoom's `translateBy`). */
export function translateBy(t: View, dx: number, dy: number, limits: ZoomLimits): View {
  return constrain({ k: t.k, x: t.x + t.k * dx, y: t.y + t.k * dy }, limits);
}

/** The scale factor of one wheel event (d3-zoom's steps: a pinch on a trackpad is ten times a wheel). */
export function wheelFactor(event: Pick<WheelEvent, 'deltaY' | 'deltaMode' | 'ctrlKey'>): number {
  const unit = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
  return 2 ** (-event.deltaY * unit * (event.ctrlKey ? 10 : 1));
}

interface Pointer {
  readonly type: string;
  x: number;
  y: number;
}

/** The gestures on one surface element; `onChange` hears every new transform. */
export class PanZoom {
  /** The current transform. */
  view: View = IDENTITY;
  private limits: ZoomLimits | undefined;
  private surface: HTMLElement | undefined;
  private readonly pointers = new Map<number, Pointer>();
  /** The gesture in progress: where it started and the transform then. */
  private gesture: { view: View; x: number; y: number; distance: number; moved: boolean } | undefined;

  constructor(private readonly onChange: (view: View, byUser: boolean) => void) {}

  /** Listens on `surface` (and stops listening on the previous one). */
  attach(surface: HTMLElement | undefined): void {
    if (surface === this.surface) return;
    if (this.surface) for (const [type, fn] of this.listeners) this.surface.removeEventListener(type, fn);
    this.pointers.clear();
    this.gesture = undefined;
    this.surface = surface;
    if (surface)
      for (const [type, fn] of this.listeners) surface.addEventListener(type, fn, { passive: false });
  }

  /** The container size and largest scale (gestures wait until there is a size). */
  setLimits(limits: ZoomLimits): void {
    if (!(limits.width > 0 && limits.height > 0)) return;
    const old = this.limits;
    this.limits = limits;
    if (old && old.width === limits.width && old.height === limits.height && old.maxScale === limits.maxScale)
      return;
    // A smaller container or a lower limit: keep the map filling the container.
    const k = Math.min(this.view.k, limits.maxScale);
    this.set(constrain({ k, x: this.view.x, y: this.view.y }, limits), false);
  }

  /** Scales by `factor` around the centre. */
  scaleBy(factor: number): void {
    const l = this.limits;
    if (l) this.set(scaleAround(this.view, this.view.k * factor, l.width / 2, l.height / 2, l), false);
  }

  /** Pans by (dx, dy) unzoomed pixels. */
  translateBy(dx: number, dy: number): void {
    if (this.limits) this.set(translateBy(this.view, dx, dy, this.limits), false);
  }

  /** Back to the whole map. */
  reset(): void {
    this.set(IDENTITY, false);
  }

  private set(view: View, byUser: boolean): void {
    if (view.k === this.view.k && view.x === this.view.x && view.y === this.view.y) return;
    this.view = view;
    this.onChange(view, byUser);
  }

  /** (x, y) of an event in the surface's CSS pixels. */
  private at(event: MouseEvent): [number, number] {
    const rect = this.surface!.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  /** The one or two pointers that move the map: their centre and spread. */
  private spread(): { x: number; y: number; distance: number } {
    const [a, b] = [...this.pointers.values()];
    if (!b) return { x: a!.x, y: a!.y, distance: 0 };
    return { x: (a!.x + b.x) / 2, y: (a!.y + b.y) / 2, distance: Math.hypot(a!.x - b.x, a!.y - b.y) };
  }

  private begin(): void {
    const s = this.spread();
    // A gesture that goes on with other fingers keeps its "moved" (its release is still no click).
    const moved = this.pointers.size > 1 && (this.gesture?.moved ?? false);
    this.gesture = { view: this.view, ...s, moved };
  }

  private readonly onPointerDown = (event: PointerEvent) => {
    // The primary button only (a pen's barrel button or eraser neither); touch is always 0.
    if (!this.limits || event.button !== 0) return;
    const [x, y] = this.at(event);
    this.pointers.set(event.pointerId, { type: event.pointerType, x, y });
    // One finger scrolls the page (touch-action: pan-x pan-y); two pinch and pan the map.
    const touches = [...this.pointers.values()].filter((p) => p.type === 'touch').length;
    if (event.pointerType === 'touch' && touches < 2) return;
    if (this.pointers.size > 2) return;
    try {
      // Keep the drag when the pointer leaves the map (an already released pointer cannot be captured).
      this.surface!.setPointerCapture(event.pointerId);
    } catch {
      /* the gesture still works while the pointer stays over the map */
    }
    this.begin();
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    const p = this.pointers.get(event.pointerId);
    if (!p) return;
    // A mouse or pen moving with no button held was released where we did not hear it.
    if (p.type !== 'touch' && event.buttons === 0) return this.end(event.pointerId, false);
    [p.x, p.y] = this.at(event);
    const g = this.gesture;
    const l = this.limits;
    if (!g || !l) return;
    const s = this.spread();
    if (!g.moved && Math.hypot(s.x - g.x, s.y - g.y) < CLICK_DISTANCE && s.distance === g.distance) return;
    g.moved = true;
    event.preventDefault();
    const k = g.distance > 0 && s.distance > 0 ? (g.view.k * s.distance) / g.distance : g.view.k;
    this.set(scaleAround(g.view, k, g.x, g.y, l, s.x, s.y), true);
  };

  private readonly onPointerUp = (event: PointerEvent) => {
    this.end(event.pointerId, event.type === 'pointerup');
  };

  /** Pointer `id` is up (or lost): the gesture goes on with the others, or ends. */
  private end(id: number, released: boolean): void {
    if (!this.pointers.delete(id) || !this.gesture) return;
    const rest = [...this.pointers.values()];
    if (rest.some((p) => p.type !== 'touch') || rest.length >= 2) {
      this.begin();
      return;
    }
    const moved = this.gesture.moved;
    this.gesture = undefined;
    // A drag is not a click: swallow the click the browser sends after it.
    if (moved && released) this.swallowClick();
  }

  private swallowClick(): void {
    const surface = this.surface;
    if (!surface) return;
    const stop = (e: Event) => {
      e.stopImmediatePropagation();
      e.preventDefault();
    };
    surface.addEventListener('click', stop, { capture: true, once: true });
    setTimeout(() => surface.removeEventListener('click', stop, { capture: true }), 0);
  }

  private readonly onWheel = (event: WheelEvent) => {
    // A plain wheel scrolls the page; Ctrl (a trackpad pinch sends it too) or ⌘ zooms the map.
    if (!this.limits || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    const [x, y] = this.at(event);
    this.set(scaleAround(this.view, this.view.k * wheelFactor(event), x, y, this.limits), true);
  };

  private readonly onDoubleClick = (event: MouseEvent) => {
    if (!this.limits) return;
    event.preventDefault();
    const [x, y] = this.at(event);
    this.set(scaleAround(this.view, this.view.k * (event.shiftKey ? 0.5 : 2), x, y, this.limits), true);
  };

  private readonly listeners: readonly [string, EventListener][] = [
    ['pointerdown', this.onPointerDown as EventListener],
    ['pointermove', this.onPointerMove as EventListener],
    ['pointerup', this.onPointerUp as EventListener],
    ['pointercancel', this.onPointerUp as EventListener],
    // The release can be lost (a context menu or another window mid-drag): the capture ends then.
    ['lostpointercapture', this.onPointerUp as EventListener],
    ['wheel', this.onWheel as EventListener],
    ['dblclick', this.onDoubleClick as EventListener],
  ];
}
