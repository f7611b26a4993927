import { describe, expect, it } from 'vitest';
import { frameTitle, parseEmbedQuery } from './params.js';

const BASE = 'https://safety.example.gov.cn/embed/';

describe('parseEmbedQuery', () => {
  it('reads the widget, the feed URL (relative to the page) and the widget attributes', () => {
    const parsed = parseEmbedQuery(
      '?widget=safety-score-gauge&src=/api/feeds/yantian&lang=en&area=fire&compact=&frame=g1',
      BASE,
    );
    expect(parsed).toEqual({
      ok: true,
      request: {
        widget: 'safety-score-gauge',
        src: 'https://safety.example.gov.cn/api/feeds/yantian',
        frame: 'g1',
        attributes: [
          ['lang', 'en'],
          ['area', 'fire'],
          ['compact', ''],
        ],
      },
    });
  });

  it('drops attribute names that could run script or restyle, and odd names', () => {
    const parsed = parseEmbedQuery(
      '?widget=safety-grid-map&src=feed.json&onclick=alert(1)&style=display:none&x%20y=1&Metric=fires&metric=fires&class=a',
      BASE,
    );
    expect(parsed.ok && parsed.request.attributes).toEqual([['metric', 'fires']]);
  });

  it('says what is wrong with a bad query', () => {
    const message = (q: string) => {
      const parsed = parseEmbedQuery(q, BASE);
      return parsed.ok ? '' : parsed.message;
    };
    expect(message('')).toBe('Name the widget to show: ?widget=safety-score-gauge&src=<feed URL>.');
    expect(message('?widget=<script>')).toMatch(
      /^Unknown widget "<script>"\. Use widget=safety-score-gauge, /,
    );
    expect(message('?widget=safety-case-timeline')).toBe('Give the feed URL: &src=<feed URL>.');
    expect(message('?widget=safety-case-timeline&src=javascript:alert(1)')).toBe(
      'The feed URL must be http or https, not javascript:',
    );
  });
});

describe('frameTitle', () => {
  it('names the widget in the page’s language, Chinese by default', () => {
    expect(frameTitle('safety-score-gauge', 'zh-CN')).toBe('安全指数');
    expect(frameTitle('safety-score-gauge', 'en')).toBe('Safety index');
    expect(frameTitle('safety-grid-map', '')).toBe('网格安全地图');
    expect(frameTitle('', 'en-GB')).toBe('Safety widget');
  });
});
