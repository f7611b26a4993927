/**
 * Fast accept, slow diagnose: checks for the items a large feed has by the thousand (grid cells,
 * events, points) written as plain loops that allocate nothing but their result. An item that
 * passes is built here exactly as the valibot schema in ./schema.ts would build it (the same keys
 * in the same order, defaults filled in, unknown keys left out, geometry passed through as it is);
 * anything else, including anything unusual such as arrays or class instances where objects are
 * expected, gives `undefined`, and the validator then runs the schema, which names each problem.
 * So the schemas stay the one definition of what is valid and of every message, and these only
 * ever accept what the schema accepts (tests compare the two on valid and broken items). Limits,
 * patterns and enumerations come from ./rules.ts, which the schemas are built from; nothing here
 * imports the schemas or valibot.
 *
 * Each key is read once, in the schema's order, with `key in item` as valibot's object() does.
 */
import {
  DEFAULT_EVENT_KIND,
  EVENT_KINDS,
  ID_MAX_LENGTH,
  ID_PATTERN,
  INTERVALS,
  MAX_SERIES_PERIODS,
  NAME_MAX_LENGTH,
  NUMBER_LIMIT,
  PROVENANCES,
  RISK_LEVELS,
  ISO_DATE_REGEX,
  ISO_TIMESTAMP_REGEX,
  hasTextInALocale,
  isLatitude,
  isLongitude,
  isOnRealDay,
  isRealDate,
  isValidMultiPolygon,
  isValidPolygon,
} from './rules.js';
import type { GridFeature, Point, SafetyEvent, Series } from './types.js';

/** Marks a key the item does not have (as opposed to one set to `undefined`). */
export const ABSENT: unique symbol = Symbol('absent');
export type Read = unknown;

/** An object of the kind JSON gives (a plain object, not an array, a class instance or a Proxy of one). */
export type Plain = Record<string, unknown>;

export function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `item[key]`, or ABSENT when `key in item` is false (valibot's object() reads keys this way). */
export function read(item: Plain, key: string): Read {
  return key in item ? item[key] : ABSENT;
}

/** True when `value` is one of `options` (an enumeration of ./rules.ts). */
export function isOneOf<T>(options: readonly T[], value: unknown): value is T {
  return (options as readonly unknown[]).includes(value);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);
}

export function isFiniteInRange(value: unknown): value is number {
  return typeof value === 'number' && value >= -NUMBER_LIMIT && value <= NUMBER_LIMIT; // NaN and ±Infinity fail
}

export function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= NUMBER_LIMIT;
}

export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_TIMESTAMP_REGEX.test(value) && isOnRealDay(value);
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_REGEX.test(value) && isRealDate(value);
}

/** A name in both locales, built as LocalizedTextSchema builds it; undefined if it is not plainly valid. */
export function localizedText(value: unknown): { zh: string; en: string } | undefined {
  if (!isPlain(value)) return undefined;
  const zh = read(value, 'zh');
  if (typeof zh !== 'string' || zh.length > NAME_MAX_LENGTH) return undefined;
  const en = read(value, 'en');
  if (typeof en !== 'string' || en.length > NAME_MAX_LENGTH) return undefined;
  const text = { zh, en };
  return hasTextInALocale(text) ? text : undefined;
}

/** A nullish localized text as the schema keeps it: ABSENT, null and undefined as they are. */
export function nullishText(value: Read): Read | false {
  if (value === ABSENT || value === null || value === undefined) return value;
  return localizedText(value) ?? false;
}

/** A Polygon or MultiPolygon, built as AreaGeometrySchema builds it (coordinates passed through). */
export function areaGeometry(value: unknown): GridFeature['geometry'] | undefined {
  if (!isPlain(value)) return undefined;
  const type = read(value, 'type');
  if (type === 'Polygon') {
    const coordinates = read(value, 'coordinates');
    return isValidPolygon(coordinates) ? ({ type, coordinates } as GridFeature['geometry']) : undefined;
  }
  if (type === 'MultiPolygon') {
    const coordinates = read(value, 'coordinates');
    return isValidMultiPolygon(coordinates) ? ({ type, coordinates } as GridFeature['geometry']) : undefined;
  }
  return undefined;
}

/** Keys valibot's record() leaves out of its output without a word. */
function isSkippedKey(key: string): boolean {
  return key === '__proto__' || key === 'prototype' || key === 'constructor';
}

const hasOwn = Object.prototype.hasOwnProperty;

/** A grid's `metrics`, built as the schema's record() builds it (a new object; `{}` when left out). */
function gridMetrics(value: Read): Record<string, number | null> | undefined {
  const out: Record<string, number | null> = {};
  if (value === ABSENT || value === undefined) return out;
  if (!isPlain(value)) return undefined;
  for (const key in value) {
    if (!hasOwn.call(value, key) || isSkippedKey(key)) continue;
    if (!isId(key)) return undefined;
    const figure = value[key];
    if (figure !== null && !isFiniteInRange(figure)) return undefined;
    out[key] = figure;
  }
  return out;
}

/**
 * A grid cell as `GridFeatureSchema` would output it, or undefined when it is not plainly valid
 * (the schema then says why, or accepts an unusual but valid form).
 */
