/**
 * SafetyElement, the base of every widget: states, status attribute, locale, bad data, in Chromium.
 */
import axe from 'axe-core';
import { html, type PropertyValues } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { scenarioUrl, uniqueKey } from '../../test/server/client.js';
import type { Feed } from '../feed/types.js';
import { localizedText } from '../locale/messages.js';
import { SafetyElement } from './safety-element.js';

const POLL = { timeout: 15_000, interval: 25 };

/** A minimal widget: lists indicator names, empty when the feed has no indicators. */
class TestIndicatorList extends SafetyElement {
  explode = false;
  /** When set, every update adds "<status attribute> <what is drawn>" to it. */
  log: string[] | undefined;
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const r = this.shadowRoot!;
    const drawn = r.querySelector('ul')
      ? 'list'
      : (['skeleton', 'error', 'empty'].find((part) => r.querySelector(`[part~="${part}"]`)) ?? 'nothing');
    this.log?.push(`${this.getAttribute('status')} ${drawn}`);
  }
  protected override isEmpty(feed: Feed): boolean {
    return feed.indicators.length === 0;
  }
  protected override describeLiveChange(previous: Feed, next: Feed): string | undefined {
    const added = next.indicators.length - previous.indicators.length;
    return added === 0 ? undefined : `${added} indicators added`;
  }
  protected override renderContent(feed: Feed) {
    if (this.explode) throw new Error('widget bug');
    return html`<ul aria-label="Indicators">
      ${feed.indicators.map((i) => html`<li>${localizedText(i.name, this.locale)}</li>`)}
    </ul>`;
  }
}
customElements.define('test-indicator-list', TestIndicatorList);

/** A feed that is current (not stale by age). */
function currentFeed(): ReturnType<typeof makeFeed> {
  return { ...makeFeed(), asOf: new Date().toISOString() };
}

