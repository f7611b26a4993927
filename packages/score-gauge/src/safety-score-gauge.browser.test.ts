/**
 * <safety-score-gauge> in Chromium: what a reader and a screen reader get, keyboard and pointer,
 * sizes, languages, themes, bad data and live updates.
 */
import { formatDateTime, scoreFeed, validateFeed, type Feed } from '@safety-widgets/core';
import axe from 'axe-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
// The Playwright provider's types: `cdp().send()`.
import type {} from '@vitest/browser-playwright';
import { currentFeed, sampleFeed, withValue, type FeedJson } from '../test/feeds.js';
import { roundScore } from './gauge-model.js';
import { RADII, START_ANGLE, END_ANGLE, ringSegments, valueArcPath, valueToAngle } from './geometry.js';
import '@safety-widgets/core/safety-feed.js';
import './safety-score-gauge.js';
import type { SafetyScoreGauge } from './safety-score-gauge.js';

const POLL = { timeout: 10_000, interval: 20 };

// Anything thrown into the page during these tests fails the suite.
const pageErrors: string[] = [];
const onError = (e: ErrorEvent) => pageErrors.push(String(e.message));
const onRejection = (e: PromiseRejectionEvent) => pageErrors.push(String(e.reason));
beforeAll(() => {
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});
afterAll(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  expect(pageErrors).toEqual([]);
});

afterEach(async () => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
  await cdp().send('Emulation.setEmulatedMedia', { features: [] });
});

type Setup = (el: SafetyScoreGauge) => void;

/** Mounts a gauge (inside a box `width` px wide, if given) and waits for its first render. */
async function mount(setup: Setup, width?: number): Promise<SafetyScoreGauge> {
  const el = document.createElement('safety-score-gauge');
  setup(el);
  if (width === undefined) {
    document.body.append(el);
  } else {
    const box = document.createElement('div');
    box.style.width = `${width}px`;
    box.append(el);
    document.body.append(box);
  }
  await el.updateComplete;
  return el;
}

/** Mounts a gauge with `data` and waits until it has drawn it. */
async function mountReady(data: unknown, setup: Setup = () => {}, width?: number): Promise<SafetyScoreGauge> {
  const el = await mount((e) => {
    e.lang = 'en';
    setup(e);
    e.data = data;
  }, width);
  await vi.waitFor(() => expect(['ready', 'stale', 'empty', 'error']).toContain(el.status), POLL);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const meter = (el: Element) => $(el, '[role="meter"]')!;
const areas = (el: Element) => $$<SVGGElement>(el, '[role="button"][data-area]');
/** Focuses a button before the gauge and presses Tab: the ring's tab stop gets focus. */
async function tabInto(el: Element): Promise<void> {
  const before = document.createElement('button');
  before.textContent = 'before';
  el.before(before);
  before.focus();
  await userEvent.tab();
}
/**
 * Where to point at an area: the middle of its segment, relative to the segment group's box
 * (the centre of that box may lie off the arc, over the reading).
 */
function pointOn(el: Element, feed: FeedJson, id: string): { position: { x: number; y: number } } {
  const score = scoreFeed(validated(feed));
  const segment = ringSegments(score.areas).find((s) => s.id === id)!;
  const angle = (segment.startAngle + segment.endAngle) / 2;
  const r = (RADII.ringInner + RADII.ringOuter) / 2;
  const svg = el.shadowRoot!.querySelector('svg')!;
  const point = new DOMPoint(Math.sin(angle) * r, -Math.cos(angle) * r).matrixTransform(svg.getScreenCTM()!);
  const box = el.shadowRoot!.querySelector(`[data-area="${id}"]`)!.getBoundingClientRect();
  return { position: { x: point.x - box.left, y: point.y - box.top } };
}
const area = (el: Element, id: string) => el.shadowRoot!.querySelector<SVGGElement>(`[data-area="${id}"]`)!;
const focusedArea = (el: Element) =>
  (el.shadowRoot!.activeElement as Element | null)?.getAttribute('data-area');

function validated(feed: FeedJson): Feed {
  const result = validateFeed(feed);
  if (!result.ok) throw new Error('sample feed does not validate');
  return result.feed;
}

async function expectAxeClean(el: Element): Promise<void> {
  const result = await axe.run(el);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Every visible element of the shadow root lies within the host's box (1 px of slack). */
function expectNothingOverflows(el: HTMLElement): void {
  const host = el.getBoundingClientRect();
  const outside: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    // Hidden, or inside a closed disclosure (the table and the description block): not drawn.
    if (
      node.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)') ||
      node.matches('style')
    )
      continue;
    const r = node.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (
      r.left < host.left - 1 ||
      r.right > host.right + 1 ||
      r.top < host.top - 1 ||
      r.bottom > host.bottom + 1
    ) {
      outside.push(`${node.localName}.${node.getAttribute('class') ?? ''} ${JSON.stringify(r)}`);
    }
  }
  expect(outside, `host ${JSON.stringify(host)}`).toEqual([]);
}

