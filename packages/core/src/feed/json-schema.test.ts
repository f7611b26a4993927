/**
 * The published JSON Schema (dist/schema/feed-v1.schema.json, written by
 * scripts/write-json-schema.ts) against the widgets' validator, through ajv: valid feeds pass
 * both; a feed the JSON Schema rejects is always rejected by `validateFeed`; a malformed feed whose
 * rule JSON Schema can state is rejected by both; and the feeds only `validateFeed` rejects break
 * exactly the rules the schema's description lists as beyond it.
 *
 * "Rejected by validateFeed" means anything to say: a fatal problem or a dropped item (the
 * widgets then leave that item out), since the JSON Schema judges the whole document.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteAt, setAt } from '../../test/fixtures/edit.js';
import { makeFeed, makeMinimalFeed } from '../../test/fixtures/feed.js';
import { makeLargeFeed } from '../../test/fixtures/large-feed.js';
import type * as WriteJsonSchema from '../../scripts/write-json-schema.js';
import type { BeyondJsonSchema } from '../../scripts/write-json-schema.js';
import { validateFeed } from './validate.js';

type Script = typeof WriteJsonSchema;
/** A feed as loose JSON: each case edits a different corner of it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

let script: Script;
let published: { $id?: string; description?: string; properties?: Record<string, unknown> };
let schemaAccepts: ValidateFunction;

beforeAll(async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  script = await import('../../scripts/write-json-schema.js');
  log.mockRestore();
  const file = fileURLToPath(new URL('../../dist/schema/feed-v1.schema.json', import.meta.url));
  published = JSON.parse(readFileSync(file, 'utf8')) as typeof published;
  // Strict, as a careful producer would run it; positions are [lon, lat] pairs that may carry an
  // altitude (RFC 7946), an open-ended tuple ajv's strictTuples would only warn about.
  schemaAccepts = new Ajv({ strict: true, strictTuples: false, allErrors: true }).compile(published);
});

/** The widgets accept a feed when the validator has nothing to say about it. */
function widgetsAccept(feed: unknown): boolean {
  const result = validateFeed(feed);
  return result.ok && result.issues.length === 0;
}

/** The messages by which `validateFeed` reports a break of each rule beyond JSON Schema. */
const BEYOND_MESSAGES: Record<BeyondJsonSchema, RegExp> = {
  uniqueIds: /: duplicate id ".*" \(first at .*\); dropped$/,
  uniqueSeries: /: duplicate series \(.*\); dropped$/,
  references:
    /: unknown (area|subdistrict|grid|category) ".*" \(no valid item in [\w.]+ has this id\); dropped$/,
  closedRings: /: a ring must be closed: its last position must equal its first/,
  parsableUrls: /: expected an absolute URL/,
  utf16Lengths: /: (text|an id) may be at most \d+ characters/,
};

const ring = (x: number, y: number) => [
  [x, y],
  [x + 0.01, y],
  [x + 0.01, y + 0.01],
  [x, y],
];

