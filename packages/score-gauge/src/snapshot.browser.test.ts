/**
 * <safety-score-gauge> as a still picture (`snapshot`, print) and its text alternative (`summary`),
 * in Chromium, with the sample district's feed.
 */
import { formatDateTime } from '@safety-widgets/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import type {} from '@vitest/browser-playwright';
import { controlsInTree, visibleControls } from '../../../test/still-picture.js';
import { sampleFeed, type FeedJson } from '../test/feeds.js';
import './safety-score-gauge.js';
import type { SafetyScoreGauge } from './safety-score-gauge.js';

const POLL = { timeout: 10_000, interval: 20 };

const emulate = (media: string) => cdp().send('Emulation.setEmulatedMedia', { media, features: [] });

afterEach(async () => {
  document.body.replaceChildren();
  await emulate('');
});

async function mount(data: unknown, setup: (el: SafetyScoreGauge) => void = () => {}) {
  const el = document.createElement('safety-score-gauge');
  el.lang = 'en';
  setup(el);
  el.data = data;
  const box = document.createElement('div');
  box.style.width = '600px';
  box.append(el);
  document.body.append(box);
  await vi.waitFor(() => expect(['ready', 'stale', 'empty']).toContain(el.status), POLL);
  await el.updateComplete;
  return el;
}

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
/** A sample feed whose every indicator has no value. */
function noValues(): FeedJson {
  const feed = sampleFeed();
  for (const i of feed.indicators) (i as { value: number | null }).value = null;
  return feed;
}

describe('snapshot', () => {
  it('live, the ring is a toolbar of buttons and there are disclosures (what snapshot takes away)', async () => {
    const el = await mount(sampleFeed());
    expect(visibleControls(el).length).toBeGreaterThan(8);
    const tree = await controlsInTree();
    expect(tree).toContain('toolbar');
    expect(tree).toContain('button');
  });

  it('draws the gauge with no control, in view or in the accessibility tree, and a footer line', async () => {
    const el = await mount(sampleFeed(), (e) => (e.snapshot = true));
    expect(visibleControls(el)).toEqual([]);
    expect(await controlsInTree()).toEqual([]);
    // The picture is the same: the ring's segments, the reading, the summary of what moved it.
    expect(el.shadowRoot!.querySelectorAll('.areas .area').length).toBe(8);
    expect($(el, '[part="value"]')!.textContent).toBe('98.6');
    expect($(el, '[part="summary"]')!.checkVisibility()).toBe(true);
    const time = formatDateTime('2017-12-04T09:00:00+08:00', 'en', 'Asia/Shanghai');
    expect($(el, '[part="footer"]')!.textContent).toBe(
      `Source: Raising public-safety capacity to build a higher-level "Safe Yantian" (Study Times, via Shenzhen News) · Data as of ${time}`,
    );
    // The stale badge ("Data is 9 years old") is for a reader at a screen, not for a picture.
    expect(el.status).toBe('stale');
    expect($(el, '[part~="stale"]')?.checkVisibility() ?? false).toBe(false);
  });

  it('writes the footer line in Chinese', async () => {
    const el = await mount(sampleFeed(), (e) => {
      e.snapshot = true;
      e.lang = 'zh-CN';
    });
    expect($(el, '[part="footer"]')!.textContent).toBe(
      '来源：提高维护公共安全能力 建设更高水平"平安盐田"（学习时报，深圳新闻网转载） · 数据截至 2017年12月4日 09:00',
    );
  });

  it('does not sweep the arc to a new value: the new value is drawn at once', async () => {
    const el = await mount(sampleFeed(), (e) => (e.snapshot = true));
    const feed = sampleFeed();
    for (const i of feed.indicators) if (i.area === 'fire') (i as { value: number | null }).value = null;
    const before = $(el, 'path.arc')!.getAttribute('d');
    el.data = feed;
    await el.updateComplete;
    expect($(el, '[part="value"]')!.textContent).not.toBe('98.6');
    const drawn = $(el, 'path.arc')!.getAttribute('d');
    expect(drawn).not.toBe(before);
    // Two frames later the arc is where it was drawn: no sweep runs.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect($(el, 'path.arc')!.getAttribute('d')).toBe(drawn);
    expect(el.shadowRoot!.getAnimations()).toEqual([]);
  });
});

