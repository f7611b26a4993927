/**
 * The reader's hands on the map: the pointer (hover and its tooltip, click to select), the keys
 * (focus, arrows, Enter or Space, Escape, zoom; see ./keyboard.ts) and what they say in the live
 * region, and selecting a grid, which the page hears as `safety-grid-select`. Keeps which grid is
 * under the pointer, which one the keys are on, and which of the two the tooltip shows.
 */
import { emit, type SupportedLocale } from '@safety-widgets/core';
import type { ReactiveControllerHost } from 'lit';
import { figureText, gridAnnouncement } from './grid-text.js';
import { keyCommand, keyTarget, startGrid } from './keyboard.js';
import type { MapPointerView, SurfaceHandlers } from './map-box.js';
import type { BoxSize } from './map-size.js';
import { metricText, type MapViewModel } from './map-view-model.js';
import type { MapZoom } from './map-zoom.js';
import { rankedCount } from './ranking.js';
import { toFrame, toScreen } from './view.js';

/** What the controller needs of the element. */
export interface MapInteractionHost extends ReactiveControllerHost, HTMLElement {
  /** The selected grid's id (the reflected `selected` property). */
  selected?: string | null | undefined;
  readonly locale: SupportedLocale;
}

/** Which grid the tooltip is for: the one under the pointer or the one the keys are on. */
export type TipSource = 'hover' | 'focus' | undefined;

/** Handlers for the map surface and the state they keep (asking the element for an update on change). */
export class MapInteraction implements MapPointerView {
  /** The grid under the pointer, and where the pointer is (CSS px in the map box). */
  hoverId: string | undefined;
  hoverAt: readonly [number, number] = [0, 0];
  /** The grid the keys are on (the last one visited). */
  activeId: string | undefined;
  tip: TipSource;
  /** What the live region says. */
  announcement = '';

  /**
   * `drawn` gives what the last render drew, `size` the map box's size; `guard` runs a handler so
   * that a bug there is reported, never thrown into the page.
   */
  constructor(
    private readonly host: MapInteractionHost,
    private readonly drawn: () => MapViewModel | undefined,
    private readonly size: () => BoxSize,
    private readonly zoom: MapZoom,
    private readonly guard: (fn: () => void) => void,
  ) {}

  get hover(): string | undefined {
    return this.tip === 'hover' ? this.hoverId : undefined;
  }

  get active(): string | undefined {
    return this.tip === 'focus' ? this.activeId : undefined;
  }

  /** The surface's listeners. */
  readonly on: SurfaceHandlers = {
    keydown: (event) => this.onKeydown(event),
    focus: () => this.onFocus(),
    blur: () => this.onBlur(),
    pointermove: (event) => this.onPointerMove(event),
    pointerleave: () => this.onPointerLeave(),
    click: (event) => this.onClick(event),
  };

  /** The grid the tooltip shows (with where the pointer is, for a hover). */
  get tooltipGrid(): { id: string | undefined; at: readonly [number, number] | undefined } {
    if (this.tip === 'hover') return { id: this.hoverId, at: this.hoverAt };
    return { id: this.tip === 'focus' ? this.activeId : undefined, at: undefined };
  }

  /** The map was zoomed or panned by a gesture: the hover tooltip no longer points at its grid. */
  readonly zoomedByUser = (): void => {
    if (this.tip === 'hover') this.set({ tip: undefined });
  };

  private readonly onPointerMove = (event: PointerEvent): void =>
    this.guard(() => {
      const vm = this.drawn();
      // A drag in progress pans the map: no hover (the pointer may be outside the map by now).
      if (!vm || this.zoom.surface?.hasPointerCapture(event.pointerId)) return;
      const [sx, sy] = pointerPosition(event);
      const i = gridAt(vm, sx, sy);
      const id = i >= 0 ? vm.model.grids[i]!.id : undefined;
      this.set({ hoverAt: [sx, sy], hoverId: id });
      if (id !== undefined) this.set({ tip: 'hover' });
      else if (this.tip === 'hover') this.set({ tip: undefined });
    });

  private readonly onPointerLeave = (): void => {
    this.set({ hoverId: undefined });
    if (this.tip === 'hover') this.set({ tip: undefined });
  };

  private readonly onClick = (event: MouseEvent): void =>
    this.guard(() => {
      const vm = this.drawn();
      // The second click of a double-click (which zooms) selects nothing more.
      if (!vm || event.detail > 1) return;
      const [sx, sy] = pointerPosition(event);
      const i = gridAt(vm, sx, sy);
      if (i >= 0) this.select(vm.model.grids[i]!.id, false);
    });

