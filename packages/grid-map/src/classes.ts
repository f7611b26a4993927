/**
 * Class breaks for the choropleth, fed to a d3 threshold scale; the legend states every range as
 * text.
 *
 * The map's rule (`metricClasses`) chooses breaks for the metric, not for the grids in view, so
 * that a district page and its sub-district pages colour the same figure alike and can be
 * compared: explicit `breaks` from the page; else a known domain (0–100 for scores and
 * percentages: 0–20–40–60–80–100); else classes from zero up to the next of 1, 2 or 5 × 10ⁿ above
 * the largest value of the metric in the whole feed (every grid, not only a sub-district's): 5
 * classes of 20 up to 100, 4 of 50 up to 200, 5 of 10 up to 50, whole steps for counts. A
 * sub-district whose largest value lies in the same bracket as the district's gets the same breaks.
 * Metrics with values below zero get equal nice steps over their range (`classify`).
 */
import { scaleThreshold } from 'd3-scale';
import { formatNumber, type SupportedLocale } from '@safety-widgets/core';

/** Colours in the palette (classes use an evenly spread subset). */
export const PALETTE_SIZE = 6;

/** One class of the legend: values from `from` (inclusive) to `to` (exclusive, inclusive for the last). */
export interface ClassRange {
  readonly from: number;
  readonly to: number;
  /** Palette colour (0 … PALETTE_SIZE − 1). */
  readonly color: number;
  /** The first class also holds values below `from` (explicit breaks that do not cover them). */
  readonly below?: boolean;
  /** The last class also holds values above `to`. */
  readonly above?: boolean;
}

/** Class breaks for a set of values. */
export interface Classes {
  readonly ranges: readonly ClassRange[];
  /** The step between breaks. */
  readonly step: number;
  /** True when every value and break is a whole number (ranges then read 0–19, 20–39…). */
  readonly integer: boolean;
  /** The last class includes its top bound (whole-number labels then end `80–100`, not `80–99`). */
  readonly closedTop?: boolean;
  /** The palette colour of a value, or -1 for null. */
  colorOf(value: number | null): number;
}

const NICE = [1, 2, 2.5, 5];

/**
 * The nice step giving the number of classes closest to `target` (3 … 6) over [min, max]. Whole
 * numbers get whole steps (and fewer classes when there are fewer values than that).
 */
function niceStep(min: number, max: number, target: number, integer: boolean): number {
  const span = max - min;
  const base = 10 ** Math.floor(Math.log10(span / target));
  const fewest = integer ? Math.min(3, Math.floor(max) - Math.floor(min) + 1) : 3;
  let best = integer ? Math.max(1, Math.round(base)) : base;
  let bestScore = Infinity;
  for (const power of [base / 10, base, base * 10]) {
    for (const m of NICE) {
      const step = m * power;
      if (integer && (step < 1 || !Number.isInteger(step))) continue;
      const count = Math.floor(max / step) - Math.floor(min / step) + 1;
      if (count < fewest || count > PALETTE_SIZE) continue;
      // Closest to the target; on a tie more classes rather than fewer, and 2.5 last.
      const score = Math.abs(count - target) * 10 + (count < target ? 1 : 0) + (m === 2.5 ? 2 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = step;
      }
    }
  }
  return best;
}

function spreadColors(n: number): number[] {
  if (n <= 1) return [Math.floor((PALETTE_SIZE - 1) / 2)];
  return Array.from({ length: n }, (_, i) => Math.round((i * (PALETTE_SIZE - 1)) / (n - 1)));
}

/** Rounds away floating-point noise (0.30000000000000004 → 0.3). */
function clean(v: number): number {
  return Number.parseFloat(v.toPrecision(12));
}

/** The smallest and largest finite value (nulls ignored; min > max when there is none) and whether all are whole. */
function valueRange(values: Iterable<number | null>): { min: number; max: number; integer: boolean } {
  let min = Infinity;
  let max = -Infinity;
  let integer = true;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!Number.isInteger(v)) integer = false;
  }
  return { min, max, integer };
}

