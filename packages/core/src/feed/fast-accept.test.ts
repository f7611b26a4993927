/**
 * The fast accept paths against the schemas they stand in for: on valid items and on hundreds of
 * broken or unusual ones, whatever a fast path accepts the schema accepts too, with the very same
 * output (keys, key order, defaults, `undefined` kept or left out); whatever the schema rejects the
 * fast path leaves to it.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { acceptEvent, acceptGridFeature, acceptPoint, acceptSeries } from './fast-accept.js';
import { isRealDate } from './rules.js';
import { EventSchema, GridFeatureSchema, PointSchema, SeriesSchema } from './schema.js';
import { validateFeed } from './validate.js';

const CONFIG = { message: '', abortPipeEarly: true } as const;

/** Keys and values, recursively, in order: what toStrictEqual does not check (key order). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && value !== null)
    return Object.keys(value).map((k) => [k, shape((value as Record<string, unknown>)[k])]);
  return value === undefined ? '<undefined>' : value;
}

function agree(
  accept: (item: unknown) => unknown,
  schema: v.GenericSchema,
  item: unknown,
): 'fast' | 'schema' {
  const fast = accept(item);
  const slow = v.safeParse(schema, item, CONFIG);
  if (fast === undefined) return 'schema';
  expect(slow.success, `fast path accepted what the schema rejects: ${JSON.stringify(item)}`).toBe(true);
  expect(fast).toStrictEqual(slow.output);
  expect(shape(fast)).toEqual(shape(slow.output));
  return 'fast';
}

const plain = (o: object) => structuredClone(o) as Record<string, unknown>;

/** Variants of an object: each key deleted, set to each of `values`, plus extra keys. */
function variants(base: Record<string, unknown>, values: readonly unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [base, { ...base, extra: 1 }];
  for (const key of Object.keys(base)) {
    const without = { ...base };
    delete without[key];
    out.push(without);
    for (const value of values) out.push({ ...base, [key]: value });
  }
  return out;
}

const ODD_VALUES: readonly unknown[] = [
  null,
  undefined,
  '',
  ' ',
  'x',
  'has space',
  '-leading',
  'a'.repeat(128),
  'a'.repeat(129),
  'ok-id_1.2:3',
  0,
  -0,
  -1,
  1.5,
  1e15,
  1e16,
  -1e16,
  NaN,
  Infinity,
  true,
  false,
  [],
  {},
  ['a'],
  { zh: '名', en: 'Name' },
  { zh: '', en: '' },
  { zh: ' ', en: '\n' },
  { zh: 'x'.repeat(501), en: 'y' },
  { zh: 'x', en: 5 },
  Object.assign(Object.create(null) as object, { zh: '名', en: 'Name' }),
  'incident',
  'annotation',
  'published',
  'synthetic',
  'red',
  'purple',
  '2017-03-01T10:00:00+08:00',
  '2017-02-31T10:00:00+08:00',
  '2017-03-01T10:00:00',
  '2017-03-01 10:00:00Z',
  '2017-03-01',
  'Feature',
  'Polygon',
];