  private readonly onFocus = (): void =>
    this.guard(() => {
      const vm = this.drawn();
      if (!vm || !this.zoom.surface?.matches(':focus-visible')) return;
      const start = this.startGrid(vm);
      if (start === undefined) return;
      this.set({ activeId: start, tip: 'focus' });
      this.announce(vm, start);
    });

  private readonly onBlur = (): void => {
    if (this.tip === 'focus') this.set({ tip: undefined });
  };

  private readonly onKeydown = (event: KeyboardEvent): void =>
    this.guard(() => {
      const vm = this.drawn();
      const command = vm && keyCommand(event);
      if (!vm || !command) return;
      if (command.kind === 'clear') return this.clear(event);
      event.preventDefault();
      if (command.kind === 'zoom') return this.zoom.zoom(command.by);
      const next = keyTarget(vm.model, command, this.activeId, this.tip === 'focus', () =>
        this.startGrid(vm),
      );
      if (next === undefined) return;
      this.set({ activeId: next, tip: 'focus' });
      if (command.kind === 'select') this.select(next, false);
      else this.keepInView(vm, next);
      this.announce(vm, next, command.kind === 'select');
    });

  /**
   * Selects grid `id` and tells the page (`safety-grid-select`); from the list (`fromList`), the map
   * pans to show it.
   */
  select(id: string, fromList = true): void {
    this.host.selected = id;
    this.set({ activeId: id });
    const vm = this.drawn();
    const i = vm?.model.byId.get(id);
    const grid = i === undefined ? undefined : vm!.model.grids[i];
    emit(this.host, 'safety-grid-select', {
      id,
      subdistrict: grid?.subdistrict ?? null,
      // Its name as the map shows it ("Unnamed grid 3" for a grid without one), never the id.
      name: i === undefined ? null : vm!.names[i]!.text,
    });
    if (fromList && vm) this.keepInView(vm, id);
  }

  /** Escape: hides the tooltip and clears the selection (telling the page), when there is any. */
  private clear(event: KeyboardEvent): void {
    // (Removing the `selected` attribute leaves the property null, not undefined.)
    if (this.tip === undefined && this.host.selected == null) return;
    event.preventDefault();
    this.set({ tip: undefined, hoverId: undefined, announcement: '' });
    if (this.host.selected != null) {
      this.host.selected = undefined;
      emit(this.host, 'safety-grid-select', { id: null, subdistrict: null, name: null });
    }
  }

  private startGrid(vm: MapViewModel): string | undefined {
    const { width, height } = this.size();
    return startGrid(vm.model, vm.view, width, height, [this.host.selected, this.activeId]);
  }

  /** Pans so that grid `id` is in view. */
  private keepInView(vm: MapViewModel, id: string): void {
    const i = vm.model.byId.get(id);
    if (i === undefined) return;
    const label = vm.model.grids[i]!.shape.label;
    const [x, y] = toScreen(vm.view, label[0], label[1]);
    this.zoom.keepInView(x, y);
  }

  /** Says the grid the keys moved to (or selected) in the live region: short, by its name. */
  private announce(vm: MapViewModel, id: string, selected = false): void {
    const i = vm.model.byId.get(id);
    if (i === undefined) return;
    const locale = this.host.locale;
    // One sub-district shown: its name in every sentence says nothing.
    const sub = vm.model.subdistrict ? undefined : vm.subdistricts[i]!.text;
    this.set({
      announcement: gridAnnouncement({
        locale,
        name: vm.names[i]!.text,
        subdistrict: sub,
        metric: metricText(vm, locale),
        value: figureText(vm.figures[i]!, vm.mode, vm.threshold, locale),
        rank: vm.ranking.find((r) => r.index === i)?.rank,
        ranked: rankedCount(vm.ranking),
        selected,
      }),
    });
  }

  /** Sets state and asks for an update when a value changed (as a reactive property would). */
  private set(
    values: Partial<Pick<MapInteraction, 'hoverId' | 'hoverAt' | 'activeId' | 'tip' | 'announcement'>>,
  ): void {
    let changed = false;
    for (const [key, value] of Object.entries(values) as [keyof typeof values, unknown][]) {
      if (Object.is(this[key], value)) continue;
      (this as unknown as Record<string, unknown>)[key] = value;
      changed = true;
    }
    if (changed) this.host.requestUpdate();
  }
}

/** (x, y) of a pointer event in the CSS pixels of the element it was heard on. */
function pointerPosition(event: MouseEvent): [number, number] {
  const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
  return [event.clientX - rect.left, event.clientY - rect.top];
}

/** The grid drawn at the screen point (sx, sy), or -1. */
function gridAt(vm: MapViewModel, sx: number, sy: number): number {
  if (!(vm.view.k > 0)) return -1;
  const [x, y] = toFrame(vm.view, sx, sy);
  return vm.model.index.at(x, y);
}