describe('summary', () => {
  it('says the score, its change and what moved it, in English and Chinese', async () => {
    const el = await mount(sampleFeed());
    expect(el.summary).toBe(
      'Safety index, Yantian District: 98.6 of 100, excellent, up 3.2 on the previous period. ' +
        'What moved the score on the previous period: Public order +1.6, Emergency management and disaster prevention +1.4, ' +
        'Fire safety +0.4, Work safety −0.2. 14 of 56 indicators have an earlier figure.',
    );
    el.lang = 'zh-CN';
    await vi.waitFor(() => expect(el.summary).toMatch(/^盐田区安全指数：98\.6（满分100），优秀，/), POLL);
    expect(el.summary).toContain('较上期变化的来源：社会治安 +1.6，应急管理与防灾减灾 +1.4');
    expect(el.summary).not.toMatch(/[<>]/);
  });

  it("is '' before the data, and 'no data' (never 0) without any value", async () => {
    const el = document.createElement('safety-score-gauge');
    el.lang = 'en';
    document.body.append(el);
    await el.updateComplete;
    expect(el.summary).toBe('');
    el.data = noValues();
    await vi.waitFor(() => expect(el.summary).not.toBe(''), POLL);
    expect(el.shadowRoot!.querySelector('[part~="empty"]')).not.toBeNull();
    expect(el.summary).toBe('Safety index, Yantian District: no data.');
    el.lang = 'zh-CN';
    await vi.waitFor(() => expect(el.summary).toBe('盐田区安全指数：无数据。'), POLL);
  });

  it('says when the index rests on part of the weight, some indicators having no data', async () => {
    const feed = sampleFeed();
    for (const i of feed.indicators)
      if (i.area === 'public-order' || i.area === 'fire') (i as { value: number | null }).value = null;
    const el = await mount(feed);
    expect(el.summary).toContain('Based on');
    expect(el.summary).toContain('some indicators have no data.');
    expect(el.summary).not.toMatch(/\b0 of 100\b/);
  });

  it('keeps markup in feed text as the characters it is made of', async () => {
    const feed = sampleFeed();
    feed.place.name.en = '<script>window.__pwned=1</script>';
    (feed.areas.find((a) => a.id === 'public-order')!.name as { en: string }).en =
      '<img src=x onerror="window.__pwned=1">';
    const el = await mount(feed, (e) => (e.snapshot = true));
    expect(el.summary).toContain('Safety index, <script>window.__pwned=1</script>: 98.6 of 100');
    expect(el.summary).toContain('<img src=x onerror="window.__pwned=1"> +1.6');
    expect(el.shadowRoot!.querySelector('script, img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('print', () => {
  it('hides the controls and prints a dark-theme gauge as dark text on white', async () => {
    const el = await mount(sampleFeed(), (e) => (e.theme = 'dark'));
    const value = $(el, '[part="value"]')!;
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
    await emulate('print');
    // The ring's segments are the drawing itself (as buttons they only matter at a screen): nothing else.
    expect(visibleControls(el, false).filter((c) => !c.matches('[part~="area"], [part~="areas"]'))).toEqual(
      [],
    );
    expect($(el, '[part="table-box"]')!.checkVisibility()).toBe(false);
    expect($(el, '[part="about"]')!.checkVisibility()).toBe(false);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle(value).color).toBe('rgb(27, 31, 36)');
    expect($(el, '[part="footer"]')!.checkVisibility()).toBe(true);
  });
});
