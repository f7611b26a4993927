/// <reference types="vite/client" />
/**
 * The page's "分享 / Share" links in Chromium, on the page's own markup and styles: named for what they
 * share in the page's language, reached and activated from the keyboard, and pointing at the image of
 * the view the reader chose. The widgets are not loaded here (the feed service's end-to-end test runs
 * the page with them): the test does what they do — reflect `selected`, fire their documented view
 * events — and the page's URL is given, as view-url.ts writes it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import markup from './index.html?raw';
import './site.css';
import { setupShare } from './share.js';

let search = '';
let dark = false;
let refresh: () => void;
const stopNavigation = (event: Event) => event.preventDefault();

/** The link's URL, resolved against the page. */
const href = (link: { element(): Element }) => (link.element() as HTMLAnchorElement).href;

/** The page's body, in `lang`, with its share links wired. */
function mount(lang: 'zh-CN' | 'en'): void {
  const parsed = new DOMParser().parseFromString(markup, 'text/html');
  document.documentElement.lang = lang;
  document.body.replaceChildren(...[...parsed.body.children].map((node) => document.importNode(node, true)));
  refresh = setupShare(document, { search: () => search, prefersDark: () => dark });
}

const feed = (id: string) => `${location.origin}/api/feeds/${id}/snapshots`;
const el = (selector: string) => document.querySelector(selector)!;

beforeEach(() => {
  search = '';
  dark = false;
  // Opening the image would leave the test page: the links' own listeners run, navigation does not.
  document.addEventListener('click', stopNavigation);
});
afterEach(() => {
  document.removeEventListener('click', stopNavigation);
  document.body.replaceChildren();
});

describe('the share links', () => {
  it('are named for what they share, in Chinese, and start at the page’s own view', async () => {
    mount('zh-CN');
    const mapLink = page.getByRole('link', { name: '分享 网格地图的图片（在新标签页打开）' });
    await expect.element(mapLink).toBeVisible();
    // What shows is the word 分享; the rest of the name is for screen readers.
    expect((mapLink.element() as HTMLElement).innerText).toMatch(/^分享\n网格地图/);
    for (const name of ['综合安全指数', '案件走势', '安全指标'])
      await expect
        .element(page.getByRole('link', { name: `分享 ${name}的图片（在新标签页打开）` }))
        .toBeVisible();
    // Not laid out as widgets here (they are not loaded): each image has its widget's default width.
    expect(href(mapLink)).toBe(
      `${feed('yantian')}/grid-map.png?lang=zh-CN&theme=light&width=640&scale=2&metric=cases&rate=per-10k&context=1`,
    );
    expect(href(page.getByRole('link', { name: /^分享 案件走势/ }))).toBe(
      `${feed('yantian')}/case-timeline.png?lang=zh-CN&theme=light&width=720&scale=2&interval=month&yoy=1`,
    );
  });

  it('follow a chosen grid and metric: the map’s link opens that map', async () => {
    mount('zh-CN');
    const map = el('safety-grid-map');
    // The reader picks fires and counts in the map's toolbar, then selects a grid: the map reflects
    // `selected`, the page writes the view into its URL and narrows the timeline.
    search = '?metric=fires&rate=count';
    map.dispatchEvent(
      new CustomEvent('safety-metric-change', { bubbles: true, detail: { metric: 'fires', rate: 'count' } }),
    );
    map.setAttribute('selected', 'meisha-g03');
    el('safety-case-timeline').setAttribute('grid', 'meisha-g03');
    search += '&grid=meisha-g03';
    map.dispatchEvent(
      new CustomEvent('safety-grid-select', {
        bubbles: true,
        detail: { id: 'meisha-g03', subdistrict: 'meisha' },
      }),
    );
    const mapLink = page.getByRole('link', { name: /^分享 网格地图/ });
    await expect
      .poll(() => href(mapLink))
      .toBe(
        `${feed('yantian')}/grid-map.png?lang=zh-CN&theme=light&width=640&scale=2&metric=fires&rate=count&context=1&selected=meisha-g03`,
      );
    expect(href(page.getByRole('link', { name: /^分享 案件走势/ }))).toBe(
      `${feed('yantian')}/case-timeline.png?lang=zh-CN&theme=light&width=720&scale=2&interval=month&yoy=1&grid=meisha-g03`,
    );
  });

  it('are reached with Tab and opened with Enter, on the view of that moment (the table of the grid’s sub-district)', async () => {
    mount('zh-CN');
    const tableLink = page.getByRole('link', { name: /^分享 安全指标/ });
    const timelineLink = page.getByRole('link', { name: /^分享 案件走势/ });
    (timelineLink.element() as HTMLElement).focus();
    await userEvent.keyboard('{Tab}');
    await expect.element(tableLink).toHaveFocus();
    // The page points the table at the grid's sub-district feed; no view event says so.
    const sub = document.createElement('safety-feed');
    sub.id = 'subdistrict-feed';
    sub.setAttribute('src', '/api/feeds/meisha');
    el('safety-feed').after(sub);
    el('safety-indicator-table').setAttribute('feed', 'subdistrict-feed');
    search = '?status=not-met&q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E';
    let opened = '';
    tableLink.element().addEventListener('click', (event) => {
      opened = (event.currentTarget as HTMLAnchorElement).href;
    });
    await userEvent.keyboard('{Enter}');
    expect(opened).toBe(
      `${feed('meisha')}/indicator-table.png?lang=zh-CN&theme=light&width=960&scale=2&status-filter=not-met&query=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`,
    );
  });

  it('speak English on the English page and draw dark where the system is dark (theme="auto")', async () => {
    mount('en');
    dark = true;
    refresh();
    const gaugeLink = page.getByRole('link', {
      name: 'Share the composite safety index as an image (opens in a new tab)',
    });
    await expect.element(gaugeLink).toBeVisible();
    expect((gaugeLink.element() as HTMLElement).innerText).toMatch(/^Share\n/);
    expect(href(gaugeLink)).toBe(`${feed('yantian')}/score-gauge.png?lang=en&theme=dark&width=360&scale=2`);
    // Chinese names are not read on the English page.
    expect(page.getByRole('link', { name: /分享/ }).all()).toHaveLength(0);
  });
});
