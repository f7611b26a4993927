/**
 * The docs' image links (.storybook/snapshot-link.ts): a widget story's args and the toolbar's globals
 * → `<feed URL>/snapshots/<widget>.<format>?…`, and the "WeChat/newsletter snippet" around it. Against
 * the built packages' custom-elements manifests, as the docs app maps args with them.
 */
import { describe, expect, it } from 'vitest';
import {
  IMAGE_WIDGETS,
  fallbackAlt,
  imageHeight,
  noScriptSnippet,
  snapshotFeedBase,
  snapshotUrl,
  storyWidth,
  type SnapshotOptions,
} from '../../../.storybook/snapshot-link.ts';
import { WIDGETS } from '../../../.storybook/widget-args.ts';
import { widgetManifests } from './widget-manifests.ts';
import { attributesOf } from './html-attributes.ts';

const elements = widgetManifests();
const zhLight: SnapshotOptions = { elements, globals: { locale: 'zh-CN', theme: 'light' } };
const enDark: SnapshotOptions = { elements, globals: { locale: 'en', theme: 'dark' } };
const FEED = 'https://safety.example.gov.cn/api/feeds/yantian';
const HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>';

/** The query of a URL as `[name, value]` pairs, decoded, in order. */
const query = (url: string | undefined) => [...new URL(url!).searchParams];

/** The tags of `html` in order (`p`, `/p`…). */
const tagsOf = (html: string) => [...html.matchAll(/<(\/?[a-z]+)/gi)].map((m) => m[1]!.toLowerCase());

