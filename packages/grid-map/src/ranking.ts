/**
 * The ranked list of grids, the map's accessible twin: highest figure first; suppressed
 * sensitive counts share one place after the ranked grids (their order would give their values
 * away), then grids with no data. Ties share a rank (1, 2, 2, 4).
 */
import { collatorFor, type SupportedLocale } from '@safety-widgets/core';
import type { GridFigure } from './metrics.js';

export interface RankedGrid {
  /** Position of the grid in the model's grids. */
  readonly index: number;
  /** 1-based rank; undefined for suppressed and no-data grids. */
  readonly rank: number | undefined;
}

/** Above this many grids, names are compared by code point rather than by locale collation (speed). */
const COLLATE_UP_TO = 2000;

/** How many grids have a rank (suppressed and no-data grids have none). */
export function rankedCount(ranking: readonly RankedGrid[]): number {
  let n = 0;
  for (const r of ranking) if (r.rank !== undefined) n++;
  return n;
}

/** Grids in ranked order. `names` breaks ties and orders the unranked (by locale collation). */
export function rankGrids(
  figures: readonly GridFigure[],
  names: readonly string[],
  locale: SupportedLocale,
): RankedGrid[] {
  const collator = figures.length <= COLLATE_UP_TO ? collatorFor(locale) : undefined;
  const byName = collator
    ? (a: number, b: number) => collator.compare(names[a] ?? '', names[b] ?? '')
    : (a: number, b: number) => {
        const x = names[a] ?? '';
        const y = names[b] ?? '';
        return x < y ? -1 : x > y ? 1 : a - b;
      };
  const ranked: number[] = [];
  const suppressed: number[] = [];
  const missing: number[] = [];
  figures.forEach((f, i) => {
    if (f.suppressed) suppressed.push(i);
    else if (f.shown === null) missing.push(i);
    else ranked.push(i);
  });
  ranked.sort((a, b) => figures[b]!.shown! - figures[a]!.shown! || byName(a, b));
  suppressed.sort(byName);
  missing.sort(byName);
  const out: RankedGrid[] = [];
  let rank = 0;
  let previous: number | undefined;
  ranked.forEach((index, position) => {
    const value = figures[index]!.shown!;
    if (value !== previous) rank = position + 1;
    previous = value;
    out.push({ index, rank });
  });
  for (const index of suppressed) out.push({ index, rank: undefined });
  for (const index of missing) out.push({ index, rank: undefined });
  return out;
}