describe('<safety-score-gauge> with the Yantian sample', () => {
  it('shows the composite, rounded to one decimal, as text and as aria-valuenow', async () => {
    const feed = currentFeed();
    const expected = roundScore(scoreFeed(validated(feed)).composite!);
    const el = await mountReady(feed);
    expect(el.status).toBe('ready');
    expect(text($(el, '[part="value"]'))).toBe(expected.toFixed(1));
    const m = meter(el);
    expect(m.getAttribute('aria-valuenow')).toBe(String(expected));
    expect(m.getAttribute('aria-valuemin')).toBe('0');
    expect(m.getAttribute('aria-valuemax')).toBe('100');
    expect(m.getAttribute('aria-label')).toBe(
      `Safety index, Yantian District: ${expected.toFixed(1)} of 100, excellent, up 3.2 on the previous period`,
    );
    expect(el.hasAttribute('role')).toBe(false);
    expect(el.hasAttribute('aria-valuenow')).toBe(false);
  });

  it('says the grade, and the change with its sign, arrow and period', async () => {
    const feed = currentFeed();
    const score = scoreFeed(validated(feed));
    const delta = roundScore(score.change!.delta);
    const el = await mountReady(feed);
    expect(text($(el, '[part="grade"]'))).toBe('●Excellent');
    const change = $(el, '[part="change"]')!;
    expect(change.classList.contains('up')).toBe(true);
    expect(text(change)).toBe(`▲+${delta.toFixed(1)}vs the previous period`);
    expect(meter(el).getAttribute('aria-valuetext')).toBe(
      `${roundScore(score.composite!).toFixed(1)} of 100`,
    );
    expect(meter(el).getAttribute('aria-label')).toContain(
      `${roundScore(score.composite!).toFixed(1)} of 100, excellent, up ${delta.toFixed(1)} on the previous period`,
    );
    // The up and down colours are not the text colour: colour adds to the arrow and sign, never replaces them.
    expect(getComputedStyle(change).color).not.toBe(getComputedStyle(el).color);
  });

  it('shows when the data is from, in the place’s time zone', async () => {
    const feed = currentFeed();
    const el = await mountReady(feed);
    const asOf = $(el, '[part="as-of"]')!;
    expect(asOf.querySelector('time')!.getAttribute('datetime')).toBe(feed.asOf);
    expect(text(asOf)).toBe(`As of ${formatDateTime(feed.asOf, 'en', 'Asia/Shanghai')}`);
  });

  it('draws the 8 areas as named segments of a toolbar, one tab stop', async () => {
    const el = await mountReady(currentFeed());
    const ring = $(el, '[role="toolbar"]')!;
    expect(ring.getAttribute('aria-label')).toBe('Safety areas');
    const segments = areas(el);
    expect(segments).toHaveLength(8);
    expect(segments.map((s) => s.getAttribute('aria-label'))).toContain(
      'Fire safety: 12 of 12 points, excellent',
    );
    expect(segments[1]!.getAttribute('aria-label')).toMatch(/^Public order: 17\.7 of 18 points, excellent$/);
    expect(segments.filter((s) => s.getAttribute('tabindex') === '0')).toHaveLength(1);
  });

  it('summarises which areas moved the score, from the change contributions', async () => {
    const feed = currentFeed();
    const contributions = scoreFeed(validated(feed)).change!.contributions.filter(
      (c) => roundScore(c.delta) !== 0,
    );
    const el = await mountReady(feed);
    const summary = $(el, '[part="summary"]')!;
    expect(text(summary)).toContain('What moved the score on the previous period:');
    const items = [...summary.querySelectorAll('li')].map(text);
    expect(items[0]).toBe(`▲Public order +${roundScore(contributions[0]!.delta).toFixed(1)}`);
    expect(items.some((i) => i.startsWith('▼Work safety −0.2'))).toBe(true);
  });

  it('moves between areas with the arrow keys, Home and End, and selects with Enter, Space and a click', async () => {
    const feed = currentFeed();
    const el = await mountReady(feed);
    const selected: string[] = [];
    document.addEventListener('safety-area-select', (e) => selected.push(e.detail.area));
    await tabInto(el);
    expect(focusedArea(el)).toBe('stability');
    await userEvent.keyboard('{ArrowRight}');
    expect(focusedArea(el)).toBe('public-order');
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(focusedArea(el)).toBe('work-safety');
    await userEvent.keyboard('{ArrowLeft}');
    expect(focusedArea(el)).toBe('fire');
    await userEvent.keyboard('{End}');
    expect(focusedArea(el)).toBe('emergency');
    await userEvent.keyboard('{ArrowRight}');
    expect(focusedArea(el)).toBe('stability');
    await userEvent.keyboard('{ArrowLeft}');
    expect(focusedArea(el)).toBe('emergency');
    await userEvent.keyboard('{Home}');
    expect(focusedArea(el)).toBe('stability');
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    // The tab stop follows focus.
    expect(areas(el).filter((s) => s.getAttribute('tabindex') === '0')[0]!.dataset.area).toBe('public-order');
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    await userEvent.click(area(el, 'fire'), pointOn(el, feed, 'fire'));
    expect(selected).toEqual(['public-order', 'public-order', 'fire']);
  });

  it('shows an area’s subtotal and the keys on focus, says only its short name; Escape hides the subtotal', async () => {
    const el = await mountReady(currentFeed());
    const detail = $(el, '[part="detail"]')!;
    expect(detail.hidden).toBe(true);
    await tabInto(el);
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await el.updateComplete;
    expect(detail.hidden).toBe(false);
    expect(text(detail)).toContain('Fire safety');
    expect(text(detail)).toContain('12 of 12 points');
    const fire = areas(el).find((s) => s.dataset.area === 'fire')!;
    // Focus says the segment's name only; the rest is in the table, one control away.
    expect(fire.hasAttribute('aria-describedby')).toBe(false);
    const hint = $(el, '[part="key-hint"]')!;
    expect(getComputedStyle(hint).display).toBe('block');
    expect(text(hint)).toContain('Home/End');
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(detail.hidden).toBe(true);
    expect(focusedArea(el)).toBe('fire');
  });

  it('shows an area’s subtotal when pointed at', async () => {
    const feed = currentFeed();
    const el = await mountReady(feed);
    const order = area(el, 'public-order');
    await userEvent.hover(order, pointOn(el, feed, 'public-order'));
    const detail = $(el, '[part="detail"]')!;
    await vi.waitFor(() => expect(detail.hidden).toBe(false), POLL);
    expect(text(detail)).toContain('Public order');
    expect(text(detail)).toContain('17.7 of 18 points');
    expect(text(detail)).toMatch(/Index 98\.4/);
    await expectAxeClean(el);
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(detail.hidden).toBe(true), POLL);
  });
});