/** What each malformed feed breaks: a rule the JSON Schema states, or one beyond it. */
type Rule = 'stated' | BeyondJsonSchema;
const MALFORMED: [label: string, rule: Rule, edit: (feed: Loose) => void][] = [
  ['another format', 'stated', (f) => (f.format = 'geojson')],
  ['version 2', 'stated', (f) => (f.version = 2)],
  ['an id with a space', 'stated', (f) => (f.id = 'test district')],
  ['asOf without a time zone', 'stated', (f) => (f.asOf = '2017-12-04T09:00:00')],
  ['asOf on 30 February', 'stated', (f) => (f.asOf = '2017-02-30T09:00:00+08:00')],
  ['a source published on 29 February of 2017', 'stated', (f) => (f.source.published = '2017-02-29')],
  ['a source published on 29 February of 1900', 'stated', (f) => (f.source.published = '1900-02-29')],
  ['a source published in the year 50', 'stated', (f) => (f.source.published = '0050-01-01')],
  ['a place name of white space', 'stated', (f) => (f.place.name = { zh: ' ', en: '\u3000' })],
  ['an indicator name of white space', 'stated', (f) => (f.indicators[1].name = { zh: '', en: ' ' })],
  ['a name of 501 characters', 'stated', (f) => (f.areas[0].name.en = 'a'.repeat(501))],
  ['no areas', 'stated', (f) => (f.areas = [])],
  ['an area weight of 101', 'stated', (f) => (f.areas[1].weight = 101)],
  ['an update every 0 seconds', 'stated', (f) => (f.expectedUpdateSeconds = 0)],
  ['a value beyond 1e15', 'stated', (f) => (f.indicators[0].value = 1e16)],
  ['a time zone with a space', 'stated', (f) => (f.place.timeZone = 'Asia Shanghai')],
  ['a history period 2017-Q5', 'stated', (f) => (f.indicators[0].history[0].period = '2017-Q5')],
  ['an empty list of bands', 'stated', (f) => (f.indicators[2].rule.bands = [])],
  ['a count of 1.5', 'stated', (f) => (f.series[0].counts[2] = 1.5)],
  ['an hourly series', 'stated', (f) => (f.series[0].interval = 'hour')],
  ['a longitude of 181', 'stated', (f) => (f.layers[0].points[0].coordinates = [181, 22.5])],
  ['a police layer', 'stated', (f) => (f.layers[0].kind = 'police')],
  ['an event of kind "other"', 'stated', (f) => (f.events[0].kind = 'other')],
  [
    'a ring of 3 positions',
    'stated',
    (f) => (f.grids.features[0].geometry.coordinates = [ring(1, 1).slice(1)]),
  ],
  ['a metric named with a space', 'stated', (f) => (f.grids.features[0].properties.metrics = { 'a b': 1 })],
  ['an ftp address', 'stated', (f) => (f.source.url = 'ftp://example.org/data')],
  ['a javascript: link', 'stated', (f) => (f.links.self = 'javascript:alert(1)')],
  ['a missing provenance', 'stated', (f) => delete f.events[1].provenance],
  ['links given as an array', 'stated', (f) => (f.links = [])],
  ['metrics given as an array', 'stated', (f) => (f.grids.features[0].properties.metrics = [1, 2])],
  ['a duplicate area id', 'uniqueIds', (f) => f.areas.push({ ...f.areas[0], weight: 0 })],
  ['a duplicate event id', 'uniqueIds', (f) => f.events.push({ ...f.events[1] })],
  ['a duplicate point id', 'uniqueIds', (f) => f.layers[0].points.push({ ...f.layers[0].points[0] })],
  ['a duplicate series', 'uniqueSeries', (f) => f.series.push({ ...f.series[0], counts: [1] })],
  ['an indicator of an unknown area', 'references', (f) => (f.indicators[0].area = 'crime')],
  [
    'a grid of an unknown subdistrict',
    'references',
    (f) => (f.grids.features[1].properties.subdistrict = 'x'),
  ],
  ['an event of an unknown category', 'references', (f) => (f.events[0].category = 'theft')],
  ['a point in an unknown grid', 'references', (f) => (f.layers[0].points[0].grid = 'g99')],
  [
    'a ring left open',
    'closedRings',
    (f) =>
      (f.place.outline.coordinates = [
        ring(1, 1)
          .slice(0, 3)
          .concat([[1, 2]]),
      ]),
  ],
  ['a link with a space in its host', 'parsableUrls', (f) => (f.links.self = 'https://exa mple.org/feed')],
  ['a link with no host', 'parsableUrls', (f) => (f.source.url = 'http://')],
  ['a name of 251 emoji', 'utf16Lengths', (f) => (f.source.name.en = '\u{1F525}'.repeat(251))],
];

/** Valid feeds, several of them unusual in ways a careless JSON Schema would reject. */
function validFeeds(): [string, unknown][] {
  const minimal = makeMinimalFeed() as Loose;
  const unusual = makeFeed() as Loose;
  unusual.asOf = '2016-02-29 09:00:00.123456789 +0800'; // space separator, offset without a colon
  unusual.source.url = 'HTTPS://例子.example/数据?q=a b'; // any case, a non-ASCII host, a space in the query
  unusual.place.name = { zh: '', en: 'Only English' };
  unusual.layers[0].points[0].coordinates = [114.205, 22.555, 12]; // with an altitude
  unusual.grids.features[0].geometry.coordinates[0][1].push(30);
  unusual.extra = { any: 'key' }; // unknown keys are ignored
  unusual.indicators[0].cityAverage = null;
  unusual.source.published = '2000-02-29';
  unusual.categories[0].name.en = '\u{1F525}'.repeat(250); // 500 UTF-16 units
  return [
    ['makeFeed()', makeFeed()],
    ['a large feed', makeLargeFeed({ indicators: 50, grids: 100, events: 200, series: 3, days: 60 })],
    ['only the required collections', minimal],
    ['unusual but valid', unusual],
  ];
}

