/**
 * Rejected writes: every malformed payload gets a 4xx problem+json naming its problem (JSON path
 * and sentence), and the database is unchanged, byte for byte, afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR, dbDigest, post, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
/** The database before any case ran: every rejection must leave it exactly so. */
let digest: string;
beforeAll(async () => {
  server = await startTestServer({ maxBodyBytes: 64 * 1024 });
  digest = dbDigest(server.dbPath);
});
afterAll(() => server.dispose());

const IND = '/api/feeds/yantian/indicators';
const EVT = '/api/feeds/yantian/events';
const CSV = '/api/feeds/yantian/indicators.csv';

const newIndicator = {
  id: 'new-indicator',
  area: 'fire',
  name: { zh: '新指标', en: 'New indicator' },
  value: 1,
  target: 0,
  direction: 'lower',
  weight: 1,
  rule: { type: 'threshold' },
  provenance: 'synthetic',
};
const event = {
  id: 'ev-new',
  time: '2026-11-28T10:00:00+08:00',
  category: 'fraud',
  grid: 'haishan-g01',
  provenance: 'synthetic',
};

interface Case {
  name: string;
  path: string;
  body: unknown;
  type?: string;
  status: number;
  /** Each must match the message of some problem (or the detail when there is no list). */
  expect: (string | RegExp)[];
}