describe('area, grades and layout', () => {
  it('area="fire" shows that area’s own index and its subtotal, without the ring', async () => {
    const feed = currentFeed();
    const expected = roundScore(scoreFeed(validated(feed), { area: 'fire' }).composite!);
    const el = await mountReady(feed, (e) => (e.area = 'fire'));
    expect(meter(el).getAttribute('aria-valuenow')).toBe(String(expected));
    expect(meter(el).getAttribute('aria-label')).toMatch(
      /^Fire safety index, Yantian District: 100\.0 of 100, /,
    );
    expect(text($(el, '[part="caption"]'))).toContain('Fire safety index');
    expect(text($(el, '[part="subtotal"]'))).toBe('12 of 12 points');
    expect(areas(el)).toHaveLength(0);
    await expectAxeClean(el);
  });

  it('an unknown area is an error naming the valid ids', async () => {
    const el = await mountReady(currentFeed(), (e) => e.setAttribute('area', 'fyre'));
    expect(el.status).toBe('error');
    const alert = $(el, '[role="alert"]')!;
    expect(text(alert)).toContain('area="fyre" is not an area of this feed');
    expect(text(alert)).toContain(
      'stability, public-order, fire, work-safety, food-drug, disputes, community, emergency',
    );
    expect($(el, '[role="meter"]')).toBeNull();
    await expectAxeClean(el);
    // Fixing the attribute recovers.
    el.area = 'fire';
    await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
    expect(meter(el)).not.toBeNull();
  });

  it('custom grades are used; invalid ones show a note and fall back to the defaults', async () => {
    const custom = await mountReady(currentFeed(), (e) => (e.grades = 'top:99,middle:80,bottom:0'));
    expect(text($(custom, '[part="grade"]'))).toContain('middle');
    expect($(custom, '[part~="config"]')).toBeNull();

    const invalid = await mountReady(currentFeed(), (e) => e.setAttribute('grades', 'excellent:ninety'));
    expect(text($(invalid, '[part="grade"]'))).toContain('Excellent');
    const note = $(invalid, '[part~="config"]')!;
    expect(text(note)).toContain('could not be read, so the default ones are used');
    expect(text(note)).toContain('grades="excellent:ninety"');
    await expectAxeClean(invalid);
  });

  it('compact puts the words beside a small dial', async () => {
    const el = await mountReady(currentFeed(), (e) => (e.compact = true), 260);
    expect(el.getAttribute('compact')).toBe('');
    const side = $(el, '.side')!;
    expect(text(side.querySelector('[part="grade"]'))).toContain('Excellent');
    expect(side.querySelector('[part="as-of"]')).not.toBeNull();
    const dial = $(el, '[part="dial"]')!.getBoundingClientRect();
    expect(dial.width).toBeLessThanOrEqual(140);
    expect(side.getBoundingClientRect().left).toBeGreaterThanOrEqual(dial.right);
    expectNothingOverflows(el);
    await expectAxeClean(el);
  });

  for (const width of [120, 300, 600]) {
    it(`fits a ${width} px wide box`, async () => {
      const el = await mountReady(currentFeed(), () => {}, width);
      await vi.waitFor(
        () =>
          expect($(el, '[part="gauge"]')!.dataset.size).toBe(width < 200 ? 'xs' : width < 360 ? 'sm' : 'lg'),
        POLL,
      );
      expect(el.getBoundingClientRect().width).toBe(width);
      expectNothingOverflows(el);
      await expectAxeClean(el);
    });
  }

  it('follows its container when it is resized', async () => {
    const el = await mountReady(currentFeed(), () => {}, 600);
    await vi.waitFor(() => expect($(el, '[part="gauge"]')!.dataset.size).toBe('lg'), POLL);
    el.parentElement!.style.width = '150px';
    await vi.waitFor(() => expect($(el, '[part="gauge"]')!.dataset.size).toBe('xs'), POLL);
    expectNothingOverflows(el);
  });
});

