/**
 * The street portal's script (the list and every sub-district page): the language toggle, with the
 * document title taken from the page's own heading in each language. The widgets need no script:
 * their attributes are in the HTML.
 */
import { setupLanguage } from '@safety-widgets/demo-kit/lang';

function headingIn(lang: string): string {
  return document.querySelector(`h1 .t[lang="${lang}"]`)?.textContent?.trim() ?? '';
}

if (typeof document !== 'undefined') {
  setupLanguage(document, {
    title: { zh: `${headingIn('zh-CN')} · 平安盐田`, en: `${headingIn('en')} · Safe Yantian` },
  });
}
