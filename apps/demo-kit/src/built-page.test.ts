import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EMBED_TAG, inlineParts, loadsOnly } from './built-page.js';
import { earlyLanguageSource, tidyIgnoredTags } from './site-build.js';

const OWN = '<script type="module" crossorigin src="/streets/assets/street-1a2b.js"></script>';

describe('the checks of a built page', () => {
  it('accept the embed script as written, then the page’s own hashed files', () => {
    const html = `${EMBED_TAG}</script>${OWN}<link rel="stylesheet" href="/streets/assets/street-3c.css">`;
    expect(loadsOnly(html, '/streets/')).toBe(true);
    expect(loadsOnly(html, '/')).toBe(false);
    expect(loadsOnly(OWN, '/streets/')).toBe(false);
    expect(inlineParts(html)).toEqual([]);
  });

  it('accept one early-language script, only from the page’s own assets', () => {
    const early = '<script src="/streets/assets/lang-early-0123abcd.js"></script>';
    const rest = `${EMBED_TAG}</script>${OWN}`;
    expect(loadsOnly(rest + early, '/streets/')).toBe(true);
    expect(loadsOnly(rest + early.replace('/streets/', '/other/'), '/streets/')).toBe(false);
    expect(loadsOnly(rest + early + early, '/streets/')).toBe(false);
  });

  it('find what is inline', () => {
    expect(inlineParts('<style>a{}</style><p style="x" onclick="y"><script>go()</script>')).toEqual([
      '<style',
      ' style=',
      ' onclick=',
      '<script>go()</script>',
    ]);
    expect(inlineParts('<img src="data:image/png;base64,AA"> Sample data: none')).toEqual(['="data:']);
  });

  it('the early-language script sets <html lang> from the URL, as the page script would', () => {
    const doc = { documentElement: { lang: '' } };
    for (const [search, lang] of [
      ['?lang=en', 'en'],
      ['?lang=EN-gb', 'en'],
      ['', 'zh-CN'],
      ['?lang=fr', 'zh-CN'],
    ] as const) {
      runInNewContext(earlyLanguageSource(), { document: doc, location: { search }, URLSearchParams });
      expect(doc.documentElement.lang).toBe(lang);
    }
  });

  it('the build puts back the embed tag Vite leaves with a space for its vite-ignore', () => {
    expect(
      tidyIgnoredTags('<script type="module" src="/cdn/safety-widgets.js" blocking="render" ></script>'),
    ).toBe(`${EMBED_TAG}</script>`);
  });
});
