import { DEFAULT_GRADE_BANDS, validateFeed, type Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { sampleFeed } from '../test/feeds.js';
import { gaugeAbout } from './about-text.js';
import { gaugeModel, type GaugeModel } from './gauge-model.js';

function model(options: Parameters<typeof gaugeModel>[1] = {}, feed = sampleFeed()): GaugeModel {
  const result = validateFeed(feed);
  const m = gaugeModel(result.feed as Feed, options);
  if (!m.ok) throw new Error('unknown area');
  return m.model;
}

describe('the description block', () => {
  it('says what the index is, how it is computed, the grade bands, coverage and keys', () => {
    const a = gaugeAbout(model(), 'en', true);
    expect(a.what).toContain('Safety index of Yantian District: one number from 0 to 100');
    expect(a.what).toContain('56 weighted indicators in 8 areas');
    expect(a.how).toContain('weight in points times its attainment');
    expect(a.how).toContain('never counted as 0');
    expect(a.how).toContain('Grades: Excellent from 90; Good from 75; Fair from 60; Poor below 60.');
    expect(a.how).toContain('no threshold ticks');
    expect(a.how).toContain('14 of 56 indicators have an earlier figure; the change compares those only.');
    expect(a.keys).toContain('Left and Right arrow keys');
    expect(a.keys).toContain('Home and End');
    expect(a.keys).toContain('Escape');
  });

  it('speaks Chinese', () => {
    const a = gaugeAbout(model(), 'zh-CN', true);
    expect(a.what).toContain('盐田区安全指数：用0到100的一个数概括8个领域的56项加权指标');
    expect(a.how).toContain(
      '评级：优秀（90分及以上）；良好（75分及以上）；一般（60分及以上）；较差（低于60分）。',
    );
    expect(a.how).toContain('56项指标中14项有上期数据');
    expect(a.keys).toContain('方向键');
  });

  it('follows custom bands, one area, and a ring that is only a picture', () => {
    const a = gaugeAbout(
      model({
        area: 'fire',
        bands: [
          { name: 'high', min: 80 },
          { name: 'low', min: 0 },
        ],
      }),
      'en',
      true,
    );
    expect(a.what).toContain('Fire safety index of Yantian District');
    expect(a.what).toContain('the 7 weighted indicators of this area');
    expect(a.how).toContain('Grades: high from 80; low below 80.');
    expect(a.keys).toBe('The gauge has no keys of its own; the table below lists every area.');
    expect(gaugeAbout(model(), 'en', false).keys).toBe(
      'The gauge has no keys of its own; the table below lists every area.',
    );
    expect(DEFAULT_GRADE_BANDS.length).toBe(4);
  });

  it('says when nothing can be compared, and when coverage is partial', () => {
    const feed = sampleFeed();
    for (const i of feed.indicators) Object.assign(i, { previous: null, history: [] });
    (feed.indicators[0] as { value: number | null }).value = null;
    const a = gaugeAbout(model({}, feed), 'en', true);
    expect(a.how).toContain('No indicator has an earlier figure, so no change is shown.');
    expect(a.how).toMatch(/Scored: 9\d% of the indicator weight has data\./);
  });
});
