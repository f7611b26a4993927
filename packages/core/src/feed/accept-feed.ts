/**
 * The fast acceptance of a whole feed: a feed with nothing wrong in it (the feed a publisher
 * serves every time) is checked and copied by plain loops, without valibot, and without the
 * detailed diagnosis (./validate.ts) being loaded at all. Anything wrong or unusual anywhere (a bad
 * item, a duplicate id, a broken reference, an unknown format) gives `undefined`, and the caller
 * then runs the detailed validator, which drops what must be dropped and names every problem.
 *
 * So this never decides anything the validator would decide differently: whatever it accepts,
 * `validateFeed` accepts too, with no issue, nothing dropped and the very same output (the same
 * keys in the same order, defaults filled in, unknown keys left out). Tests compare the two on the
 * sample feeds and on hundreds of broken ones (./accept-feed.test.ts).
 */
import {
  ABSENT,
  acceptEvent,
  acceptGridFeature,
  acceptPoint,
  acceptSeries,
  areaGeometry,
  isDate,
  isDateTime,
  isFiniteInRange,
  isId,
  isNonNegative,
  isOneOf,
  isPlain,
  localizedText,
  nullishText,
  read,
  type Plain,
  type Read,
} from './fast-accept.js';
import {
  DIRECTIONS,
  FEED_FORMAT,
  FEED_VERSION,
  HTTP_URL_PREFIX,
  LAYER_KINDS,
  MAX_HISTORY_POINTS,
  MAX_WEIGHT,
  MIN_UPDATE_SECONDS,
  PERIOD_PATTERN,
  PLACE_KINDS,
  PROVENANCES,
  TIME_ZONE_PATTERN,
  seriesKey,
} from './rules.js';
import type { Feed } from './types.js';

/** Marks a value that is not plainly valid. */
const BAD: unique symbol = Symbol('bad');
type Bad = typeof BAD;

/** True for a value a `nullish` schema keeps as it is: absent, null or undefined. */
function isNullish(value: Read): boolean {
  return value === ABSENT || value === null || value === undefined;
}

/** A nullish value that passes `test` (or is nullish), else BAD. */
function nullish(value: Read, test: (value: unknown) => boolean): Read | Bad {
  return isNullish(value) || test(value) ? value : BAD;
}

/** `out[key] = value` unless the key was absent (valibot keeps a key set to `undefined`). */
function put(out: Record<string, unknown>, key: string, value: Read): void {
  if (value !== ABSENT) out[key] = value;
}

/** An optional boolean with the default `false`, or BAD. */
function flag(value: Read): boolean | Bad {
  if (value === ABSENT || value === undefined) return false;
  return typeof value === 'boolean' ? value : BAD;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !HTTP_URL_PREFIX.test(value)) return false;
  try {
    return URL.canParse ? URL.canParse(value) : (new URL(value), true);
  } catch {
    return false;
  }
}

/** A localized text that is nullish, copied as the schema copies it, or BAD. */
function optionalText(value: Read): Read | Bad {
  const text = nullishText(value);
  return text === false ? BAD : text;
}

/** A nullish area geometry, copied as the schema copies it, or BAD. */
function optionalGeometry(value: Read): Read | Bad {
  if (isNullish(value)) return value;
  return areaGeometry(value) ?? BAD;
}

function weight(value: unknown): value is number {
  return isNonNegative(value) && value <= MAX_WEIGHT;
}

function place(value: unknown): Plain | undefined {
  if (!isPlain(value)) return undefined;
  const id = read(value, 'id');
  const kind = read(value, 'kind');
  const name = localizedText(read(value, 'name'));
  const population = nullish(read(value, 'population'), isNonNegative);
  const areaKm2 = nullish(read(value, 'areaKm2'), isNonNegative);
  let parent: Read = read(value, 'parent');
  if (!isNullish(parent)) {
    if (!isPlain(parent)) return undefined;
    const parentId = read(parent, 'id');
    const parentName = localizedText(read(parent, 'name'));
    if (!isId(parentId) || !parentName) return undefined;
    parent = { id: parentId, name: parentName };
  }
  const timeZone = read(value, 'timeZone');
  const outline = optionalGeometry(read(value, 'outline'));
  if (!isId(id) || !isOneOf(PLACE_KINDS, kind) || !name || population === BAD || areaKm2 === BAD)
    return undefined;
  if (typeof timeZone !== 'string' || !TIME_ZONE_PATTERN.test(timeZone) || outline === BAD) return undefined;
  const out: Plain = { id, kind, name };
  put(out, 'population', population);
  put(out, 'areaKm2', areaKm2);
  put(out, 'parent', parent);
  out.timeZone = timeZone;
  put(out, 'outline', outline);
  return out;
}

