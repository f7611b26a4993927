import { describe, expect, it } from 'vitest';
import { parseIsoDay } from './dates.js';
import { buildFigures, type FiguresInput } from './figures.js';
import { selectRange } from './range.js';
import { buildView } from './timeline-view.js';
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

/** buildFigures over the monthly view of `input.data`, the periods `[k0, k1]` of days `[a, b]`. */
function figures(input: Omit<FiguresInput, 'view' | 'k0' | 'k1'>) {
  const view = buildView(input.data, 'month');
  const { k0, k1 } = selectRange(input.data, view, undefined, undefined);
  const sel = input.ranged ? selectRange(input.data, view, iso(input.a), iso(input.b)) : { k0, k1 };
  return buildFigures({ ...input, view, k0: sel.k0, k1: sel.k1 });
}
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

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
  it('without a range: the whole span (total, peak, trend), then the latest period against a year earlier', () => {
    const f = figures({ ...base, data, a: data.firstDay, b: data.endDay - 1, ranged: false });
    expect(f.overview).toMatch(
      /^From January 2014 to November 2017: [\d,]+ cases in all, the most in [A-Z][a-z]+ 201\d \([\d,]+\), (falling|rising|level) overall\.$/,
    );
    expect(f.range).toBe('in November 2017');
    expect(f.headline).toMatch(
      /^6 categories together: [\d,]+ in November 2017, (up|down) [\d.]+% on a year earlier\.$/,
    );
    expect(f.sentences).toHaveLength(6);
    expect(f.sentences[slot('fire')]).toBe(
      'Fires: 4 in November 2017, up from 2 a year earlier (small base, so no percentage).',
    );
    expect(f.previousDrawn).toEqual([true, true, true, true, true, true]);
    const zh = figures({
      ...base,
      locale: 'zh-CN',
      data,
      a: data.firstDay,
      b: data.endDay - 1,
      ranged: false,
    });
    expect(zh.overview).toMatch(
      /^2014年1月至2017年11月共[\d,]+起，201\d年\d+月最多（[\d,]+起），总体(上升|下降|平稳)。$/,
    );
  });

  it('the overview total is the legend’s totals summed; a range gets its own overview', () => {
    const a = d('2016-01-01');
    const b = d('2016-12-31');
    const f = figures({ ...base, data, shown: [slot('fire')], a, b, ranged: true });
    expect(f.overview).toMatch(/^In 2016: [\d,]+ cases in all, the most in [A-Z][a-z]+ 2016 \(\d+\), /);
    expect(f.headline).toMatch(/^Fires: [\d,]+ in 2016, /);
  });

  it('draws a year-earlier line exactly where the figures state the comparison', () => {
    // A range starting in 2014: nothing a year earlier for the whole range, so no dashed line.
    const early = figures({ ...base, data, a: d('2014-03-01'), b: d('2016-08-31'), ranged: true });
    expect(early.previousDrawn.every((p) => !p)).toBe(true);
    expect(early.sentences.every((s) => s.includes('no count for a year earlier'))).toBe(true);
    expect(early.headline).toContain('no count for a year earlier');
    // Fire counted from 2016: in 2016 only fire has nothing a year earlier.
    const late = lateFire();
    const f = figures({ ...base, data: late, a: d('2016-03-01'), b: d('2016-08-31'), ranged: true });
    f.rows.forEach(({ c }, i) => {
      const says = !f.sentences[i]!.includes('no count for a year earlier');
      expect(f.previousDrawn[c]).toBe(says);
      expect(says).toBe(c !== slot('fire'));
    });
    expect(f.headline).toMatch(
      /^5 of 6 categories with a count a year earlier: [\d,]+ from March to August 2016, (up|down) /,
    );
    // yoy off: no line at all, the figures unchanged.
    const off = figures({
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
    const two = figures({
      ...base,
      data,
      shown: [slot('fire'), slot('fraud')],
      a: d('2017-01-01'),
      b: d('2017-06-30'),
      ranged: true,
    });
    expect(two.headline).toMatch(/^2 categories together: [\d,]+ in the first half of 2017/);
    expect(two.previousDrawn.filter(Boolean)).toHaveLength(2);
    const none = figures({
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
