import { describe, expect, it } from 'vitest';
import { attributesFromSearch, searchWithGrid, searchWithView, VIEW_BINDINGS } from './view-url.js';

const [map, timeline, table] = VIEW_BINDINGS as [
  (typeof VIEW_BINDINGS)[number],
  (typeof VIEW_BINDINGS)[number],
  (typeof VIEW_BINDINGS)[number],
];

describe('the view in the URL', () => {
  it('gives each widget the attributes its parameters name, and nothing for parameters not there', () => {
    const search =
      '?lang=en&metric=fires&rate=total&interval=week&start=2017-01-01&yoy=0&status=not-met&q=fire';
    expect(attributesFromSearch(search, map)).toEqual([
      ['metric', 'fires'],
      ['rate', 'total'],
    ]);
    expect(attributesFromSearch(search, timeline)).toEqual([
      ['interval', 'week'],
      ['start', '2017-01-01'],
      ['yoy', false],
    ]);
    expect(attributesFromSearch(search, table)).toEqual([
      ['status-filter', 'not-met'],
      ['query', 'fire'],
    ]);
    expect(attributesFromSearch('', table)).toEqual([]);
  });

  it('ignores values that cannot be attribute values; markup in them stays text', () => {
    expect(attributesFromSearch(`?q=${'x'.repeat(201)}&sort=a%0Ab`, table)).toEqual([]);
    expect(attributesFromSearch('?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', table)).toEqual([
      ['query', '<img src=x onerror=alert(1)>'],
    ]);
  });

  it('writes a view event into the query, keeping the language and other widgets’ parameters', () => {
    const next = searchWithView('?lang=en&metric=fires&start=2016-01-01', timeline, {
      interval: 'month',
      start: null,
      end: '2017-11-30',
      categories: ['fire', 'criminal'],
      yoy: true,
    });
    expect(Object.fromEntries(new URLSearchParams(next))).toEqual({
      lang: 'en',
      metric: 'fires',
      interval: 'month',
      end: '2017-11-30',
      categories: 'fire,criminal',
      yoy: '1',
    });
    expect(
      searchWithView('?q=fire&sort=score:desc', table, {
        sort: '',
        area: null,
        statusFilter: 'met',
        query: '',
      }),
    ).toBe('status=met');
    expect(searchWithView('?lang=en', map, 'not a detail')).toBe('lang=en');
  });

  it('keeps the selected grid', () => {
    expect(searchWithGrid('?lang=en', 'meisha-g03')).toBe('lang=en&grid=meisha-g03');
    expect(searchWithGrid('?lang=en&grid=meisha-g03', undefined)).toBe('lang=en');
  });
});
