/**
 * Paints the grids to the map's canvas (past the canvas threshold) after each update that changed
 * what it shows: the colours resolved from the widget's tokens (again when the theme, the colour
 * scheme or forced colours change), the paths built once per set of outlines and colours
 * (./paint.ts), and nothing painted when nothing changed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BoxSize } from './map-size.js';
import type { MapViewModel } from './map-view-model.js';
import { GridPaths, dotPattern, hatchPattern, paintGrids, sizeCanvas, type PaintStyle } from './paint.js';

export class CanvasPainter implements ReactiveController {
  /** The colours of the last paint, and what they were resolved for. */
  paintStyle: { key: string; style: PaintStyle } | undefined;
  private canvas: HTMLCanvasElement | undefined;
  /** An element in the widget's shadow root whose colour resolves a token. */
  private probe: HTMLElement | undefined;
  private paintedKey: readonly unknown[] = [];
  private paths: { deps: readonly unknown[]; paths: GridPaths } | undefined;
  private readonly media: MediaQueryList[] = [];
  private readonly onMedia = () => {
    this.paintStyle = undefined;
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost & { readonly theme?: string | undefined }) {
    host.addController(this);
  }

  /** A `ref` callback for the canvas (a new one is painted in full). */
  readonly canvasRef = (el?: Element): void => {
    this.canvas = el instanceof HTMLCanvasElement ? el : undefined;
    this.paintedKey = [];
  };

  /** The element that resolves colour tokens (the map's 1em probe). */
  setProbe(el?: Element): void {
    this.probe = el instanceof HTMLElement ? el : undefined;
  }

  /** The theme changed: resolve the colours again at the next paint. */
  restyle(): void {
    this.paintStyle = undefined;
  }

  hostConnected(): void {
    if (typeof matchMedia !== 'function') return;
    for (const q of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
      const m = matchMedia(q);
      m.addEventListener?.('change', this.onMedia);
      this.media.push(m);
    }
  }

  hostDisconnected(): void {
    for (const m of this.media.splice(0)) m.removeEventListener?.('change', this.onMedia);
  }

  /** Paints `vm`'s grids into a `size` box when they are drawn to the canvas and something changed. */
  paint(vm: MapViewModel | undefined, size: BoxSize): void {
    const canvas = this.canvas;
    if (!vm?.canvas || !canvas || !canvas.isConnected) return;
    const { width, height } = size;
    const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const resized = sizeCanvas(canvas, width, height, dpr);
    const style = this.resolveStyle(ctx, dpr);
    // The index is the same object while the outlines are (a figures-only update keeps it).
    const key = [vm.model.index, vm.colors, vm.view.k, vm.view.x, vm.view.y, width, height, style];
    if (
      !resized &&
      key.length === this.paintedKey.length &&
      key.every((k, i) => Object.is(k, this.paintedKey[i]))
    )
      return;
    this.paintedKey = key;
    paintGrids(ctx, this.pathsOf(vm), vm.view, dpr, style);
  }

  /** The grids' paths, built again only for new outlines or colours. */
  private pathsOf(vm: MapViewModel): GridPaths {
    const deps = [vm.model.index, vm.colors];
    if (this.paths && this.paths.deps.every((d, i) => Object.is(d, deps[i]))) return this.paths.paths;
    const { grids } = vm.model;
    const colors = vm.colors;
    const paths = new GridPaths(
      grids.length,
      (i) => colors[i] ?? -1,
      (i) => grids[i]!.shape,
    );
    this.paths = { deps, paths };
    return paths;
  }

  private resolveStyle(ctx: CanvasRenderingContext2D, dpr: number): PaintStyle {
    const dark = this.media[0]?.matches ?? false;
    const forced = this.media[1]?.matches ?? false;
    const key = `${this.host.theme ?? ''}|${dark}|${forced}|${dpr}`;
    if (this.paintStyle?.key === key) return this.paintStyle.style;
    const probe = this.probe;
    const read = (token: string) => {
      if (!probe) return '#888';
      probe.style.color = `var(${token})`;
      return getComputedStyle(probe).color;
    };
    const style: PaintStyle = {
      fills: [0, 1, 2, 3, 4, 5].map((i) => read(`--_choro-${i}`)),
      noData: dotPattern(ctx, read('--_map-no-data'), read('--_muted'), dpr),
      suppressed: hatchPattern(ctx, read('--_surface'), read('--_muted'), dpr),
      stroke: forced ? read('--_fg') : read('--_grid-line'),
    };
    this.paintStyle = { key, style };
    return style;
  }
}
