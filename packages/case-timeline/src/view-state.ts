/**
 * The view a reader chose — interval, dates, categories, comparison — as the attribute values that
 * show it again, for the `safety-view-change` event: a host page writes them to its URL and sets them
 * back on the element when the page is opened again (the widget never touches the page's URL).
 */
import type { Interval } from './dates.js';

/** `detail` of `safety-view-change`: each field is the value of the attribute of the same name. */
export interface TimelineViewState {
  interval: Interval;
  /** First and last day shown (`YYYY-MM-DD`); null for all dates (remove the attributes). */
  start: string | null;
  end: string | null;
  /** Ids of the categories shown, comma-separated; null when all are shown (remove the attribute). */
  categories: string | null;
  /** Whether the year-earlier lines are drawn (the boolean `yoy` attribute). */
  yoy: boolean;
}

/** The view state, from what is shown: all categories shown (or none known) is `categories: null`. */
export function viewState(
  interval: Interval,
  range: { start?: string | undefined; end?: string | undefined },
  categories: { id: string; shown: boolean }[],
  yoy: boolean,
): TimelineViewState {
  const shown = categories.filter((c) => c.shown).map((c) => c.id);
  return {
    interval,
    start: range.start || null,
    end: range.end || null,
    categories: shown.length === categories.length ? null : shown.join(','),
    yoy,
  };
}