describe('languages and themes', () => {
  it('speaks Chinese', async () => {
    const feed = currentFeed();
    const el = await mountReady(feed, (e) => (e.lang = 'zh-CN'));
    const score = scoreFeed(validated(feed));
    const value = roundScore(score.composite!).toFixed(1);
    const delta = roundScore(score.change!.delta).toFixed(1);
    expect(text($(el, '[part="caption"]'))).toBe('安全指数 · 盐田区');
    expect(text($(el, '[part="grade"]'))).toBe('●优秀');
    expect(meter(el).getAttribute('aria-label')).toBe(
      `盐田区安全指数：${value}（满分100），优秀，较上期上升${delta}`,
    );
    expect(meter(el).getAttribute('aria-valuetext')).toBe(`${value}（满分100）`);
    expect(text($(el, '[part="as-of"]'))).toMatch(/^数据截至2017年12月|^数据截至20\d\d年/);
    expect(areas(el).map((s) => s.getAttribute('aria-label'))).toContain('消防安全：12分（满分12分），优秀');
    expect(text($(el, '[part="summary"]'))).toContain('较上期变化的来源');
    await expectAxeClean(el);
  });

  it('speaks English and follows a change of lang', async () => {
    const el = await mountReady(currentFeed(), (e) => (e.lang = 'en'));
    expect(text($(el, '[part="caption"]'))).toBe('Safety index · Yantian District');
    el.lang = 'zh-CN';
    await vi.waitFor(() => expect(text($(el, '[part="caption"]'))).toBe('安全指数 · 盐田区'), POLL);
  });

  it('has dark colours with theme="dark", and stays clean for axe', async () => {
    const light = await mountReady(currentFeed());
    const dark = await mountReady(currentFeed(), (e) => (e.theme = 'dark'));
    const fill = (el: Element, sel: string) => getComputedStyle($(el, sel)!).fill;
    expect(fill(dark, '[part~="arc"]')).not.toBe(fill(light, '[part~="arc"]'));
    expect(fill(dark, '[part~="track"]')).not.toBe(fill(light, '[part~="track"]'));
    expect(getComputedStyle($(dark, '[part="gauge"]')!).backgroundColor).not.toBe(
      getComputedStyle($(light, '[part="gauge"]')!).backgroundColor,
    );
    await expectAxeClean(dark);
    await expectAxeClean(light);
  });

  it('theme="auto" follows the reader’s dark colour scheme', async () => {
    const light = await mountReady(currentFeed());
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-color-scheme', value: 'dark' }],
    });
    expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
    const auto = await mountReady(currentFeed(), (e) => (e.theme = 'auto'));
    const dark = await mountReady(currentFeed(), (e) => (e.theme = 'dark'));
    const bg = (el: Element) => getComputedStyle($(el, '[part="gauge"]')!).backgroundColor;
    expect(bg(auto)).toBe(bg(dark));
    expect(bg(auto)).not.toBe(bg(light));
    await expectAxeClean(auto);
  });

  it('keeps the arc visible in forced colours', async () => {
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'forced-colors', value: 'active' }],
    });
    const el = await mountReady(currentFeed());
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    const arc = getComputedStyle($(el, '[part~="arc"]')!);
    const track = getComputedStyle($(el, '[part~="track"]')!);
    expect(arc.fill).not.toBe('none');
    expect(arc.fill).not.toBe(track.fill);
    expect(track.stroke).not.toBe('none');
    // Grade and change keep their glyphs and text, so nothing depends on the colours lost.
    expect(text($(el, '[part="grade"]'))).toBe('●Excellent');
    expect(text($(el, '[part="change"]'))).toMatch(/^▲\+\d+\.\d/);
    await expectAxeClean(el);
  });
});

