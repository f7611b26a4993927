/**
 * Snapshot mode, print and the `summary` text alternative of SafetyElement, in Chromium: what a
 * still picture shows and hides (on screen, in the accessibility tree, printed), its footer line in
 * both languages, and the summary's rules (empty until ready, plain text, feed markup inert).
 */
import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import type {} from '@vitest/browser-playwright';
import { makeFeed } from '../../test/fixtures/feed.js';
import type { Feed } from '../feed/types.js';
import { formatDateTime } from '../locale/format.js';
import { localizedText } from '../locale/messages.js';
import { DataTableController, dataTableStyles } from '../table/data-table.js';
import { renderAbout } from './about.js';
import { SafetyElement } from './safety-element.js';
import { footerText } from './snapshot.js';

const POLL = { timeout: 15_000, interval: 25 };

/** A widget with one of each kind of control: a toolbar of buttons, a slider, a tooltip, a disclosure, a data table. */
class TestStill extends SafetyElement {
  static override styles = [...(SafetyElement.styles as []), dataTableStyles];
  printCalls = 0;
  private readonly table = new DataTableController<{ name: string; n: number }>(this);
  protected override isEmpty(feed: Feed): boolean {
    return feed.indicators.length === 0;
  }
  protected override summaryText(feed: Feed): string {
    const n = feed.indicators.length;
    return n > 0 ? `${localizedText(feed.place.name, this.locale)}:\n  ${n} indicators` : '';
  }
  protected override printChanged(): void {
    this.printCalls += 1;
  }
  protected override renderContent(feed: Feed) {
    const locale = this.locale;
    return html`<div class="toolbar" role="toolbar" aria-label="Tools" data-interactive>
        <button type="button">Zoom in</button>
      </div>
      <input type="range" aria-label="Year" data-interactive />
      <p class="tip" data-interactive style="transition: opacity 1s">Tooltip</p>
      <ul aria-label="Indicators">
        ${feed.indicators.map((i) => html`<li>${localizedText(i.name, locale)}</li>`)}
      </ul>
      <div data-scroll style="max-block-size: 2em; overflow: auto">
        <p>a</p>
        <p>b</p>
        <p>c</p>
        <p>d</p>
      </div>
      ${this.table.render({
        caption: 'Indicators',
        columns: [
          { key: 'name', label: 'Name', value: (r) => r.name },
          { key: 'n', label: 'N', numeric: true, value: (r) => r.n },
        ],
        rows: [{ name: 'a', n: 1 }],
        locale,
        fileName: ['test'],
      })}
      ${renderAbout({ locale, what: 'What it shows', data: 'Where it comes from' })}`;
  }
}
customElements.define('test-still', TestStill);

/** Roles a reader could operate: none of them may be in a still picture's accessibility tree. */
const CONTROL_ROLES = new Set([
  'button',
  'toolbar',
  'slider',
  'checkbox',
  'radio',
  'combobox',
  'textbox',
  'searchbox',
  'spinbutton',
  'link',
  'DisclosureTriangle',
  'application',
]);

type FrameTree = { frame: { id: string; url: string }; childFrames?: FrameTree[] };

/** The id of the frame the tests run in (the CDP session is the page's, around it). */
async function testFrameId(): Promise<string | undefined> {
  const { frameTree } = (await cdp().send('Page.getFrameTree')) as { frameTree: FrameTree };
  const find = (t: FrameTree): string | undefined =>
    t.frame.url === location.href ? t.frame.id : t.childFrames?.map(find).find(Boolean);
  return find(frameTree);
}

/** The operable nodes of the test frame's accessibility tree (Chromium's, through CDP), by role and name. */
async function controlsInTree(): Promise<string[]> {
  const frameId = await testFrameId();
  const { nodes } = await cdp().send('Accessibility.getFullAXTree', frameId ? { frameId } : {});
  return nodes
    .filter((n) => !n.ignored && CONTROL_ROLES.has(String(n.role?.value)))
    .map((n) => `${String(n.role?.value)} "${String(n.name?.value ?? '')}"`);
}

const CONTROLS = 'button, input, select, summary, [role="button"], [role="toolbar"], [role="slider"]';

