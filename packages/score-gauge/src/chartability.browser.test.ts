/**
 * <safety-score-gauge> against issue 16's Chartability findings, in Chromium: what the accessibility
 * tree exposes for the meter, the areas table, the description block and key hint, marks that can be
 * told apart (3:1 from the widget's computed colours), and text that follows the reader's default size.
 */
import { contrastRatio } from '@safety-widgets/core';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import type {} from '@vitest/browser-playwright';
import { currentFeed, type FeedJson } from '../test/feeds.js';
import './safety-score-gauge.js';
import { gaugeStyles } from './styles.js';
import type { SafetyScoreGauge } from './safety-score-gauge.js';

const POLL = { timeout: 10_000, interval: 20 };

afterEach(async () => {
  document.body.replaceChildren();
  await cdp().send('Page.setFontSizes', { fontSizes: { standard: 16 } });
});

async function mountReady(
  data: unknown,
  setup: (el: SafetyScoreGauge) => void = () => {},
  width?: number,
): Promise<SafetyScoreGauge> {
  const el = document.createElement('safety-score-gauge');
  el.lang = 'en';
  setup(el);
  el.data = data;
  const box = document.createElement('div');
  if (width !== undefined) box.style.width = `${width}px`;
  box.append(el);
  document.body.append(box);
  await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

interface AXNode {
  role?: { value: string };
  name?: { value: string };
  value?: { value: unknown };
  properties?: { name: string; value: { value: unknown } }[];
}

/** Chromium's accessibility tree, every frame (the tests run in an iframe). */
async function axTree(): Promise<AXNode[]> {
  type Frame = { frame: { id: string }; childFrames?: Frame[] };
  const { frameTree } = (await cdp().send('Page.getFrameTree')) as { frameTree: Frame };
  const ids: string[] = [];
  const walk = (f: Frame) => {
    ids.push(f.frame.id);
    f.childFrames?.forEach(walk);
  };
  walk(frameTree);
  const nodes: AXNode[] = [];
  for (const frameId of ids) {
    const { nodes: found } = (await cdp().send('Accessibility.getFullAXTree', { frameId })) as {
      nodes: AXNode[];
    };
    nodes.push(...found);
  }
  return nodes;
}

/** An all-areas feed with no data at all for one area (and no earlier figures there). */
function withoutData(area: string): FeedJson {
  const feed = currentFeed();
  for (const i of feed.indicators) {
    if (i.area === area) Object.assign(i, { value: null, previous: null, history: [] });
  }
  return feed;
}

describe('the meter in the accessibility tree', () => {
  it('exposes its reading in words, not an empty value text (en and zh-CN)', async () => {
    await mountReady(currentFeed());
    let meters = (await axTree()).filter((n) => n.role?.value === 'meter');
    expect(meters).toHaveLength(1);
    expect(meters[0]!.name?.value).toBe(
      'Safety index, Yantian District: 98.6 of 100, excellent, up 3.2 on the previous period',
    );
    expect(meters[0]!.value?.value).toBeCloseTo(98.6, 3);
    const props = Object.fromEntries(meters[0]!.properties!.map((p) => [p.name, p.value.value]));
    expect(props).toMatchObject({ valuemin: 0, valuemax: 100 });

    document.body.replaceChildren();
    await mountReady(currentFeed(), (e) => (e.lang = 'zh-CN'));
    meters = (await axTree()).filter((n) => n.role?.value === 'meter');
    expect(meters[0]!.name?.value).toBe('盐田区安全指数：98.6（满分100），优秀，较上期上升3.2');
  });

  it('focus on an area says its short name only', async () => {
    const el = await mountReady(currentFeed());
    const fire = $<SVGGElement>(el, '[data-area="fire"]');
    fire.focus();
    const node = (await axTree()).find((n) => n.role?.value === 'button' && n.name?.value.startsWith('Fire'));
    expect(node?.name?.value).toBe('Fire safety: 12 of 12 points, excellent');
    expect(JSON.stringify(node)).not.toContain('"description"');
  });
});

describe('the areas as a table', () => {
  it('is one control away, and lists every area with earned and possible points', async () => {
    const el = await mountReady(currentFeed());
    const box = $<HTMLDetailsElement>(el, '[part="table-box"]');
    expect(box.open).toBe(false);
    const summary = $(el, '[part="table-summary"]');
    expect(text(summary)).toBe('Areas as a table');
    summary.focus();
    await userEvent.keyboard('{Enter}');
    expect(box.open).toBe(true);
    const table = box.querySelector('table')!;
    expect(text(table.querySelector('caption'))).toContain('Safety index, Yantian District: points by area');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => text(r.querySelector('th[scope="row"]')))).toContain('Fire safety');
    const order = rows.find((r) => text(r.querySelector('th')) === 'Public order')!;
    expect([...order.querySelectorAll('td')].map(text)).toEqual([
      '17.7',
      '18',
      'Excellent',
      '+1.6',
      '9',
      '9',
    ]);
    expect(getComputedStyle(table).fontVariantNumeric).toBe('tabular-nums');
    expect(box.querySelector('[part="download"]')).not.toBeNull();
    const result = await axe.run(el);
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('says "No data" for an area without data, never 0, and sorts it last', async () => {
    const el = await mountReady(withoutData('fire'));
    const box = $<HTMLDetailsElement>(el, '[part="table-box"]');
    box.open = true;
    const earned = [...box.querySelectorAll('thead th')][1]!;
    earned.querySelector('button')!.click();
    await el.updateComplete;
    expect(earned.getAttribute('aria-sort')).toBe('ascending');
    const rows = [...box.querySelectorAll('tbody tr')];
    const last = rows.at(-1)!;
    expect(text(last.querySelector('th'))).toBe('Fire safety');
    expect([...last.querySelectorAll('td')].map(text).slice(0, 4)).toEqual([
      'No data',
      '12',
      'No data',
      'No earlier figure',
    ]);
    earned.querySelector('button')!.click();
    await el.updateComplete;
    expect(earned.getAttribute('aria-sort')).toBe('descending');
    // Missing stays last either way.
    expect(text([...box.querySelectorAll('tbody tr')].at(-1)!.querySelector('th'))).toBe('Fire safety');
  });
});

describe('the description block and the key hint', () => {
  it('explains the index, its grades, coverage, data and keys, collapsed by default', async () => {
    const el = await mountReady(currentFeed());
    const about = $<HTMLDetailsElement>(el, '[part="about"]');
    expect(about.open).toBe(false);
    expect(text(about.querySelector('summary'))).toBe('About this chart');
    const words = text(about);
    expect(words).toContain('56 weighted indicators in 8 areas');
    expect(words).toContain('Grades: Excellent from 90; Good from 75; Fair from 60; Poor below 60.');
    expect(words).toContain('14 of 56 indicators have an earlier figure');
    expect(words).toContain('Source: Raising public-safety capacity');
    expect(words).toContain('Left and Right arrow keys');
  });

  it('shows the keys on screen while a segment has keyboard focus, not otherwise', async () => {
    const el = await mountReady(currentFeed());
    const hint = $(el, '[part="key-hint"]');
    expect(getComputedStyle(hint).display).toBe('none');
    const before = document.createElement('button');
    el.before(before);
    before.focus();
    await userEvent.tab();
    await el.updateComplete;
    expect(getComputedStyle(hint).display).toBe('block');
    expect(text(hint)).toBe('← → areas · Home/End · Enter selects · Esc hides');
    // It lies inside the dial, over nothing but the dial.
    const dial = $(el, '[part="dial"]').getBoundingClientRect();
    const box = hint.getBoundingClientRect();
    expect(box.left >= dial.left - 1 && box.right <= dial.right + 1 && box.bottom <= dial.bottom + 1).toBe(
      true,
    );
    before.focus();
    expect(getComputedStyle(hint).display).toBe('none');
  });
});

describe('marks that can be told apart', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`the unearned track, segment edges, no-data outline and focus ring are at least 3:1 (${theme})`, async () => {
      const el = await mountReady(withoutData('fire'), (e) => e.setAttribute('theme', theme));
      const surface = getComputedStyle($(el, '[part="gauge"]')).backgroundColor;
      const stroke = (selector: string) => getComputedStyle($(el, selector)).stroke;
      const ratios = {
        track: contrastRatio(stroke('.track'), surface),
        segment: contrastRatio(stroke('.area:not(.no-data) .area-track'), surface),
        noData: contrastRatio(stroke('.area.no-data .area-track'), surface),
        earned: contrastRatio(getComputedStyle($(el, '.arc')).fill, getComputedStyle($(el, '.track')).fill),
      };
      for (const [mark, ratio] of Object.entries(ratios)) expect(ratio, mark).toBeGreaterThanOrEqual(3);
      $<SVGGElement>(el, '[data-area="stability"]').focus();
      await userEvent.keyboard('{ArrowRight}');
      const focused = $(el, '.area:focus-visible .area-track');
      expect(contrastRatio(getComputedStyle(focused).stroke, surface)).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('text that follows the reader', () => {
  it('sizes no type in px (12 px is only ever a floor)', () => {
    const sizes = [...gaugeStyles.cssText.matchAll(/font-size:\s*([^;}]+)/g)].map((m) => m[1]!.trim());
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter((s) => /\dpx/.test(s))).toEqual([]);
  });

  for (const width of [390, 1366]) {
    it(`grows with a 32 px default font size and reflows at ${width} px`, async () => {
      await page.viewport(width, 900);
      await cdp().send('Page.setFontSizes', { fontSizes: { standard: 32 } });
      const el = await mountReady(currentFeed(), () => {}, Math.min(width - 16, 600));
      for (const d of $$<HTMLDetailsElement>(el, 'details')) d.open = true;
      await el.updateComplete;
      expect(getComputedStyle($(el, '[part="caption"]')).fontSize).toBe('28px');
      expect(parseFloat(getComputedStyle($(el, '.about dd')).fontSize)).toBeGreaterThanOrEqual(24);
      // The grade and change go under the dial, where there is room for them.
      expect($(el, '[part="meter"] [part="grade"]')).toBeNull();
      expect($(el, '.facts [part="grade"]')).not.toBeNull();
      const gauge = $(el, '[part="gauge"]');
      expect(gauge.scrollWidth).toBeLessThanOrEqual(gauge.clientWidth);
      for (const node of $$(el, '.caption, .facts, .footer, .key, .summary, .about dd, caption')) {
        expect(node.scrollWidth, node.className).toBeLessThanOrEqual(node.clientWidth + 1);
      }
      await page.viewport(1280, 720);
    });
  }

  it('has no text under 12 px, badges included, at the default size on a phone', async () => {
    await page.viewport(390, 900);
    const el = await mountReady(currentFeed(), () => {}, 374);
    for (const d of $$<HTMLDetailsElement>(el, 'details')) d.open = true;
    await el.updateComplete;
    const small = $$(el, '*')
      .filter((n) => n.closest('.visually-hidden, [hidden], svg, style') === null && text(n) !== '')
      .filter((n) => parseFloat(getComputedStyle(n).fontSize) < 12)
      .map((n) => `${n.localName}.${n.className}`);
    expect(small).toEqual([]);
    await page.viewport(1280, 720);
  });
});

describe('targets', () => {
  it('the disclosures and the table’s buttons are 44 px high on a phone, 24 px on a desktop', async () => {
    for (const [width, least] of [
      [390, 44],
      [1366, 24],
    ] as const) {
      await page.viewport(width, 900);
      const el = await mountReady(currentFeed(), () => {}, Math.min(width - 16, 600));
      $<HTMLDetailsElement>(el, '[part="table-box"]').open = true;
      await el.updateComplete;
      const targets = $$(el, 'summary, .dt-download, .dt-sort');
      expect(targets.length).toBeGreaterThan(8);
      for (const t of targets)
        expect(t.getBoundingClientRect().height, text(t)).toBeGreaterThanOrEqual(least);
      document.body.replaceChildren();
    }
    await page.viewport(1280, 720);
  });
});
