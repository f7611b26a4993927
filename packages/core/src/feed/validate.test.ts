import { describe, expect, it } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { arrayAt, deleteAt, getAt, setAt } from '../../test/fixtures/edit.js';
import { MAX_LISTED_ISSUES } from './issues.js';
import type { ValidationIssue, ValidationResult } from './types.js';
import { validateFeed } from './validate.js';

/** A fresh valid feed with one value changed. */
const feedWith = (path: string, value: unknown) => setAt(makeFeed(), path, value);
const feedWithout = (path: string) => deleteAt(makeFeed(), path);

const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((item) => item.id);

/** The result must be ok, with exactly these issues (all warnings). */
function expectWarnings(result: ValidationResult, ...messages: string[]): void {
  expect(result.issues.map((i) => i.message)).toEqual(messages);
  expect(result.issues.every((i) => i.severity === 'warning')).toBe(true);
  for (const issue of result.issues) expect(issue.message.startsWith(`${issue.path}: `)).toBe(true);
  expect(result.ok).toBe(true);
}

/** The result must be fatal, with exactly these issues. */
function expectFatal(result: ValidationResult, ...issues: Pick<ValidationIssue, 'path' | 'message'>[]): void {
  expect(result.ok).toBe(false);
  expect(result.feed).toBeUndefined();
  expect(result.issues).toEqual(issues.map((i) => ({ severity: 'fatal', ...i })));
}

