/**
 * The fast acceptance of a whole feed against the detailed validator it stands in for: on valid
 * feeds it gives the validator's very feed (keys, key order, defaults); on thousands of broken or
 * unusual variants it accepts only what the validator accepts with nothing to say, and leaves the
 * rest to it. Then `checkFeed` / `checkFeedText`: at once when valid, the validator's words when not.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { makeFeed, makeMinimalFeed } from '../../test/fixtures/feed.js';
import { makeLargeFeed } from '../../test/fixtures/large-feed.js';
import { acceptFeed } from './accept-feed.js';
import { checkFeed, checkFeedText, isPending } from './check.js';
import { ISO_DATE_REGEX, ISO_TIMESTAMP_REGEX } from './rules.js';
import { validateFeed } from './validate.js';

/** Keys and values, recursively, in order: what toStrictEqual does not check (key order). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && value !== null)
    return Object.keys(value).map((k) => [k, shape((value as Record<string, unknown>)[k])]);
  return value === undefined ? '<undefined>' : value;
}

/** Checks the contract on one input; says which path decided. */
function agree(input: unknown, label: string): 'fast' | 'clean but slow' | 'slow' {
  const fast = acceptFeed(input);
  const slow = validateFeed(input);
  const clean = slow.ok && slow.issues.length === 0 && Object.keys(slow.dropped).length === 0;
  if (fast === undefined) return clean ? 'clean but slow' : 'slow';
  expect(clean, `accepted what the validator has words about: ${label} ${JSON.stringify(slow.issues)}`).toBe(
    true,
  );
  expect(fast, label).toStrictEqual(slow.feed);
  expect(shape(fast), label).toEqual(shape(slow.feed));
  return 'fast';
}

const ODD_VALUES: readonly unknown[] = [
  null,
  undefined,
  '',
  'x',
  'has space',
  'a'.repeat(129),
  0,
  -1,
  1.5,
  101,
  1e16,
  NaN,
  Infinity,
  true,
  [],
  {},
  ['a'],
  { zh: '名', en: 'Name' },
  { zh: ' ', en: '' },
  'published',
  'higher',
  'day',
  'red',
  'camera',
  'Polygon',
  'FeatureCollection',
  '2017-03-01T10:00:00+08:00',
  '2017-02-31T10:00:00+08:00',
  '2017-03-01',
  '2017-Q3',
  'javascript:alert(1)',
  'https://example.org/feed.json',
  'ar1',
  'g01',
  'fraud',
];

/** Every path of `root` down to `depth`, arrays sampled at their first two items and their last. */
function paths(root: unknown, prefix = '', depth = 6): string[][] {
  const out: string[][] = [];
  const walk = (node: unknown, at: string[]) => {
    if (at.length >= depth || typeof node !== 'object' || node === null) return;
    const keys = Array.isArray(node)
      ? [...new Set([0, 1, node.length - 1].filter((i) => i >= 0 && i < node.length))].map(String)
      : Object.keys(node);
    for (const key of keys) {
      // Coordinates below a ring are checked by the geometry tests; sample the ring itself.
      if (at.at(-1) === 'coordinates' && at.length > 3) continue;
      const next = [...at, key];
      out.push(next);
      walk((node as Record<string, unknown>)[key], next);
    }
  };
  walk(root, prefix ? [prefix] : []);
  return out;
}

function edit(root: unknown, path: string[], change: (parent: Record<string, unknown>, key: string) => void) {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  change(node, path.at(-1)!);
  return copy;
}