/** Class breaks for `values` (nulls ignored). Undefined when there is no value. */
export function classify(values: Iterable<number | null>, target = 5): Classes | undefined {
  const { min, max, integer } = valueRange(values);
  if (min > max) return undefined;
  if (min === max) {
    const only: ClassRange = { from: min, to: max, color: spreadColors(1)[0]! };
    return { ranges: [only], step: 0, integer, colorOf: (v) => (v === null ? -1 : only.color) };
  }
  const step = niceStep(min, max, target, integer);
  const first = Math.floor(min / step);
  const last = Math.floor(max / step);
  const breaks: number[] = [];
  for (let k = first + 1; k <= last; k++) breaks.push(clean(k * step));
  const colors = spreadColors(breaks.length + 1);
  const scale = scaleThreshold<number, number>().domain(breaks).range(colors);
  const bounds = [clean(first * step), ...breaks, clean((last + 1) * step)];
  const ranges = colors.map((color, i) => ({ from: bounds[i]!, to: bounds[i + 1]!, color }));
  return {
    ranges,
    step,
    integer: integer && Number.isInteger(step),
    colorOf: (v) => (v === null || !Number.isFinite(v) ? -1 : scale(v)),
  };
}

/** Decimals needed to show a step exactly (0.25 → 2). */
function decimalsOf(step: number): number {
  if (!(step > 0)) return 0;
  const text = clean(step).toString();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(4, text.length - dot - 1);
}

/**
 * How the legend reads one class: `20–39` for whole numbers (the last class `80–100`, as its top
 * is included), `2.5–5.0` otherwise (en dash); `< 20` and `≥ 80` for open ends.
 */
export function rangeLabel(range: ClassRange, classes: Classes, locale: SupportedLocale): string {
  const decimals = decimalsOf(classes.step);
  const fmt = (v: number) =>
    formatNumber(v, locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: Math.max(decimals, 1),
    });
  if (classes.step === 0) return fmt(range.from);
  if (range.above) return `≥ ${fmt(range.from)}`;
  if (range.below) return `< ${fmt(range.to)}`;
  if (classes.integer) {
    const last = range === classes.ranges.at(-1) && classes.closedTop === true;
    const top = last ? range.to : range.to - 1;
    return top <= range.from ? fmt(range.from) : `${fmt(range.from)}–${fmt(top)}`;
  }
  return `${fmt(range.from)}–${fmt(range.to)}`;
}

// The map's rule ---------------------------------------------------------------------------------

/** Most bounds `breaks` may give: one more than the palette has colours. */
export const MAX_BOUNDS = PALETTE_SIZE + 1;

/** What `parseBreaks` makes of the `breaks` attribute. */
export type ParsedBreaks =
  { readonly ok: true; readonly bounds: readonly number[] } | { readonly ok: false; readonly reason: string };

/**
 * The `breaks` attribute: 2 to 7 numbers, separated by commas (also `，`, `、`, `;` or spaces),
 * strictly increasing: the bounds of 1 to 6 classes (`0,20,40,60,80,100` is five). Anything else
 * is refused with a reason in English for the console (never thrown); the text is not echoed
 * beyond 40 characters.
 */
export function parseBreaks(text: string | null | undefined): ParsedBreaks | undefined {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  const parts = text
    .trim()
    .split(/[\s,，、;；]+/)
    .filter(Boolean);
  const bounds: number[] = [];
  for (const part of parts) {
    // Plain decimal numbers only: no hex, no "Infinity", no units or markup.
    const n = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(part) ? Number(part) : NaN;
    if (!Number.isFinite(n)) {
      const shown = part.length > 40 ? `${part.slice(0, 40)}…` : part;
      return { ok: false, reason: `"${shown}" is not a number` };
    }
    bounds.push(n);
  }
  if (bounds.length < 2) return { ok: false, reason: 'give at least two numbers (the bounds of one class)' };
  if (bounds.length > MAX_BOUNDS)
    return { ok: false, reason: `give at most ${MAX_BOUNDS} numbers (${PALETTE_SIZE} classes)` };
  for (let i = 1; i < bounds.length; i++) {
    if (!(bounds[i]! > bounds[i - 1]!))
      return {
        ok: false,
        reason: `the numbers must increase (${bounds[i - 1]} is followed by ${bounds[i]})`,
      };
  }
  return { ok: true, bounds };
}

/**
 * Classes with the given bounds (2 to 7 increasing numbers; the last class includes its top).
 * Values outside them go to the first or last class, whose label then says `< 20` or `≥ 80`.
 */