describe('validateFeed: a valid feed', () => {
  it('accepts makeFeed() with no issues and nothing dropped', () => {
    const input = makeFeed();
    const result = validateFeed(input);
    expect(result).toMatchObject({ ok: true, issues: [], dropped: {} });
    expect(result.feed).toEqual({
      ...input,
      // Defaults filled in by the schema:
      indicators: arrayAt(input, 'indicators').map((indicator) => ({
        history: [],
        ...(indicator as object),
      })),
      neighbours: [],
      categories: [{ ...(getAt(input, 'categories[0]') as object), sensitive: false }],
      events: arrayAt(input, 'events').map((event) => ({ kind: 'incident', ...(event as object) })),
    });
  });

  it('returns a fresh copy: the input is not modified and not shared', () => {
    const input = makeFeed();
    const before = structuredClone(input);
    const result = validateFeed(input);
    expect(input).toEqual(before);
    expect(result.feed?.areas[0]).not.toBe(getAt(input, 'areas[0]'));
    expect(result.feed?.place.name).not.toBe(getAt(input, 'place.name'));
  });

  it('drops unknown keys instead of carrying them', () => {
    const result = validateFeed(setAt(feedWith('extra', { anything: 1 }), 'indicators[0].secret', 'x'));
    expect(result.ok).toBe(true);
    expect(result.feed).not.toHaveProperty('extra');
    expect(result.feed?.indicators[0]).not.toHaveProperty('secret');
  });

  it('accepts a feed with only the required collections', () => {
    const input = makeFeed();
    for (const key of ['subdistricts', 'grids', 'layers', 'categories', 'series', 'events', 'links'])
      delete input[key];
    const result = validateFeed(input);
    expectWarnings(result);
    expect(result.feed?.grids).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('validateFeed: fatal problems at the top level', () => {
  it.each([
    ['a number', 42, '$: expected a feed object, got 42'],
    ['an array', [1, 2, 3], '$: expected a feed object, got an array of 3 items'],
    [
      'a string',
      '{"format":"safety-feed"}',
      '$: expected a feed object, got "{\\"format\\":\\"safety-feed\\"}" (for JSON text use parseFeedText)',
    ],
    ['null', null, '$: expected a feed object, got null'],
    ['undefined', undefined, '$: expected a feed object, got undefined'],
  ])('rejects %s', (_what, input, message) => {
    expectFatal(validateFeed(input), { path: '$', message });
  });

  it('rejects a wrong format', () => {
    expectFatal(validateFeed(feedWith('format', 'geojson')), {
      path: 'format',
      message: 'format: expected "safety-feed" (this is not a Safety Widgets feed), got "geojson"',
    });
  });

  it('rejects a missing format', () => {
    expectFatal(validateFeed(feedWithout('format')), {
      path: 'format',
      message: 'format: is required but missing (expected "safety-feed")',
    });
  });

  it('rejects version 2, saying which version it reads', () => {
    expectFatal(validateFeed(feedWith('version', 2)), {
      path: 'version',
      message: 'version: this library reads format version 1, the feed says 2',
    });
  });

  it('rejects version "1" (a string)', () => {
    expectFatal(validateFeed(feedWith('version', '1')), {
      path: 'version',
      message: 'version: this library reads format version 1, the feed says "1" (a string: write the number)',
    });
  });

  it('rejects a missing version', () => {
    expectFatal(validateFeed(feedWithout('version')), {
      path: 'version',
      message: 'version: is required but missing (this library reads format version 1)',
    });
  });

  it.each(['id', 'place', 'asOf', 'areas', 'indicators', 'source', 'expectedUpdateSeconds'])(
    'rejects a feed without %s',
    (key) => {
      expectFatal(validateFeed(feedWithout(key)), { path: key, message: `${key}: is required but missing` });
    },
  );

  it.each([
    [
      'a word',
      'yesterday',
      'asOf: expected an ISO 8601 date-time with a time zone, e.g. 2017-12-04T09:00:00+08:00, got "yesterday"',
    ],
    [
      'no time zone',
      '2017-12-04T09:00:00',
      'asOf: expected an ISO 8601 date-time with a time zone, e.g. 2017-12-04T09:00:00+08:00, got "2017-12-04T09:00:00"',
    ],
    [
      'month 13',
      '2017-13-04T09:00:00Z',
      'asOf: expected an ISO 8601 date-time with a time zone, e.g. 2017-12-04T09:00:00+08:00, got "2017-13-04T09:00:00Z"',
    ],
    ['a number', 1512349200000, 'asOf: expected an ISO 8601 date-time, got 1512349200000'],
  ])('rejects a bad asOf (%s)', (_what, asOf, message) => {
    expectFatal(validateFeed(feedWith('asOf', asOf)), { path: 'asOf', message });
  });

  it('rejects a bad id', () => {
    expectFatal(validateFeed(feedWith('id', 'has space')), {
      path: 'id',
      message: 'id: an id may only use letters, digits, ".", "_", ":" and "-", got "has space"',
    });
  });

  it('rejects a negative place population', () => {
    expectFatal(validateFeed(feedWith('place.population', -5)), {
      path: 'place.population',
      message: 'place.population: expected a number of 0 or more, got -5',
    });
  });

  it('rejects an empty areas list', () => {
    expectFatal(validateFeed(feedWith('areas', [])), {
      path: 'areas',
      message: 'areas: expected at least one area, got an empty array',
    });
  });

  it('rejects grids given as a bare array of features (not a FeatureCollection)', () => {
    const input = makeFeed();
    setAt(input, 'grids', getAt(input, 'grids.features'));
    expectFatal(validateFeed(input), {
      path: 'grids',
      message: 'grids: expected an object, got an array of 2 items',
    });
  });

  it('rejects indicators that are not an array', () => {
    expectFatal(validateFeed(feedWith('indicators', { a: 1 })), {
      path: 'indicators',
      message: 'indicators: expected an array of indicators, got an object',
    });
  });

  it('lists every top-level problem, not just the first', () => {
    const input = feedWith('asOf', 'now');
    setAt(input, 'place.kind', 'country');
    deleteAt(input, 'place.name.en');
    const result = validateFeed(input);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.severity, i.path])).toEqual([
      ['fatal', 'place.kind'],
      ['fatal', 'place.name.en'],
      ['fatal', 'asOf'],
    ]);
    expect(result.issues[1]?.message).toBe('place.name.en: is required but missing');
  });
});

describe('validateFeed: bad numbers drop the item', () => {
  it.each([
    ['NaN', Number.NaN, 'expected a number, got NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'expected a finite number, got Infinity'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'expected a finite number, got -Infinity'],
    ['1e300', 1e300, 'number is too large (above 1e15), got 1e+300'],
    ['"98%"', '98%', 'expected a number, got "98%"'],
  ])('drops an indicator whose value is %s, keeping the rest', (_what, value, reason) => {
    const result = validateFeed(feedWith('indicators[1].value', value));
    expectWarnings(result, `indicators[1].value: ${reason}`);
    expect(result.issues[0]?.path).toBe('indicators[1].value');
    expect(ids(result.feed?.indicators)).toEqual(['fraud-alerts', 'fires', 'micro-fire-stations']);
    expect(result.dropped).toEqual({ indicators: 1 });
    expect(ids(result.feed?.areas)).toEqual(['public-order', 'fire']);
  });

  it('drops a subdistrict with a negative population', () => {
    const result = validateFeed(feedWith('subdistricts[1].population', -1));
    // Grid g02 is in the dropped subdistrict, so it goes too, and so do what refer to it.
    expect(result.issues[0]).toEqual({
      severity: 'warning',
      path: 'subdistricts[1].population',
      message: 'subdistricts[1].population: expected a number of 0 or more, got -1',
    });
    expect(result.issues[1]?.message).toBe(
      'grids.features[1].properties.subdistrict: unknown subdistrict "meisha" (no valid item in subdistricts has this id); dropped',
    );
    expect(ids(result.feed?.subdistricts)).toEqual(['shatoujiao']);
    expect(result.dropped).toEqual({ subdistricts: 1, grids: 1 });
  });

  it('drops a grid with a negative population', () => {
    const result = validateFeed(feedWith('grids.features[1].properties.population', -10));
    expectWarnings(
      result,
      'grids.features[1].properties.population: expected a number of 0 or more, got -10',
    );
    expect(ids(result.feed?.grids.features)).toEqual(['g01']);
  });

  it('drops an indicator with weight 500', () => {
    const result = validateFeed(feedWith('indicators[0].weight', 500));
    expectWarnings(result, 'indicators[0].weight: an indicator weight may be at most 100, got 500');
    expect(result.dropped).toEqual({ indicators: 1 });
  });

  it('drops an area with weight 500 (and its indicators with it)', () => {
    const result = validateFeed(feedWith('areas[1].weight', 500));
    expectWarnings(
      result,
      'areas[1].weight: an area weight may be at most 100, got 500',
      'indicators[2].area: unknown area "fire" (no valid item in areas has this id); dropped',
      'indicators[3].area: unknown area "fire" (no valid item in areas has this id); dropped',
    );
    expect(result.dropped).toEqual({ areas: 1, indicators: 2 });
    expect(ids(result.feed?.indicators)).toEqual(['fraud-alerts', 'video-solved-share']);
  });

  it('reports every problem of a dropped item, and counts the item once', () => {
    const input = feedWith('indicators[0].value', '98%');
    setAt(input, 'indicators[0].direction', 'up');
    deleteAt(input, 'indicators[0].provenance');
    const result = validateFeed(input);
    expectWarnings(
      result,
      'indicators[0].value: expected a number, got "98%"',
      'indicators[0].direction: expected "higher" or "lower" (which way is better), got "up"',
      'indicators[0].provenance: is required but missing',
    );
    expect(result.dropped).toEqual({ indicators: 1 });
  });
});

describe('validateFeed: indicators', () => {
  it('drops an indicator with an unknown direction', () => {
    const result = validateFeed(feedWith('indicators[2].direction', 'sideways'));
    expectWarnings(
      result,
      'indicators[2].direction: expected "higher" or "lower" (which way is better), got "sideways"',
    );
    expect(ids(result.feed?.indicators)).toEqual([
      'fraud-alerts',
      'video-solved-share',
      'micro-fire-stations',
    ]);
  });

  it('drops an indicator with an unknown scoring rule', () => {
    const result = validateFeed(feedWith('indicators[0].rule', { type: 'exponential', base: 2 }));
    expectWarnings(
      result,
      'indicators[0].rule.type: expected a scoring rule: {type:"linear",floor}, {type:"threshold"} or {type:"bands",bands}, got "exponential"',
    );
  });

  it('drops an indicator whose rule has no type', () => {
    const result = validateFeed(feedWith('indicators[0].rule', { floor: 3 }));
    expect(result.issues[0]?.message).toBe(
      'indicators[0].rule.type: is required but missing (expected a scoring rule: {type:"linear",floor}, {type:"threshold"} or {type:"bands",bands})',
    );
  });

  it('drops a linear rule without its floor', () => {
    const result = validateFeed(feedWith('indicators[0].rule', { type: 'linear' }));
    expectWarnings(result, 'indicators[0].rule.floor: is required but missing');
  });

  it('drops an indicator with empty bands', () => {
    const result = validateFeed(feedWith('indicators[2].rule.bands', []));
    expectWarnings(result, 'indicators[2].rule.bands: bands needs at least one band, got an empty array');
    expect(result.dropped).toEqual({ indicators: 1 });
  });

  it('drops an indicator with a band attainment above 1', () => {
    const result = validateFeed(feedWith('indicators[2].rule.bands[1].attainment', 1.5));
    expectWarnings(result, 'indicators[2].rule.bands[1].attainment: attainment above 1, got 1.5');
  });

  it('keeps the first of duplicate indicator ids and drops the later ones', () => {
    const input = makeFeed();
    const indicators = arrayAt(input, 'indicators');
    indicators.push(structuredClone(indicators[2]), structuredClone(indicators[2]));
    const result = validateFeed(input);
    expectWarnings(
      result,
      'indicators[4].id: duplicate id "fires" (first at indicators[2]); dropped',
      'indicators[5].id: duplicate id "fires" (first at indicators[2]); dropped',
    );
    expect(ids(result.feed?.indicators)).toEqual([
      'fraud-alerts',
      'video-solved-share',
      'fires',
      'micro-fire-stations',
    ]);
    expect(result.dropped).toEqual({ indicators: 2 });
  });

  it('keeps a later duplicate when the first one was invalid', () => {
    const input = feedWith('indicators[2].value', 'n/a');
    arrayAt(input, 'indicators').push(structuredClone(getAt(makeFeed(), 'indicators[2]')));
    const result = validateFeed(input);
    expectWarnings(result, 'indicators[2].value: expected a number, got "n/a"');
    expect(ids(result.feed?.indicators)).toEqual([
      'fraud-alerts',
      'video-solved-share',
      'micro-fire-stations',
      'fires',
    ]);
  });

  it('drops an indicator pointing to an unknown area', () => {
    const result = validateFeed(feedWith('indicators[1].area', 'traffic'));
    expectWarnings(
      result,
      'indicators[1].area: unknown area "traffic" (no valid item in areas has this id); dropped',
    );
    expect(result.dropped).toEqual({ indicators: 1 });
  });

  it('drops an indicator with a bad history period', () => {
    const result = validateFeed(feedWith('indicators[0].history[1].period', 'last year'));
    expectWarnings(
      result,
      'indicators[0].history[1].period: expected a period such as 2017, 2017-H1, 2017-Q3, 2017-06 or 2017-06-30, got "last year"',
    );
  });

  it('drops a name with text in neither language', () => {
    const result = validateFeed(feedWith('indicators[3].name', { zh: ' ', en: '' }));
    expectWarnings(result, 'indicators[3].name: needs text in zh or en, got an object');
  });

  it('does not coerce: a numeric string weight is reported, not converted', () => {
    const result = validateFeed(feedWith('indicators[3].weight', '20'));
    expectWarnings(result, 'indicators[3].weight: expected a number, got "20"');
  });

  it('keeps the feed ok when every indicator is bad, with all of them counted', () => {
    const input = makeFeed();
    for (const indicator of arrayAt(input, 'indicators')) setAt(indicator, 'value', 'lots');
    arrayAt(input, 'indicators').push(null, 'x', 7);
    const result = validateFeed(input);
    expect(result.ok).toBe(true);
    expect(result.feed?.indicators).toEqual([]);
    expect(result.dropped).toEqual({ indicators: 7 });
    expect(result.issues.map((i) => i.message)).toEqual([
      'indicators[0].value: expected a number, got "lots"',
      'indicators[1].value: expected a number, got "lots"',
      'indicators[2].value: expected a number, got "lots"',
      'indicators[3].value: expected a number, got "lots"',
      'indicators[4]: expected an object, got null',
      'indicators[5]: expected an object, got "x"',
      'indicators[6]: expected an object, got 7',
    ]);
    expect(ids(result.feed?.areas)).toEqual(['public-order', 'fire']);
  });

  it('accepts zero indicators', () => {
    const result = validateFeed(feedWith('indicators', []));
    expectWarnings(result);
    expect(result.feed?.indicators).toEqual([]);
  });
});

describe('validateFeed: areas', () => {
  it('is fatal when no area survives', () => {
    const input = feedWith('areas[0].weight', 500);
    setAt(input, 'areas[1].name', 'Fire');
    const result = validateFeed(input);
    expect(result.ok).toBe(false);
    expect(result.feed).toBeUndefined();
    expect(result.issues[0]).toEqual({
      severity: 'fatal',
      path: 'areas',
      message: 'areas: none of the 2 areas are valid (see the warnings), and a feed needs at least one',
    });
    expect(result.issues.slice(1).map((i) => [i.severity, i.path])).toEqual([
      ['warning', 'areas[0].weight'],
      ['warning', 'areas[1].name'],
      ['warning', 'indicators[0].area'],
      ['warning', 'indicators[1].area'],
      ['warning', 'indicators[2].area'],
      ['warning', 'indicators[3].area'],
    ]);
    expect(result.issues[2]?.message).toBe('areas[1].name: expected an object, got "Fire"');
    expect(result.dropped).toEqual({ areas: 2, indicators: 4 });
  });

  it('drops a duplicate area id', () => {
    const input = makeFeed();
    arrayAt(input, 'areas').push({ id: 'fire', name: { zh: '', en: 'Fire again' }, weight: 1 });
    const result = validateFeed(input);
    expectWarnings(result, 'areas[2].id: duplicate id "fire" (first at areas[1]); dropped');
    expect(result.feed?.areas[1]?.name.en).toBe('Fire safety');
  });
});

describe('validateFeed: grids and geometry', () => {
  it('drops a duplicate grid id', () => {
    const input = makeFeed();
    arrayAt(input, 'grids.features').push(structuredClone(getAt(input, 'grids.features[0]')));
    const result = validateFeed(input);
    expectWarnings(result, 'grids.features[2].id: duplicate id "g01" (first at grids.features[0]); dropped');
    expect(ids(result.feed?.grids.features)).toEqual(['g01', 'g02']);
    expect(result.dropped).toEqual({ grids: 1 });
  });

  it('drops a grid with an unclosed ring', () => {
    const result = validateFeed(feedWith('grids.features[1].geometry.coordinates[0][4]', [114.3, 22.6]));
    expectWarnings(
      result,
      'grids.features[1].geometry.coordinates[0]: a ring must be closed: its last position must equal its first, got an array of 5 items',
    );
    expect(ids(result.feed?.grids.features)).toEqual(['g01']);
  });

  it('drops a grid with a short ring', () => {
    const result = validateFeed(
      feedWith('grids.features[1].geometry.coordinates[0]', [
        [114.2, 22.5],
        [114.3, 22.5],
        [114.2, 22.5],
      ]),
    );
    expectWarnings(
      result,
      'grids.features[1].geometry.coordinates[0]: a ring needs at least 4 positions, got an array of 3 items',
    );
  });

  it('drops a grid with empty coordinates', () => {
    const result = validateFeed(feedWith('grids.features[1].geometry.coordinates', []));
    expectWarnings(
      result,
      'grids.features[1].geometry.coordinates: a polygon needs an outer ring, got an empty array',
    );
  });

  it('drops a grid with longitude 200', () => {
    const result = validateFeed(feedWith('grids.features[1].geometry.coordinates[0][2][0]', 200));
    expectWarnings(result, 'grids.features[1].geometry.coordinates[0][2][0]: longitude above 180, got 200');
  });

  it('drops a grid with latitude 95', () => {
    const result = validateFeed(feedWith('grids.features[0].geometry.coordinates[0][1][1]', 95));
    // The point on g01 goes with it (the event on g01 too).
    expect(result.issues[0]?.message).toBe(
      'grids.features[0].geometry.coordinates[0][1][1]: latitude above 90, got 95',
    );
    expect(result.dropped).toEqual({ grids: 1, points: 1, events: 1 });
    expect(result.ok).toBe(true);
  });

  it('passes valid coordinates through as they are (no copy), and still diagnoses bad ones in MultiPolygons', () => {
    const input = makeFeed();
    const coordinates = getAt(input, 'grids.features[0].geometry.coordinates');
    const result = validateFeed(input);
    expect(result.feed?.grids.features[0]?.geometry?.coordinates).toBe(coordinates);

    const ring = structuredClone(getAt(input, 'grids.features[1].geometry.coordinates[0]')) as number[][];
    const bad = structuredClone(ring);
    bad[2] = [bad[2]![0]!, 95];
    const multi = { type: 'MultiPolygon', coordinates: [[ring], [bad]] };
    expectWarnings(
      validateFeed(feedWith('grids.features[1].geometry', multi)),
      'grids.features[1].geometry.coordinates[1][0][2][1]: latitude above 90, got 95',
    );
    // A position with an altitude is valid; the output keeps [longitude, latitude] only.
    const withAltitude = ring.map(([x, y]) => [x, y, 12]);
    const kept = validateFeed(feedWith('grids.features[1].geometry.coordinates', [withAltitude]));
    expect(kept.issues).toEqual([]);
    expect(kept.feed?.grids.features[1]?.geometry?.coordinates[0]?.[0]).toEqual(ring[0]);
  });

  it('drops a grid whose geometry is not a Polygon or MultiPolygon', () => {
    const result = validateFeed(
      feedWith('grids.features[1].geometry', { type: 'Point', coordinates: [114.2, 22.5] }),
    );
    expectWarnings(
      result,
      'grids.features[1].geometry.type: expected a GeoJSON Polygon or MultiPolygon, got "Point"',
    );
  });

  it('drops a grid whose subdistrict is unknown', () => {
    const result = validateFeed(feedWith('grids.features[1].properties.subdistrict', 'nanshan'));
    expectWarnings(
      result,
      'grids.features[1].properties.subdistrict: unknown subdistrict "nanshan" (no valid item in subdistricts has this id); dropped',
    );
  });

  it('does not check grid subdistricts when the feed has no subdistricts', () => {
    const result = validateFeed(feedWithout('subdistricts'));
    expectWarnings(result);
    expect(ids(result.feed?.grids.features)).toEqual(['g01', 'g02']);
  });

  it('drops a grid metric with an invalid key', () => {
    const result = validateFeed(feedWith('grids.features[0].properties.metrics', { 'bad key': 1 }));
    expect(result.issues[0]?.message).toBe(
      'grids.features[0].properties.metrics["bad key"]: invalid key: an id may only use letters, digits, ".", "_", ":" and "-", got "bad key"',
    );
  });

  it('drops a neighbour without geometry, and a bad place outline is fatal', () => {
    const result = validateFeed(
      feedWith('neighbours', [{ id: 'futian', name: { zh: '福田', en: 'Futian' } }]),
    );
    expectWarnings(result, 'neighbours[0].geometry: is required but missing');
    expect(result.dropped).toEqual({ neighbours: 1 });
    expectFatal(validateFeed(feedWith('place.outline.coordinates[0][0][0]', -181)), {
      path: 'place.outline.coordinates[0][0][0]',
      message: 'place.outline.coordinates[0][0][0]: longitude below -180, got -181',
    });
  });
});

describe('validateFeed: layers and points', () => {
  it('drops a point outside the lon/lat range, keeping the layer', () => {
    const input = makeFeed();
    arrayAt(input, 'layers[0].points').push(
      { id: 'fs2', coordinates: [114.2, -91] },
      { id: 'fs3', coordinates: [114.2, 22.5] },
    );
    const result = validateFeed(input);
    expectWarnings(result, 'layers[0].points[1].coordinates[1]: latitude below -90, got -91');
    expect(ids(result.feed?.layers[0]?.points)).toEqual(['fs1', 'fs3']);
    expect(result.dropped).toEqual({ points: 1 });
  });

  it('drops a point with risk level "purple"', () => {
    const result = validateFeed(feedWith('layers[0].points[0].level', 'purple'));
    expectWarnings(
      result,
      'layers[0].points[0].level: expected a risk level: "red" (major), "orange" (large), "yellow" (general) or "blue" (low), got "purple"',
    );
    expect(result.feed?.layers[0]?.points).toEqual([]);
  });

  it('drops a point on an unknown grid', () => {
    const result = validateFeed(feedWith('layers[0].points[0].grid', 'g99'));
    expectWarnings(
      result,
      'layers[0].points[0].grid: unknown grid "g99" (no valid item in grids.features has this id); dropped',
    );
  });

  it('drops a layer of an unknown kind with its points (not counted as points)', () => {
    const result = validateFeed(feedWith('layers[0].kind', 'police-box'));
    expect(result.issues[0]?.message).toMatch(
      /^layers\[0\]\.kind: expected a layer kind: .*, got "police-box"$/,
    );
    expect(result.feed?.layers).toEqual([]);
    expect(result.dropped).toEqual({ layers: 1 });
  });
});

describe('validateFeed: categories, series and events', () => {
  it('drops an event with an unknown category', () => {
    const result = validateFeed(feedWith('events[0].category', 'burglary'));
    expectWarnings(
      result,
      'events[0].category: unknown category "burglary" (no valid item in categories has this id); dropped',
    );
    expect(ids(result.feed?.events)).toEqual(['e2']);
    expect(result.dropped).toEqual({ events: 1 });
  });

  it('does not check categories when the feed has none', () => {
    const input = feedWithout('categories');
    setAt(input, 'events[0].category', 'burglary');
    expectWarnings(validateFeed(input));
  });

  it.each([
    ['a date only', '2017-03-01', '"2017-03-01"'],
    ['no zone', '2017-03-01T10:00:00', '"2017-03-01T10:00:00"'],
    ['hour 25', '2017-03-01T25:00:00+08:00', '"2017-03-01T25:00:00+08:00"'],
  ])('drops an event with a bad time (%s)', (_what, time, shown) => {
    const result = validateFeed(feedWith('events[1].time', time));
    expectWarnings(
      result,
      `events[1].time: expected an ISO 8601 date-time with a time zone, e.g. 2017-12-04T09:00:00+08:00, got ${shown}`,
    );
    expect(ids(result.feed?.events)).toEqual(['e1']);
  });

  it('drops an event on an unknown grid and a duplicate event id', () => {
    const input = feedWith('events[1].grid', 'g77');
    arrayAt(input, 'events').push(structuredClone(getAt(input, 'events[0]')));
    const result = validateFeed(input);
    expectWarnings(
      result,
      'events[1].grid: unknown grid "g77" (no valid item in grids.features has this id); dropped',
      'events[2].id: duplicate id "e1" (first at events[0]); dropped',
    );
    expect(result.dropped).toEqual({ events: 2 });
  });

  it('drops a series with a negative count', () => {
    const result = validateFeed(feedWith('series[0].counts[2]', -3));
    expectWarnings(result, 'series[0].counts[2]: expected a number of 0 or more, got -3');
    expect(result.feed?.series).toEqual([]);
    expect(result.dropped).toEqual({ series: 1 });
    expect(ids(result.feed?.events)).toEqual(['e1', 'e2']);
  });

  it('drops a series with a fractional count', () => {
    const result = validateFeed(feedWith('series[0].counts[0]', 40.5));
    expectWarnings(result, 'series[0].counts[0]: expected a whole count, got 40.5');
  });

  it('keeps null counts (no data)', () => {
    const result = validateFeed(feedWith('series[0].counts[0]', null));
    expectWarnings(result);
    expect(result.feed?.series[0]?.counts[0]).toBeNull();
  });

  it('drops a series with an unknown category', () => {
    const result = validateFeed(feedWith('series[0].category', 'theft'));
    expectWarnings(
      result,
      'series[0].category: unknown category "theft" (no valid item in categories has this id); dropped',
    );
  });

  it('drops a duplicate series (same category, interval and scope) but keeps other scopes', () => {
    const input = makeFeed();
    const first = getAt(input, 'series[0]') as object;
    arrayAt(input, 'series').push(
      { ...structuredClone(first), counts: [1] },
      { ...structuredClone(first), grid: 'g01' },
      { ...structuredClone(first), interval: 'week' },
    );
    const result = validateFeed(input);
    expectWarnings(
      result,
      'series[1]: duplicate series (category "fraud", interval "month", whole place; first at series[0]); dropped',
    );
    expect(result.feed?.series.map((s) => [s.interval, s.grid ?? null])).toEqual([
      ['month', null],
      ['month', 'g01'],
      ['week', null],
    ]);
  });

  it('drops a category with a non-boolean sensitive flag', () => {
    const result = validateFeed(feedWith('categories[0].sensitive', 'yes'));
    expect(result.issues[0]).toEqual({
      severity: 'warning',
      path: 'categories[0].sensitive',
      message: 'categories[0].sensitive: expected true or false, got "yes"',
    });
    // Everything in the fraud category goes with it.
    expect(result.dropped).toEqual({ categories: 1, series: 1, events: 2 });
  });
});

describe('validateFeed: text is untrusted but kept verbatim', () => {
  it('accepts a 5 MB name as a dropped item with an "at most 500 characters" warning', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const result = validateFeed(feedWith('indicators[0].name.en', huge));
    expectWarnings(
      result,
      `indicators[0].name.en: text may be at most 500 characters, got "${'x'.repeat(40)}…" (5,242,880 characters)`,
    );
    expect(ids(result.feed?.indicators)).toEqual(['video-solved-share', 'fires', 'micro-fire-stations']);
    // Messages stay small even for huge values.
    expect(result.issues[0]!.message.length).toBeLessThan(200);
  });

  it('escapes control and bidi characters in messages', () => {
    const result = validateFeed(feedWith('indicators[0].value', 'a\n\u0000\u202eb"'));
    expectWarnings(result, 'indicators[0].value: expected a number, got "a\\n\\u0000\\u202eb\\""');
  });
});

describe('validateFeed: the issue list is capped', () => {
  it(`lists at most ${MAX_LISTED_ISSUES} issues plus a summary, keeping dropped exact`, () => {
    const input = makeFeed();
    const indicators = arrayAt(input, 'indicators');
    for (let i = 0; i < 1500; i++) indicators.push({ id: `bad-${i}`, value: 'x' });
    const result = validateFeed(input);
    expect(result.ok).toBe(true);
    expect(result.issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    // Each bad indicator has 8 problems (value, and 7 required keys missing).
    expect(result.issues.at(-1)).toEqual({
      severity: 'warning',
      path: '$',
      message: `$: … and ${(1500 * 8 - MAX_LISTED_ISSUES).toLocaleString('en-US')} more problems`,
    });
    expect(result.dropped).toEqual({ indicators: 1500 });
    expect(result.feed?.indicators).toHaveLength(4);
  });

  it('never lets warnings push out a fatal issue', () => {
    const input = makeFeed();
    const areas = arrayAt(input, 'areas');
    areas.length = 0;
    for (let i = 0; i < 300; i++) areas.push({ id: `a${i}`, name: { zh: '', en: 'A' }, weight: -1 });
    const result = validateFeed(input);
    expect(result.ok).toBe(false);
    expect(result.issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(result.issues[0]).toMatchObject({
      severity: 'fatal',
      path: 'areas',
      message: 'areas: none of the 300 areas are valid (see the warnings), and a feed needs at least one',
    });
    expect(result.issues.at(-1)?.message).toBe('$: … and 105 more problems');
    expect(result.dropped).toEqual({ areas: 300, indicators: 4 });
  });
});

describe('validateFeed: links and dates', () => {
  it('rejects a javascript: source URL, which a widget could otherwise turn into a link', () => {
    const result = validateFeed(feedWith('source.url', 'javascript:alert(1)'));
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message).toContain('source.url: expected an http or https URL');
  });

  it('rejects a stream link that is not http(s)', () => {
    const result = validateFeed(feedWith('links.stream', 'data:text/plain,hi'));
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.path).toBe('links.stream');
  });

  it('does not take an array for links or metrics (it would read as an empty object)', () => {
    const links = validateFeed(feedWith('links', ['https://example.org/feed']));
    expect(links.ok).toBe(false);
    expect(links.issues[0]?.message).toBe('links: expected an object, got an array of 1 item');
    const metrics = validateFeed(feedWith('grids.features[1].properties.metrics', []));
    expect(metrics.dropped).toEqual({ grids: 1 });
    expect(metrics.issues[0]?.message).toBe(
      'grids.features[1].properties.metrics: expected an object, got an empty array',
    );
  });

  it('rejects an asOf on a day that does not exist', () => {
    const result = validateFeed(feedWith('asOf', '2017-02-31T09:00:00+08:00'));
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message).toContain('asOf: expected a date-time on a real calendar day');
  });

  it('drops a series starting on a day that does not exist', () => {
    const result = validateFeed(feedWith('series[0].start', '2017-13-01'));
    expect(result.ok).toBe(true);
    expect(result.feed?.series).toEqual([]);
    expect(result.issues[0]?.path).toBe('series[0].start');
  });
});