describe('fast accept paths agree with the schemas', () => {
  it('grid cells', () => {
    const feed = makeFeed();
    const base = plain(feed.grids!.features[0]!);
    const properties = base.properties as Record<string, unknown>;
    const geometry = base.geometry as Record<string, unknown>;
    const items: unknown[] = [...feed.grids!.features, ...variants(base, ODD_VALUES)];
    for (const p of variants(properties, ODD_VALUES)) items.push({ ...base, properties: p });
    for (const g of variants(geometry, [...ODD_VALUES, [[[0, 0]]]])) items.push({ ...base, geometry: g });
    const ring = (geometry.coordinates as number[][][])[0]!;
    const geometries: unknown[] = [
      { type: 'MultiPolygon', coordinates: [[ring], [ring]] },
      { type: 'MultiPolygon', coordinates: [ring] },
      { type: 'MultiPolygon', coordinates: [] },
      { type: 'Polygon', coordinates: [] },
      { type: 'Polygon', coordinates: [ring, ring] },
      { type: 'Polygon', coordinates: [ring.slice(0, -1)] },
      { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y, 0])] },
      { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x! + 200, y])] },
      { type: 'Polygon', coordinates: [ring], bbox: [0, 0, 1, 1] },
      { type: 'Point', coordinates: [114, 22] },
    ];
    for (const g of geometries) items.push({ ...base, geometry: g });
    const metrics: unknown[] = [
      {},
      { cases: null },
      { cases: 1, fires: 2.5, 'a.b': -3 },
      { 'bad key': 1 },
      { cases: '1' },
      { cases: NaN },
      { cases: 1e16 },
      JSON.parse('{"__proto__": 5, "cases": 1}'),
      { constructor: 1, prototype: 2, cases: 3 },
      Object.assign(Object.create(null) as object, { cases: 4 }),
      Object.assign(Object.create({ inherited: 1 }) as object, { cases: 4 }),
      [1, 2],
      new Map(),
      null,
    ];
    for (const m of metrics) items.push({ ...base, properties: { ...properties, metrics: m } });
    items.push(Object.assign(Object.create(null) as object, base));
    items.push(new Proxy(base, {}));
    items.push({
      ...base,
      properties: Object.assign(Object.create({ subdistrict: 'x' }) as object, properties),
    });

    const used = items.map((item) => agree(acceptGridFeature, GridFeatureSchema, item));
    expect(used.filter((u) => u === 'fast').length).toBeGreaterThan(20);
    expect(used.filter((u) => u === 'schema').length).toBeGreaterThan(20);
  });

  it('events', () => {
    const feed = makeFeed();
    const items: unknown[] = [...feed.events!];
    for (const event of feed.events!) items.push(...variants(plain(event), ODD_VALUES));
    items.push({ ...plain(feed.events![0]!), time: '2016-02-29T23:59:59.123456789Z' });
    items.push({ ...plain(feed.events![0]!), time: '2017-02-29T23:59:59Z' });
    items.push({ ...plain(feed.events![0]!), time: '2017-12-04T09:00:00 +0800' });
    const used = items.map((item) => agree(acceptEvent, EventSchema, item));
    expect(used.filter((u) => u === 'fast').length).toBeGreaterThan(20);
    expect(used.filter((u) => u === 'schema').length).toBeGreaterThan(20);
  });

  it('points', () => {
    const feed = makeFeed();
    const point = plain(feed.layers![0]!.points[0]!);
    const full = { ...point, name: { zh: '站', en: 'Station' }, level: 'red', count: 3 };
    const items: unknown[] = [point, ...variants(point, ODD_VALUES), ...variants(full, ODD_VALUES)];
    for (const c of [[114, 22, 5], [114], [181, 22], [114, -91], ['114', 22], [114, NaN], { 0: 1, 1: 2 }])
      items.push({ ...point, coordinates: c });
    items.push({ ...full, count: 2.5 });
    const used = items.map((item) => agree(acceptPoint, PointSchema, item));
    expect(used.filter((u) => u === 'fast').length).toBeGreaterThan(20);
    expect(used.filter((u) => u === 'schema').length).toBeGreaterThan(20);
  });

  it('series', () => {
    const feed = makeFeed();
    const series = plain(feed.series![0]!);
    const scoped = { ...series, subdistrict: 'meisha', grid: 'g01' };
    const items: unknown[] = [series, ...variants(series, ODD_VALUES), ...variants(scoped, ODD_VALUES)];
    const counts: unknown[] = [
      [],
      [null, 0, 1, 1e15],
      [1.5],
      [-1],
      [NaN],
      ['1'],
      [undefined],
      new Array(3),
      new Array(100_001).fill(0),
    ];
    for (const c of counts) items.push({ ...series, counts: c });
    for (const start of ['2016-02-29', '2017-02-29', '0099-01-01', '2017-1-01', '2017-01-01T00:00:00Z'])
      items.push({ ...series, start });
    const used = items.map((item) => agree(acceptSeries, SeriesSchema, item));
    expect(used.filter((u) => u === 'fast').length).toBeGreaterThan(20);
    expect(used.filter((u) => u === 'schema').length).toBeGreaterThan(20);
    // The counts are copied, as the schema copies them.
    const input = { ...series, counts: [1, 2, 3] };
    expect(acceptSeries(input)!.counts).not.toBe(input.counts);
  });

  it('real days: the same answers as reading the date back from Date.UTC', () => {
    const byDate = (ymd: string) => {
      const [y, m, d] = ymd.split('-').map(Number);
      const date = new Date(Date.UTC(y!, m! - 1, d!));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
    };
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (const y of [0, 4, 99, 100, 400, 1582, 1900, 1999, 2000, 2016, 2017, 2024, 2100, 2400, 9999])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const ymd = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isRealDate(ymd), ymd).toBe(byDate(ymd));
        }
  });

  it('give the same feed and the same issues through validateFeed', () => {
    const input = makeFeed();
    const features = input.grids!.features as unknown[];
    features.push({ ...plain(features[0]!), id: 'g03', properties: { name: { zh: '', en: '' } } });
    (input.events as unknown[]).push({ id: 'e3', time: '2017-02-31T00:00:00Z', category: 'fraud' });
    const result = validateFeed(input);
    expect(result.dropped).toEqual({ grids: 1, events: 1 });
    expect(result.issues.map((i) => i.message)).toEqual([
      'grids.features[2].properties.name: needs text in zh or en, got an object',
      'grids.features[2].properties.subdistrict: is required but missing',
      'events[2].time: expected a date-time on a real calendar day, got "2017-02-31T00:00:00Z"',
      'events[2].provenance: is required but missing',
    ]);
  });
});
