/**
 * The reader's hands on the gauge's ring, as a reactive controller: the ring's tab stop, the
 * arrow keys and Home/End between areas, Enter or Space (and a click) to select one, which the
 * page hears as `safety-area-select`, the area under the pointer or focused whose detail shows,
 * and Escape anywhere to hide that detail (WCAG 1.4.13). The keys themselves are in ./keys.ts.
 */
import { emit } from '@safety-widgets/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RingPointer } from './gauge-view-model.js';
import { ringKey } from './keys.js';

/** What the controller needs of the element. */
export interface GaugeInteractionHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The area id of a segment (or an element inside one). */
export function areaOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  return target.closest('g.area')?.getAttribute('data-area') ?? null;
}

/** Keeps where the pointer and the keys are on the ring, asking the element for an update on change. */
export class GaugeInteraction implements ReactiveController, RingPointer {
  private state: RingPointer = { tabStop: null, focused: null, hovered: null, dismissed: false };

  /** `areas` gives the ids of the areas the ring shows now, in order. */
  constructor(
    private readonly host: GaugeInteractionHost,
    private readonly areas: () => string[],
  ) {
    host.addController(this);
  }

  get tabStop(): string | null {
    return this.state.tabStop;
  }
  get focused(): string | null {
    return this.state.focused;
  }
  get hovered(): string | null {
    return this.state.hovered;
  }
  get dismissed(): boolean {
    return this.state.dismissed;
  }

  hostConnected(): void {
    globalThis.addEventListener?.('keydown', this.onEscape);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('keydown', this.onEscape);
  }

  /** The dial's keys. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    const id = areaOf(event.target);
    if (id === null) return;
    const ids = this.areas();
    const action = ringKey(event.key, ids.indexOf(id), ids.length);
    if (action === null) return;
    event.preventDefault();
    if (action === 'select') return this.select(id);
    const target = ids[action.move]!;
    this.set({ tabStop: target });
    this.host.renderRoot.querySelector<SVGGElement>(`g.area[data-area="${CSS.escape(target)}"]`)?.focus();
  };

  readonly onFocusIn = (event: FocusEvent): void => {
    const id = areaOf(event.target);
    if (id === null) return;
    this.set({ tabStop: id, focused: id, dismissed: false });
  };

  readonly onFocusOut = (): void => {
    this.set({ focused: null });
  };

  readonly onAreaPointerEnter = (event: PointerEvent): void => {
    const id = areaOf(event.currentTarget);
    if (id === null) return;
    this.set({ hovered: id, dismissed: false });
  };

  readonly onAreaPointerLeave = (event: PointerEvent): void => {
    if (areaOf(event.currentTarget) === this.hovered) this.set({ hovered: null });
  };

  readonly onAreaClick = (event: MouseEvent): void => {
    const id = areaOf(event.currentTarget);
    if (id === null) return;
    this.set({ tabStop: id });
    this.select(id);
  };

  private readonly onEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.dismissed) return;
    if (this.focused !== null || this.hovered !== null) this.set({ dismissed: true });
  };

  private select(id: string): void {
    emit(this.host, 'safety-area-select', { area: id });
  }

  /** Changes what is given; asks for an update when anything changed. */
  private set(change: Partial<RingPointer>): void {
    const next = { ...this.state, ...change };
    const changed = (Object.keys(change) as (keyof RingPointer)[]).some((k) => next[k] !== this.state[k]);
    this.state = next;
    if (changed) this.host.requestUpdate();
  }
}