function mount(setup: (el: TestIndicatorList) => void = () => {}): TestIndicatorList {
  const el = document.createElement('test-indicator-list') as TestIndicatorList;
  setup(el);
  document.body.append(el);
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => root(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';

afterEach(async () => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
  await new Promise((resolve) => setTimeout(resolve));
});

describe('SafetyElement', () => {
  it('shows a loading skeleton first, then the content, with the status attribute following', async () => {
    const el = mount((e) => (e.src = scenarioUrl('/feed/slow', { key: uniqueKey(), ms: 300 })));
    await el.updateComplete;
    expect(el.getAttribute('status')).toBe('loading');
    expect(root(el).querySelector('[aria-busy="true"]')).not.toBeNull();
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('ready'), POLL);
    expect(root(el).querySelectorAll('ul[aria-label="Indicators"] > li')).toHaveLength(4);
  });

  it('renders from .data, and feed text with markup stays text', async () => {
    const feed = currentFeed();
    (feed.indicators as { name: { en: string } }[])[0]!.name.en = '<img src=x onerror="window.__pwned=1">';
    const el = mount((e) => {
      e.lang = 'en';
      e.data = feed;
    });
    await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
    expect(root(el).querySelector('img')).toBeNull();
    expect(root(el).querySelector('li')?.textContent).toBe('<img src=x onerror="window.__pwned=1">');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('.data set on a mounted widget: status and drawing change together, in one update', async () => {
    const el = mount((e) => (e.lang = 'en'));
    await el.updateComplete;
    expect(el.getAttribute('status')).toBe('loading');
    const seen: string[] = [];
    el.log = seen;

    el.data = currentFeed();
    // One update takes the data (validated there) and shows it, with the status attribute to match.
    expect(await el.updateComplete).toBe(true);
    expect(seen).toEqual(['ready list']);
    expect(root(el).querySelectorAll('ul[aria-label="Indicators"] > li')).toHaveLength(4);

    // A rejected feed waits for the detailed validator (loaded on demand): meanwhile the widget
    // keeps the picture it has (no skeleton flashes), then shows the error.
    el.data = { format: 'safety-feed', version: 2 };
    await vi.waitFor(() => expect(seen.at(-1)).toBe('error error'), POLL);
    expect(await el.updateComplete).toBe(true);
    expect(seen.filter((s) => s !== 'ready list')).toEqual(['error error']);
    seen.length = 0;
    seen.push('ready list', 'error error');
    expect(root(el).querySelector('[role="alert"]')?.textContent).toContain(
      'version: this library reads format version 1, the feed says 2',
    );

    el.data = { ...currentFeed(), indicators: [] };
    expect(await el.updateComplete).toBe(true);
    expect(seen).toEqual(['ready list', 'error error', 'empty empty']);
    expect(root(el).querySelector('[part~="empty"]')).not.toBeNull();
  });

  it('follows the page language and its own lang attribute', async () => {
    document.documentElement.lang = 'zh-CN';
    const el = mount((e) => (e.data = currentFeed()));
    await vi.waitFor(() => expect(text(el)).toContain('诈骗警情'), POLL);
    el.lang = 'en';
    await vi.waitFor(() => expect(text(el)).toContain('Fraud alerts'), POLL);
  });

  it('shows the empty state and status "empty" when there is nothing it draws', async () => {
    const feed = { ...currentFeed(), indicators: [] };
    const el = mount((e) => {
      e.lang = 'en';
      e.data = feed;
    });
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('empty'), POLL);
    expect(root(el).querySelector('[part~="empty"]')).not.toBeNull();
  });

  it('a stale feed with nothing it draws: the stale badge and the empty state, status "stale"', async () => {
    const feed = { ...makeFeed(), asOf: '2017-12-04T00:00:00+08:00', indicators: [] };
    const el = mount((e) => {
      e.lang = 'en';
      e.data = feed;
    });
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('stale'), POLL);
    expect(root(el).querySelector('[part~="empty"]')).not.toBeNull();
    expect(root(el).querySelector('ul[aria-label="Indicators"]')).toBeNull();
    expect(text(el)).toMatch(/old|stale/i);
  });

  it('shows an error with role="alert" and a message naming the problem for an invalid feed', async () => {
    const el = mount((e) => {
      e.lang = 'en';
      e.data = { format: 'safety-feed', version: 2 };
    });
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('error'), POLL);
    const alert = root(el).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('version: this library reads format version 1, the feed says 2');
  });

  it('shows an error naming the URL when the server fails, and recovers on retry', async () => {
    const key = uniqueKey();
    const el = mount((e) => {
      e.lang = 'en';
      e.src = scenarioUrl('/feed/status/404', { key });
    });
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('error'), POLL);
    expect(root(el).querySelector('[role="alert"]')?.textContent).toContain('/feed/status/404');
    expect(root(el).querySelector('button')).not.toBeNull();
  });

  it('counts dropped indicators in a visible note and still shows the rest', async () => {
    const feed = currentFeed();
    (feed.indicators as { value: unknown }[])[1]!.value = '98%';
    const el = mount((e) => {
      e.lang = 'en';
      e.data = feed;
    });
    await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
    expect(root(el).querySelectorAll('ul[aria-label="Indicators"] > li')).toHaveLength(3);
    const note = root(el).querySelector('[part~="dropped"]');
    expect(note?.textContent).toContain('1 indicator');
    expect(note?.textContent).toContain('indicators[1].value: expected a number, got "98%"');
  });

  it('shows a stale badge with the age of old data', async () => {
    const feed = {
      ...makeFeed(),
      asOf: new Date(Date.now() - 3 * 3600_000).toISOString(),
      expectedUpdateSeconds: 600,
    };
    const el = mount((e) => {
      e.lang = 'en';
      e.data = feed;
    });
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('stale'), POLL);
    expect(root(el).querySelector('[part~="stale"]')?.textContent).toMatch(/3 hours/);
    expect(root(el).querySelectorAll('ul[aria-label="Indicators"] > li')).toHaveLength(4);
  });

  it('lays the stale badge over its corner: a feed going stale moves nothing', async () => {
    const fresh = mount((e) => {
      e.lang = 'en';
      e.data = currentFeed();
    });
    const stale = mount((e) => {
      e.lang = 'en';
      e.data = {
        ...makeFeed(),
        asOf: new Date(Date.now() - 3 * 3600_000).toISOString(),
        expectedUpdateSeconds: 600,
      };
    });
    await vi.waitFor(() => expect([fresh.status, stale.status]).toEqual(['ready', 'stale']), POLL);
    const badge = root(stale).querySelector<HTMLElement>('[part~="stale"]')!;
    expect(badge.checkVisibility()).toBe(true);
    expect(stale.getBoundingClientRect().height).toBe(fresh.getBoundingClientRect().height);
    // In the host's top inline-end corner, inside the host.
    const host = stale.getBoundingClientRect();
    const box = badge.getBoundingClientRect();
    expect(box.top - host.top).toBeLessThan(12);
    expect(host.right - box.right).toBeLessThan(12);
    expect(box.left).toBeGreaterThanOrEqual(host.left);
  });

  it("is set in the page's typeface, with Chinese fonts after it; --safety-font-family wins", async () => {
    const wrapper = document.createElement('div');
    wrapper.style.fontFamily = 'Georgia, serif';
    document.body.append(wrapper);
    const el = document.createElement('test-indicator-list') as TestIndicatorList;
    el.lang = 'en';
    el.data = currentFeed();
    wrapper.append(el);
    await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
    const family = getComputedStyle(root(el).querySelector('li')!).fontFamily;
    expect(family.startsWith('Georgia, serif')).toBe(true);
    expect(family).toContain('Noto Sans CJK SC');

    const zh = document.createElement('test-indicator-list') as TestIndicatorList;
    zh.lang = 'zh-CN';
    zh.data = currentFeed();
    wrapper.append(zh);
    await vi.waitFor(() => expect(zh.status).toBe('ready'), POLL);
    expect(getComputedStyle(root(zh).querySelector('li')!).fontFamily.startsWith('Georgia, serif')).toBe(
      true,
    );

    wrapper.style.setProperty('--safety-font-family', 'monospace');
    expect(getComputedStyle(root(el).querySelector('li')!).fontFamily).toBe('monospace');
  });

  it('falls back to the system stack, Chinese fonts first on a Chinese page, where the page sets no font', async () => {
    const el = mount((e) => {
      e.lang = 'zh-CN';
      e.data = currentFeed();
    });
    // The test page's body has Chromium's default (a serif): adopted as the page's. Drop it to see the fallback.
    el.style.removeProperty('--_page-font');
    await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
    expect(
      getComputedStyle(root(el).querySelector('li')!)
        .fontFamily.replace(/["']/g, '')
        .startsWith('PingFang SC'),
    ).toBe(true);
  });

  it('says a live change in its polite live region, not the first data; announce="off" silences it', async () => {
    const region = (el: TestIndicatorList) =>
      root(el).querySelector('[part~="announcer"][role="status"][aria-live="polite"]')?.textContent?.trim();
    const first = currentFeed();
    const more = { ...first, indicators: [...first.indicators, { ...first.indicators[0]!, id: 'extra' }] };
    const el = mount((e) => {
      e.lang = 'en';
      e.data = first;
    });
    await vi.waitFor(() => expect(el.status).toBe('ready'), POLL);
    expect(region(el)).toBe('');
    el.data = { ...first };
    await el.updateComplete;
    expect(region(el)).toBe('');
    el.data = more;
    await vi.waitFor(() => expect(region(el)).toBe('1 indicators added'), POLL);

    const quiet = mount((e) => {
      e.lang = 'en';
      e.setAttribute('announce', 'off');
      e.data = first;
    });
    await vi.waitFor(() => expect(quiet.status).toBe('ready'), POLL);
    quiet.data = more;
    await quiet.updateComplete;
    expect(region(quiet)).toBe('');
  });

  it('turns a bug in widget drawing code into the error state, never an exception in the page', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const el = mount((e) => {
        e.lang = 'en';
        e.explode = true;
        e.data = currentFeed();
      });
      await vi.waitFor(() => expect(root(el).querySelector('[role="alert"]')).not.toBeNull(), POLL);
      expect(root(el).querySelector('[role="alert"]')?.textContent).toContain('could not draw this feed');
      expect(errors).toEqual([]);
      expect(consoleError).toHaveBeenCalledTimes(1);
    } finally {
      consoleError.mockRestore();
      window.removeEventListener('error', onError);
    }
  });

  it('has no serious or critical axe violations when ready, empty or in error, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const data of [currentFeed(), { ...currentFeed(), indicators: [] }, { nope: true }]) {
        const el = mount((e) => {
          e.theme = theme;
          e.lang = 'en';
          e.data = data;
        });
        await vi.waitFor(() => expect(el.status).not.toBe('loading'), POLL);
        const results = await axe.run(el);
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          bad.map(
            (v) => `${theme} ${el.status}: ${v.id}: ${v.nodes.map((n) => n.failureSummary).join(' / ')}`,
          ),
        ).toEqual([]);
        el.remove();
      }
    }
  });
});
