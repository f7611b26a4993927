import { describe, expect, it } from 'vitest';
import { imageWidth, SHARE_WIDGETS, shareUrl, snapshotBase, viewOptions } from './share-link.js';

const [gauge, map, timeline, table] = SHARE_WIDGETS as [
  (typeof SHARE_WIDGETS)[number],
  (typeof SHARE_WIDGETS)[number],
  (typeof SHARE_WIDGETS)[number],
  (typeof SHARE_WIDGETS)[number],
];
const PAGE = 'https://safety.example.gov.cn/?lang=en&grid=meisha-g03';

/** An element's attributes, as `getAttribute` reads them (`''` for a boolean that is on). */
const attributes =
  (values: Record<string, string>) =>
  (name: string): string | null =>
    values[name] ?? null;

describe('the share links', () => {
  it('open the map of the chosen grid and metric, in the page’s language and colours, from the page’s feed', () => {
    // The page's markup, then the reader picked fires and counts in the map's toolbar and selected a grid.
    const options = viewOptions(
      map,
      attributes({ feed: 'district', metric: 'cases', rate: 'per-10k', context: '', selected: 'meisha-g03' }),
      '?lang=en&metric=fires&rate=count&grid=meisha-g03',
    );
    expect(options).toEqual([
      ['metric', 'fires'],
      ['rate', 'count'],
      ['context', '1'],
      ['selected', 'meisha-g03'],
    ]);
    expect(
      shareUrl({
        widget: map,
        feedSrc: '/api/feeds/yantian',
        pageUrl: PAGE,
        options,
        lang: 'en',
        dark: true,
        width: 712,
      }),
    ).toBe(
      'https://safety.example.gov.cn/api/feeds/yantian/snapshots/grid-map.png?lang=en&theme=dark&width=710&scale=2&metric=fires&rate=count&context=1&selected=meisha-g03',
    );
  });

  it('open the timeline of the grid with the reader’s interval and range; the comparison as the reader left it', () => {
    const options = viewOptions(
      timeline,
      attributes({ interval: 'month', yoy: '', grid: 'meisha-g03', 'heading-level': '3' }),
      '?interval=week&start=2017-01-01&end=2017-06-30&yoy=0',
    );
    expect(options).toEqual([
      ['interval', 'week'],
      ['start', '2017-01-01'],
      ['end', '2017-06-30'],
      ['grid', 'meisha-g03'],
    ]);
    expect(
      shareUrl({
        widget: timeline,
        feedSrc: '/api/feeds/yantian',
        pageUrl: PAGE,
        options,
        lang: 'zh-CN',
        dark: false,
        width: 1100,
      }),
    ).toBe(
      'https://safety.example.gov.cn/api/feeds/yantian/snapshots/case-timeline.png?lang=zh-CN&theme=light&width=1100&scale=2&interval=week&start=2017-01-01&end=2017-06-30&grid=meisha-g03',
    );
  });

  it('open the table of the sub-district’s feed with the reader’s filters, markup in a search percent-encoded', () => {
    const options = viewOptions(
      table,
      attributes({ feed: 'subdistrict-feed' }),
      '?status=not-met&sort=score:desc&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20%26%20fire',
    );
    const url = shareUrl({
      widget: table,
      feedSrc: '/api/feeds/meisha',
      pageUrl: PAGE,
      options,
      lang: 'en',
      dark: false,
      width: 0,
    })!;
    expect(url).toBe(
      'https://safety.example.gov.cn/api/feeds/meisha/snapshots/indicator-table.png?lang=en&theme=light&width=960&scale=2&status-filter=not-met&sort=score:desc&query=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20%26%20fire',
    );
    expect(new URL(url).searchParams.get('query')).toBe('<script>alert(1)</script> & fire');
  });

  it('leave out what is off or empty, and ignore URL values that could not be attributes', () => {
    expect(viewOptions(gauge, attributes({ area: '  ', compact: '' }), '')).toEqual([['compact', '1']]);
    expect(viewOptions(map, attributes({ layers: '' }), '')).toEqual([['layers', '']]);
    expect(viewOptions(map, attributes({ metric: 'cases' }), `?metric=${'x'.repeat(201)}`)).toEqual([
      ['metric', 'cases'],
    ]);
  });

  it('hang from the feed’s URL without .json, and from nothing that is not http(s)', () => {
    expect(snapshotBase('/api/feeds/yantian', PAGE)).toBe('https://safety.example.gov.cn/api/feeds/yantian');
    expect(snapshotBase('https://data.example.org/feeds/haishan.json?k=1#x', PAGE)).toBe(
      'https://data.example.org/feeds/haishan',
    );
    expect(snapshotBase('javascript:alert(1)', PAGE)).toBeUndefined();
    expect(snapshotBase(null, PAGE)).toBeUndefined();
    expect(
      shareUrl({
        widget: gauge,
        feedSrc: 'data:text/plain,x',
        pageUrl: PAGE,
        options: [],
        lang: 'en',
        dark: false,
        width: 400,
      }),
    ).toBeUndefined();
  });

  it('draw at the widget’s width on the page, rounded to 10 px, within what the service draws', () => {
    expect(imageWidth(343.5)).toBe(340);
    expect(imageWidth(120)).toBe(280);
    expect(imageWidth(2400)).toBe(1600);
    expect(imageWidth(0)).toBeUndefined();
    expect(imageWidth(Number.NaN)).toBeUndefined();
  });
});