const cases: Case[] = [
  // JSON that cannot be read
  { name: 'bad JSON', path: IND, body: '{"indicators": [', status: 400, expect: [/^\$: not valid JSON/] },
  { name: 'empty body', path: IND, body: '', status: 400, expect: ['$: the body is empty'] },
  {
    name: 'a JSON string',
    path: IND,
    body: '"hello"',
    status: 422,
    expect: ['$: expected an object like {"indicators": [...]}'],
  },
  {
    name: 'a bare array',
    path: IND,
    body: '[{"id":"fraud-alerts","value":1}]',
    status: 422,
    expect: ['$: expected an object'],
  },
  // the envelope of the payload
  {
    name: 'missing indicators',
    path: IND,
    body: { items: [] },
    status: 422,
    expect: ['indicators: is required but missing', 'items: unknown field'],
  },
  {
    name: 'indicators not an array',
    path: IND,
    body: { indicators: { id: INDICATOR } },
    status: 422,
    expect: ['indicators: expected an array'],
  },
  {
    name: 'no items',
    path: IND,
    body: { indicators: [] },
    status: 422,
    expect: ['indicators: expected at least one item'],
  },
  {
    name: 'item not an object',
    path: IND,
    body: { indicators: [42] },
    status: 422,
    expect: ['indicators[0]: expected an object, got 42'],
  },
  {
    name: 'too many items',
    path: IND,
    body: { indicators: Array.from({ length: 1001 }, (_, i) => ({ id: `x${i}`, value: 1 })) },
    status: 422,
    expect: ['at most 1000 items'],
  },
  // indicator fields
  {
    name: 'value as a string with a unit',
    path: IND,
    body: { indicators: [{ id: INDICATOR, value: '98%' }] },
    status: 422,
    expect: ['indicators[0].value: expected a number, got "98%"'],
  },
  {
    name: 'value is a boolean',
    path: IND,
    body: { indicators: [{ id: INDICATOR, value: true }] },
    status: 422,
    expect: ['indicators[0].value: expected a number'],
  },
  {
    name: 'value is too large',
    path: IND,
    body: { indicators: [{ id: INDICATOR, value: 1e300 }] },
    status: 422,
    expect: [/indicators\[0\]\.value: .*too large/],
  },
  {
    name: 'unknown direction',
    path: IND,
    body: { indicators: [{ id: INDICATOR, direction: 'up' }] },
    status: 422,
    expect: ['indicators[0].direction: expected "higher" or "lower"'],
  },
  {
    name: 'negative weight',
    path: IND,
    body: { indicators: [{ id: INDICATOR, weight: -1 }] },
    status: 422,
    expect: ['indicators[0].weight: expected a number of 0 or more'],
  },
  {
    name: 'bad scoring rule',
    path: IND,
    body: { indicators: [{ id: INDICATOR, rule: { type: 'magic' } }] },
    status: 422,
    expect: [/indicators\[0\]\.rule/],
  },
  {
    name: 'impossible updatedAt',
    path: IND,
    body: { indicators: [{ id: INDICATOR, value: 1, updatedAt: '2017-02-30T10:00:00+08:00' }] },
    status: 422,
    expect: [/indicators\[0\]\.updatedAt: .*real calendar day/],
  },
  {
    name: 'bad provenance',
    path: IND,
    body: { indicators: [{ id: INDICATOR, provenance: 'guessed' }] },
    status: 422,
    expect: ['indicators[0].provenance: expected "published"'],
  },
  {
    name: 'unknown field',
    path: IND,
    body: { indicators: [{ id: INDICATOR, valu: 3 }] },
    status: 422,
    expect: ['indicators[0].valu: unknown field'],
  },
  {
    name: 'missing id',
    path: IND,
    body: { indicators: [{ value: 3 }] },
    status: 422,
    expect: ['indicators[0].id: is required but missing'],
  },
  {
    name: 'id is a number',
    path: IND,
    body: { indicators: [{ id: 7, value: 3 }] },
    status: 422,
    expect: ['indicators[0].id: expected an id string, got 7'],
  },
  {
    name: 'id with markup characters',
    path: IND,
    body: { indicators: [{ ...newIndicator, id: '<img src=x>' }] },
    status: 422,
    expect: [/indicators\[0\]\.id: an id may only use/],
  },
  {
    name: 'duplicate ids in one request',
    path: IND,
    body: {
      indicators: [
        { id: INDICATOR, value: 1 },
        { id: INDICATOR, value: 2 },
      ],
    },
    status: 422,
    expect: ['indicators[1].id: duplicate id "fraud-alerts" in this request (first at indicators[0])'],
  },
  {
    name: 'new indicator in an unknown area',
    path: IND,
    body: { indicators: [{ ...newIndicator, area: 'crime' }] },
    status: 422,
    expect: [/indicators\[0\]\.area: unknown area "crime"/],
  },
  {
    name: 'new indicator missing its name',
    path: IND,
    body: { indicators: [{ ...newIndicator, name: undefined }] },
    status: 422,
    expect: [/indicators\[0\]\.name/],
  },
  {
    name: 'script in a name',
    path: IND,
    body: { indicators: [{ id: INDICATOR, name: { zh: '<script>alert(1)</script>', en: 'x' } }] },
    status: 422,
    expect: [/indicators\[0\]\.name\.zh: looks like HTML markup/],
  },
  {
    name: 'HTML in a note',
    path: IND,
    body: { indicators: [{ id: INDICATOR, note: { zh: '', en: 'see <a href="javascript:x">here</a>' } }] },
    status: 422,
    expect: [/indicators\[0\]\.note\.en: looks like HTML markup/],
  },
  {
    name: 'one bad item among good ones',
    path: IND,
    body: {
      indicators: [
        { id: INDICATOR, value: 1 },
        { id: 'fires', value: 'many' },
      ],
    },
    status: 422,
    expect: ['indicators[1].value: expected a number, got "many"'],
  },
  // events
  {
    name: 'event with an unknown category',
    path: EVT,
    body: { events: [{ ...event, category: 'piracy' }] },
    status: 422,
    expect: [/events\[0\]\.category: unknown category "piracy"/],
  },
  {
    name: 'event in an unknown grid',
    path: EVT,
    body: { events: [{ ...event, grid: 'atlantis-g01' }] },
    status: 422,
    expect: [/events\[0\]\.grid: unknown grid "atlantis-g01"/],
  },
  {
    name: 'event with a bad time',
    path: EVT,
    body: { events: [{ ...event, time: 'yesterday' }] },
    status: 422,
    expect: [/events\[0\]\.time: expected an ISO 8601 date-time/],
  },
  {
    name: 'event with a wrong kind',
    path: EVT,
    body: { events: [{ ...event, kind: 'crime' }] },
    status: 422,
    expect: ['events[0].kind: expected "incident" or "annotation"'],
  },
  {
    name: 'event title with script',
    path: EVT,
    body: { events: [{ ...event, title: { zh: '', en: '<script src=//x></script>' } }] },
    status: 422,
    expect: [/events\[0\]\.title\.en: looks like HTML markup/],
  },
  {
    name: 'event id already in the feed',
    path: EVT,
    body: { events: [{ ...event, id: 'ev-00001' }] },
    status: 422,
    expect: ['events[0].id: an event with id "ev-00001" is already in feed "yantian"'],
  },
  {
    name: 'event with a personal field',
    path: EVT,
    body: { events: [{ ...event, victimName: 'Zhang San' }] },
    status: 422,
    expect: ['events[0].victimName: unknown field'],
  },
  // CSV
  {
    name: 'CSV with a unit in a value',
    path: CSV,
    type: 'text/csv',
    body: `id,value\n${INDICATOR},98%\n`,
    status: 422,
    expect: [
      'line 2.value: expected a number such as 12 or 0.85 (no units, percent signs or thousands separators), got "98%"',
    ],
  },
  {
    name: 'CSV with a thousands separator',
    path: CSV,
    type: 'text/csv',
    body: `id,value\n${INDICATOR},"1,234"\n`,
    status: 422,
    expect: ['line 2.value: expected a number'],
  },
  {
    name: 'CSV without a value column',
    path: CSV,
    type: 'text/csv',
    body: `id,target\n${INDICATOR},3\n`,
    status: 422,
    expect: ['line 1: the header needs a column "value"'],
  },
  {
    name: 'CSV with an unknown column',
    path: CSV,
    type: 'text/csv',
    body: `id,value,colour\n${INDICATOR},3,red\n`,
    status: 422,
    expect: ['line 1, column 3: unknown column "colour"'],
  },
  {
    name: 'CSV row with too many cells',
    path: CSV,
    type: 'text/csv',
    body: `id,value\n${INDICATOR},3\nfires,4,5\n`,
    status: 422,
    expect: [/^line 3: not valid CSV/],
  },
  {
    name: 'CSV with an unknown indicator',
    path: CSV,
    type: 'text/csv',
    body: `id,value\nunicorns,3\n`,
    status: 422,
    expect: ['line 2.id: feed "yantian" has no indicator "unicorns"'],
  },
  {
    name: 'CSV with a duplicate row',
    path: CSV,
    type: 'text/csv',
    body: `id,value\n${INDICATOR},3\n${INDICATOR},4\n`,
    status: 422,
    expect: ['line 3.id: duplicate id "fraud-alerts" (first at line 2)'],
  },
  {
    name: 'CSV with a bad date',
    path: CSV,
    type: 'text/csv',
    body: `id,value,updatedAt\n${INDICATOR},3,31/12/2017\n`,
    status: 422,
    expect: [/line 2\.updatedAt: expected an ISO 8601 date-time/],
  },
  {
    name: 'CSV with only a header',
    path: CSV,
    type: 'text/csv',
    body: 'id,value\n',
    status: 422,
    expect: ['$: the CSV has a header but no data rows'],
  },
  {
    name: 'CSV with markup in provenance',
    path: CSV,
    type: 'text/csv',
    body: `id,value,provenance\n${INDICATOR},3,<b>published</b>\n`,
    status: 422,
    expect: [/line 2\.provenance: looks like HTML markup/],
  },
  // transport
  {
    name: 'wrong content type',
    path: IND,
    type: 'text/plain',
    body: { indicators: [{ id: INDICATOR, value: 1 }] },
    status: 415,
    expect: ['Send application/json, not text/plain'],
  },
  {
    name: 'huge body',
    path: IND,
    body: { indicators: [{ id: INDICATOR, value: 1, note: { zh: '', en: 'x'.repeat(200_000) } }] },
    status: 413,
    expect: ["larger than this server's limit of 65536 bytes"],
  },
  {
    name: 'invalid UTF-8',
    path: CSV,
    type: 'text/csv',
    body: Buffer.from([0x69, 0x64, 0x2c, 0xff, 0xfe, 0x0a]),
    status: 400,
    expect: ['not valid UTF-8'],
  },
  {
    name: 'unknown feed',
    path: '/api/feeds/atlantis/indicators',
    body: { indicators: [{ id: INDICATOR, value: 1 }] },
    status: 404,
    expect: ['no feed "atlantis"'],
  },
];