describe('bad data and states', () => {
  it('renders markup in place and area names as text', async () => {
    const feed = currentFeed();
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    feed.place.name.en = evil;
    feed.areas[2]!.name.en = evil;
    const el = await mountReady(feed);
    expect(el.shadowRoot!.querySelector('img, script')).toBeNull();
    expect(text($(el, '[part="caption"]'))).toContain(evil);
    expect(meter(el).getAttribute('aria-label')!.startsWith(`Safety index, ${evil}: `)).toBe(true);
    expect(areas(el)[2]!.getAttribute('aria-label')).toBe(`${evil}: 12 of 12 points, excellent`);
    await userEvent.hover(area(el, 'fire'), pointOn(el, feed, 'fire'));
    await vi.waitFor(() => expect(text($(el, '[part="detail"]'))).toContain(evil), POLL);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('a feed whose every indicator is invalid is empty, with the dropped note', async () => {
    const feed = currentFeed();
    for (const indicator of feed.indicators) (indicator as { value: unknown }).value = 'n/a';
    const el = await mountReady(feed);
    expect(el.status).toBe('empty');
    expect($(el, '[part~="empty"]')).not.toBeNull();
    expect(text($(el, '[part~="dropped"]'))).toContain('56 indicators could not be shown');
    await expectAxeClean(el);
  });

  it('some invalid indicators: the rest are scored and the note counts the others', async () => {
    const feed = currentFeed();
    (feed.indicators[3] as { value: unknown }).value = '98%';
    (feed.indicators[40] as { weight: unknown }).weight = -5;
    const el = await mountReady(feed);
    expect(el.status).toBe('ready');
    expect(text($(el, '[part~="dropped"]'))).toContain('2 indicators could not be shown');
    expect(meter(el).getAttribute('aria-valuenow')).not.toBeNull();
  });

  it('a feed with no data for any indicator is empty', async () => {
    const feed = currentFeed();
    for (const indicator of feed.indicators) (indicator as { value: unknown }).value = null;
    const el = await mountReady(feed);
    expect(el.status).toBe('empty');
    expect(text($(el, '[part~="empty"]'))).toContain('No indicator in this feed has data to score.');
  });

  it('a fatal feed is an error with role="alert"', async () => {
    const el = await mountReady({ format: 'safety-feed', version: 2 });
    expect(el.status).toBe('error');
    expect($(el, '[role="alert"]')).not.toBeNull();
    await expectAxeClean(el);
  });

  it('a feed that cannot be fetched is an error with role="alert"', async () => {
    const el = await mount((e) => {
      e.lang = 'en';
      e.src = 'http://127.0.0.1:9/x.json';
    });
    await vi.waitFor(() => expect(el.status).toBe('error'), POLL);
    expect(text($(el, '[role="alert"]'))).toContain('Could not load safety data');
    await expectAxeClean(el);
  });

  it('the published sample is stale by age: badge and gauge both shown', async () => {
    const el = await mountReady(sampleFeed());
    expect(el.status).toBe('stale');
    expect($(el, '[part~="stale"]')).not.toBeNull();
    expect(meter(el)).not.toBeNull();
    await expectAxeClean(el);
  });

  it('shows the loading skeleton before data arrives', async () => {
    const el = await mount((e) => (e.lang = 'en'));
    expect(el.status).toBe('loading');
    expect($(el, '[aria-busy="true"]')).not.toBeNull();
    await expectAxeClean(el);
  });
});

describe('live updates', () => {
  it('updates the same nodes in place when .data changes', async () => {
    const first = currentFeed();
    const el = await mountReady(first, (e) => e.style.setProperty('--safety-gauge-sweep-duration', '0ms'));
    const m = meter(el);
    const order = areas(el).find((s) => s.dataset.area === 'public-order')!;
    const fill = order.querySelector('.area-fill')!;
    const before = { now: m.getAttribute('aria-valuenow'), fill: fill.getAttribute('d') };

    const next = withValue(first, 'alerts-110-per-10k', 900);
    const expected = roundScore(scoreFeed(validated(next)).composite!);
    el.data = next;
    await vi.waitFor(() => expect(m.getAttribute('aria-valuenow')).toBe(String(expected)), POLL);
    expect(String(expected)).not.toBe(before.now);
    expect(meter(el)).toBe(m);
    expect(areas(el).find((s) => s.dataset.area === 'public-order')).toBe(order);
    expect(order.querySelector('.area-fill')).toBe(fill);
    expect(fill.getAttribute('d')).not.toBe(before.fill);
    expect($(el, '[part~="arc"]')!.getAttribute('d')).toBe(
      valueArcPath(scoreFeed(validated(next)).composite),
    );
  });

  it('says a live change of the index in its polite live region, once per 5 s at most; announce="off" is quiet', async () => {
    const first = currentFeed();
    const el = await mountReady(first, (e) => e.setAttribute('lang', 'en'));
    const region = () => $(el, '[part~="announcer"][aria-live="polite"]')!.textContent!.trim();
    expect(region()).toBe('');
    const next = withValue(first, 'alerts-110-per-10k', 900);
    const before = roundScore(scoreFeed(validated(first)).composite!);
    const after = roundScore(scoreFeed(validated(next)).composite!);
    el.data = next;
    const delta = Math.abs(Math.round((after - before) * 10) / 10).toFixed(1);
    await vi.waitFor(
      () =>
        expect(region()).toBe(
          `Safety index now ${after.toFixed(1)}, ${after > before ? 'up' : 'down'} ${delta}.`,
        ),
      POLL,
    );
    // A second change straight after waits for the interval: the region still says the first.
    el.data = first;
    await el.updateComplete;
    expect(region()).toContain(`now ${after.toFixed(1)}`);

    const quiet = await mountReady(first, (e) => {
      e.setAttribute('lang', 'en');
      e.setAttribute('announce', 'off');
    });
    quiet.data = next;
    await quiet.updateComplete;
    expect($(quiet, '[part~="announcer"]')!.textContent!.trim()).toBe('');
  });

  it('a <safety-feed> update changes the reading without re-rendering, keeping focus and the detail', async () => {
    const first = currentFeed();
    const source = document.createElement('safety-feed');
    source.id = 'live-district';
    source.data = first;
    document.body.append(source);
    const el = await mount((e) => {
      e.lang = 'en';
      e.setAttribute('feed', 'live-district');
      e.style.setProperty('--safety-gauge-sweep-duration', '0ms');
    });
    await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
    await el.updateComplete;
    // A keyboard user is reading the public-order segment's detail (the pointer is elsewhere:
    // the area under the pointer would win over the focused one).
    await tabInto(el);
    await userEvent.hover(el.previousElementSibling!);
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    const focused = el.shadowRoot!.activeElement;
    expect(focused?.getAttribute('data-area')).toBe('public-order');
    const detail = $(el, '[part="detail"]')!;
    expect(text(detail)).toContain('17.7 of 18 points');
    const nodes = [meter(el), $(el, 'svg')!, $(el, '[part~="arc"]')!, detail, ...areas(el)];
    const removed: Node[] = [];
    const added: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        removed.push(...r.removedNodes);
        added.push(...r.addedNodes);
      }
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });

    const next = withValue(first, 'alerts-110-per-10k', 900);
    const expected = roundScore(scoreFeed(validated(next)).composite!);
    source.data = next;
    await vi.waitFor(() => expect(meter(el).getAttribute('aria-valuenow')).toBe(String(expected)), POLL);
    await el.updateComplete;
    observer.disconnect();

    expect(meter(el).getAttribute('aria-valuetext')).toBe(`${expected.toFixed(1)} of 100`);
    expect(meter(el).getAttribute('aria-label')).toContain(`: ${expected.toFixed(1)} of 100, `);
    expect(text($(el, '[part="value"]'))).toBe(expected.toFixed(1));
    // The same nodes, updated in place: nothing the reader was on was replaced.
    expect([meter(el), $(el, 'svg'), $(el, '[part~="arc"]'), $(el, '[part="detail"]'), ...areas(el)]).toEqual(
      nodes,
    );
    expect(nodes.every((n) => n.isConnected)).toBe(true);
    expect(removed.filter((n) => n instanceof Element && n.matches('svg, g, path, [role]'))).toEqual([]);
    expect(added.filter((n) => n instanceof Element && n.matches('svg, g, path, [role]'))).toEqual([]);
    // Focus stays on the same segment node, and its detail shows the new subtotal.
    expect(el.shadowRoot!.activeElement).toBe(focused);
    expect(document.activeElement).toBe(el);
    expect(detail.hidden).toBe(false);
    expect(text(detail)).toContain('Public order');
    // The segment's name and the detail both give the new subtotal.
    const label = focused?.getAttribute('aria-label') ?? '';
    const points = /^Public order: (\d+(?:\.\d)?) of 18 points, \w+$/.exec(label)?.[1];
    expect(points).toBeDefined();
    expect(points).not.toBe('17.7');
    expect(text(detail)).toContain(`${points} of 18 points`);
  });

  it('sweeps the arc to a new value, unless the reader prefers reduced motion', async () => {
    const first = currentFeed();
    const next = withValue(first, 'alerts-110-per-10k', 900);
    const from = valueArcPath(scoreFeed(validated(first)).composite);
    const to = valueArcPath(scoreFeed(validated(next)).composite);

    const el = await mountReady(first);
    const arc = $(el, '[part~="arc"]')!;
    expect(arc.getAttribute('d')).toBe(from);
    el.data = next;
    await el.updateComplete;
    expect(arc.getAttribute('d')).toBe(from); // the sweep starts where the arc was…
    await vi.waitFor(() => expect(arc.getAttribute('d')).toBe(to), POLL); // …and ends at the new value

    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-reduced-motion', value: 'reduce' }],
    });
    el.data = first;
    await el.updateComplete;
    expect(arc.getAttribute('d')).toBe(from); // no sweep: the new value at once
  });
});

