/**
 * `<safety-feed>`, FeedController and the page-wide registry, in Chromium against the test feed server.
 */
import { LitElement, html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { scenarioUrl, serverStats, uniqueKey } from '../../test/server/client.js';
import '../safety-feed.js';
import { FeedController } from './feed-controller.js';
import { activeFeedSources } from './registry.js';
import type { SafetyFeedElement } from './safety-feed.element.js';
import type { FeedError, FeedState } from './types.js';

const POLL = { timeout: 15_000, interval: 25 };

/** A minimal widget: shows its status, takes feed / src / data like real widgets. */
class TestFeedWidget extends LitElement {
  static override properties = {
    feed: { type: String },
    src: { type: String },
    data: { attribute: false },
  };
  declare feed?: string;
  declare src?: string;
  declare data?: unknown;
  readonly controller = new FeedController(this, { lookupTimeoutMs: 300 });

  override render() {
    const { status, feed } = this.controller.state;
    return html`<span class="status">${status}</span><span class="name">${feed?.place.name.en ?? ''}</span>`;
  }
}
customElements.define('test-feed-widget', TestFeedWidget);

declare global {
  interface HTMLElementTagNameMap {
    'test-feed-widget': TestFeedWidget;
  }
}

function widget(attrs: Record<string, string> = {}): TestFeedWidget {
  const el = document.createElement('test-feed-widget');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

function feedElement(attrs: Record<string, string> = {}): SafetyFeedElement {
  const el = document.createElement('safety-feed');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

function shown(el: TestFeedWidget): string {
  return el.shadowRoot?.querySelector('.status')?.textContent ?? '';
}

afterEach(async () => {
  document.body.replaceChildren();
  // Let released sources be disposed (after microtasks).
  await new Promise((resolve) => setTimeout(resolve));
});

describe('<safety-feed>', () => {
  it('loads src, reflects status and fires safety-feed-change', async () => {
    const key = uniqueKey('el');
    const el = feedElement({ src: scenarioUrl('/feed/slow', { key, ms: 400 }), id: 'main' });
    const changes: FeedState[] = [];
    el.addEventListener('safety-feed-change', (e) => changes.push(e.detail));
    document.body.append(el);
    await el.updateComplete;
    expect(el.getAttribute('status')).toBe('loading');
    expect(el.status).toBe('loading');
    await expect.poll(() => el.getAttribute('status'), POLL).toBe('ready');
    expect(el.state.status).toBe('ready');
    expect(el.feed?.id).toBe('test-district');
    expect(el.asOf).toBe(el.state.feed?.asOf);
    expect(changes.at(-1)).toBe(el.state);
    expect(getComputedStyle(el).display).toBe('contents');
    expect(el.shadowRoot?.querySelector('slot')).not.toBeNull();
  });

  it('reflects error and fires safety-feed-error with a message', async () => {
    const key = uniqueKey('el-404');
    const url = scenarioUrl('/feed/missing-feed', { key });
    const el = feedElement({ src: url });
    el.options = { retryBaseMs: 60_000 };
    const errors: FeedError[] = [];
    document.addEventListener('safety-feed-error', (e) => errors.push(e.detail), { once: true });
    document.body.append(el);
    await expect.poll(() => el.getAttribute('status'), POLL).toBe('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'not-found' });
    expect(errors[0]?.message).toContain(url);
  });

  it('explains a <safety-feed> with neither src nor data', async () => {
    const el = feedElement({ id: 'nothing' });
    document.body.append(el);
    await el.updateComplete;
    expect(el.getAttribute('status')).toBe('error');
    expect(el.state.error?.code).toBe('config');
    expect(el.state.error?.message).toContain('<safety-feed id="nothing">');
  });

  it('takes a feed object from .data (no request), and reports invalid data', async () => {
    const key = uniqueKey('el-data');
    const el = feedElement({ src: scenarioUrl('/feed/ok', { key }) });
    el.data = { ...makeFeed(), asOf: new Date().toISOString() };
    document.body.append(el);
    await el.updateComplete;
    expect(el.state.status).toBe('ready');
    expect(el.state.mode).toBe('static');
    expect(el.getAttribute('status')).toBe('ready');
    expect((await serverStats(key)).requests).toBe(0);

    const bad = makeFeed();
    delete (bad as Record<string, unknown>).place;
    el.data = bad;
    // The detailed validator is loaded on demand: the verdict comes a moment later.
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('error'), POLL);
    expect(el.state.error?.code).toBe('invalid');
    expect(el.state.error?.message).toContain('place');

    // Clearing data falls back to src.
    el.data = undefined;
    await expect.poll(() => el.getAttribute('status'), POLL).toBe('ready');
    expect((await serverStats(key)).requests).toBe(1);
  });

  it('switches source when src changes and releases the old one', async () => {
    const a = scenarioUrl('/feed/ok', { key: uniqueKey('el-a') });
    const b = scenarioUrl('/feed/ok', { key: uniqueKey('el-b') });
    const el = feedElement({ src: a });
    document.body.append(el);
    await expect.poll(() => el.status, POLL).toBe('ready');
    expect(activeFeedSources().get(a)).toBe(1);
    el.src = b;
    await expect.poll(() => el.state.url, POLL).toBe(b);
    await expect.poll(() => activeFeedSources().has(a), POLL).toBe(false);
    expect(activeFeedSources().get(b)).toBe(1);
    el.remove();
    // Released after the element's and the registry's microtasks, not at once.
    expect(activeFeedSources().get(b)).toBe(1);
    await expect.poll(() => activeFeedSources().has(b), POLL).toBe(false);
  });

  it('polls at its interval attribute', async () => {
    const key = uniqueKey('el-interval');
    const el = feedElement({ src: scenarioUrl('/feed/ok', { key }), interval: '1' });
    document.body.append(el);
    await expect.poll(async () => (await serverStats(key)).requests, POLL).toBeGreaterThanOrEqual(3);
    const stats = await serverStats(key);
    expect(stats.notModified).toBe(stats.requests - 1);
    expect(el.status).toBe('ready');
  });

  it('keeps its source (no new request) when moved in the DOM', async () => {
    const key = uniqueKey('el-move');
    const el = feedElement({ src: scenarioUrl('/feed/ok', { key }) });
    // Another element, removed as the first is moved: once its source has been released, the
    // moved one's would have been released (and a new one made) too.
    const removedSrc = scenarioUrl('/feed/ok', { key: uniqueKey('el-removed') });
    const removed = feedElement({ src: removedSrc });
    const box = document.createElement('div');
    document.body.append(el, removed, box);
    await expect.poll(() => el.status === 'ready' && removed.status === 'ready', POLL).toBe(true);
    const state = el.state;
    box.append(el);
    removed.remove();
    await expect.poll(() => activeFeedSources().has(removedSrc), POLL).toBe(false);
    await el.updateComplete;
    expect(el.state).toBe(state);
    expect((await serverStats(key)).requests).toBe(1);
  });
});

describe('FeedController', () => {
  it('20 widgets on one <safety-feed> and 20 with the same src make one request per URL', async () => {
    const keyA = uniqueKey('shared-id');
    const keyB = uniqueKey('shared-src');
    const urlB = scenarioUrl('/feed/ok', { key: keyB });
    const widgets: TestFeedWidget[] = [];
    for (let i = 0; i < 20; i++) widgets.push(widget({ feed: 'shared' }));
    for (let i = 0; i < 20; i++) widgets.push(widget({ src: urlB }));
    // Widgets before their <safety-feed> in document order, and two <safety-feed>s for urlB too.
    document.body.append(
      ...widgets,
      feedElement({ id: 'shared', src: scenarioUrl('/feed/ok', { key: keyA }) }),
      feedElement({ src: urlB }),
      feedElement({ src: urlB }),
    );
    await expect.poll(() => widgets.every((w) => w.controller.state.status === 'ready'), POLL).toBe(true);
    await Promise.all(widgets.map((w) => w.updateComplete));
    expect(widgets.every((w) => shown(w) === 'ready')).toBe(true);
    expect((await serverStats(keyA)).requests).toBe(1);
    expect((await serverStats(keyB)).requests).toBe(1);
    expect(activeFeedSources().get(urlB)).toBe(22);
  });

  it('gets the state of the surrounding <safety-feed> through context', async () => {
    const key = uniqueKey('ctx');
    const outer = feedElement({ src: scenarioUrl('/feed/ok', { key }) });
    const inner = widget();
    const deeper = document.createElement('section');
    const nested = widget();
    deeper.append(nested);
    outer.append(inner, deeper);
    document.body.append(outer);
    await expect.poll(() => shown(inner), POLL).toBe('ready');
    await expect.poll(() => shown(nested), POLL).toBe('ready');
    expect(inner.controller.state).toBe(outer.state);
    expect((await serverStats(key)).requests).toBe(1);
  });

  it('finds a <safety-feed> inside the same shadow root', async () => {
    const key = uniqueKey('shadow');
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const w = widget({ feed: 'in-shadow' });
    root.append(feedElement({ id: 'in-shadow', src: scenarioUrl('/feed/ok', { key }) }), w);
    document.body.append(host);
    await expect.poll(() => w.controller.state.status, POLL).toBe('ready');
  });

  it('reports feed="missing" as a config error, then recovers when the element appears', async () => {
    const w = widget({ feed: 'missing' });
    document.body.append(w);
    await w.updateComplete;
    expect(w.controller.state.status).toBe('loading');
    await expect
      .poll(() => w.controller.state.error?.message, POLL)
      .toBe('No <safety-feed id="missing"> found on the page; add one or set src.');
    expect(w.controller.state.status).toBe('error');
    expect(w.controller.state.error?.code).toBe('config');
    await expect.poll(() => shown(w), POLL).toBe('error');

    document.body.append(
      feedElement({ id: 'missing', src: scenarioUrl('/feed/ok', { key: uniqueKey('late') }) }),
    );
    await expect.poll(() => w.controller.state.status, POLL).toBe('ready');
  });

  it('says when feed="x" names something that is not a <safety-feed>', async () => {
    const div = document.createElement('div');
    div.id = 'not-a-feed';
    const w = widget({ feed: 'not-a-feed' });
    document.body.append(div, w);
    await expect.poll(() => w.controller.state.error?.code, POLL).toBe('config');
    expect(w.controller.state.error?.message).toContain('names a <div>');
  });

  it('reports a widget with no feed at all', async () => {
    const w = widget();
    document.body.append(w);
    await expect.poll(() => w.controller.state.error?.code, POLL).toBe('config');
    expect(w.controller.state.error?.message).toContain('<test-feed-widget> has no feed');
  });

  it('uses .data over src and feed, validated', async () => {
    const key = uniqueKey('w-data');
    const w = widget({ src: scenarioUrl('/feed/ok', { key }), feed: 'whatever' });
    w.data = { ...makeFeed(), asOf: new Date().toISOString() };
    document.body.append(w);
    await w.updateComplete;
    expect(w.controller.state.status).toBe('ready');
    expect(w.controller.state.mode).toBe('static');
    expect(shown(w)).toBe('ready');

    // Data set from script is judged by its age like fetched data: the fixture's 2017 asOf is overdue.
    w.data = makeFeed();
    await w.updateComplete;
    expect(w.controller.state.status).toBe('stale');
    expect(w.controller.state.staleReason).toBe('age');

    w.data = { format: 'safety-feed', version: 1 };
    await vi.waitFor(() => expect(w.controller.state.status).toBe('error'), POLL);
    expect(w.controller.state.error?.code).toBe('invalid');
    expect(w.controller.state.error?.message).toContain('<test-feed-widget>');
    expect((await serverStats(key)).requests).toBe(0);
  });

  it('follows changes of src and releases on disconnect', async () => {
    const a = scenarioUrl('/feed/ok', { key: uniqueKey('w-a') });
    const b = scenarioUrl('/feed/ok', { key: uniqueKey('w-b'), asOf: '2017-12-04T10:00:00+08:00' });
    const w = widget({ src: a });
    document.body.append(w);
    await expect.poll(() => w.controller.state.url, POLL).toBe(a);
    w.src = b;
    await expect.poll(() => w.controller.state.feed?.asOf, POLL).toBe('2017-12-04T10:00:00+08:00');
    w.remove();
    await expect.poll(() => activeFeedSources().has(b), POLL).toBe(false);
    expect(activeFeedSources().has(a)).toBe(false);
    document.body.append(w);
    await expect.poll(() => activeFeedSources().get(b), POLL).toBe(1);
  });
});