describe('snapshotUrl', () => {
  it('is the feed URL without .json, /snapshots/<widget>.png, the language, theme, width, scale and options', () => {
    const url = snapshotUrl('safety-score-gauge', { data: {}, area: 'fire', width: '420px' }, zhLight, 'png');
    expect(url).toBe(`${FEED}/snapshots/score-gauge.png?lang=zh-CN&theme=light&width=360&scale=2&area=fire`);
  });

  it('takes every widget, each at its own default width, by the tag name without safety-', () => {
    for (const tag of WIDGETS) {
      const url = new URL(snapshotUrl(tag, {}, zhLight, 'png')!);
      expect(url.pathname).toBe(`/api/feeds/yantian/snapshots/${tag.replace('safety-', '')}.png`);
      expect(url.searchParams.get('width')).toBe(String(IMAGE_WIDGETS[tag].width));
    }
  });

  it('offers SVG for the gauge and the map only; the text alternative carries only what changes its words', () => {
    expect(snapshotUrl('safety-grid-map', { metric: 'fires' }, enDark, 'svg')).toBe(
      `${FEED}/snapshots/grid-map.svg?lang=en&theme=dark&width=640&metric=fires`,
    );
    expect(snapshotUrl('safety-case-timeline', {}, zhLight, 'svg')).toBeUndefined();
    expect(snapshotUrl('safety-indicator-table', {}, zhLight, 'svg')).toBeUndefined();
    expect(snapshotUrl('safety-case-timeline', { interval: 'week' }, enDark, 'txt')).toBe(
      `${FEED}/snapshots/case-timeline.txt?lang=en&interval=week`,
    );
  });

  it('is undefined for anything that is not a widget', () => {
    expect(snapshotUrl(undefined, {}, zhLight, 'png')).toBeUndefined();
    expect(snapshotUrl('safety-feed', {}, zhLight, 'png')).toBeUndefined();
    expect(snapshotUrl('script', {}, zhLight, 'png')).toBeUndefined();
  });

  it('maps args to attribute names as the embed snippet does, and leaves out what an image does not take', () => {
    const args = {
      dataset: 'current',
      width: 1000,
      statusFilter: 'not-met',
      sort: 'score:desc',
      compact: true,
      query: '',
      area: undefined,
      announce: 'off',
      snapshot: true,
      feed: 'district',
      src: 'feeds/meisha.json',
      status: 'ready',
    };
    expect(query(snapshotUrl('safety-indicator-table', args, zhLight, 'png'))).toEqual([
      ['lang', 'zh-CN'],
      ['theme', 'light'],
      ['width', '960'],
      ['scale', '2'],
      ['status-filter', 'not-met'],
      ['sort', 'score:desc'],
      ['compact', '1'],
    ]);
  });

  it('keeps an empty layers (no point layers) and numbers; reads the map’s and the timeline’s options', () => {
    expect(
      query(
        snapshotUrl(
          'safety-grid-map',
          { layers: '', privacyThreshold: 5, selected: 'meisha-g03', metric: 'category:fire', context: true },
          zhLight,
          'png',
        ),
      ).slice(4),
    ).toEqual([
      ['layers', ''],
      ['privacy-threshold', '5'],
      ['selected', 'meisha-g03'],
      ['metric', 'category:fire'],
      ['context', '1'],
    ]);
    expect(
      snapshotUrl(
        'safety-case-timeline',
        { interval: 'week', start: '2017-01-01', end: '2017-06-30', categories: 'fraud,theft', yoy: true },
        zhLight,
        'png',
      ),
    ).toBe(
      `${FEED}/snapshots/case-timeline.png?lang=zh-CN&theme=light&width=720&scale=2&interval=week&start=2017-01-01&end=2017-06-30&categories=fraud,theft&yoy=1`,
    );
  });

  it('follows the toolbar: its locale and theme unless the story sets its own; high contrast and auto draw as the toolbar says', () => {
    const url = (args: Record<string, unknown>, globals: Record<string, unknown>) =>
      new URL(snapshotUrl('safety-score-gauge', args, { elements, globals }, 'png')!).searchParams;
    expect(url({}, { locale: 'en', theme: 'dark' }).get('lang')).toBe('en');
    expect(url({}, { locale: 'en', theme: 'dark' }).get('theme')).toBe('dark');
    expect(url({ lang: 'zh-CN', theme: 'light' }, { locale: 'en', theme: 'dark' }).get('lang')).toBe('zh-CN');
    expect(url({ theme: 'light' }, { theme: 'dark' }).get('theme')).toBe('light');
    expect(url({ theme: 'auto' }, { theme: 'dark' }).get('theme')).toBe('dark');
    expect(url({}, { locale: 'en', theme: 'high-contrast' }).get('theme')).toBe('light');
    // Languages and themes the service does not draw.
    expect(url({ lang: 'fr' }, { locale: 'en' }).get('lang')).toBe('en');
    expect(url({ lang: 'zh' }, {}).get('lang')).toBe('zh-CN');
    expect(url({}, {}).get('lang')).toBe('zh-CN');
    expect(url({ theme: 'neon' }, { theme: 'solarized' }).get('theme')).toBe('light');
  });

  it('draws the width asked for, within 280–1600 whole px, and a scale of 1 to 3', () => {
    const params = (options: Partial<SnapshotOptions>) =>
      new URL(snapshotUrl('safety-grid-map', {}, { ...zhLight, ...options }, 'png')!).searchParams;
    expect(params({ width: 480.4 }).get('width')).toBe('480');
    expect(params({ width: 100 }).get('width')).toBe('280');
    expect(params({ width: 9999 }).get('width')).toBe('1600');
    expect(params({ width: Number.NaN }).get('width')).toBe('640');
    expect(params({ scale: 3 }).get('scale')).toBe('3');
    expect(params({ scale: 7 }).get('scale')).toBe('2');
    expect(params({ scale: 1.5 }).get('scale')).toBe('2');
  });

  it('reads a story’s box width as the image width: px numbers and text, nothing else', () => {
    expect(storyWidth(960)).toBe(960);
    expect(storyWidth('420px')).toBe(420);
    expect(storyWidth(' 360 ')).toBe(360);
    expect(storyWidth('100%')).toBeUndefined();
    expect(storyWidth('20em')).toBeUndefined();
    expect(storyWidth(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(storyWidth(undefined)).toBeUndefined();
  });

  it('hangs from the story’s feed, or the reader’s own, never from anything but an http(s) URL', () => {
    const base = (args: Record<string, unknown>, feed?: string) =>
      snapshotUrl('safety-score-gauge', args, { ...zhLight, feed }, 'txt')!.split('/snapshots/')[0];
    expect(base({ src: 'feeds/meisha.json' })).toBe('https://safety.example.gov.cn/api/feeds/meisha');
    expect(base({ src: 'https://data.example.org/api/feeds/haishan.json?key=1#top' })).toBe(
      'https://data.example.org/api/feeds/haishan',
    );
    expect(base({}, 'https://feeds.example.net/api/feeds/yantian/')).toBe(
      'https://feeds.example.net/api/feeds/yantian',
    );
    expect(base({}, 'javascript:alert(1)')).toBe(FEED);
    expect(base({}, 'not a url')).toBe(FEED);
    expect(snapshotFeedBase('ftp://example.org/feed.json')).toBeUndefined();
    expect(snapshotFeedBase(42)).toBeUndefined();
  });

  it('percent-encodes markup, quotes, ampersands and spaces in values: they come back as the text they were', () => {
    const text = `${HOSTILE} & x=1 #frag`;
    const url = snapshotUrl('safety-indicator-table', { query: text }, zhLight, 'png')!;
    expect(url).not.toMatch(/[<>"' #]/);
    expect(new URL(url).searchParams.get('query')).toBe(text);
    expect([...new URL(url).searchParams.keys()]).toEqual(['lang', 'theme', 'width', 'scale', 'query']);
  });
});

describe('noScriptSnippet (WeChat and newsletters)', () => {
  it('is one image at scale 2 with its text alternative and width, and a source line: nothing but inline HTML', () => {
    const snippet = noScriptSnippet(
      'safety-score-gauge',
      { data: {} },
      { ...zhLight, width: 480, alt: '综合安全指数 82.3 分，良好。' },
    )!;
    const img = attributesOf(snippet, 'img');
    expect(img).toEqual({
      src: `${FEED}/snapshots/score-gauge.png?lang=zh-CN&theme=light&width=480&scale=2`,
      width: '480',
      alt: '综合安全指数 82.3 分，良好。',
      style: 'display:block;max-width:100%;height:auto;border:0',
    });
    expect(attributesOf(snippet, 'a')).toEqual({ href: FEED });
    expect(snippet).toContain(
      `来源及实时数据：<a href="${FEED}">safety.example.gov.cn/api/feeds/yantian</a>`,
    );
    expect(snippet.split('\n')).toHaveLength(2);
    expect(tagsOf(snippet)).toEqual(['p', 'img', '/p', 'p', 'a', '/a', '/p']);
  });

  it('says its source line in English for an English image, and links the live page when given one', () => {
    const snippet = noScriptSnippet(
      'safety-grid-map',
      { lang: 'en' },
      { ...zhLight, link: 'https://www.yantian.gov.cn/safety/?grid=meisha-g03&lang=en' },
    )!;
    expect(snippet).toContain(
      'Source and live figures: <a href="https://www.yantian.gov.cn/safety/?grid=meisha-g03&amp;lang=en">',
    );
    expect(attributesOf(snippet, 'a').href).toBe(
      'https://www.yantian.gov.cn/safety/?grid=meisha-g03&lang=en',
    );
  });

  it('escapes markup in the text alternative, the options and the link: it stays text', () => {
    const snippet = noScriptSnippet(
      'safety-indicator-table',
      { query: HOSTILE, src: 'https://x.example/"onerror="alert(3).json' },
      { ...enDark, alt: HOSTILE, link: `https://x.example/?q=${HOSTILE}` },
    )!;
    // Every `<` of the text is escaped: the tags are the snippet's own, with their own attributes.
    expect(tagsOf(snippet)).toEqual(['p', 'img', '/p', 'p', 'a', '/a', '/p']);
    const img = attributesOf(snippet, 'img');
    expect(Object.keys(img)).toEqual(['src', 'width', 'alt', 'style']);
    expect(img.alt).toBe(HOSTILE);
    expect(new URL(img.src!).searchParams.get('query')).toBe(HOSTILE);
    expect(new URL(img.src!).pathname).toBe('/%22onerror=%22alert(3)/snapshots/indicator-table.png');
    expect(attributesOf(snippet, 'a').href).toBe(`https://x.example/?q=${HOSTILE}`);
  });

  it('names the widget and its feed while the widget has no text alternative yet, in the image’s language', () => {
    const zh = attributesOf(noScriptSnippet('safety-case-timeline', {}, { ...zhLight, alt: '  ' })!, 'img');
    expect(zh.alt).toBe(`案件走势（数据源：${FEED}）`);
    const en = attributesOf(noScriptSnippet('safety-case-timeline', {}, enDark)!, 'img');
    expect(en.alt).toBe(`Case trends, from the feed ${FEED}`);
    expect(fallbackAlt('safety-indicator-table', 'en', FEED)).toBe(
      `Safety indicators, from the feed ${FEED}`,
    );
  });

  it('takes the text alternative as one line: new lines and control characters go', () => {
    const snippet = noScriptSnippet('safety-score-gauge', {}, { ...enDark, alt: 'Score 82\n\tgood\u0007.' })!;
    expect(attributesOf(snippet, 'img').alt).toBe('Score 82 good.');
  });

  it('is undefined for anything that is not a widget', () => {
    expect(noScriptSnippet('div', {}, zhLight)).toBeUndefined();
    expect(noScriptSnippet(undefined, {}, zhLight)).toBeUndefined();
  });

  it('expects a height from the widget’s shape, for the embed snippet’s placeholder', () => {
    expect(imageHeight('safety-score-gauge', 360)).toBe(
      Math.round(360 * IMAGE_WIDGETS['safety-score-gauge'].ratio),
    );
    for (const tag of WIDGETS) expect(imageHeight(tag, 400)).toBeGreaterThan(0);
  });
});