// Finish: track, colours, missing earlier figures, steady loading, targets and type -------------

/** A feed of one area and one indicator scoring exactly `value` (linear 0–100, target 100). */
function oneValue(value: number): FeedJson {
  const feed = currentFeed();
  return {
    ...feed,
    areas: [{ id: 'a', name: { zh: '消防', en: 'Fire' }, weight: 100 }],
    indicators: [
      {
        ...feed.indicators[0]!,
        id: 'x',
        area: 'a',
        value,
        target: 100,
        direction: 'higher',
        weight: 100,
        rule: { type: 'linear', floor: 0 },
        history: [],
        previous: null,
      },
    ],
  } as FeedJson;
}

/** `feed` with no earlier figure for the indicators `drop` picks (no `previous`, a gap before the last history point). */
function withoutEarlier(
  feed: FeedJson,
  drop: (i: FeedJson['indicators'][number]) => boolean = () => true,
): FeedJson {
  const copy = structuredClone(feed);
  for (const indicator of copy.indicators) {
    if (!drop(indicator)) continue;
    const i = indicator as { previous?: number | null; history?: { period: string; value: number | null }[] };
    i.previous = null;
    const h = i.history;
    if (h && h.length >= 2) h[h.length - 2] = { ...h[h.length - 2]!, value: null };
  }
  return copy;
}

/** The colour of the pixel at a point of the page (CSS px), from a real screenshot. */
async function pixelAt(x: number, y: number): Promise<[number, number, number]> {
  const base64 = await page.screenshot({ save: false });
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const scale = bitmap.width / document.documentElement.clientWidth;
  const [r, g, b] = context.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
  return [r!, g!, b!];
}

