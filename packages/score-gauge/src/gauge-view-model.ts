/**
 * What one render of the gauge draws, from its model (./gauge-model.ts) and the element's options:
 * the size class, whether the ring is a set of controls, whether the grade and the change sit
 * inside the arc, the area whose detail shows, and the frame the reading is laid over. Pure: the
 * templates (./gauge-template.ts) read it; nothing here touches the DOM.
 */
import type { GaugeArea, GaugeModel } from './gauge-model.js';
import { ARC_FRAME, RING_FRAME, type GaugeFrame } from './geometry.js';
import { factsInside, sizeFor, type GaugeSize } from './size.js';

/** Where the reader's pointer and keys are on the ring (./gauge-interaction.ts keeps it). */
export interface RingPointer {
  /** The area that is the ring's tab stop (the last one focused or clicked). */
  readonly tabStop: string | null;
  /** The area that has keyboard focus now. */
  readonly focused: string | null;
  /** The area under the pointer. */
  readonly hovered: string | null;
  /** Escape hid the detail; pointing or focusing again shows it. */
  readonly dismissed: boolean;
}

/** The area whose detail shows: the one pointed at, else the one focused, unless Escape hid it. */
export function activeArea(areas: readonly GaugeArea[], pointer: RingPointer): GaugeArea | null {
  if (pointer.dismissed) return null;
  const id = pointer.hovered ?? pointer.focused;
  return id === null ? null : (areas.find((a) => a.id === id) ?? null);
}

/** What the element gives to make the view model of one render. */
export interface GaugeViewInput {
  /** A model with a value (one without is drawn as the empty state). */
  readonly model: GaugeModel;
  /** The width of the element's box in px (undefined before it is measured). */
  readonly width: number | undefined;
  /** The `compact` attribute. */
  readonly compact: boolean;
  /** The `snapshot` attribute: a still picture, whose ring is never a set of controls. */
  readonly still?: boolean;
  /** The reader's default font size in px (the `--_base` custom property). */
  readonly base: number;
  readonly pointer: RingPointer;
}

/** Everything one render of the gauge draws besides its model. */
export interface GaugeViewModel {
  readonly model: GaugeModel;
  readonly size: GaugeSize;
  readonly compact: boolean;
  /**
   * The ring is a set of controls only where its segments can be 24 px targets: not in a small
   * tile or the compact dial, where it is a picture and the key says what it shows.
   */
  readonly interactive: boolean;
  /**
   * The grade and the change sit inside the arc, except in a small tile, the compact layout, or
   * for a reader whose default text is large (its words would crowd the arc's opening).
   */
  readonly inside: boolean;
  /** The area whose detail shows. */
  readonly active: GaugeArea | null;
  /** The ring's tab stop. */
  readonly tabStop: string | null;
  readonly hovered: string | null;
  /** Where the reading goes over the drawing: the ring's frame when there are areas, else the arc's. */
  readonly frame: GaugeFrame;
}

/** The view model of one render. */
export function buildGaugeViewModel(input: GaugeViewInput): GaugeViewModel {
  const { model, compact, pointer } = input;
  const size = sizeFor(input.width);
  return {
    model,
    size,
    compact,
    interactive: !compact && size !== 'xs' && !input.still,
    inside: factsInside(size, compact, input.base),
    active: activeArea(model.areas, pointer),
    tabStop: pointer.tabStop,
    hovered: pointer.hovered,
    frame: model.areas.length > 0 ? RING_FRAME : ARC_FRAME,
  };
}
