/**
 * Windowing for long tables: which lines to render for a scroll position, and the spacers that
 * stand in for the others so that the scroll height stays right. Pure functions over line
 * heights (measured where a line has been drawn, estimated elsewhere).
 */

/** Start offset of every line and, last, the total height: `offsets[i + 1] - offsets[i]` is line i's height. */
export function computeOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) {
    const h = heightOf(i);
    offsets[i + 1] = offsets[i]! + (Number.isFinite(h) && h > 0 ? h : 0);
  }
  return offsets;
}

/** Index of the line at `y` (clamped to the lines there are); `count` lines, `offsets` from `computeOffsets`. */
export function lineAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** What to draw in place of the lines: a line, or a spacer as tall as the lines it stands for. */
export type WindowSlot =
  | { readonly kind: 'line'; readonly index: number }
  | {
      readonly kind: 'spacer';
      /** Height in px. */
      readonly height: number;
      /** First line it stands for. */
      readonly from: number;
      /** One past the last line it stands for. */
      readonly to: number;
    };

/** Input of `windowSlots`. */
export interface WindowRequest {
  /** From `computeOffsets`. */
  readonly offsets: Float64Array;
  /** The visible part of the lines, in px from the top of the first line. */
  readonly viewTop: number;
  readonly viewBottom: number;
  /** Extra px drawn above and below the visible part, so that scrolling does not show blanks. */
  readonly overscan: number;
  /** Lines drawn wherever they are (the focused row, so keyboard focus is never lost). */
  readonly keep?: Iterable<number>;
  /** Line index of the header of the group a line is in; that header is drawn with the line. */
  readonly headerOf?: (index: number) => number;
}

/**
 * The slots to draw for a scroll position: every line that overlaps the visible part plus the
 * overscan, the `keep` lines, and the header of the group of each; runs of lines left out become
 * one spacer each. The slots' heights always add up to the total height.
 */
export function windowSlots(request: WindowRequest): WindowSlot[] {
  const { offsets, overscan } = request;
  const count = offsets.length - 1;
  if (count <= 0) return [];
  const total = offsets[count]!;
  const top = Math.max(0, Math.min(request.viewTop, request.viewBottom) - Math.max(0, overscan));
  const bottom = Math.min(total, Math.max(request.viewTop, request.viewBottom) + Math.max(0, overscan));

  const drawn = new Set<number>();
  const first = lineAt(offsets, top);
  // Lines that start before `bottom` (and always at least the first one).
  for (let i = first; i < count && (i === first || offsets[i]! < bottom); i++) drawn.add(i);
  for (const k of request.keep ?? []) {
    if (Number.isInteger(k) && k >= 0 && k < count) drawn.add(k);
  }
  if (request.headerOf) {
    for (const i of [...drawn]) {
      const h = request.headerOf(i);
      if (Number.isInteger(h) && h >= 0 && h < count) drawn.add(h);
    }
  }

  const indices = [...drawn].sort((a, b) => a - b);
  const slots: WindowSlot[] = [];
  let next = 0;
  for (const index of indices) {
    if (index > next)
      slots.push({ kind: 'spacer', height: offsets[index]! - offsets[next]!, from: next, to: index });
    slots.push({ kind: 'line', index });
    next = index + 1;
  }
  if (next < count) slots.push({ kind: 'spacer', height: total - offsets[next]!, from: next, to: count });
  return slots;
}

/** How the lines are laid out, for the heights assumed before any is measured. */
export interface LineLayout {
  /** The card layout. */
  readonly cards: boolean;
  /** Denser rows (the `compact` attribute). */
  readonly compact: boolean;
}

/** Height in px assumed for a line of `kind` before any line of that kind has been measured. */
export function defaultLineHeight(kind: 'group' | 'row', layout: LineLayout): number {
  if (kind === 'group') return layout.cards ? 56 : 52;
  return layout.cards ? 170 : layout.compact ? 32 : 44;
}

/**
 * Typical height of a line of `kind` not measured yet: the median of the measured heights of that
 * kind (keys `g:…` for area headers, `r:…` for rows; the first 101 found), which outliers do not
 * move, or `defaultLineHeight` while none is measured.
 */
export function estimateLineHeight(
  heights: ReadonlyMap<string, number>,
  kind: 'group' | 'row',
  layout: LineLayout,
): number {
  const prefix = kind === 'group' ? 'g:' : 'r:';
  const sample: number[] = [];
  for (const [key, h] of heights) {
    if (key.startsWith(prefix)) sample.push(h);
    if (sample.length >= 101) break;
  }
  if (sample.length > 0) return sample.sort((a, b) => a - b)[sample.length >> 1]!;
  return defaultLineHeight(kind, layout);
}

/** The visible part of the lines, in px from the top of the first line. */
export interface ViewSpan {
  readonly top: number;
  readonly bottom: number;
}

/**
 * The visible part of the lines from where things are on screen (viewport px): the scroll box's
 * top and bottom, the height of the sticky header inside it (0 when there is none), the
 * viewport's height (0 when unknown) and the top of the first line. What is above the viewport,
 * below it or under the header is not visible; the span is never negative.
 */
export function visibleSpan(
  box: { readonly top: number; readonly bottom: number },
  head: number,
  viewportHeight: number,
  origin: number,
): ViewSpan {
  const top = Math.max(box.top + head, 0) - origin;
  const bottom = Math.min(box.bottom, viewportHeight || box.bottom) - origin;
  return { top, bottom: Math.max(top, bottom) };
}

/** True when either end of the visible part moved more than `tolerance` px: other lines may be needed. */
export function spanMoved(from: ViewSpan, to: ViewSpan, tolerance: number): boolean {
  return !(Math.abs(to.top - from.top) <= tolerance && Math.abs(to.bottom - from.bottom) <= tolerance);
}