describe('malformed writes', () => {
  it(`has ${cases.length} cases (at least 30)`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('rejects $name with $status, names the problem, writes nothing', async (c) => {
    const body = Buffer.isBuffer(c.body)
      ? c.body
      : typeof c.body === 'string'
        ? c.body
        : JSON.stringify(c.body);
    const reply = await post(server, c.path, body, { type: c.type, raw: true });
    expect(reply.status, reply.text).toBe(c.status);
    expect(reply.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = reply.json() as {
      type: string;
      status: number;
      detail: string;
      problems?: { path: string; message: string }[];
    };
    expect(problem.status).toBe(c.status);
    expect(problem.type).toMatch(/^urn:safety-widgets:problem:/);
    const messages = problem.problems?.map((p) => p.message) ?? [problem.detail];
    for (const p of problem.problems ?? []) expect(p.message.startsWith(p.path)).toBe(true);
    for (const wanted of c.expect) {
      expect(
        messages.some((m) => (typeof wanted === 'string' ? m.includes(wanted) : wanted.test(m))),
        `${JSON.stringify(wanted)} in ${JSON.stringify(messages)}`,
      ).toBe(true);
    }
    expect(dbDigest(server.dbPath)).toBe(digest);
  });

  it('accepts the well-formed versions of the same writes (so the rejections are about the flaws)', async () => {
    expect(dbDigest(server.dbPath)).toBe(digest);
    expect(
      (await post(server, IND, { indicators: [{ id: INDICATOR, value: 98 }, newIndicator] })).status,
    ).toBe(200);
    expect((await post(server, EVT, { events: [event] })).status).toBe(201);
    expect(
      (
        await post(server, CSV, `id,value,updatedAt\n${INDICATOR},97,2017-12-31T00:00:00+08:00\n`, {
          type: 'text/csv',
        })
      ).status,
    ).toBe(200);
    // …and the digest does see writes.
    expect(dbDigest(server.dbPath)).not.toBe(digest);
  });
});