function source(value: unknown): Plain | undefined {
  if (!isPlain(value)) return undefined;
  const name = localizedText(read(value, 'name'));
  const url = nullish(read(value, 'url'), isHttpUrl);
  const published = nullish(read(value, 'published'), isDate);
  const note = optionalText(read(value, 'note'));
  if (!name || url === BAD || published === BAD || note === BAD) return undefined;
  const out: Plain = { name };
  put(out, 'url', url);
  put(out, 'published', published);
  put(out, 'note', note);
  return out;
}

function links(value: Read): Read | Bad {
  if (isNullish(value)) return value;
  if (!isPlain(value)) return BAD;
  const self = nullish(read(value, 'self'), isHttpUrl);
  const stream = nullish(read(value, 'stream'), isHttpUrl);
  const schema = nullish(read(value, 'schema'), isHttpUrl);
  if (self === BAD || stream === BAD || schema === BAD) return BAD;
  const out: Plain = {};
  put(out, 'self', self);
  put(out, 'stream', stream);
  put(out, 'schema', schema);
  return out;
}

function area(item: unknown): Plain | undefined {
  if (!isPlain(item)) return undefined;
  const id = read(item, 'id');
  const name = localizedText(read(item, 'name'));
  const w = read(item, 'weight');
  return isId(id) && name && weight(w) ? { id, name, weight: w } : undefined;
}

function rule(value: unknown): Plain | undefined {
  if (!isPlain(value)) return undefined;
  const type = read(value, 'type');
  if (type === 'threshold') return { type };
  if (type === 'linear') {
    const floor = read(value, 'floor');
    return isFiniteInRange(floor) ? { type, floor } : undefined;
  }
  if (type !== 'bands') return undefined;
  const bands = read(value, 'bands');
  if (!Array.isArray(bands) || bands.length === 0) return undefined;
  const copy: Plain[] = [];
  for (const band of bands) {
    if (!isPlain(band)) return undefined;
    const bound = read(band, 'bound');
    const attainment = read(band, 'attainment');
    if (!isFiniteInRange(bound) || !(isFiniteInRange(attainment) && attainment >= 0 && attainment <= 1))
      return undefined;
    copy.push({ bound, attainment });
  }
  return { type, bands: copy };
}

function history(value: Read): Plain[] | undefined {
  if (value === ABSENT || value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_HISTORY_POINTS) return undefined;
  const copy: Plain[] = [];
  for (const point of value) {
    if (!isPlain(point)) return undefined;
    const period = read(point, 'period');
    const figure = read(point, 'value');
    if (typeof period !== 'string' || !PERIOD_PATTERN.test(period)) return undefined;
    if (figure !== null && !isFiniteInRange(figure)) return undefined;
    copy.push({ period, value: figure });
  }
  return copy;
}

function isFigure(value: Read): boolean {
  return value === null || isFiniteInRange(value);
}

