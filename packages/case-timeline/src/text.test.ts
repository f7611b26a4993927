import { describe, expect, it } from 'vitest';
import { parseIsoDay } from './dates.js';
import { buildTimelineData, windowSum } from './timeline-data.js';
import {
  changeShort,
  dataNotes,
  describeRange,
  liveChangeText,
  periodLabel,
  summarize,
  summarySentence,
} from './text.js';
import { yearChange } from './yoy.js';
import { rawYantian, valid } from '../test/feeds.js';

const d = (iso: string) => parseIsoDay(iso)!;
const yantian = valid(rawYantian());
const data = buildTimelineData(yantian);
const slot = (id: string) => yantian.categories.findIndex((c) => c.id === id);

describe('summary', () => {
  it('fraud alerts in the first half of 2017: 225, down 46%', () => {
    expect(summarize(data, [slot('fraud')], d('2017-01-01'), d('2017-07-01'), 'en')).toEqual([
      'Fraud alerts: 225 in the first half of 2017, down 46% on a year earlier.',
    ]);
    expect(summarize(data, [slot('fraud')], d('2017-01-01'), d('2017-07-01'), 'zh-CN')).toEqual([
      '诈骗警情：2017年上半年225起，比上年同期下降46%。',
    ]);
  });

  it('fires in January–November 2017: 41, down 22.6%; a range past the data is clipped to it', () => {
    expect(summarize(data, [slot('fire')], d('2017-01-01'), d('2018-01-01'), 'en')).toEqual([
      'Fires: 41 from January to November 2017, down 22.6% on a year earlier.',
    ]);
    expect(summarize(data, [slot('fire')], d('2017-01-01'), d('2017-12-01'), 'zh-CN')).toEqual([
      '火灾：2017年1月至11月41起，比上年同期下降22.6%。',
    ]);
  });

  it('marks a small base instead of giving a percentage', () => {
    const fire = slot('fire');
    // A month of 2017 whose fires a year earlier were under 10 and different.
    const months = Array.from({ length: 11 }, (_, m) => m + 1);
    const pick = months.find((m) => {
      const a = d(`2016-${String(m).padStart(2, '0')}-01`);
      const b = d(`2016-${String(m + 1).padStart(2, '0')}-01`);
      const prev = windowSum(data, fire, a, b);
      const now = windowSum(
        data,
        fire,
        d(`2017-${String(m).padStart(2, '0')}-01`),
        d(`2017-${String(m + 1).padStart(2, '0')}-01`),
      );
      return prev < 10 && prev !== now;
    })!;
    const mm = String(pick).padStart(2, '0');
    const next = String(pick + 1).padStart(2, '0');
    const [sentence] = summarize(data, [fire], d(`2017-${mm}-01`), d(`2017-${next}-01`), 'en');
    expect(sentence).toMatch(
      /^Fires: \d+ in \w+ 2017, (up|down) from \d a year earlier \(small base, so no percentage\)\.$/,
    );
    const [zh] = summarize(data, [fire], d(`2017-${mm}-01`), d(`2017-${next}-01`), 'zh-CN');
    expect(zh).toMatch(/^火灾：2017年\d+月\d+起，上年同期\d起（基数小，不计算百分比）。$/);
  });

  it('says when there is nothing a year earlier, and returns nothing outside the data', () => {
    expect(summarize(data, [slot('fraud')], d('2014-01-01'), d('2015-01-01'), 'en')[0]).toMatch(
      /^Fraud alerts: [\d,]+ in 2014; there is no count for a year earlier to compare with\.$/,
    );
    expect(summarize(data, [slot('fraud')], d('2020-01-01'), d('2021-01-01'), 'en')).toEqual([]);
  });
});

describe('describeRange', () => {
  it('names years, halves, quarters, months and days', () => {
    expect(describeRange(d('2016-01-01'), d('2017-01-01'), 'en')).toBe('in 2016');
    expect(describeRange(d('2016-01-01'), d('2017-01-01'), 'zh-CN')).toBe('2016年');
    expect(describeRange(d('2016-07-01'), d('2017-01-01'), 'en')).toBe('in the second half of 2016');
    expect(describeRange(d('2016-07-01'), d('2016-10-01'), 'en')).toBe('in the third quarter of 2016');
    expect(describeRange(d('2016-07-01'), d('2016-10-01'), 'zh-CN')).toBe('2016年第三季度');
    expect(describeRange(d('2016-03-01'), d('2016-04-01'), 'en')).toBe('in March 2016');
    expect(describeRange(d('2016-11-01'), d('2017-03-01'), 'en')).toBe('from November 2016 to February 2017');
    expect(describeRange(d('2016-03-15'), d('2016-03-16'), 'en')).toBe('on Mar 15, 2016');
    expect(describeRange(d('2016-03-15'), d('2016-04-11'), 'en')).toBe('from Mar 15, 2016 to Apr 10, 2016');
    expect(describeRange(d('2016-03-15'), d('2016-04-11'), 'zh-CN')).toBe('2016年3月15日至2016年4月10日');
  });
});

