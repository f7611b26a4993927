/**
 * The brush: a mouse or pen drag across the plot that selects dates. Holds the drag's pixels
 * between pointer events and says what each event means; the element turns pixels into days
 * (`range.ts` snaps them to periods). Pure; no DOM.
 */

/** The plot's horizontal extent in canvas pixels. */
export interface PlotArea {
  left: number;
  right: number;
}

/** A drag shorter than this (in CSS pixels) is a click, not a selection. */
export const BRUSH_MIN_PX = 8;

export class BrushController {
  /** The drag in progress: canvas x where it started and where it is now. */
  drag: { from: number; to: number } | undefined;

  /**
   * A pointer went down at canvas x `px`: starts a drag when it is the main button of a mouse or
   * pen inside the plot (touch is left to scrolling the page). True when a drag started.
   */
  down(px: number, area: PlotArea, button: number, pointerType: string): boolean {
    if (button !== 0 || pointerType === 'touch' || px < area.left || px > area.right) return false;
    this.drag = { from: px, to: px };
    return true;
  }

  /** The pointer moved: true when a drag is in progress (and now ends at `px`, kept inside the plot). */
  move(px: number, area: PlotArea): boolean {
    if (!this.drag) return false;
    this.drag.to = clampX(px, area);
    return true;
  }

  /**
   * The pointer went up at `px` (undefined: where it last was): the drag's ends `[x0, x1]`,
   * left to right, or undefined for a click or when no drag was in progress.
   */
  up(px: number | undefined, area: PlotArea): [number, number] | undefined {
    const drag = this.drag;
    this.drag = undefined;
    if (!drag) return undefined;
    const to = clampX(px ?? drag.to, area);
    if (Math.abs(to - drag.from) < BRUSH_MIN_PX) return undefined;
    return [Math.min(drag.from, to), Math.max(drag.from, to)];
  }

  cancel(): void {
    this.drag = undefined;
  }
}

function clampX(px: number, area: PlotArea): number {
  return Math.min(Math.max(Number.isFinite(px) ? px : area.left, area.left), area.right);
}
