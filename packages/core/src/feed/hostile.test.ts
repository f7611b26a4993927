/**
 * Inputs meant to break a validator: prototype pollution, throwing getters, Proxies,
 * cycles and deep nesting. None may throw; each ends as a documented result.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { arrayAt, getAt, setAt } from '../../test/fixtures/edit.js';
import { parseFeedText, validateFeed } from './validate.js';

const polluted = () => ({}) as Record<string, unknown>;

afterEach(() => {
  // Belt and braces: if a test did pollute, don't let it leak into others.
  for (const key of ['polluted', 'isAdmin']) delete (Object.prototype as Record<string, unknown>)[key];
});

describe('prototype pollution', () => {
  it('"__proto__" and "constructor" keys in JSON text pollute nothing and are not carried', () => {
    const text = JSON.stringify(makeFeed())
      .replace(
        '{"format"',
        '{"__proto__":{"polluted":"root"},"constructor":{"prototype":{"isAdmin":true}},"format"',
      )
      .replace('"id":"fraud-alerts"', '"__proto__":{"polluted":"indicator"},"id":"fraud-alerts"')
      .replace('"metrics":{"cases":12}', '"metrics":{"__proto__":{"polluted":"metrics"},"cases":12}')
      .replace('"name":{"zh":"测试区"', '"name":{"__proto__":{"polluted":"name"},"zh":"测试区"');
    expect(text.match(/__proto__/g)).toHaveLength(4);

    const result = parseFeedText(text);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(polluted().polluted).toBeUndefined();
    expect(polluted().isAdmin).toBeUndefined();

    const feed = result.feed!;
    for (const object of [
      feed,
      feed.indicators[0],
      feed.grids.features[0]?.properties.metrics,
      feed.place.name,
    ]) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(object, '__proto__')).toBe(false);
      expect((object as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(feed.grids.features[0]?.properties.metrics).toEqual({ cases: 12 });
  });

  it('an object literal with a __proto__ prototype does not leak its inherited keys into the output', () => {
    const indicator = {
      __proto__: { polluted: 'inherited' },
      ...(getAt(makeFeed(), 'indicators[0]') as object),
    };
    const result = validateFeed(setAt(makeFeed(), 'indicators[0]', indicator));
    expect(result.ok).toBe(true);
    expect(result.feed?.indicators[0]).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(result.feed?.indicators[0])).toBe(Object.prototype);
  });

  it('accepts objects without a prototype', () => {
    const area = Object.assign(Object.create(null) as object, getAt(makeFeed(), 'areas[0]'));
    const result = validateFeed(setAt(makeFeed(), 'areas[0]', area));
    expect(result.issues).toEqual([]);
    expect(Object.getPrototypeOf(result.feed?.areas[0])).toBe(Object.prototype);
  });
});

describe('throwing getters and Proxies', () => {
  const boom = () => {
    throw new Error('boom');
  };

  it('a throwing getter at the top level is fatal, not an exception', () => {
    const input = makeFeed();
    Object.defineProperty(input, 'place', { get: boom, enumerable: true });
    const result = validateFeed(input);
    expect(result).toEqual({
      ok: false,
      issues: [
        { severity: 'fatal', path: '$', message: '$: could not be read (Error: boom); the feed is rejected' },
      ],
      dropped: {},
    });
  });

  it('a throwing getter in an item is fatal, at that item', () => {
    const input = makeFeed();
    Object.defineProperty(getAt(input, 'indicators[2]'), 'value', { get: boom, enumerable: true });
    const result = validateFeed(input);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {
        severity: 'fatal',
        path: 'indicators[2]',
        message: 'indicators[2]: could not be read (Error: boom); the feed is rejected',
      },
    ]);
  });

  it('a throwing getter on a key the format does not define is never called', () => {
    const input = makeFeed();
    Object.defineProperty(input, 'extra', { get: boom, enumerable: true });
    expect(validateFeed(input).ok).toBe(true);
  });

  it('a throwing toString or toJSON is never called', () => {
    const hostile = { toString: boom, valueOf: boom, toJSON: boom, [Symbol.toPrimitive]: boom };
    const result = validateFeed(setAt(makeFeed(), 'indicators[0].name.en', hostile));
    expect(result.ok).toBe(true);
    expect(result.issues[0]?.message).toBe('indicators[0].name.en: expected text, got an object');
  });

  it('a Proxy whose trap throws is fatal', () => {
    const input = new Proxy(makeFeed(), {
      get(target, key, receiver) {
        if (key === 'events') throw new TypeError('trap');
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const result = validateFeed(input);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {
        severity: 'fatal',
        path: '$',
        message: '$: could not be read (TypeError: trap); the feed is rejected',
      },
    ]);
  });

  it('a revoked Proxy is fatal, at the root and in an item', () => {
    const { proxy, revoke } = Proxy.revocable(makeFeed(), {});
    revoke();
    const result = validateFeed(proxy);
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message).toMatch(
      /^\$: could not be read \(TypeError: .*\); the feed is rejected$/,
    );

    const item = Proxy.revocable({}, {});
    item.revoke();
    const inItem = validateFeed(setAt(makeFeed(), 'events[1]', item.proxy));
    expect(inItem.ok).toBe(false);
    expect(inItem.issues[0]?.path).toBe('events[1]');
  });

  it('a Proxy that behaves is read like the object it wraps', () => {
    expect(validateFeed(new Proxy(makeFeed(), {})).issues).toEqual([]);
  });

  it('an error that itself throws when read is still described', () => {
    const input = makeFeed();
    const nasty = new Proxy(new Error('x'), {
      get() {
        throw new Error('again');
      },
    });
    Object.defineProperty(input, 'id', {
      get() {
        throw nasty;
      },
      enumerable: true,
    });
    const result = validateFeed(input);
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message).toBe(
      '$: could not be read (an unreadable error); the feed is rejected',
    );
  });
});

describe('cycles', () => {
  it('a cycle through keys the format does not define is harmless, and the output has no cycle', () => {
    const input = makeFeed();
    input.self = input;
    setAt(input, 'areas[0].loop', input);
    const result = validateFeed(input);
    expect(result.ok).toBe(true);
    expect(() => JSON.stringify(result.feed)).not.toThrow();
  });

  it('a cycle through a defined key is just a wrong shape: fatal at the top level', () => {
    const input = makeFeed();
    setAt(input, 'place', input);
    const result = validateFeed(input);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.message)).toContain('place.kind: is required but missing');
  });

  it('a cyclic array in an item drops the item', () => {
    const loop: unknown[] = [];
    loop.push(loop, loop);
    const result = validateFeed(setAt(makeFeed(), 'series[0].counts', loop));
    expect(result.ok).toBe(true);
    expect(result.issues.map((i) => i.message)).toEqual([
      'series[0].counts[0]: expected a number, got an array of 2 items',
      'series[0].counts[1]: expected a number, got an array of 2 items',
    ]);
    expect(result.dropped).toEqual({ series: 1 });
  });

  it('an area list containing the feed itself drops that area (and with no area left, it is fatal)', () => {
    const input = makeFeed();
    arrayAt(input, 'areas').splice(0, 2, input);
    const result = validateFeed(input);
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.path).toBe('areas');
    expect(result.issues.map((i) => i.message)).toContain('areas[0].name: is required but missing');
  });
});

describe('deep nesting', () => {
  const depth = 100_000;
  const deepArray = () => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it('deeply nested JSON text at the root is fatal', () => {
    const result = parseFeedText(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message).toMatch(
      /^\$: (expected a feed object, got an array of 1 item|not valid JSON: the JSON is nested too deeply to read)$/,
    );
  });

  it('deeply nested garbage in a field drops the item, without recursing into it', () => {
    const result = validateFeed(setAt(makeFeed(), 'indicators[1].name', deepArray()));
    expect(result.issues.map((i) => i.message)).toEqual([
      'indicators[1].name: expected an object, got an array of 1 item',
    ]);
    expect(result.feed?.indicators).toHaveLength(3);
  });

  it('deeply nested objects under a key the format does not define are ignored', () => {
    const text = JSON.stringify(makeFeed()).replace(
      '{"format"',
      `{"junk":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},"format"`,
    );
    const result = parseFeedText(text);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('deeply nested garbage in a geometry drops the grid', () => {
    const result = validateFeed(setAt(makeFeed(), 'grids.features[1].geometry.coordinates', deepArray()));
    expect(result.ok).toBe(true);
    expect(result.dropped).toEqual({ grids: 1 });
    expect(result.issues.map((i) => i.message)).toEqual([
      'grids.features[1].geometry.coordinates[0][0][0]: expected a number, got an array of 1 item',
      'grids.features[1].geometry.coordinates[0][0][1]: is required but missing (expected a number)',
    ]);
  });
});