/** A CSS colour as [r, g, b]. */
function rgb(color: string): [number, number, number] {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (!m) throw new Error(`not an rgb colour: ${color}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const near = (a: readonly number[], b: readonly number[], tolerance = 12) =>
  a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

/** A point of the drawing (view-box units, polar from 12 o'clock) in page coordinates. */
function onDrawing(el: Element, angle: number, radius: number): { x: number; y: number } {
  const svg = el.shadowRoot!.querySelector('svg')!;
  const p = new DOMPoint(Math.sin(angle) * radius, -Math.cos(angle) * radius).matrixTransform(
    svg.getScreenCTM()!,
  );
  return { x: p.x, y: p.y };
}

/** The token `name` (e.g. `--_good`) as the gauge resolves it, in rgb(). */
function token(el: Element, name: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  $(el, '[part="gauge"]')!.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

describe('gauge finish', () => {
  it('has no unlabelled grade ticks', async () => {
    const el = await mountReady(currentFeed());
    expect($$(el, '.tick, line')).toEqual([]);
  });

  for (const value of [0, 2, 50, 97, 98, 99.5, 100]) {
    it(`at ${value} the filled part is the value and the rest reads as track, without a blob`, async () => {
      await page.viewport(1366, 700);
      const el = await mountReady(
        oneValue(value),
        (e) => e.style.setProperty('--safety-gauge-sweep-duration', '0ms'),
        360,
      );
      const arc = $(el, '[part~="arc"]')!;
      expect(arc.getAttribute('clip-path')).toBe('url(#track-clip)');
      expect(el.shadowRoot!.getElementById('track-clip')).not.toBeNull();
      const tone = rgb(getComputedStyle(arc).fill);
      const track = rgb(getComputedStyle($(el, '[part~="track"]')!).fill);
      const mid = (RADII.arcInner + RADII.arcOuter) / 2;
      // Just before the value, on the middle of the arc: the grade's colour (none at 0).
      if (value >= 2) {
        const p = onDrawing(el, valueToAngle(value - 1), mid);
        expect(near(await pixelAt(p.x, p.y), tone), `filled at ${value - 1}`).toBe(true);
      }
      // Just after it: the track, as deep as anywhere else (but in the round end of the last 3 %).
      if (value <= 98) {
        const after = value + 1;
        const depths = after > 4 && after < 96 ? [RADII.arcInner + 3, mid, RADII.arcOuter - 3] : [mid];
        for (const r of depths) {
          const p = onDrawing(el, valueToAngle(after), r);
          expect(near(await pixelAt(p.x, p.y), track), `track at ${after}, r ${r}`).toBe(true);
        }
      }
      // At 100 the arc ends exactly where the track does, round end included.
      if (value === 100) {
        const p = onDrawing(el, END_ANGLE - 0.02, mid);
        expect(near(await pixelAt(p.x, p.y), tone)).toBe(true);
      }
      if (value === 0) expect(arc.getAttribute('d')).toBe('');
      expect(START_ANGLE).toBeLessThan(END_ANGLE);
    });
  }

  it('colours each area by its own grade, and says the grades in words beside the colours', async () => {
    await page.viewport(1366, 700);
    // Fire drops to a low grade while the others stay excellent.
    const feed = withValue(withValue(currentFeed(), 'fires', 80), 'fire-injuries', 6);
    const el = await mountReady(feed, () => {}, 500);
    const fire = area(el, 'fire');
    const fireLabel = fire.getAttribute('aria-label')!;
    const fireGrade = /, (\w+)$/.exec(fireLabel)![1]!;
    expect(fireGrade).not.toBe('excellent');
    const tones = { good: token(el, '--_good'), fair: token(el, '--_fair'), poor: token(el, '--_poor') };
    const fill = (id: string) => getComputedStyle(area(el, id).querySelector('.area-fill')!).fill;
    expect(fill('stability')).toBe(tones.good);
    expect([tones.fair, tones.poor]).toContain(fill('fire'));
    // And on screen: the middle of the fire segment's earned part is drawn in that colour.
    const segment = ringSegments(scoreFeed(validated(feed)).areas).find((x) => x.id === 'fire')!;
    const p = onDrawing(el, segment.startAngle + 0.03, (RADII.ringInner + RADII.ringOuter) / 2);
    expect(near(await pixelAt(p.x, p.y), rgb(fill('fire')))).toBe(true);
    // The key says it in words, each beside its glyph in the same colour.
    const key = $(el, '[part="key"]')!;
    expect(text(key)).toMatch(/^Areas: ●7 excellent [◐○]1 (good|fair|poor)$/);
    const items = [...key.querySelectorAll('.key-item')];
    expect(getComputedStyle(items[1]!.querySelector('.glyph')!).color).toBe(fill('fire'));
    await expectAxeClean(el);
  });

  for (const [vw, width] of [
    [390, 358],
    [1366, 300],
  ] as const) {
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`the compact date is on one line (${lang}, ${width} px box at ${vw})`, async () => {
        await page.viewport(vw, 700);
        const el = await mountReady(currentFeed(), (e) => ((e.compact = true), (e.lang = lang)), width);
        const time = $(el, '[part="as-of"] time')!;
        expect(time.getClientRects()).toHaveLength(1);
        expect(time.getBoundingClientRect().height).toBeLessThan(
          parseFloat(getComputedStyle(time).fontSize) * 2,
        );
        expectNothingOverflows(el);
      });
    }
  }
});

describe('missing is never zero: the change', () => {
  it('with no earlier figure, says so in words, with no arrow and no number', async () => {
    const el = await mountReady(withoutEarlier(currentFeed()));
    const change = $(el, '[part="change"]')!;
    expect(text(change)).toBe('No earlier figure');
    expect(change.querySelector('.arrow, .delta')).toBeNull();
    expect(meter(el).getAttribute('aria-label')).toMatch(/, excellent, no earlier figure to compare with$/);
    expect(text($(el, '[part="summary"]'))).toBe(
      'There is no earlier figure to compare with, so no change is shown.',
    );
    el.lang = 'zh-CN';
    await vi.waitFor(() => expect(text($(el, '[part="change"]'))).toBe('无上期数据'), POLL);
    expect(meter(el).getAttribute('aria-label')).toMatch(/，优秀，无上期数据可比$/);
    await expectAxeClean(el);
  });

  it('with earlier figures for some areas only, compares those and says which have none', async () => {
    const feed = withoutEarlier(currentFeed(), (i) => i.area !== 'public-order');
    const el = await mountReady(feed);
    expect(text($(el, '[part="change"] .arrow'))).toMatch(/[▲▼▶]/);
    const summary = $(el, '[part="summary"]')!;
    expect(text(summary)).toContain('4 of 56 indicators have an earlier figure.');
    expect([...summary.querySelectorAll('li .name')].map(text)).toEqual(['Public order']);
    // An area with no earlier figure: "No earlier figure", not "+0.0 of the change".
    await tabInto(el);
    expect(focusedArea(el)).toBe('stability');
    const detail = $(el, '[part="detail"]')!;
    await vi.waitFor(() => expect(text(detail)).toContain('No earlier figure to compare with'), POLL);
    expect(text(detail)).not.toMatch(/0\.0 of the change/);
  });

  it('an area with no data is "no data", outlined, never 0 points', async () => {
    const feed = currentFeed();
    for (const i of feed.indicators) if (i.area === 'disputes') (i as { value: number | null }).value = null;
    const el = await mountReady(feed);
    const disputes = area(el, 'disputes');
    expect(disputes.getAttribute('aria-label')).toMatch(/: no data$/);
    expect(disputes.classList.contains('no-data')).toBe(true);
    expect(text($(el, '[part="key"]'))).toContain('1 no data');
  });
});

describe('steady loading', () => {
  for (const [vw, compact, width] of [
    [390, false, 358],
    [390, true, 358],
    [1366, false, 500],
    [1366, true, 300],
  ] as const) {
    for (const lang of ['en', 'zh-CN'] as const) {
      it(`reserves the gauge's height while loading (${compact ? 'compact' : 'full'}, ${lang}, ${width} px box at ${vw})`, async () => {
        await page.viewport(vw, 700);
        const el = await mount((e) => ((e.lang = lang), (e.compact = compact)), width);
        const below = document.createElement('p');
        below.textContent = 'below';
        el.parentElement!.after(below);
        expect(el.status).toBe('loading');
        const skeleton = $(el, '[part~="skeleton"]')!;
        expect(skeleton.getAttribute('aria-busy')).toBe('true');
        expect(text(skeleton)).toBe(lang === 'en' ? 'Loading safety data…' : '正在加载安全数据…');
        expect(skeleton.querySelector('svg path.track')).not.toBeNull();
        const loadingHeight = el.getBoundingClientRect().height;
        const loadingBelow = below.getBoundingClientRect().top;
        el.data = currentFeed();
        await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
        await el.updateComplete;
        const readyHeight = el.getBoundingClientRect().height;
        expect(
          Math.abs(readyHeight - loadingHeight),
          `${loadingHeight} → ${readyHeight}`,
        ).toBeLessThanOrEqual(2);
        expect(Math.abs(below.getBoundingClientRect().top - loadingBelow)).toBeLessThanOrEqual(2);
      });
    }
  }

  it('loading with area="fire" reserves an arc without the ring', async () => {
    const el = await mount((e) => ((e.lang = 'en'), (e.area = 'fire')), 358);
    expect($$(el, '[part~="skeleton"] svg path')).toHaveLength(1);
    const loadingHeight = el.getBoundingClientRect().height;
    el.data = currentFeed();
    await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
    await el.updateComplete;
    expect(Math.abs(el.getBoundingClientRect().height - loadingHeight)).toBeLessThanOrEqual(2);
  });
});

