/**
 * Whether two versions of a feed give a timeline the same counts: a live feed sends a new object
 * every time anything in it changes (an indicator, a grid's figure, the time of the update), and a
 * timeline need not count again when what it counts from is the same. Pure; no DOM.
 */
import type { Feed } from '@safety-widgets/core';
import { localDay, zoneOffsets } from './zone.js';

/**
 * True when `a` and `b` give the same day counts (`buildTimelineData`), for any scope: the same
 * place and time zone, the same `asOf` day there, the same categories, series and events, the same
 * grids in the same sub-districts and the same `synthetic` flag. Anything else in the feed
 * (indicators, scores, grid shapes and figures, names of places) is not read by the counting. Never throws.
 */
export function sameTimelineInputs(a: Feed, b: Feed): boolean {
  if (a === b) return true;
  try {
    return (
      a.place.id === b.place.id &&
      a.place.timeZone === b.place.timeZone &&
      a.synthetic === b.synthetic &&
      sameAsOfDay(a.asOf, b.asOf, a.place.timeZone) &&
      sameList(a.categories, b.categories) &&
      sameList(a.series, b.series) &&
      sameList(a.events, b.events) &&
      sameGridPlaces(a.grids.features, b.grids.features)
    );
  } catch {
    // A feed that cannot be read like this is counted again.
    return false;
  }
}

/** Same text, or instants on the same local day in `timeZone` (the last day counted). */
function sameAsOfDay(a: string, b: string, timeZone: string): boolean {
  if (a === b) return true;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isFinite(ta) || !Number.isFinite(tb)) return false;
  const zone = zoneOffsets(timeZone, Math.min(ta, tb), Math.max(ta, tb));
  return localDay(ta, zone) === localDay(tb, zone);
}

/** The grids' ids and sub-districts (what narrowing by sub-district reads), in order. */
function sameGridPlaces(
  a: readonly { id: string; properties?: { subdistrict?: unknown } | null }[],
  b: readonly { id: string; properties?: { subdistrict?: unknown } | null }[],
): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.properties?.subdistrict !== y.properties?.subdistrict) return false;
  }
  return true;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
  return true;
}

/** Deep equality of JSON-like values (objects, arrays, numbers, strings, booleans, null). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // NaN equals NaN here: the same missing number.
    return typeof a === 'number' && typeof b === 'number' && a !== a && b !== b;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return sameList(a, b as unknown[]);
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    keys += 1;
    if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (Object.hasOwn(y, key)) keys -= 1;
  return keys === 0;
}
