import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocaleController, localeObserverStats } from './controller.js';
import { t } from './messages.js';
import { browserLocale, resolveLocale } from './resolve.js';

@customElement('locale-test-widget')
class LocaleTestWidget extends LitElement {
  readonly i18n = new LocaleController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html`<p>${t(this.i18n.locale, 'loading')}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'locale-test-widget': LocaleTestWidget;
  }
}

const html0 = document.documentElement.getAttribute('lang');
const fixtures: Element[] = [];
function fixture<T extends Element>(el: T): T {
  document.body.append(el);
  fixtures.push(el);
  return el;
}
/** MutationObserver callbacks run as microtasks; a task boundary flushes them and the Lit update. */
const settle = () => new Promise((r) => setTimeout(r, 0));
const text = (w: LocaleTestWidget) => w.shadowRoot?.querySelector('p')?.textContent;

beforeEach(() => document.documentElement.setAttribute('lang', 'en'));
afterEach(() => {
  for (const el of fixtures.splice(0)) el.remove();
  if (html0 === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.setAttribute('lang', html0);
  vi.restoreAllMocks();
});

/** host > #shadow > wrapper[lang?] > inner host > #shadow > leaf */
function nested(outerLang: string | null, wrapperLang: string | null) {
  const outer = fixture(document.createElement('div'));
  if (outerLang !== null) outer.setAttribute('lang', outerLang);
  const root1 = outer.attachShadow({ mode: 'open' });
  const wrapper = document.createElement('section');
  if (wrapperLang !== null) wrapper.setAttribute('lang', wrapperLang);
  root1.append(wrapper);
  const inner = document.createElement('div');
  wrapper.append(inner);
  const root2 = inner.attachShadow({ mode: 'closed' });
  const leaf = document.createElement('span');
  root2.append(leaf);
  return { outer, wrapper, inner, leaf };
}

describe('resolveLocale', () => {
  it('uses the element’s own lang first', () => {
    const el = fixture(document.createElement('span'));
    el.setAttribute('lang', 'zh-Hans');
    expect(resolveLocale(el)).toBe('zh-CN');
  });

  it('finds the nearest [lang] through nested shadow roots', () => {
    expect(resolveLocale(nested('zh-CN', null).leaf)).toBe('zh-CN');
    expect(resolveLocale(nested('zh-CN', 'en-GB').leaf)).toBe('en');
    expect(resolveLocale(nested(null, 'zh').leaf)).toBe('zh-CN');
  });

  it('falls back to <html lang>, then to the browser language', () => {
    const { leaf } = nested(null, null);
    document.documentElement.setAttribute('lang', 'zh-TW');
    expect(resolveLocale(leaf)).toBe('zh-CN');
    document.documentElement.removeAttribute('lang');
    expect(resolveLocale(leaf)).toBe(browserLocale());
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-CN');
    expect(resolveLocale(leaf)).toBe('zh-CN');
  });

  it('skips an empty lang and uses <html lang> for a disconnected element', () => {
    const el = fixture(document.createElement('div'));
    el.setAttribute('lang', '');
    document.documentElement.setAttribute('lang', 'zh');
    expect(resolveLocale(el)).toBe('zh-CN');
    expect(resolveLocale(document.createElement('div'))).toBe('zh-CN');
  });
});

describe('LocaleController', () => {
  it('resolves on connect and re-renders when <html lang> changes', async () => {
    const w = fixture(document.createElement('locale-test-widget'));
    await w.updateComplete;
    expect(w.i18n.locale).toBe('en');
    expect(text(w)).toBe('Loading safety data…');

    document.documentElement.setAttribute('lang', 'zh-CN');
    await settle();
    await w.updateComplete;
    expect(w.i18n.locale).toBe('zh-CN');
    expect(text(w)).toBe('正在加载安全数据…');
  });

  it('follows lang changes on ancestors inside shadow roots', async () => {
    const { wrapper, leaf } = nested(null, null);
    const w = document.createElement('locale-test-widget');
    leaf.append(w);
    await w.updateComplete;
    expect(w.i18n.locale).toBe('en');

    wrapper.setAttribute('lang', 'zh-CN'); // inside the outer shadow root: invisible from <html>
    await settle();
    await w.updateComplete;
    expect(w.i18n.locale).toBe('zh-CN');

    w.setAttribute('lang', 'en');
    await settle();
    expect(w.i18n.locale).toBe('en');
  });

  it('shares one observer, requests an update only on a change, and stops when idle', async () => {
    expect(localeObserverStats()).toEqual({ controllers: 0, observing: false });
    const Original = window.MutationObserver;
    let made = 0;
    window.MutationObserver = class extends Original {
      constructor(callback: MutationCallback) {
        super(callback);
        made++;
      }
    };
    let a: LocaleTestWidget, b: LocaleTestWidget, c: LocaleTestWidget;
    try {
      a = fixture(document.createElement('locale-test-widget'));
      b = fixture(document.createElement('locale-test-widget'));
      c = document.createElement('locale-test-widget');
      nested(null, null).leaf.append(c);
      await Promise.all([a.updateComplete, b.updateComplete, c.updateComplete]);
    } finally {
      window.MutationObserver = Original;
    }
    expect(made).toBe(1);
    expect(localeObserverStats()).toEqual({ controllers: 3, observing: true });
    c.remove();

    const before = a.renders;
    document.documentElement.setAttribute('data-unrelated', 'x');
    document.documentElement.setAttribute('lang', 'en-US'); // still `en`
    await settle();
    expect(a.renders).toBe(before);
    document.documentElement.removeAttribute('data-unrelated');

    a.remove();
    b.remove();
    expect(localeObserverStats()).toEqual({ controllers: 0, observing: false });
  });

  it('re-resolves when moved to another part of the page', async () => {
    const zh = fixture(document.createElement('div'));
    zh.setAttribute('lang', 'zh-CN');
    const w = fixture(document.createElement('locale-test-widget'));
    await w.updateComplete;
    expect(w.i18n.locale).toBe('en');
    zh.append(w);
    await w.updateComplete;
    expect(w.i18n.locale).toBe('zh-CN');
    expect(text(w)).toBe('正在加载安全数据…');
  });
});
