/**
 * Messages per language in Chromium: the page's language loads when a package registers its texts,
 * a widget waits for the texts of its locale before it renders, switching language loads the other
 * one, and a widget whose texts cannot be loaded says so in both languages.
 */
import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import type { Feed } from '../feed/types.js';
import { SafetyElement } from '../element/safety-element.js';
import { defineMessages, type MessageBook } from './catalogue.js';
import { deferredCatalogue } from '../../test/deferred-catalogue.js';

type Key = 'heading';

const deferred = deferredCatalogue<Key>;

let book: MessageBook<Key> | undefined;

/** A widget that draws one heading from its own (test) texts. */
class TestTextWidget extends SafetyElement {
  protected static override get texts() {
    return book ? [book] : [];
  }
  protected override renderContent(feed: Feed) {
    return html`<h2>${book?.text(this.locale, 'heading', { n: feed.indicators.length })}</h2>`;
  }
}
customElements.define('test-text-widget', TestTextWidget);

/** A widget with core's texts only. */
class TestPlainWidget extends SafetyElement {
  protected override renderContent() {
    return html`<p>drawn</p>`;
  }
}
customElements.define('test-plain-widget', TestPlainWidget);

function mount(lang: string): TestTextWidget {
  const el = document.createElement('test-text-widget') as TestTextWidget;
  el.lang = lang;
  el.data = { ...makeFeed(), asOf: new Date().toISOString() };
  document.body.append(el);
  return el;
}

const text = (el: Element) => el.shadowRoot!.textContent?.replace(/\s+/g, ' ').trim() ?? '';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

describe('texts per language in a page', () => {
  it("starts loading the page's language when registered, and a widget waits for it", async () => {
    document.documentElement.lang = 'zh-CN';
    const en = deferred({ heading: '{n} indicators' });
    const zh = deferred({ heading: '{n} 项指标' });
    book = defineMessages<Key>('test-page', { en: en.loader, 'zh-CN': zh.loader });
    expect(zh.loader).toHaveBeenCalledTimes(1);
    expect(en.loader).not.toHaveBeenCalled();

    const el = mount('zh-CN');
    // A widget with core's texts only, mounted at the same time, draws: updates have run by then.
    const plain = document.createElement('test-plain-widget') as SafetyElement;
    plain.lang = 'zh-CN';
    plain.data = { ...makeFeed(), asOf: new Date().toISOString() };
    document.body.append(plain);
    await vi.waitFor(() => expect(plain.shadowRoot?.querySelector('p')?.textContent).toBe('drawn'));
    // Not rendered at all while its texts are on their way: no empty headings, no English.
    expect(el.shadowRoot?.querySelector('h2')).toBeNull();
    zh.resolve();
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe('4 项指标'));

    // Switching the widget to English loads English then, and only then.
    expect(en.loader).not.toHaveBeenCalled();
    el.lang = 'en';
    await vi.waitFor(() => expect(en.loader).toHaveBeenCalledTimes(1));
    expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe('4 项指标');
    en.resolve();
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe('4 indicators'));
  });

  it('draws the loading skeleton of a widget without data before its texts are in (no layout shift)', async () => {
    document.documentElement.lang = 'en';
    const en = deferred({ heading: '{n} indicators' });
    const zh = deferred({ heading: '{n} 项指标' });
    book = defineMessages<Key>('test-skeleton', { en: en.loader, 'zh-CN': zh.loader });
    const el = document.createElement('test-text-widget') as TestTextWidget;
    el.lang = 'en';
    document.body.append(el);
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector('[aria-busy="true"]')).not.toBeNull());
    expect(el.getBoundingClientRect().height).toBeGreaterThan(0);
    expect(el.shadowRoot?.querySelector('h2')).toBeNull();
    en.resolve();
    // With its texts in, the skeleton names what it is waiting for.
    await vi.waitFor(() => expect(text(el)).toContain('Loading safety data'));
    el.data = { ...makeFeed(), asOf: new Date().toISOString() };
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe('4 indicators'));
  });

  it('says in both languages which texts are missing when neither language loads', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.documentElement.lang = 'en';
    const en = deferred({ heading: '{n} indicators' });
    const zh = deferred({ heading: '{n} 项指标' });
    book = defineMessages<Key>('test-widget', { en: en.loader, 'zh-CN': zh.loader });
    const el = mount('en');
    en.reject();
    await vi.waitFor(() => expect(zh.loader).toHaveBeenCalledTimes(1));
    zh.reject();
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector('[role="alert"]')).not.toBeNull());
    expect(text(el)).toContain("This widget's texts could not be loaded.");
    expect(text(el)).toContain('组件的文字无法加载。');
    expect(text(el)).toContain('Missing: the texts of test-widget.');
    // Another widget's broken texts are not this one's problem: a widget without them draws.
    const other = document.createElement('test-plain-widget') as SafetyElement;
    other.lang = 'en';
    other.data = { ...makeFeed(), asOf: new Date().toISOString() };
    document.body.append(other);
    await vi.waitFor(() => expect(other.shadowRoot?.querySelector('p')?.textContent).toBe('drawn'));
    expect(text(el)).toContain('chunks/ folder');
    expect(el.shadowRoot?.querySelector('h2')).toBeNull();
    error.mockRestore();
  });
});
