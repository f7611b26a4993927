/**
 * The page language: Chinese by default, English with `?lang=en` in the URL (no cookie, no storage).
 * The page holds its text in both languages (`.t` elements with a `lang`), and page.css shows the
 * ones matching `<html lang>`; the widgets follow the nearest `lang` themselves.
 */

/** The languages of the page. */
export type PageLang = 'zh-CN' | 'en';

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The language a query string asks for: `lang=en` (or `en-…`) is English, anything else Chinese. */
export function langFromSearch(search: string): PageLang {
  const value = new URLSearchParams(search).get('lang')?.trim().toLowerCase() ?? '';
  return value === 'en' || value.startsWith('en-') ? 'en' : 'zh-CN';
}

/** `search` with the language set: `lang=en` for English, no `lang` for Chinese (the default). */
export function searchWithLang(search: string, lang: PageLang): string {
  const params = new URLSearchParams(search);
  if (lang === 'en') params.set('lang', 'en');
  else params.delete('lang');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The text of `text` in `lang`. */
export function pick(text: Bilingual, lang: PageLang): string {
  return lang === 'en' ? text.en : text.zh;
}

/** Two `.t` spans holding `text` in each language (the page's CSS shows the current one). */
export function bilingualNodes(doc: Document, text: Bilingual): HTMLElement[] {
  return (['zh-CN', 'en'] as const).map((lang) => {
    const span = doc.createElement('span');
    span.className = 't';
    span.lang = lang;
    span.textContent = pick(text, lang);
    return span;
  });
}

/** Replaces what `el` holds with `text` in both languages. */
export function setBilingual(el: Element, text: Bilingual): void {
  el.replaceChildren(...bilingualNodes(el.ownerDocument, text));
}

export interface LangOptions {
  /** The document title in each language. */
  title: Bilingual;
  /** Called after each change of language (not at the start). */
  onChange?: (lang: PageLang) => void;
}

/**
 * Sets `<html lang>` from the URL, keeps the language toggle (`a[data-lang-toggle]`) and the links
 * marked `data-keep-lang` pointing at the same language, switches without a reload when the toggle
 * is used (the URL changes with history.pushState, so back and forward work), and returns the
 * current language.
 */
export function setupLanguage(doc: Document, options: LangOptions): () => PageLang {
  const win = doc.defaultView!;
  let current = langFromSearch(win.location.search);

  const apply = (lang: PageLang) => {
    current = lang;
    doc.documentElement.lang = lang;
    doc.title = pick(options.title, lang);
    for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[data-keep-lang]')) {
      const url = new URL(link.href, win.location.href);
      url.search = searchWithLang(url.search, lang);
      link.href = url.origin === win.location.origin ? url.pathname + url.search + url.hash : url.href;
    }
    const other: PageLang = lang === 'en' ? 'zh-CN' : 'en';
    for (const toggle of doc.querySelectorAll<HTMLAnchorElement>('a[data-lang-toggle]')) {
      toggle.href = win.location.pathname + searchWithLang(win.location.search, other) + win.location.hash;
      toggle.hreflang = other;
      toggle.lang = other;
      toggle.textContent = other === 'en' ? 'English' : '中文';
    }
  };

  apply(current);
  doc.addEventListener('click', (event) => {
    const toggle = (event.target as Element | null)?.closest?.('a[data-lang-toggle]');
    if (!toggle || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const next: PageLang = current === 'en' ? 'zh-CN' : 'en';
    win.history.pushState(
      null,
      '',
      win.location.pathname + searchWithLang(win.location.search, next) + win.location.hash,
    );
    apply(next);
    options.onChange?.(next);
  });
  win.addEventListener('popstate', () => {
    const lang = langFromSearch(win.location.search);
    if (lang === current) return;
    apply(lang);
    options.onChange?.(lang);
  });
  return () => current;
}
