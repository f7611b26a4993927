/**
 * Class breaks for the choropleth: equal steps of a "nice" size (1, 2, 2.5 or 5 × 10ⁿ), three
 * to six classes (five preferred), fed to a d3 threshold scale. The legend states every range as text.
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
}

/** Class breaks for a set of values. */
export interface Classes {
  readonly ranges: readonly ClassRange[];
  /** The step between breaks. */
  readonly step: number;
  /** True when every value and break is a whole number (ranges then read 0–19, 20–39…). */
  readonly integer: boolean;
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

/** Class breaks for `values` (nulls ignored). Undefined when there is no value. */
export function classify(values: Iterable<number | null>, target = 5): Classes | undefined {
  let min = Infinity;
  let max = -Infinity;
  let integer = true;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!Number.isInteger(v)) integer = false;
  }
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

/** How the legend reads one class: `20–39` for whole numbers, `2.5–5.0` otherwise (en dash). */
export function rangeLabel(range: ClassRange, classes: Classes, locale: SupportedLocale): string {
  const decimals = decimalsOf(classes.step);
  const fmt = (v: number) =>
    formatNumber(v, locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: Math.max(decimals, 1),
    });
  if (classes.step === 0) return fmt(range.from);
  if (classes.integer) {
    const top = range.to - 1;
    return top <= range.from ? fmt(range.from) : `${fmt(range.from)}–${fmt(top)}`;
  }
  return `${fmt(range.from)}–${fmt(range.to)}`;
}
