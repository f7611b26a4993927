/**
 * The reader's choices of what the timeline shows: the interval, the dates (the range picker, the
 * date fields and the brush), the categories (the legend), the comparison with a year earlier and
 * the "More" panel. Each choice sets the element's property of the same name and tells the page:
 * `safety-range-change` for new dates, and `safety-view-change` with the attribute values that
 * show the view again (for the page's URL). Setting the properties from script fires nothing. The
 * handlers are arrow functions, so a template can bind them as they are.
 */
import { emit } from '@safety-widgets/core';
import type { ReactiveControllerHost } from 'lit';
import { isInterval, isoFromDay, type Interval } from './dates.js';
import { rangeFromInput, rangePresets } from './range.js';
import { categoryShown, type TimelineViewModel } from './timeline-view-model.js';
import { viewState } from './view-state.js';

/** The element's properties the choices set. */
export interface ViewControlsHost extends ReactiveControllerHost, HTMLElement {
  interval: Interval;
  yoy: boolean;
  start?: string | undefined;
  end?: string | undefined;
  categories?: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the choices read from the element besides its properties, and what else they change. */
export interface ViewControlsSource {
  /** What the last render showed, or undefined when nothing is drawn. */
  model(): TimelineViewModel | undefined;
  /** New dates or a new interval: the cursor's period is gone. */
  resetCursor(): void;
}

/** Holds its state and asks the host for an update when it changes (no lifecycle of its own). */
export class ViewControlsController {
  private panelOpen = false;
  /** Categories the reader showed or hid with the legend (id → shown). */
  private toggled = new Map<string, boolean>();

  constructor(
    private readonly host: ViewControlsHost,
    private readonly source: ViewControlsSource,
  ) {}

  /** Whether the "More" panel (date fields, comparison) is open. */
  get moreOpen(): boolean {
    return this.panelOpen;
  }

  /** Whether category `id` is shown: as the legend last set it, else as the `categories` attribute says. */
  isShown(id: string): boolean {
    return categoryShown(id, this.toggled, this.host.categories);
  }

  /** The `categories` attribute changed: the legend's choices are forgotten (call it while updating). */
  forgetToggles(): void {
    this.toggled = new Map();
  }

  /** Shows days `[a, b]`. */
  select(a: number, b: number): void {
    this.host.start = isoFromDay(a);
    this.host.end = isoFromDay(b);
    this.source.resetCursor();
    emit(this.host, 'safety-range-change', { start: this.host.start, end: this.host.end });
    this.changed();
  }

  /** A legend button: shows or hides the category. */
  readonly toggle = (id: string): void => {
    const next = new Map(this.toggled);
    next.set(id, !this.isShown(id));
    this.toggled = next;
    this.host.requestUpdate();
    this.changed();
  };

  /** An interval radio. */
  readonly interval = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value;
    if (isInterval(value)) {
      this.host.interval = value;
      this.source.resetCursor();
      this.changed();
    }
  };

  /** The year-earlier checkbox. */
  readonly yoy = (e: Event): void => {
    this.host.yoy = (e.target as HTMLInputElement).checked;
    this.changed();
  };

  /** A date field. */
  readonly range = (e: Event): void => {
    const m = this.source.model();
    if (!m) return;
    const input = e.target as HTMLInputElement;
    this.select(...rangeFromInput(m.data, m, input.name === 'start' ? 'start' : 'end', input.value));
  };

  /** The range picker: a preset range, or "custom" (the date fields). */
  readonly preset = (e: Event): void => {
    const m = this.source.model();
    const value = (e.target as HTMLSelectElement).value;
    if (!m) return;
    if (value === 'custom') {
      // The date fields are in the "More" panel: open it and go to the first.
      this.openPanel(true);
      void this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLInputElement>('input[name="start"]')?.focus(),
      );
      return;
    }
    const preset = rangePresets(m.data).find((p) => p.id === value);
    if (!preset) return;
    if (preset.id === 'all') this.showAll(m);
    else this.select(preset.a, preset.b);
  };

  /** "More" opens or closes its panel. */
  readonly more = (): void => {
    this.openPanel(!this.panelOpen);
  };

  private openPanel(open: boolean): void {
    if (open === this.panelOpen) return;
    this.panelOpen = open;
    this.host.requestUpdate();
  }

  /** All dates: `start` and `end` removed. */
  private showAll(m: TimelineViewModel): void {
    this.host.start = undefined;
    this.host.end = undefined;
    this.host.removeAttribute('start');
    this.host.removeAttribute('end');
    this.source.resetCursor();
    emit(this.host, 'safety-range-change', {
      start: isoFromDay(m.data.firstDay),
      end: isoFromDay(m.data.endDay - 1),
    });
    this.changed();
  }

  /** Tells the page what the reader chose, as the attribute values that show it again (for its URL). */
  private changed(): void {
    const m = this.source.model();
    const interval = isInterval(this.host.interval) ? this.host.interval : 'month';
    const categories = (m?.withData ?? []).map((c) => {
      const id = m!.data.categories[c]!.id;
      return { id, shown: this.isShown(id) };
    });
    emit(this.host, 'safety-view-change', viewState(interval, this.host, categories, this.host.yoy));
  }
}
