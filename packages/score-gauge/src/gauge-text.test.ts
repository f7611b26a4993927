import { MINUS_SIGN, formatDateTime, validateFeed, type Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { sampleFeed } from '../test/feeds.js';
import { gaugeModel, type GaugeChange, type GaugeModel } from './gauge-model.js';
import {
  areaLabel,
  asOfText,
  changeSentence,
  compactTime,
  comparedNote,
  contributionText,
  coverageNote,
  formatChange,
  gradeKey,
  liveChangeText,
  meterLabel,
  meterName,
  moversSummary,
  pointsText,
  titleText,
  valueOfText,
  valueText,
} from './gauge-text.js';

function model(options: Parameters<typeof gaugeModel>[1] = {}): GaugeModel {
  const result = validateFeed(sampleFeed());
  const m = gaugeModel(result.feed as Feed, options);
  if (!m.ok) throw new Error('unknown area');
  return m.model;
}

const change = (delta: number, period: GaugeChange['period'] = 'month'): GaugeChange => ({
  delta,
  rounded: Math.round(delta * 10) / 10,
  direction: Math.abs(delta) < 0.05 ? 'flat' : delta > 0 ? 'up' : 'down',
  previous: 90,
  period,
  compared: 3,
  notCompared: 0,
  movers: [],
});

describe('the meter', () => {
  const m = model();
  it('is named for the place', () => {
    expect(meterLabel(m, 'en')).toBe('Safety index, Yantian District');
    expect(meterLabel(m, 'zh-CN')).toBe('盐田区安全指数');
    const fire = model({ area: 'fire' });
    expect(meterLabel(fire, 'en')).toBe('Fire safety index, Yantian District');
    expect(meterLabel(fire, 'zh-CN')).toBe('盐田区消防安全指数');
    expect(titleText(fire, 'en')).toBe('Fire safety index');
  });

  it('says value, grade and change', () => {
    expect(valueText(m, 'en')).toBe('98.6 of 100, excellent, up 3.2 on the previous period');
    expect(valueText(m, 'zh-CN')).toBe('98.6（满分100），优秀，较上期上升3.2');
    expect(valueText({ ...m, change: change(1.2) }, 'en')).toBe(
      '98.6 of 100, excellent, up 1.2 on last month',
    );
    expect(valueText({ ...m, rounded: null }, 'en')).toBeNull();
  });

  it('carries its reading in its name, and only the number in aria-valuetext (Chromium drops aria-valuetext)', () => {
    expect(meterName(m, 'en')).toBe(
      'Safety index, Yantian District: 98.6 of 100, excellent, up 3.2 on the previous period',
    );
    expect(meterName(m, 'zh-CN')).toBe('盐田区安全指数：98.6（满分100），优秀，较上期上升3.2');
    expect(meterName({ ...m, change: null }, 'en')).toBe(
      'Safety index, Yantian District: 98.6 of 100, excellent, no earlier figure to compare with',
    );
    expect(meterName({ ...m, rounded: null }, 'en')).toBe('Safety index, Yantian District');
    expect(valueOfText(m, 'en')).toBe('98.6 of 100');
    expect(valueOfText(m, 'zh-CN')).toBe('98.6（满分100）');
    expect(valueOfText({ ...m, rounded: null }, 'en')).toBeNull();
  });

  it('keeps custom grade names as written', () => {
    const custom = model({ bands: [{ name: 'Top', min: 0 }] });
    expect(valueText(custom, 'en')).toContain(', Top,');
  });
});

describe('the change', () => {
  const m0 = model();
  it('has a sign, with U+2212 for minus', () => {
    expect(formatChange(3.21, 'en')).toBe('+3.2');
    expect(formatChange(-0.44, 'en')).toBe(`${MINUS_SIGN}0.4`);
    expect(formatChange(0.01, 'en')).toBe('0.0');
    expect(formatChange(-0.01, 'en')).toBe('0.0');
  });

  it('is "no earlier figure" in the meter when there is nothing to compare, never a change of 0', () => {
    expect(valueText({ ...m0, change: null }, 'en')).toBe(
      '98.6 of 100, excellent, no earlier figure to compare with',
    );
    expect(valueText({ ...m0, change: null }, 'zh-CN')).toBe('98.6（满分100），优秀，无上期数据可比');
  });

  it('is a sentence in both languages', () => {
    expect(changeSentence(change(-1.26, 'year'), 'en')).toBe('down 1.3 on last year');
    expect(changeSentence(change(-1.26, 'year'), 'zh-CN')).toBe('较上年下降1.3');
    expect(changeSentence(change(0.02), 'en')).toBe('unchanged on last month');
    expect(changeSentence(change(0.02), 'zh-CN')).toBe('与上月持平');
    expect(changeSentence(change(0.5, 'quarter'), 'zh-CN')).toBe('较上季度上升0.5');
  });
});

describe('areas', () => {
  const m = model();
  it('name each segment with its points and its grade in words', () => {
    expect(areaLabel(m.areas[2]!, 'en')).toBe('Fire safety: 12 of 12 points, excellent');
    expect(areaLabel(m.areas[1]!, 'en')).toBe('Public order: 17.7 of 18 points, excellent');
    expect(areaLabel(m.areas[2]!, 'zh-CN')).toBe('消防安全：12分（满分12分），优秀');
    expect(areaLabel({ ...m.areas[2]!, grade: 'fair', tone: 'fair' }, 'en')).toBe(
      'Fire safety: 12 of 12 points, fair',
    );
    expect(pointsText({ score: 10.54, max: 12 }, 'en')).toBe('10.5 of 12 points');
  });

  it('say "no data" for an area with nothing scored, never 0 points', () => {
    const empty = { ...m.areas[2]!, score: 0, index: null, grade: null, tone: null };
    expect(areaLabel(empty, 'en')).toBe('Fire safety: no data');
    expect(areaLabel(empty, 'zh-CN')).toBe('消防安全：暂无数据');
  });

  it('say when an area has no earlier figure, instead of a share of 0', () => {
    const stability = m.areas.find((a) => a.id === 'stability')!;
    expect(stability.contribution).toBeNull();
    expect(contributionText(stability, m.change, 'en')).toBe('No earlier figure to compare with');
    expect(contributionText(stability, m.change, 'zh-CN')).toBe('无上期数据可比');
    const fire = m.areas.find((a) => a.id === 'fire')!;
    expect(contributionText(fire, m.change, 'en')).toBe('+0.4 of the change on the previous period');
    expect(contributionText(fire, null, 'en')).toBeNull();
  });

  it('key the ring: areas per grade, in words beside each glyph', () => {
    expect(gradeKey(m, 'en')).toEqual([{ tone: 'good', glyph: '●', text: '8 excellent' }]);
    expect(gradeKey(m, 'zh-CN')[0]!.text).toBe('优秀8个');
    const mixed = {
      ...m,
      gradeCounts: [
        { grade: 'good', tone: 'good' as const, count: 5 },
        { grade: 'poor', tone: 'poor' as const, count: 2 },
        { grade: null, tone: null, count: 1 },
      ],
    };
    expect(gradeKey(mixed, 'en').map((i) => `${i.glyph} ${i.text}`)).toEqual([
      '● 5 good',
      '○ 2 poor',
      '– 1 no data',
    ]);
    expect(gradeKey({ ...m, gradeCounts: [] }, 'en')).toEqual([]);
  });

  it('summarise what moved the score', () => {
    const summary = moversSummary(m, 'en');
    expect(summary.lead).toBe('What moved the score on the previous period:');
    expect(summary.items.map((i) => `${i.name} ${i.delta} ${i.direction}`)).toEqual([
      'Public order +1.6 up',
      'Emergency management and disaster prevention +1.4 up',
      'Fire safety +0.4 up',
      `Work safety ${MINUS_SIGN}0.2 down`,
    ]);
    expect(summary.more).toBeNull();
    expect(moversSummary(m, 'zh-CN').items[0]!.name).toBe('社会治安');
  });

  it('list at most four movers and count the rest', () => {
    const movers = Array.from({ length: 6 }, (_, i) => ({
      id: `a${i}`,
      name: { zh: '', en: `A${i}` },
      delta: 1,
    }));
    // Four rows at most: with more movers, three and a row that counts the rest.
    const summary = moversSummary({ ...m, change: { ...m.change!, movers } }, 'en');
    expect(summary.items).toHaveLength(3);
    expect(summary.more).toBe('3 more areas changed slightly.');
    const four = moversSummary({ ...m, change: { ...m.change!, movers: movers.slice(0, 4) } }, 'en');
    expect(four.items).toHaveLength(4);
    expect(four.more).toBeNull();
  });

  it('say so when nothing moved or there is nothing to compare', () => {
    expect(moversSummary({ ...m, change: { ...m.change!, movers: [] } }, 'en').lead).toBe(
      'No area moved the score on the previous period.',
    );
    expect(moversSummary({ ...m, change: null }, 'zh-CN').lead).toBe(
      '暂无上期数据可供比较，因此不显示变化。',
    );
    expect(moversSummary({ ...m, change: null }, 'en')).toEqual({
      lead: 'There is no earlier figure to compare with, so no change is shown.',
      items: [],
      more: null,
      compared: null,
    });
  });

  it('say how many indicators the change compares, when not all', () => {
    // In the sample, 14 of the 56 scored indicators have an earlier figure.
    expect(comparedNote(m.change, 'en')).toBe('14 of 56 indicators have an earlier figure.');
    expect(comparedNote(m.change, 'zh-CN')).toBe('56项指标中14项有上期数据可比。');
    expect(moversSummary(m, 'en').compared).toBe('14 of 56 indicators have an earlier figure.');
    expect(comparedNote({ ...m.change!, compared: 1, notCompared: 0 }, 'en')).toBeNull();
    expect(comparedNote({ ...m.change!, compared: 1, notCompared: 0 }, 'en')).toBeNull();
    expect(comparedNote(null, 'en')).toBeNull();
  });
});

describe('notes', () => {
  const m = model();
  it('warn when little of the weight could be scored', () => {
    expect(coverageNote(m, 'en')).toBeNull();
    expect(coverageNote({ ...m, coverage: 0.85 }, 'en')).toBe(
      'Based on 85% of the indicator weight: some indicators have no data.',
    );
  });

  it('give the time of the data in the place’s zone', () => {
    expect(asOfText(m, 'en')).toBe('As of Dec 4, 2017, 9:00 AM');
    expect(asOfText(m, 'zh-CN')).toBe('数据截至2017年12月4日 09:00');
  });

  it('give a short time for the compact layout: no year this year, no time for an older one', () => {
    const now = Date.parse('2017-12-20T12:00:00+08:00');
    expect(compactTime(m.asOf, now, 'en', m.timeZone)).toBe('Dec 4, 9:00 AM');
    expect(compactTime(m.asOf, now, 'zh-CN', m.timeZone)).toBe('12月4日 09:00');
    const later = Date.parse('2019-01-02T12:00:00+08:00');
    expect(compactTime(m.asOf, later, 'en', m.timeZone)).toBe('Dec 4, 2017');
    expect(compactTime(m.asOf, later, 'zh-CN', m.timeZone)).toBe('2017年12月4日');
    // New Year's Eve in Shanghai is already the new year there.
    const eve = '2017-12-31T17:00:00Z';
    expect(compactTime(eve, Date.parse('2018-01-01T12:00:00+08:00'), 'en', 'Asia/Shanghai')).toBe(
      'Jan 1, 1:00 AM',
    );
    expect(compactTime('not a date', now, 'en', m.timeZone)).toBe(formatDateTime('not a date', 'en'));
  });
});

describe('liveChangeText', () => {
  const base = model();
  const at = (rounded: number | null, grade = base.grade): GaugeModel => ({ ...base, rounded, grade });

  it('says the new value and how far it moved, in both languages', () => {
    expect(liveChangeText(at(95.1), at(95.2), 'en')).toBe('Safety index now 95.2, up 0.1.');
    expect(liveChangeText(at(95.2), at(94.7), 'zh-CN')).toBe('安全指数现为94.7，下降0.5。');
  });

  it('says a change of grade alone, and nothing a reader could not perceive', () => {
    expect(liveChangeText(at(95.2), at(95.2), 'en')).toBeUndefined();
    expect(liveChangeText(at(null), at(95.2), 'en')).toBeUndefined();
    expect(liveChangeText(at(95.2), at(null), 'en')).toBeUndefined();
    const other = base.grade === 'good' ? 'excellent' : 'good';
    expect(liveChangeText(at(80, other), at(80), 'en')).toMatch(/^Safety index now 80(\.0)?, \w+\.$/);
  });
});
