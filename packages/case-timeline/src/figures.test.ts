import { describe, expect, it } from 'vitest';
import { parseIsoDay } from './dates.js';
import { buildFigures } from './figures.js';
import { headlineSentence } from './text.js';
import { buildTimelineData } from './timeline-data.js';
import { yearChange } from './yoy.js';
import { rawYantian, valid } from '../test/feeds.js';

const d = (iso: string) => parseIsoDay(iso)!;
const yantian = valid(rawYantian());
const data = buildTimelineData(yantian);
const all = data.categories.map((_, c) => c);
const slot = (id: string) => data.categories.findIndex((c) => c.id === id);

/** The district feed with fire counted only from 2016: no fires a year earlier in 2016. */
function lateFire() {
  const raw = rawYantian();
  for (const s of raw.series as { category: string; grid?: string; start: string; counts: number[] }[]) {
    if (s.category === 'fire' && !s.grid) {
      s.start = '2016-01-01';
      s.counts = s.counts.slice(730);
    }
  }
  return buildTimelineData(valid(raw));
}

const base = { shown: all, yoy: true, locale: 'en' as const };

describe('headlineSentence', () => {
  const change = (current: number, previous: number) => yearChange(current, previous);
  const range = 'in 2017';

  it('one category: its own sentence', () => {
    expect(headlineSentence([{ c: slot('fire'), change: change(41, 53) }], data, range, 'en')).toBe(
      'Fires: 41 in 2017, down 22.6% on a year earlier.',
    );
  });

  it('several: their total and its change, in both languages', () => {
    const rows = [
      { c: slot('fire'), change: change(41, 53) },
      { c: slot('fraud'), change: change(436, 705) },
    ];
    expect(headlineSentence(rows, data, range, 'en')).toBe(
      '2 categories together: 477 in 2017, down 37.1% on a year earlier.',
    );
    expect(headlineSentence(rows, data, '2017年', 'zh-CN')).toBe(
      '2类合计：2017年477起，比上年同期下降37.1%。',
    );
  });

  it('leaves categories without data out of the total, never as 0', () => {
    const rows = [
      { c: slot('fire'), change: change(41, 53) },
      { c: slot('fraud'), change: change(Number.NaN, 705) },
      { c: slot('dispute'), change: change(100, 100) },
    ];
    expect(headlineSentence(rows, data, range, 'en')).toBe(
      '2 categories together: 141 in 2017, down 7.8% on a year earlier.',
    );
    // Only one left with data: its own sentence.
    expect(headlineSentence(rows.slice(0, 2), data, range, 'en')).toBe(
      'Fires: 41 in 2017, down 22.6% on a year earlier.',
    );
    expect(headlineSentence([rows[1]!, rows[1]!], data, range, 'en')).toBe(
      'No data in 2017 for the categories shown.',
    );
  });

  it('compares only what has a count a year earlier, and says whose', () => {
    const rows = [
      { c: slot('fire'), change: change(41, Number.NaN) },
      { c: slot('fraud'), change: change(436, 705) },
      { c: slot('dispute'), change: change(364, 380) },
    ];
    expect(headlineSentence(rows, data, range, 'en')).toBe(
      '2 of 3 categories with a count a year earlier: 800 in 2017, down 26.3% on a year earlier.',
    );
    const none = rows.map((r) => ({ ...r, change: change(r.change.current, Number.NaN) }));
    expect(headlineSentence(none, data, range, 'en')).toBe(
      '3 categories together: 841 in 2017; there is no count for a year earlier to compare with.',
    );
  });

  it('says when nothing is selected', () => {
    expect(headlineSentence([], data, range, 'en')).toBe(
      'No category is selected: choose one above to see its counts.',
    );
  });
});

describe('buildFigures', () => {
  it('without a range: the latest year to date, one headline and a sentence per category', () => {
    const f = buildFigures({ ...base, data, a: data.firstDay, b: data.endDay - 1, ranged: false });
    expect(f.range).toBe('from January to November 2017');
    expect(f.headline).toBe(
      '6 categories together: 14,844 from January to November 2017, down 10.9% on a year earlier.',
    );
    expect(f.sentences).toHaveLength(6);
    expect(f.sentences[slot('fire')]).toBe(
      'Fires: 41 from January to November 2017, down 22.6% on a year earlier.',
    );
    expect(f.previousDrawn).toEqual([true, true, true, true, true, true]);
  });

  it('draws a year-earlier line exactly where the figures state the comparison', () => {
    // A range starting in 2014: nothing a year earlier for the whole range, so no dashed line.
    const early = buildFigures({ ...base, data, a: d('2014-03-01'), b: d('2016-08-31'), ranged: true });
    expect(early.previousDrawn.every((p) => !p)).toBe(true);
    expect(early.sentences.every((s) => s.includes('no count for a year earlier'))).toBe(true);
    expect(early.headline).toContain('no count for a year earlier');
    // Fire counted from 2016: in 2016 only fire has nothing a year earlier.
    const late = lateFire();
    const f = buildFigures({ ...base, data: late, a: d('2016-03-01'), b: d('2016-08-31'), ranged: true });
    f.rows.forEach(({ c }, i) => {
      const says = !f.sentences[i]!.includes('no count for a year earlier');
      expect(f.previousDrawn[c]).toBe(says);
      expect(says).toBe(c !== slot('fire'));
    });
    expect(f.headline).toMatch(
      /^5 of 6 categories with a count a year earlier: [\d,]+ from March to August 2016, (up|down) /,
    );
    // yoy off: no line at all, the figures unchanged.
    const off = buildFigures({
      ...base,
      yoy: false,
      data: late,
      a: d('2016-03-01'),
      b: d('2016-08-31'),
      ranged: true,
    });
    expect(off.previousDrawn.every((p) => !p)).toBe(true);
    expect(off.sentences).toEqual(f.sentences);
  });

  it('hidden categories are neither summed nor drawn; none shown says so', () => {
    const two = buildFigures({
      ...base,
      data,
      shown: [slot('fire'), slot('fraud')],
      a: d('2017-01-01'),
      b: d('2017-06-30'),
      ranged: true,
    });
    expect(two.headline).toMatch(/^2 categories together: [\d,]+ in the first half of 2017/);
    expect(two.previousDrawn.filter(Boolean)).toHaveLength(2);
    const none = buildFigures({
      ...base,
      data,
      shown: [],
      a: data.firstDay,
      b: data.endDay - 1,
      ranged: false,
    });
    expect(none.headline).toBe('No category is selected: choose one above to see its counts.');
    expect(none.sentences).toEqual([none.headline]);
    expect(none.previousDrawn.every((p) => !p)).toBe(true);
  });
});