describe('targets and type', () => {
  for (const [vw, width, least] of [
    [390, 358, 44],
    [1366, 500, 44],
    [1366, 260, 24],
  ] as const) {
    it(`every area segment is a target of at least ${least} × ${least} px (${width} px box at ${vw})`, async () => {
      await page.viewport(vw, 700);
      const feed = currentFeed();
      const el = await mountReady(feed, () => {}, width);
      const scale = el.shadowRoot!.querySelector('svg')!.getScreenCTM()!.a;
      const depth = (RADII.hitOuter - RADII.hitInner) * scale;
      expect(depth).toBeGreaterThanOrEqual(least);
      const mid = (RADII.hitOuter + RADII.hitInner) / 2;
      for (const s of ringSegments(scoreFeed(validated(feed)).areas)) {
        expect((s.endAngle - s.startAngle) * mid * scale, s.id).toBeGreaterThanOrEqual(least);
        // What the pointer hits across that depth is the segment.
        const at = onDrawing(el, (s.startAngle + s.endAngle) / 2, RADII.hitInner + 2);
        expect(
          el.shadowRoot!.elementFromPoint(at.x, at.y)?.closest('[data-area]')?.getAttribute('data-area'),
        ).toBe(s.id);
        const out = onDrawing(el, (s.startAngle + s.endAngle) / 2, RADII.hitOuter - 2);
        expect(
          el.shadowRoot!.elementFromPoint(out.x, out.y)?.closest('[data-area]')?.getAttribute('data-area'),
        ).toBe(s.id);
      }
    });
  }

  it('the compact dial is a picture, not a row of tiny controls, and the key says what it shows', async () => {
    const el = await mountReady(currentFeed(), (e) => (e.compact = true), 300);
    expect(areas(el)).toEqual([]);
    expect($(el, 'svg')!.getAttribute('aria-hidden')).toBe('true');
    expect($$(el, '[part="dial"] [tabindex]')).toEqual([]);
    expect(text($(el, '[part="key"]'))).toBe('Areas: ●8 excellent');
    await expectAxeClean(el);
  });

  for (const compact of [false, true]) {
    it(`no text under 12 px at 390 px, and numbers in tabular figures (${compact ? 'compact' : 'full'})`, async () => {
      await page.viewport(390, 700);
      const el = await mountReady(currentFeed(), (e) => (e.compact = compact), 358);
      const small: string[] = [];
      const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || parent.closest('.visually-hidden, [hidden]')) continue;
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < 12) small.push(`${size}px: ${node.textContent.trim()}`);
      }
      expect(small).toEqual([]);
      for (const selector of ['[part="value"]', '[part="change"]', '[part="as-of"]', '[part="key"]']) {
        expect(getComputedStyle($(el, selector)!).fontVariantNumeric, selector).toContain('tabular-nums');
      }
    });
  }
});