describe('labels', () => {
  it('label periods, saying when the data covers only part of one', () => {
    expect(periodLabel(d('2017-03-01'), 'month', 'en')).toBe('March 2017');
    expect(periodLabel(d('2017-03-01'), 'month', 'zh-CN')).toBe('2017年3月');
    expect(periodLabel(d('2017-10-02'), 'week', 'en')).toBe('Week of Oct 2, 2017');
    expect(periodLabel(d('2017-10-02'), 'week', 'zh-CN')).toBe('2017年10月2日当周');
    expect(
      periodLabel(d('2017-01-01'), 'year', 'en', {
        from: d('2017-01-01'),
        to: d('2017-12-01'),
        end: d('2018-01-01'),
      }),
    ).toBe('2017 (to Nov 30, 2017)');
    expect(
      periodLabel(d('2017-01-01'), 'year', 'zh-CN', {
        from: d('2017-01-01'),
        to: d('2017-12-01'),
        end: d('2018-01-01'),
      }),
    ).toBe('2017年（截至2017年11月30日）');
  });

  it('short changes: a signed percentage with a true minus, or the difference on a small base', () => {
    expect(changeShort(yearChange(225, 417), 'en')).toBe('\u221246%');
    expect(changeShort(yearChange(41, 53), 'en')).toBe('\u221222.6%');
    expect(changeShort(yearChange(4, 2), 'en')).toBe('+2 (small base)');
    expect(changeShort(yearChange(4, 2), 'zh-CN')).toBe('+2（基数小）');
    expect(changeShort(yearChange(4, Number.NaN), 'en')).toBe('—');
  });
});

describe('dataNotes', () => {
  it('lists what the counts leave out, in order, each with its part; nothing when nothing is', () => {
    const raw = rawYantian();
    raw.asOf = '2026-12-07T10:00:00+08:00';
    raw.events.push({
      id: 'today',
      time: '2026-12-07T08:00:00+08:00',
      category: 'fraud',
      kind: 'incident',
      grid: 'meisha-g01',
      subdistrict: 'meisha',
      provenance: 'synthetic',
    });
    const live = buildTimelineData(valid(raw), { grid: 'meisha-g01' });
    expect(dataNotes(live, 'en').map((n) => n.part)).toEqual(['recorded-since', 'withheld']);
    expect(dataNotes(live, 'en')[0]!.text).toBe(
      'The counts end on Nov 30, 2017. 1 incident recorded since is not charted: the days after that are not fully counted.',
    );
    expect(dataNotes(buildTimelineData(valid(rawYantian())), 'zh-CN')).toEqual([]);
  });
});

describe('summarySentence', () => {
  it('says "about the same" for a change that rounds to 0.0%, never "down 0%"', () => {
    const range = 'in 2026';
    expect(summarySentence('All', yearChange(14_547, 14_553), range, 'en')).toBe(
      'All: 14,547 in 2026, about the same as a year earlier (14,553).',
    );
    expect(summarySentence('合计', yearChange(14_547, 14_553), '2026年', 'zh-CN')).toBe(
      '合计：2026年14,547起，与上年同期（14,553起）基本持平。',
    );
    expect(summarySentence('All', yearChange(14_400, 14_553), range, 'en')).toBe(
      'All: 14,400 in 2026, down 1.1% on a year earlier.',
    );
  });
});

describe('liveChangeText', () => {
  it('says how many cases a live update added, and nothing when none were', () => {
    const since = '2026-12-07T14:05:00+08:00';
    expect(liveChangeText({ eventsCounted: 61 }, { eventsCounted: 64 }, since, 'Asia/Shanghai', 'en')).toBe(
      '3 new cases recorded since 2:05 PM.',
    );
    expect(liveChangeText({ eventsCounted: 0 }, { eventsCounted: 1 }, since, 'Asia/Shanghai', 'en')).toBe(
      '1 new case recorded since 2:05 PM.',
    );
    expect(
      liveChangeText({ eventsCounted: 61 }, { eventsCounted: 64 }, since, 'Asia/Shanghai', 'zh-CN'),
    ).toBe('14:05以来新增3起案件。');
    expect(
      liveChangeText({ eventsCounted: 64 }, { eventsCounted: 64 }, since, 'Asia/Shanghai', 'en'),
    ).toBeUndefined();
    // A day's series absorbing its events counts fewer events: not a fall in cases, not said.
    expect(
      liveChangeText({ eventsCounted: 64 }, { eventsCounted: 2 }, since, 'Asia/Shanghai', 'en'),
    ).toBeUndefined();
  });
});
