/**
 * The gauge's size classes, from the width of its box (followed with a ResizeController):
 * `xs` a small tile (from 120 px), `sm` a card, `md` the usual, `lg` a hero (600 px and more).
 */

/** A size class of the gauge. */
export type GaugeSize = 'xs' | 'sm' | 'md' | 'lg';

/** Lower bounds (px) of `sm`, `md` and `lg`; below `sm` is `xs`. */
export const SIZE_BREAKPOINTS = { sm: 200, md: 360, lg: 520 } as const;

/** The size class for a box `width` px wide; an unknown width (0, NaN: not laid out yet) is `md`. */
export function sizeFor(width: number | null | undefined): GaugeSize {
  if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0) return 'md';
  if (width < SIZE_BREAKPOINTS.sm) return 'xs';
  if (width < SIZE_BREAKPOINTS.md) return 'sm';
  if (width < SIZE_BREAKPOINTS.lg) return 'md';
  return 'lg';
}

/**
 * Whether the grade and the change go inside the arc: not in a small tile, not in the compact
 * layout, and not when the reader's default font size (`base`, px) is over 20 px: at 32 px their
 * words would fill the arc's opening and run into its ends, so they go in a line under the dial.
 */
export function factsInside(size: GaugeSize, compact: boolean, base: number): boolean {
  return !compact && size !== 'xs' && !(base > 20);
}