export function classesFromBounds(bounds: readonly number[], values: Iterable<number | null> = []): Classes {
  let integer = bounds.every((b) => Number.isInteger(b));
  let below = false;
  let above = false;
  const first = bounds[0]!;
  const top = bounds.at(-1)!;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (!Number.isInteger(v)) integer = false;
    if (v < first) below = true;
    if (v > top) above = true;
  }
  const breaks = bounds.slice(1, -1);
  const colors = spreadColors(bounds.length - 1);
  const scale = scaleThreshold<number, number>().domain(breaks).range(colors);
  const last = colors.length - 1;
  const ranges: ClassRange[] = colors.map((color, i) => ({
    from: bounds[i]!,
    to: bounds[i + 1]!,
    color,
    ...(i === 0 && below ? { below: true } : {}),
    ...(i === last && above ? { above: true } : {}),
  }));
  // The step that decides decimals: the finest difference between bounds, and the bounds' own.
  let step = Infinity;
  for (let i = 1; i < bounds.length; i++) step = Math.min(step, clean(bounds[i]! - bounds[i - 1]!));
  const fine = bounds.reduce((d, b) => Math.max(d, decimalsOf(Math.abs(b))), 0);
  const stepDecimals = decimalsOf(step);
  if (fine > stepDecimals) step = 10 ** -fine;
  return {
    ranges,
    step,
    integer: integer && Number.isInteger(step),
    closedTop: true,
    colorOf: (v) => (v === null || !Number.isFinite(v) ? -1 : scale(v)),
  };
}

/** Metric keys read as a 0–100 score or a percentage (`score`, `safetyScore`, `coverage-percent`, `sharePct`). */
const SCORE_KEY = /(?:score|index|percent|percentage|pct)$/i;

/**
 * A metric's known domain, when its name says it has one and its values keep to it: scores and
 * percentages (by key, counts only, every value within 0–100) are 0–100.
 */
export function knownDomain(
  key: string,
  values: Iterable<number | null>,
  perTenK: boolean,
): readonly [number, number] | undefined {
  if (perTenK || !SCORE_KEY.test(key)) return undefined;
  for (const v of values) if (v !== null && Number.isFinite(v) && (v < 0 || v > 100)) return undefined;
  return [0, 100];
}

/**
 * The automatic bounds for a metric, from all of its values (null: no value): zero to the next
 * 1, 2 or 5 × 10ⁿ at or above the largest value, in 5, 4 or 5 equal classes (steps of 0.2, 0.5
 * and 1 × 10ⁿ); whole numbers in whole steps, at least 0–5 in steps of 1. Undefined when there is
 * no value, when every value is zero (one class), or when a value is negative.
 */
export function autoBounds(
  values: Iterable<number | null>,
  known?: readonly [number, number],
): number[] | undefined {
  if (known) return [0, 1, 2, 3, 4, 5].map((i) => clean(known[0] + ((known[1] - known[0]) * i) / 5));
  const { min, max, integer } = valueRange(values);
  if (min > max || min < 0 || max === 0) return undefined;
  let top: number;
  let step: number;
  if (integer && max <= 5) {
    top = 5;
    step = 1;
  } else {
    const power = 10 ** Math.floor(Math.log10(max));
    const m = [1, 2, 5, 10].find((k) => k * power >= max * (1 - 1e-12))!;
    top = clean(m * power);
    step = clean(top / (m === 2 ? 4 : 5));
    if (integer && !Number.isInteger(step)) step = Math.max(1, Math.round(step));
  }
  const bounds: number[] = [];
  for (let k = 0; bounds.length === 0 || bounds.at(-1)! < top; k++) bounds.push(clean(k * step));
  return bounds;
}

/**
 * The map's classes for a metric. `domainValues` are the metric's values over the whole feed
 * (they choose the breaks), `shownValues` those of the grids drawn (they decide open ends and
 * decimals). `bounds` are the page's own (already checked by `parseBreaks`).
 */
export function metricClasses(options: {
  readonly key: string;
  readonly perTenK: boolean;
  readonly domainValues: readonly (number | null)[];
  readonly shownValues: readonly (number | null)[];
  readonly bounds?: readonly number[];
}): Classes | undefined {
  const { key, perTenK, domainValues, shownValues, bounds } = options;
  if (bounds) return classesFromBounds(bounds, shownValues);
  const auto = autoBounds(domainValues, knownDomain(key, domainValues, perTenK));
  if (auto) return classesFromBounds(auto, [...domainValues, ...shownValues]);
  // One value everywhere, or values below zero: classes over the values themselves.
  return classify(domainValues);
}

/** Which rule `metricClasses` follows for these options (the description block says it in words). */
export function breaksRule(
  options: Parameters<typeof metricClasses>[0],
): 'page' | 'known' | 'auto' | 'values' {
  const { key, perTenK, domainValues, bounds } = options;
  if (bounds) return 'page';
  const known = knownDomain(key, domainValues, perTenK);
  if (known) return 'known';
  return autoBounds(domainValues) ? 'auto' : 'values';
}