describe('acceptFeed agrees with validateFeed', () => {
  it('gives the validator’s feed for valid feeds, small and large', () => {
    expect(agree(makeFeed(), 'makeFeed()')).toBe('fast');
    expect(
      agree(makeLargeFeed({ indicators: 200, grids: 300, events: 500, series: 3, days: 400 }), 'large'),
    ).toBe('fast');
    const minimal = makeMinimalFeed();
    expect(agree(minimal, 'only the required collections')).toBe('fast');
  });

  it('accepts only what the validator accepts without a word, on thousands of variants', () => {
    const base = makeFeed();
    const tally = { fast: 0, 'clean but slow': 0, slow: 0 };
    for (const path of paths(base)) {
      const label = path.join('.');
      tally[
        agree(
          edit(base, path, (parent, key) => delete parent[key]),
          `delete ${label}`,
        )
      ] += 1;
      for (const value of ODD_VALUES) {
        tally[
          agree(
            edit(base, path, (parent, key) => (parent[key] = value)),
            `${label} = ${String(value)}`,
          )
        ] += 1;
      }
      tally[
        agree(
          edit(base, path, (parent) => (parent.extra = 1)),
          `extra key beside ${label}`,
        )
      ] += 1;
    }
    // Both paths were exercised: many variants rejected, many (odd but valid) accepted fast.
    expect(tally.slow).toBeGreaterThan(1000);
    expect(tally.fast).toBeGreaterThan(100);
  });

  it('leaves duplicates and broken references to the validator', () => {
    const base = makeFeed();
    // Loosely typed on purpose: each case edits a different corner of the feed.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Loose = Record<string, any>;
    const cases: [string, (feed: Loose) => void][] = [
      ['duplicate area', (f) => f.areas.push({ ...f.areas[0] })],
      ['duplicate indicator', (f) => f.indicators.push({ ...f.indicators[0] })],
      ['duplicate grid', (f) => f.grids.features.push(structuredClone(f.grids.features[0]))],
      ['duplicate event', (f) => f.events.push({ ...f.events[0] })],
      ['duplicate series', (f) => f.series.push(structuredClone(f.series[0]))],
      ['duplicate category', (f) => f.categories.push({ ...f.categories[0] })],
      ['duplicate layer', (f) => f.layers.push(structuredClone(f.layers[0]))],
      ['duplicate point', (f) => f.layers[0].points.push({ ...f.layers[0].points[0] })],
      ['unknown area', (f) => (f.indicators[0].area = 'nowhere')],
      ['unknown subdistrict', (f) => (f.grids.features[0].properties.subdistrict = 'nowhere')],
      ['unknown grid of a point', (f) => (f.layers[0].points[0].grid = 'nowhere')],
      ['unknown category of an event', (f) => (f.events[0].category = 'nowhere')],
      ['unknown grid of a series', (f) => (f.series[0].grid = 'nowhere')],
    ];
    for (const [label, change] of cases) {
      const input = structuredClone(base) as Loose;
      change(input);
      expect(agree(input, label), label).toBe('slow');
    }
  });

  it('never throws, whatever the input', () => {
    const hostile = new Proxy(makeFeed(), {
      get() {
        throw new Error('trap');
      },
    });
    for (const input of [undefined, null, 1, 'text', [], hostile, Object.create(null)])
      expect(acceptFeed(input)).toBeUndefined();
  });

  it('reads dates with valibot’s own patterns', () => {
    expect(ISO_TIMESTAMP_REGEX.source).toBe(v.ISO_TIMESTAMP_REGEX.source);
    expect(ISO_TIMESTAMP_REGEX.flags).toBe(v.ISO_TIMESTAMP_REGEX.flags);
    expect(ISO_DATE_REGEX.source).toBe(v.ISO_DATE_REGEX.source);
    expect(ISO_DATE_REGEX.flags).toBe(v.ISO_DATE_REGEX.flags);
  });
});

describe('checkFeed and checkFeedText', () => {
  it('accept a valid feed at once, once per object', () => {
    const input = makeFeed();
    const first = checkFeed(input);
    expect(isPending(first)).toBe(false);
    expect(first).toMatchObject({ ok: true, issues: [], dropped: {} });
    expect(checkFeed(input)).toBe(first);
    const text = checkFeedText(`\ufeff${JSON.stringify(input)}`);
    expect(isPending(text)).toBe(false);
    expect(text).toMatchObject({ ok: true, feed: (first as { feed: unknown }).feed });
  });

  it('give the detailed validator’s verdict and words when the feed has problems', async () => {
    const input = makeFeed();
    (input.indicators as Record<string, unknown>[])[0]!.value = '98%';
    const pending = checkFeed(input);
    expect(isPending(pending)).toBe(true);
    const result = await pending;
    expect(result).toEqual(validateFeed(input));
    expect(result.issues[0]?.message).toBe('indicators[0].value: expected a number, got "98%"');

    expect(await checkFeedText('{"format": ')).toMatchObject({ ok: false });
    expect((await checkFeedText('{"format": ')).issues[0]?.message).toMatch(/^\$: not valid JSON/);
    const big = await checkFeedText(JSON.stringify(makeFeed()), { maxBytes: 100 });
    expect(big.issues[0]?.message).toMatch(/larger than the .* limit/);
    expect((await checkFeedText('<script>alert(1)</script>')).ok).toBe(false);
  });
});
