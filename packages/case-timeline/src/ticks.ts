/**
 * Ticks for the time axis on calendar boundaries (Chart.js's linear scale would put them at round
 * numbers of days): as many as fit, on days, Mondays, months, quarters or years, labelled with
 * core's Intl date formatters — no date adapter needed.
 */
import { formatDate, type SupportedLocale } from '@safety-widgets/core';
import { DAY_MS, dayFromYmd, weekStart, ymdFromDay } from './dates.js';

export type TickUnit = 'day' | 'week' | 'month' | 'year';

export interface Tick {
  day: number;
  unit: TickUnit;
}

interface Step {
  unit: TickUnit;
  every: number;
}

const STEPS: readonly Step[] = [
  { unit: 'day', every: 1 },
  { unit: 'day', every: 2 },
  { unit: 'week', every: 1 },
  { unit: 'week', every: 2 },
  { unit: 'month', every: 1 },
  { unit: 'month', every: 2 },
  { unit: 'month', every: 3 },
  { unit: 'month', every: 6 },
  { unit: 'year', every: 1 },
  { unit: 'year', every: 2 },
  { unit: 'year', every: 5 },
  { unit: 'year', every: 10 },
  { unit: 'year', every: 25 },
  { unit: 'year', every: 50 },
];

function ticksFor(step: Step, min: number, max: number, limit: number): number[] | undefined {
  const out: number[] = [];
  const push = (d: number) => {
    if (d >= min && d <= max) out.push(d);
    return out.length <= limit;
  };
  switch (step.unit) {
    case 'day': {
      const first = Math.ceil(min / step.every) * step.every;
      for (let d = first; d <= max; d += step.every) if (!push(d)) return undefined;
      break;
    }
    case 'week': {
      let d = weekStart(min);
      // Even weeks counted from the epoch, so ticks do not jump when the range moves.
      if (step.every === 2 && Math.floor((d + 3) / 7) % 2 !== 0) d += 7;
      for (; d <= max; d += 7 * step.every) if (!push(d)) return undefined;
      break;
    }
    case 'month': {
      const { year, month } = ymdFromDay(min);
      let m = year * 12 + (month - 1);
      m = Math.ceil(m / step.every) * step.every;
      for (let d = dayFromYmd(Math.floor(m / 12), (m % 12) + 1, 1); d <= max;) {
        if (!push(d)) return undefined;
        m += step.every;
        d = dayFromYmd(Math.floor(m / 12), (m % 12) + 1, 1);
      }
      break;
    }
    case 'year': {
      let y = Math.ceil(ymdFromDay(min).year / step.every) * step.every;
      for (let d = dayFromYmd(y, 1, 1); d <= max;) {
        if (!push(d)) return undefined;
        y += step.every;
        d = dayFromYmd(y, 1, 1);
      }
      break;
    }
  }
  return out;
}

const UNIT_ORDER: Record<TickUnit, number> = { day: 0, week: 1, month: 2, year: 3 };

/**
 * Calendar-aligned ticks between `minDay` and `maxDay` (inclusive), at most `maxTicks` of them
 * (at least 2 are asked for): the finest step that fits, no finer than `finest` (the interval
 * counted by, so that yearly counts get yearly ticks).
 */
export function timeTicks(
  minDay: number,
  maxDay: number,
  maxTicks: number,
  finest: TickUnit = 'day',
): Tick[] {
  if (!Number.isFinite(minDay) || !Number.isFinite(maxDay) || maxDay < minDay) return [];
  const limit = Math.max(2, Math.floor(maxTicks) || 2);
  const steps = STEPS.filter((s) => UNIT_ORDER[s.unit] >= UNIT_ORDER[finest]);
  for (const step of steps) {
    const days = ticksFor(step, minDay, maxDay, limit);
    if (days && days.length > 0) return days.map((day) => ({ day, unit: step.unit }));
  }
  const last = STEPS[STEPS.length - 1]!;
  return (ticksFor(last, minDay, maxDay, Infinity) ?? []).map((day) => ({ day, unit: last.unit }));
}

/**
 * A tick's label: years `2017`; months `Jan 2017` in January and on the first tick, else `Mar`;
 * days and weeks `Mar 13` (with the year on the first tick and on 1 January). zh-CN: `2017年1月`, `3月`, `3月13日`.
 */
export function tickLabel(tick: Tick, first: boolean, locale: SupportedLocale): string {
  const ms = tick.day * DAY_MS;
  const { month, day } = ymdFromDay(tick.day);
  switch (tick.unit) {
    case 'year':
      return formatDate(ms, locale, 'UTC', { year: 'numeric' });
    case 'month':
      return formatDate(
        ms,
        locale,
        'UTC',
        first || month === 1 ? { year: 'numeric', month: 'short' } : { month: 'short' },
      );
    default:
      return formatDate(
        ms,
        locale,
        'UTC',
        first || (month === 1 && day === 1)
          ? { year: 'numeric', month: 'short', day: 'numeric' }
          : { month: 'short', day: 'numeric' },
      );
  }
}
