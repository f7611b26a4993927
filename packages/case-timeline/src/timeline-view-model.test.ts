import { describe, expect, it } from 'vitest';
import { buildFigures } from './figures.js';
import { buildTimelineData } from './timeline-data.js';
import {
  timelineViewModel,
  categoryShown,
  figuresMemo,
  hasText,
  headingLevel,
  sameFiguresInput,
  scopeId,
  scopeName,
  trimmed,
  type TimelineViewInput,
} from './timeline-view-model.js';
import { buildView } from './timeline-view.js';
import { rawYantian, valid } from '../test/feeds.js';

const yantian = valid(rawYantian());
const data = buildTimelineData(yantian);
const view = buildView(data, 'month');
const slot = (id: string) => data.categories.findIndex((c) => c.id === id);

const input = (over: Partial<TimelineViewInput> = {}): TimelineViewInput => ({
  data,
  view,
  start: undefined,
  end: undefined,
  isShown: () => true,
  cursor: -1,
  yoy: true,
  smallBase: 10,
  locale: 'en',
  ...over,
});

describe('timelineViewModel', () => {
  it('shows every period and every category with data when nothing is chosen', () => {
    const m = timelineViewModel(input());
    expect(m.withData.length).toBeGreaterThan(0);
    expect(m.withData.every((c) => data.categories[c]!.basis !== 'none')).toBe(true);
    expect(m.shown).toEqual(m.withData);
    expect([m.a, m.b]).toEqual([data.firstDay, data.endDay - 1]);
    expect([m.k0, m.k1]).toEqual([0, view.starts.length - 1]);
    expect(m.ranged).toBe(false);
    expect(m.figures).toEqual(buildFigures({ ...m, smallBase: 10 }));
  });

  it('keeps only the categories shown, in the feed’s order', () => {
    const m = timelineViewModel(input({ isShown: (id) => id === 'fire' || id === 'fraud' }));
    expect(m.shown).toEqual([slot('fraud'), slot('fire')].sort((x, y) => x - y));
  });

  it('selects the periods `start` and `end` touch, and says a range was chosen', () => {
    const m = timelineViewModel(input({ start: '2016-03-10', end: '2016-05-20' }));
    expect(m.ranged).toBe(true);
    expect(m.k1 - m.k0).toBe(2);
    expect(m.view.starts[m.k0]).toBeLessThanOrEqual(m.a);
    // Blank attributes choose no range.
    expect(timelineViewModel(input({ start: ' ', end: '' })).ranged).toBe(false);
  });

  it('keeps the cursor only inside the periods shown', () => {
    const inside = timelineViewModel(input({ start: '2016-01-01', end: '2016-12-31', cursor: 30 }));
    expect(inside.cursor).toBe(30);
    const outside = timelineViewModel(input({ start: '2016-01-01', end: '2016-12-31', cursor: 3 }));
    expect(outside.cursor).toBe(-1);
  });

  it('builds the figures with the function it is given (a memo reuses them)', () => {
    const memo = figuresMemo();
    const first = timelineViewModel(input(), memo);
    const again = timelineViewModel(input(), memo);
    expect(again.figures).toBe(first.figures);
    const other = timelineViewModel(input({ yoy: false }), memo);
    expect(other.figures).not.toBe(first.figures);
  });
});

describe('sameFiguresInput', () => {
  const base = {
    data,
    view,
    shown: [1, 2],
    a: 5,
    b: 9,
    k0: 0,
    k1: 1,
    ranged: false,
    yoy: true,
    locale: 'en' as const,
  };
  it('is true for the same objects and values, false when any differs', () => {
    expect(sameFiguresInput(base, { ...base, shown: [1, 2] })).toBe(true);
    expect(sameFiguresInput(base, { ...base, shown: [1] })).toBe(false);
    expect(sameFiguresInput(base, { ...base, shown: [2, 1] })).toBe(false);
    expect(sameFiguresInput(base, { ...base, b: 10 })).toBe(false);
    expect(sameFiguresInput(base, { ...base, locale: 'zh-CN' })).toBe(false);
    expect(sameFiguresInput(base, { ...base, smallBase: 5 })).toBe(false);
    expect(sameFiguresInput(base, { ...base, view: buildView(data, 'year') })).toBe(false);
  });
});

describe('categoryShown', () => {
  it('follows the legend first, then the `categories` attribute (all when it lists none)', () => {
    const none = new Map<string, boolean>();
    expect(categoryShown('fire', none, undefined)).toBe(true);
    expect(categoryShown('fire', none, ' , ')).toBe(true);
    expect(categoryShown('fire', none, 'fraud, fire')).toBe(true);
    expect(categoryShown('dispute', none, 'fraud, fire')).toBe(false);
    expect(categoryShown('dispute', new Map([['dispute', true]]), 'fraud')).toBe(true);
    expect(categoryShown('fire', new Map([['fire', false]]), undefined)).toBe(false);
    // Not a string (set from script): as if absent.
    expect(categoryShown('fire', none, ['fraud'])).toBe(true);
  });
});

describe('scope', () => {
  it('names the grid, else the sub-district, else the place', () => {
    expect(scopeName(yantian, {}, 'en')).toBe('Yantian District');
    expect(scopeName(yantian, { subdistrict: 'haishan' }, 'en')).toBe('Haishan Subdistrict');
    expect(scopeName(yantian, { subdistrict: 'yantian' }, 'en')).toBe('Yantian District');
    expect(scopeName(yantian, { grid: 'shatoujiao-g01', subdistrict: 'haishan' }, 'zh-CN')).toBe(
      '沙头角第01网格',
    );
    // Unknown ids are shown as they are.
    expect(scopeName(yantian, { grid: 'nowhere' }, 'en')).toBe('nowhere');
    expect(scopeName(yantian, { subdistrict: 'elsewhere' }, 'en')).toBe('elsewhere');
  });

  it('gives the id of what is shown for file names', () => {
    expect(scopeId(yantian, {})).toBe('yantian');
    expect(scopeId(yantian, { subdistrict: ' haishan ' })).toBe('haishan');
    expect(scopeId(yantian, { grid: 'shatoujiao-g01', subdistrict: 'haishan' })).toBe('shatoujiao-g01');
    expect(scopeId(yantian, { grid: 42 })).toBe('yantian');
  });
});

describe('attribute values', () => {
  it('rounds the heading level into 1–6, 2 when it is not a number or 0', () => {
    expect([headingLevel(3), headingLevel(-3), headingLevel(9), headingLevel(3.6)]).toEqual([3, 1, 6, 4]);
    expect(headingLevel(0)).toBe(2);
    expect([headingLevel('x'), headingLevel(undefined), headingLevel(Number.NaN)]).toEqual([2, 2, 2]);
  });

  it('trims strings and drops empty or non-string values', () => {
    expect(trimmed(' a ')).toBe('a');
    expect([trimmed('  '), trimmed(''), trimmed(42), trimmed(undefined)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([hasText(' a'), hasText(' '), hasText(1)]).toEqual([true, false, false]);
  });
});