/** Elements of the shadow root a reader sees and could operate (or focus, with `focusable`). */
function visibleControls(el: Element, focusable = true): Element[] {
  return [...el.shadowRoot!.querySelectorAll(focusable ? `${CONTROLS}, [tabindex]` : CONTROLS)].filter((c) =>
    c.checkVisibility(),
  );
}

const emulate = (media: string, features: { name: string; value: string }[] = []) =>
  cdp().send('Emulation.setEmulatedMedia', { media, features });

afterEach(async () => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
  await emulate('');
});

function currentFeed(): Feed {
  return { ...makeFeed(), asOf: new Date().toISOString() } as unknown as Feed;
}

async function mount(setup: (el: TestStill) => void): Promise<TestStill> {
  const el = document.createElement('test-still') as TestStill;
  el.lang = 'en';
  setup(el);
  document.body.append(el);
  await vi.waitFor(() => expect(['ready', 'stale', 'empty']).toContain(el.status), POLL);
  await el.updateComplete;
  return el;
}

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const footer = (el: Element) => $(el, '[part="footer"]');

describe('snapshot attribute', () => {
  it('is a reflected boolean, off by default', async () => {
    const el = await mount((e) => (e.data = currentFeed()));
    expect(el.snapshot).toBe(false);
    expect(el.hasAttribute('snapshot')).toBe(false);
    el.snapshot = true;
    await el.updateComplete;
    expect(el.hasAttribute('snapshot')).toBe(true);
    el.removeAttribute('snapshot');
    expect(el.snapshot).toBe(false);
  });

  it('live: the controls are there and operable (what the snapshot test below takes away)', async () => {
    const el = await mount((e) => (e.data = currentFeed()));
    expect(visibleControls(el).length).toBeGreaterThanOrEqual(4);
    const tree = await controlsInTree();
    expect(tree).toContain('button "Zoom in"');
    expect(tree).toContain('toolbar "Tools"');
    expect(tree).toContain('slider "Year"');
    expect(tree.some((c) => c.startsWith('DisclosureTriangle'))).toBe(true);
    expect(footer(el)!.checkVisibility()).toBe(false);
  });

  it('hides every control, from view and from the accessibility tree; scroll boxes show all they hold', async () => {
    const el = await mount((e) => {
      e.snapshot = true;
      e.data = currentFeed();
    });
    expect(visibleControls(el)).toEqual([]);
    expect(await controlsInTree()).toEqual([]);
    // What is not a control stays: the list, the data table (as text), the footer.
    expect($(el, 'ul[aria-label="Indicators"]')!.checkVisibility()).toBe(true);
    expect($(el, '.data-table th')!.textContent).toContain('Name');
    const scroll = $(el, '[data-scroll]')!;
    expect(scroll.scrollHeight).toBeLessThanOrEqual(scroll.clientHeight);
    expect(footer(el)!.checkVisibility()).toBe(true);
  });

  it('runs no animation or transition, even while loading', async () => {
    const live = document.createElement('test-still') as TestStill;
    document.body.append(live);
    await live.updateComplete;
    // The loading skeleton pulses in a live widget…
    expect(live.shadowRoot!.getAnimations().length).toBeGreaterThan(0);
    live.remove();
    const still = document.createElement('test-still') as TestStill;
    still.snapshot = true;
    document.body.append(still);
    await still.updateComplete;
    expect(still.status).toBe('loading');
    // …not in a still picture.
    expect(still.shadowRoot!.getAnimations()).toEqual([]);
    still.data = currentFeed();
    await vi.waitFor(() => expect(still.status).toBe('ready'), POLL);
    const tip = $(still, '.tip')!;
    expect(getComputedStyle(tip).transitionDuration).toBe('0s');
    expect(getComputedStyle(still).getPropertyValue('--_motion').trim()).toBe('0ms');
  });

  it('shows the source and the time of the data in a footer line, in English and Chinese', async () => {
    const feed = currentFeed();
    const el = await mount((e) => {
      e.snapshot = true;
      e.data = feed;
    });
    const enTime = formatDateTime(feed.asOf, 'en', 'Asia/Shanghai');
    expect(footer(el)!.textContent).toBe(`Source: Test source · Data as of ${enTime}`);
    el.lang = 'zh-CN';
    await vi.waitFor(() => expect(footer(el)!.textContent).toContain('来源：测试来源 · 数据截至 '), POLL);
    expect(footer(el)!.textContent).toBe(
      `来源：测试来源 · 数据截至 ${formatDateTime(feed.asOf, 'zh-CN', 'Asia/Shanghai')}`,
    );
    // In the place's time zone, whatever the browser's: 09:00 in Shenzhen.
    const fixed = { ...currentFeed(), asOf: '2017-12-04T09:00:00+08:00' } as Feed;
    expect(footerText(fixed, 'zh-CN')).toBe('来源：测试来源 · 数据截至 2017年12月4日 09:00');
    expect(footerText(fixed, 'en')).toMatch(/^Source: Test source · Data as of Dec 4, 2017, 9:00\sAM$/);
  });

  it('names the place (and a sample) when the feed names no source; feed markup stays text', async () => {
    const feed = currentFeed() as Feed & { source: { name: { zh: string; en: string } } };
    feed.source.name = { zh: ' ', en: '' };
    expect(footerText({ ...feed, synthetic: true }, 'en')).toMatch(
      /^Source: Test District \(Sample data, partly synthetic\) · Data as of /,
    );
    expect(footerText({ ...feed, synthetic: false }, 'zh-CN')).toMatch(/^来源：测试区 · 数据截至 /);
    feed.source.name = { zh: '<script>alert(1)</script>', en: '<img src=x onerror="window.__pwned=1">' };
    const el = await mount((e) => {
      e.snapshot = true;
      e.data = feed;
    });
    expect(footer(el)!.textContent).toContain('Source: <img src=x onerror="window.__pwned=1"> · ');
    expect(el.shadowRoot!.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('print', () => {
  it('hides the controls and prints dark text on white, whatever the theme', async () => {
    const el = await mount((e) => {
      e.theme = 'dark';
      e.data = currentFeed();
    });
    const li = $(el, 'li')!;
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
    expect(getComputedStyle(li).color).toBe('rgb(230, 237, 243)');
    const calls = el.printCalls;
    await emulate('print');
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle(li).color).toBe('rgb(27, 31, 36)');
    expect(visibleControls(el, false)).toEqual([]);
    expect(footer(el)!.checkVisibility()).toBe(true);
    // Widgets that paint canvases or leave rows out hear of it, to draw for the page.
    await vi.waitFor(() => expect(el.printCalls).toBeGreaterThan(calls), POLL);
    await emulate('');
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
    expect(visibleControls(el).length).toBeGreaterThan(0);
  });

  it('theme="auto" on a dark system prints light too', async () => {
    const el = await mount((e) => {
      e.theme = 'auto';
      e.data = currentFeed();
    });
    await emulate('', [{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(13, 17, 23)');
    await emulate('print', [{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle($(el, 'li')!).color).toBe('rgb(27, 31, 36)');
  });
});

describe('summary', () => {
  it("is '' until the data is in, then the widget's text in its language, as one plain line", async () => {
    const el = document.createElement('test-still') as TestStill;
    el.lang = 'en';
    document.body.append(el);
    await el.updateComplete;
    expect(el.summary).toBe('');
    el.data = currentFeed();
    await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
    expect(el.summary).toBe('Test District: 4 indicators');
    el.lang = 'zh-CN';
    await vi.waitFor(() => expect(el.summary).toBe('测试区: 4 indicators'), POLL);
  });

  it('says there is no data, never 0, when the widget is empty; nothing on an error', async () => {
    const el = await mount((e) => (e.data = { ...currentFeed(), indicators: [] }));
    expect(el.status).toBe('empty');
    expect(el.summary).toBe('There is no data to show.');
    el.data = { format: 'safety-feed', version: 2 };
    await vi.waitFor(() => expect(el.status).toBe('error'), POLL);
    expect(el.summary).toBe('');
  });

  it('keeps feed markup as the characters it is made of', async () => {
    const feed = currentFeed() as Feed & { place: { name: { en: string } } };
    feed.place.name.en = '<script>window.__pwned=1</script><b>Bold</b>';
    const el = await mount((e) => (e.data = feed));
    expect(el.summary).toBe('<script>window.__pwned=1</script><b>Bold</b>: 4 indicators');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