function indicator(item: unknown): Plain | undefined {
  if (!isPlain(item)) return undefined;
  const id = read(item, 'id');
  const areaId = read(item, 'area');
  const name = localizedText(read(item, 'name'));
  const unit = optionalText(read(item, 'unit'));
  const value = read(item, 'value');
  const target = read(item, 'target');
  const cityAverage = nullish(read(item, 'cityAverage'), isFiniteInRange);
  const direction = read(item, 'direction');
  const w = read(item, 'weight');
  const scoring = rule(read(item, 'rule'));
  const previous = nullish(read(item, 'previous'), isFiniteInRange);
  const points = history(read(item, 'history'));
  const updatedAt = nullish(read(item, 'updatedAt'), isDateTime);
  const provenance = read(item, 'provenance');
  const note = optionalText(read(item, 'note'));
  if (!isId(id) || !isId(areaId) || !name || unit === BAD || !isFigure(value) || !isFigure(target))
    return undefined;
  if (cityAverage === BAD || !isOneOf(DIRECTIONS, direction) || !weight(w) || !scoring) return undefined;
  if (previous === BAD || !points || updatedAt === BAD || !isOneOf(PROVENANCES, provenance) || note === BAD)
    return undefined;
  const out: Plain = { id, area: areaId, name };
  put(out, 'unit', unit);
  out.value = value;
  out.target = target;
  put(out, 'cityAverage', cityAverage);
  out.direction = direction;
  out.weight = w;
  out.rule = scoring;
  put(out, 'previous', previous);
  out.history = points;
  put(out, 'updatedAt', updatedAt);
  out.provenance = provenance;
  put(out, 'note', note);
  return out;
}

function subdistrict(item: unknown): Plain | undefined {
  if (!isPlain(item)) return undefined;
  const id = read(item, 'id');
  const name = localizedText(read(item, 'name'));
  const population = nullish(read(item, 'population'), isNonNegative);
  const geometry = optionalGeometry(read(item, 'geometry'));
  if (!isId(id) || !name || population === BAD || geometry === BAD) return undefined;
  const out: Plain = { id, name };
  put(out, 'population', population);
  put(out, 'geometry', geometry);
  return out;
}

function neighbour(item: unknown): Plain | undefined {
  if (!isPlain(item)) return undefined;
  const id = read(item, 'id');
  const name = localizedText(read(item, 'name'));
  const geometry = areaGeometry(read(item, 'geometry'));
  return isId(id) && name && geometry ? { id, name, geometry } : undefined;
}

function category(item: unknown): Plain | undefined {
  if (!isPlain(item)) return undefined;
  const id = read(item, 'id');
  const name = localizedText(read(item, 'name'));
  const sensitive = flag(read(item, 'sensitive'));
  return isId(id) && name && sensitive !== BAD ? { id, name, sensitive } : undefined;
}

/** A layer with its points as the validator gives it; `grids` checks each point's grid. */
function layer(item: unknown, gridKnown: (id: Read) => boolean): Plain | undefined {
  if (!isPlain(item)) return undefined;
  const id = read(item, 'id');
  const kind = read(item, 'kind');
  const name = localizedText(read(item, 'name'));
  const sensitive = read(item, 'sensitive');
  const provenance = read(item, 'provenance');
  const points = read(item, 'points');
  if (!isId(id) || !isOneOf(LAYER_KINDS, kind) || !name || typeof sensitive !== 'boolean') return undefined;
  if (!isOneOf(PROVENANCES, provenance) || !Array.isArray(points)) return undefined;
  const kept = every(points, acceptPoint, (point) => gridKnown(point.grid));
  return kept && { id, kind, name, sensitive, provenance, points: kept };
}

/**
 * Every item of `list` accepted by `accept`, unique by `id` (or `key`), passing `check`; undefined
 * as soon as one is not.
 */
function every<T extends object>(
  list: readonly unknown[],
  accept: (item: unknown) => T | undefined,
  check?: (item: T) => boolean,
  key: (item: T) => unknown = (item) => (item as { id?: unknown }).id,
): T[] | undefined {
  const out: T[] = new Array<T>(list.length);
  const seen = new Set<unknown>();
  for (let i = 0; i < list.length; i++) {
    const item = accept(list[i]);
    if (item === undefined || (check && !check(item))) return undefined;
    const k = key(item);
    if (seen.has(k)) return undefined;
    seen.add(k);
    out[i] = item;
  }
  return out;
}

/** An optional collection: absent or undefined is `[]`; anything but an array is undefined. */
function collection(value: Read): readonly unknown[] | undefined {
  if (value === ABSENT || value === undefined) return [];
  return Array.isArray(value) ? value : undefined;
}

/** A reference check: absent, or the target collection was not given, or the id is known. */
function refersTo(ids: Set<unknown> | undefined): (id: Read) => boolean {
  return (id) => id === null || id === undefined || ids === undefined || ids.has(id);
}

