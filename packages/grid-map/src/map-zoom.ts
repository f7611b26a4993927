/**
 * The map's zoom and pan as the element uses them: the gestures on the map surface (./pan-zoom.ts),
 * the buttons and keys (one step of ZOOM_STEP around the centre, or back to the whole map), the
 * limits (the box's size; deeper zoom for large grid systems) set before each render, and panning
 * so that a grid reached from the keyboard or the list is in view.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BoxSize } from './map-size.js';
import { IDENTITY, PanZoom } from './pan-zoom.js';
import type { View } from './view.js';

/** Zoom factor of the buttons and the + / − keys. */
export const ZOOM_STEP = 1.6;

/** How far one may zoom in on a map of `grids` grids. */
export function maxScale(grids: number): number {
  return grids > 1000 ? 40 : 12;
}

/**
 * How far to pan (in CSS px) so that the screen point (x, y) is at least 48 px (or a quarter of the
 * box's shorter side) inside a `width` × `height` box; [0, 0] when it is.
 */
export function panIntoView(x: number, y: number, width: number, height: number): [number, number] {
  const margin = Math.min(48, width / 4, height / 4);
  const dx = x < margin ? margin - x : x > width - margin ? width - margin - x : 0;
  const dy = y < margin ? margin - y : y > height - margin ? height - margin - y : 0;
  return [dx, dy];
}

export class MapZoom implements ReactiveController {
  /** The reader's zoom and pan, applied over the view that fits the box. */
  transform: View = IDENTITY;
  /** The surface the gestures are on (the map's focusable layer). */
  surface: HTMLDivElement | undefined;
  private readonly panZoom: PanZoom;

  /**
   * `limits` gives the box's size and how many grids the next render draws; `onUserZoom` hears a
   * zoom or pan by a gesture (not by the buttons or the keys).
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly limits: () => { readonly size: BoxSize; readonly grids: number },
    onUserZoom: () => void,
  ) {
    this.panZoom = new PanZoom((view, byUser) => {
      this.transform = view;
      this.host.requestUpdate();
      if (byUser) onUserZoom();
    });
    host.addController(this);
  }

  /** A `ref` callback for the surface. */
  readonly surfaceRef = (el?: Element): void => {
    const surface = el instanceof HTMLDivElement ? el : undefined;
    if (surface === this.surface) return;
    this.surface = surface;
    this.panZoom.attach(surface);
    this.updateLimits();
  };

  hostUpdate(): void {
    this.updateLimits();
  }

  /** One step in or out around the centre, or back to the whole map. */
  readonly zoom = (by: 'in' | 'out' | 'reset'): void => {
    if (by === 'reset') this.panZoom.reset();
    else this.panZoom.scaleBy(by === 'in' ? ZOOM_STEP : 1 / ZOOM_STEP);
  };

  /** Pans so that the screen point (x, y) of the current view is inside the box. */
  keepInView(x: number, y: number): void {
    if (!this.surface) return;
    const { width, height } = this.limits().size;
    const [dx, dy] = panIntoView(x, y, width, height);
    if (dx === 0 && dy === 0) return;
    const k = this.transform.k;
    this.panZoom.translateBy(dx / k, dy / k);
  }

  private updateLimits(): void {
    const { size, grids } = this.limits();
    this.panZoom.setLimits({ width: size.width, height: size.height, maxScale: maxScale(grids) });
  }
}