describe('the published JSON Schema', () => {
  it('is written by scripts/write-json-schema.ts with its $id, and compiles in ajv’s strict mode', () => {
    expect(published.$id).toBe('https://safety-widgets.dev/schema/feed-v1.schema.json');
    expect(published.$id).toBe(script.FEED_SCHEMA_ID);
    expect(published.properties?.indicators).toMatchObject({ type: 'array' });
  });

  it('accepts the valid feeds, as the widgets do', () => {
    for (const [label, feed] of validFeeds()) {
      const json = JSON.parse(JSON.stringify(feed)) as unknown;
      expect(widgetsAccept(json), label).toBe(true);
      expect(schemaAccepts(json), `${label}: ${JSON.stringify(schemaAccepts.errors)}`).toBe(true);
    }
  });

  it('rejects every malformed feed whose rule it states; the rest break exactly the rules it lists', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(20);
    const onlyWidgetsReject = new Set<string>();
    for (const [label, rule, edit] of MALFORMED) {
      const feed = makeFeed() as Loose;
      edit(feed);
      const json = JSON.parse(JSON.stringify(feed)) as Loose;
      const widgets = widgetsAccept(json);
      const schema = schemaAccepts(json);
      expect(widgets, `the widgets accept ${label}`).toBe(false);
      if (rule === 'stated') {
        expect(schema, `the JSON Schema accepts ${label}`).toBe(false);
      } else {
        expect(schema, `${label} breaks ${rule}, which the JSON Schema was thought not to state`).toBe(true);
        onlyWidgetsReject.add(rule);
        for (const issue of validateFeed(json).issues)
          expect(issue.message, label).toMatch(BEYOND_MESSAGES[rule]);
      }
    }
    // Every rule the description lists is one only the widgets enforce, and has a case here.
    expect([...onlyWidgetsReject].sort()).toEqual(Object.keys(script.BEYOND_JSON_SCHEMA).sort());
    for (const text of Object.values(script.BEYOND_JSON_SCHEMA))
      expect(published.description).toContain(text);
  });

  it('never rejects what the widgets accept, on thousands of variants of a feed', () => {
    const base = makeFeed();
    const tally = { both: 0, neither: 0, onlyWidgets: 0 };
    for (const path of paths(base)) {
      const variants: [string, unknown][] = [[`no ${path}`, deleteAt(structuredClone(base), path)]];
      for (const value of ODD_VALUES)
        variants.push([`${path} = ${JSON.stringify(value)}`, setAt(structuredClone(base), path, value)]);
      for (const [label, variant] of variants) {
        const json = JSON.parse(JSON.stringify(variant)) as unknown;
        const widgets = widgetsAccept(json);
        const schema = schemaAccepts(json);
        expect(
          schema || !widgets,
          `the JSON Schema rejects what the widgets accept: ${label} ${JSON.stringify(schemaAccepts.errors)}`,
        ).toBe(true);
        if (widgets) tally.both += 1;
        else if (!schema) tally.neither += 1;
        else {
          // Only the widgets reject it: each of their problems is one of the rules listed.
          tally.onlyWidgets += 1;
          for (const { message } of validateFeed(json).issues)
            expect(
              Object.values(BEYOND_MESSAGES).some((pattern) => pattern.test(message)),
              `${label}: ${message} (not a rule the description lists)`,
            ).toBe(true);
        }
      }
    }
    expect(tally.neither).toBeGreaterThan(1000);
    expect(tally.both).toBeGreaterThan(100);
    expect(tally.onlyWidgets).toBeGreaterThan(20);
  });
});

/** Values to put anywhere in a feed: each valid somewhere, most invalid almost everywhere. */
const ODD_VALUES: readonly unknown[] = [
  null,
  '',
  ' ',
  'x',
  'has space',
  'a'.repeat(129),
  '\u{1F525}'.repeat(251),
  0,
  -1,
  1.5,
  101,
  1e16,
  true,
  [],
  {},
  { zh: '名', en: 'Name' },
  { zh: ' ', en: '' },
  'published',
  'higher',
  'day',
  'camera',
  'Polygon',
  '2017-03-01T10:00:00+08:00',
  '2017-02-31T10:00:00+08:00',
  '2017-03-01',
  '2017-02-29',
  '2017-Q3',
  'javascript:alert(1)',
  'https://exa mple.org',
  'HTTP://EXAMPLE.ORG/feed.json',
  'public-order',
  'g01',
  'meisha',
  'fraud',
];

/** Every path of `root` in the validator's syntax (`a.b[0].c`), arrays sampled at their first two items and their last. */
function paths(root: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, at: string, depth: number) => {
    if (depth >= 6 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const i of new Set([0, 1, node.length - 1].filter((i) => i >= 0 && i < node.length))) {
        const next = `${at}[${i}]`;
        out.push(next);
        // Positions inside a ring are sampled by the ring itself.
        if (!/coordinates(\[\d+\]){2}$/.test(at)) walk(node[i], next, depth + 1);
      }
      return;
    }
    for (const key of Object.keys(node)) {
      const next = at ? `${at}.${key}` : key;
      out.push(next);
      walk((node as Record<string, unknown>)[key], next, depth + 1);
    }
  };
  walk(root, '', 0);
  return out;
}