/** The ids of kept items, or undefined when the feed did not give the collection (references unchecked). */
function idsOf(given: readonly unknown[], kept: readonly { id?: unknown }[]): Set<unknown> | undefined {
  return given.length > 0 ? new Set(kept.map((item) => item.id)) : undefined;
}

/**
 * The feed `validateFeed` would give for `input` when it would find nothing wrong with it, or
 * undefined when anything is wrong or unusual (then run `validateFeed` for the result and its
 * messages). Never throws (a value that throws when read gives undefined).
 */
export function acceptFeed(input: unknown): Feed | undefined {
  try {
    return acceptFeedOrFail(input);
  } catch {
    return undefined;
  }
}

function acceptFeedOrFail(input: unknown): Feed | undefined {
  if (!isPlain(input)) return undefined;
  if (read(input, 'format') !== FEED_FORMAT || read(input, 'version') !== FEED_VERSION) return undefined;
  const id = read(input, 'id');
  const where = place(read(input, 'place'));
  const asOf = read(input, 'asOf');
  const expected = read(input, 'expectedUpdateSeconds');
  const from = source(read(input, 'source'));
  const synthetic = flag(read(input, 'synthetic'));
  if (
    !isId(id) ||
    !where ||
    !isDateTime(asOf) ||
    !(isNonNegative(expected) && expected >= MIN_UPDATE_SECONDS)
  )
    return undefined;
  if (!from || synthetic === BAD) return undefined;

  const areaList = read(input, 'areas');
  const indicatorList = read(input, 'indicators');
  if (!Array.isArray(areaList) || areaList.length === 0 || !Array.isArray(indicatorList)) return undefined;
  const subdistrictList = collection(read(input, 'subdistricts'));
  const neighbourList = collection(read(input, 'neighbours'));
  const grids: Read = read(input, 'grids');
  let gridList: readonly unknown[] = [];
  if (grids !== ABSENT && grids !== undefined) {
    if (!isPlain(grids) || read(grids, 'type') !== 'FeatureCollection') return undefined;
    const features = read(grids, 'features');
    if (!Array.isArray(features)) return undefined;
    gridList = features;
  }
  const layerList = collection(read(input, 'layers'));
  const categoryList = collection(read(input, 'categories'));
  const seriesList = collection(read(input, 'series'));
  const eventList = collection(read(input, 'events'));
  const link = links(read(input, 'links'));
  if (!subdistrictList || !neighbourList || !layerList || !categoryList || !seriesList || !eventList)
    return undefined;
  if (link === BAD) return undefined;

  const areas = every(areaList, area);
  if (!areas) return undefined;
  const areaIds = new Set(areas.map((a) => a.id));
  const indicators = every(indicatorList, indicator, (item) => areaIds.has(item.area));
  const subdistricts = every(subdistrictList, subdistrict);
  if (!indicators || !subdistricts) return undefined;
  const inSubdistrict = refersTo(idsOf(subdistrictList, subdistricts));
  const neighbours = every(neighbourList, neighbour);
  const features = every(gridList, acceptGridFeature, (cell) => inSubdistrict(cell.properties.subdistrict));
  if (!neighbours || !features) return undefined;
  const inGrid = refersTo(idsOf(gridList, features));
  const categories = every(categoryList, category);
  if (!categories) return undefined;
  const inCategory = refersTo(idsOf(categoryList, categories));
  const layers = every(layerList, (item) => layer(item, inGrid));
  const series = every(
    seriesList,
    acceptSeries,
    (s) => inCategory(s.category) && inSubdistrict(s.subdistrict) && inGrid(s.grid),
    seriesKey,
  );
  const events = every(
    eventList,
    acceptEvent,
    (e) => inCategory(e.category) && inSubdistrict(e.subdistrict) && inGrid(e.grid),
  );
  if (!layers || !series || !events) return undefined;

  const feed: Plain = {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    id,
    place: where,
    asOf,
    expectedUpdateSeconds: expected,
    source: from,
    synthetic,
    areas,
    indicators,
    subdistricts,
    neighbours,
    grids: { type: 'FeatureCollection', features },
    layers,
    categories,
    series,
    events,
  };
  put(feed, 'links', link);
  return feed as unknown as Feed;
}
