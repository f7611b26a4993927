/**
 * Which of the two supported locales an element speaks, from the `lang` attributes
 * around it. Works through shadow roots, so a widget nested inside another
 * component's shadow DOM still follows the page.
 */

/** The locales every widget ships strings and formats for. */
export type SupportedLocale = 'zh-CN' | 'en';

/** Every supported locale, in a fixed order (useful for tests and pickers). */
export const SUPPORTED_LOCALES: readonly SupportedLocale[] = Object.freeze(['zh-CN', 'en'] as const);

/** Used when nothing around the element names a language (and in Node, with no `navigator`). */
export const DEFAULT_LOCALE: SupportedLocale = 'en';

/**
 * Maps a BCP 47 language tag to a supported locale: any Chinese tag (`zh`, `zh-CN`,
 * `zh-Hans`, `zh-TW`, `zh_CN`, `cmn`…) becomes `zh-CN`, any other non-empty tag `en`.
 * Returns undefined for an empty or missing tag. `zha` (Zhuang) is not Chinese.
 *
 * @example normalizeLocale('zh-Hant-HK') // 'zh-CN'
 * @example normalizeLocale('fr') // 'en'
 */
export function normalizeLocale(tag: string | null | undefined): SupportedLocale | undefined {
  const t = tag?.trim();
  if (!t) return undefined;
  return /^(?:zh|cmn)(?:[-_]|$)/i.test(t) ? 'zh-CN' : 'en';
}

/** The next element up, leaving a shadow root for its host. */
function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  // Duck-typed so that this also runs where `ShadowRoot` is not a global.
  const host = (root as { host?: Element | null }).host;
  return host && host.nodeType === 1 ? host : null;
}

/**
 * The locale of an element: its own non-empty `lang`, else the nearest ancestor's
 * `[lang]` (crossing shadow roots up to their hosts), else `<html lang>`, else the
 * browser's language (`navigator.language`), else `en`. An empty `lang=""` is skipped.
 */
export function resolveLocale(el: Element): SupportedLocale {
  for (let node: Element | null = el; node; node = parentAcrossShadow(node)) {
    const found = normalizeLocale(node.getAttribute('lang'));
    if (found) return found;
  }
  // A disconnected element never reaches <html>.
  const doc = typeof document === 'undefined' ? undefined : document;
  const fromDocument = normalizeLocale(doc?.documentElement?.getAttribute('lang'));
  if (fromDocument) return fromDocument;
  return browserLocale();
}

/** The browser's preferred locale, or `en` where there is no `navigator`. */
export function browserLocale(): SupportedLocale {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return normalizeLocale(nav?.language) ?? DEFAULT_LOCALE;
}