export function acceptGridFeature(item: unknown): GridFeature | undefined {
  if (!isPlain(item)) return undefined;
  if (read(item, 'type') !== 'Feature') return undefined;
  const id = read(item, 'id');
  if (!isId(id)) return undefined;
  const geometry = areaGeometry(read(item, 'geometry'));
  if (!geometry) return undefined;
  const p = read(item, 'properties');
  if (!isPlain(p)) return undefined;
  const name = localizedText(read(p, 'name'));
  if (!name) return undefined;
  const subdistrict = read(p, 'subdistrict');
  if (!isId(subdistrict)) return undefined;
  const population = read(p, 'population');
  if (population !== ABSENT && population !== null && population !== undefined && !isNonNegative(population))
    return undefined;
  const metrics = gridMetrics(read(p, 'metrics'));
  if (!metrics) return undefined;
  let synthetic = read(p, 'synthetic');
  if (synthetic === ABSENT || synthetic === undefined) synthetic = false;
  else if (typeof synthetic !== 'boolean') return undefined;
  const properties =
    population === ABSENT
      ? { name, subdistrict, metrics, synthetic }
      : { name, subdistrict, population, metrics, synthetic };
  return { type: 'Feature', id, geometry, properties } as GridFeature;
}

/** An event as `EventSchema` would output it, or undefined when it is not plainly valid. */
export function acceptEvent(item: unknown): SafetyEvent | undefined {
  if (!isPlain(item)) return undefined;
  const id = read(item, 'id');
  if (!isId(id)) return undefined;
  const time = read(item, 'time');
  if (!isDateTime(time)) return undefined;
  const category = read(item, 'category');
  if (!isId(category)) return undefined;
  let kind = read(item, 'kind');
  if (kind === ABSENT || kind === undefined) kind = DEFAULT_EVENT_KIND;
  else if (!isOneOf(EVENT_KINDS, kind)) return undefined;
  const grid = read(item, 'grid');
  if (grid !== ABSENT && grid !== null && grid !== undefined && !isId(grid)) return undefined;
  const subdistrict = read(item, 'subdistrict');
  if (subdistrict !== ABSENT && subdistrict !== null && subdistrict !== undefined && !isId(subdistrict))
    return undefined;
  const title = nullishText(read(item, 'title'));
  if (title === false) return undefined;
  const provenance = read(item, 'provenance');
  if (!isOneOf(PROVENANCES, provenance)) return undefined;
  const out: Record<string, unknown> = { id, time, category, kind };
  if (grid !== ABSENT) out.grid = grid;
  if (subdistrict !== ABSENT) out.subdistrict = subdistrict;
  if (title !== ABSENT) out.title = title;
  out.provenance = provenance;
  return out as SafetyEvent;
}

/** A point of a layer as `PointSchema` would output it, or undefined when it is not plainly valid. */
export function acceptPoint(item: unknown): Point | undefined {
  if (!isPlain(item)) return undefined;
  const id = read(item, 'id');
  if (!isId(id)) return undefined;
  const position = read(item, 'coordinates');
  // The tuple schema copies the pair (and would drop a third number: not the plain case).
  if (!Array.isArray(position) || position.length !== 2) return undefined;
  const lon: unknown = position[0];
  const lat: unknown = position[1];
  if (!(typeof lon === 'number' && isLongitude(lon))) return undefined;
  if (!(typeof lat === 'number' && isLatitude(lat))) return undefined;
  const name = nullishText(read(item, 'name'));
  if (name === false) return undefined;
  const grid = read(item, 'grid');
  if (grid !== ABSENT && grid !== null && grid !== undefined && !isId(grid)) return undefined;
  const level = read(item, 'level');
  if (level !== ABSENT && level !== null && level !== undefined && !isOneOf(RISK_LEVELS, level))
    return undefined;
  const count = read(item, 'count');
  if (
    count !== ABSENT &&
    count !== null &&
    count !== undefined &&
    !(isNonNegative(count) && Number.isInteger(count))
  )
    return undefined;
  const out: Record<string, unknown> = { id, coordinates: [lon, lat] };
  if (name !== ABSENT) out.name = name;
  if (grid !== ABSENT) out.grid = grid;
  if (level !== ABSENT) out.level = level;
  if (count !== ABSENT) out.count = count;
  return out as Point;
}

/** A series as `SeriesSchema` would output it (its counts copied), or undefined when it is not plainly valid. */
export function acceptSeries(item: unknown): Series | undefined {
  if (!isPlain(item)) return undefined;
  const category = read(item, 'category');
  if (!isId(category)) return undefined;
  const interval = read(item, 'interval');
  if (!isOneOf(INTERVALS, interval)) return undefined;
  const start = read(item, 'start');
  if (!isDate(start)) return undefined;
  const counts = read(item, 'counts');
  if (!Array.isArray(counts) || counts.length > MAX_SERIES_PERIODS) return undefined;
  const copy: (number | null)[] = new Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const n: unknown = counts[i];
    if (n !== null && !(isNonNegative(n) && Number.isInteger(n))) return undefined;
    copy[i] = n;
  }
  const subdistrict = read(item, 'subdistrict');
  if (subdistrict !== ABSENT && subdistrict !== null && subdistrict !== undefined && !isId(subdistrict))
    return undefined;
  const grid = read(item, 'grid');
  if (grid !== ABSENT && grid !== null && grid !== undefined && !isId(grid)) return undefined;
  const provenance = read(item, 'provenance');
  if (!isOneOf(PROVENANCES, provenance)) return undefined;
  const out: Record<string, unknown> = { category, interval, start, counts: copy };
  if (subdistrict !== ABSENT) out.subdistrict = subdistrict;
  if (grid !== ABSENT) out.grid = grid;
  out.provenance = provenance;
  return out as Series;
}
