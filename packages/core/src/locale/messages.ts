/**
 * Core's shared UI strings (loading, errors, stale data…) and `t()` to look them up; the strings
 * themselves are in ./messages/<locale>.ts, loaded per language (see ./catalogue.ts). Keys are typed;
 * so are the `{placeholders}` each message needs.
 */
import type { FeedError } from '../live/types.js';
import { defineMessages } from './catalogue.js';
import type en from './messages/en.js';
import type { SupportedLocale } from './resolve.js';

export { formatMessage, type Message, type PluralMessage } from './message-format.js';

/** Every message key. */
export type MessageKey = keyof typeof en;

/** Core's shared strings (every widget waits for them; see ./catalogue.ts). */
export const CORE_TEXTS = defineMessages<MessageKey>('core', {
  en: () => import('./messages/en.js'),
  'zh-CN': () => import('./messages/zh-CN.js'),
});

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type TextsOf<M> = M extends string ? M : M[keyof M];

/** The `{placeholders}` of a message (from the English text). */
export type MessageParamNames<K extends MessageKey> = Placeholders<TextsOf<(typeof en)[K]>>;

/** The parameters a message needs: none, or an object with every placeholder. */
export type MessageParams<K extends MessageKey> = [MessageParamNames<K>] extends [never]
  ? []
  : [params: { readonly [P in MessageParamNames<K>]: string | number }];

/**
 * A shared UI string in `locale`, with `{placeholders}` filled in (see `formatMessage`).
 *
 * @example t('en', 'dropped.indicators', { n: 3 }) // '3 indicators could not be shown because the feed had problems.'
 * @example t('zh-CN', 'stale', { age: '3小时' }) // '数据已有3小时未更新'
 */
export function t<K extends MessageKey>(
  locale: SupportedLocale,
  key: K,
  ...params: MessageParams<K>
): string {
  const values = (params[0] ?? {}) as Readonly<Record<string, string | number>>;
  return CORE_TEXTS.text(locale, key, values);
}

/** Text in both languages, as in the feed (`{ zh, en }`). */
export interface LocalizedTextLike {
  readonly zh?: string | null;
  readonly en?: string | null;
}

/**
 * The text for `locale` and the locale it is actually in: the locale's own text if it
 * is not blank, else the other one (so a widget can mark it with `lang`), else `''`.
 */
export function localizedTextWithLang(
  text: LocalizedTextLike | null | undefined,
  locale: SupportedLocale,
): { text: string; lang: SupportedLocale } {
  const own = locale === 'zh-CN' ? text?.zh : text?.en;
  if (own && own.trim() !== '') return { text: own, lang: locale };
  const otherLocale: SupportedLocale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const other = locale === 'zh-CN' ? text?.en : text?.zh;
  if (other && other.trim() !== '') return { text: other, lang: otherLocale };
  return { text: '', lang: locale };
}

/**
 * Picks the locale's string from feed text `{ zh, en }`, falling back to the other
 * language when it is empty or blank.
 *
 * @example localizedText({ zh: '盐田区', en: '' }, 'en') // '盐田区'
 */
export function localizedText(text: LocalizedTextLike | null | undefined, locale: SupportedLocale): string {
  return localizedTextWithLang(text, locale).text;
}

const ERROR_KEYS: Readonly<Record<FeedError['code'], MessageKey>> = {
  network: 'error.network',
  http: 'error.http',
  parse: 'error.parse',
  invalid: 'error.invalid',
  'too-large': 'error.too-large',
  timeout: 'error.timeout',
  'not-found': 'error.not-found',
  config: 'error.config',
};

/**
 * What a feed error means for the reader, in `locale` (the `message` of a FeedError is
 * for developers): `The data server answered with an error (HTTP 503).`
 * An unknown code gets a general sentence.
 */
export function explainError(
  error: Pick<FeedError, 'code' | 'httpStatus'> | null | undefined,
  locale: SupportedLocale,
): string {
  const code = error?.code;
  if (code === 'http') {
    const status = error?.httpStatus;
    return typeof status === 'number' && Number.isFinite(status)
      ? t(locale, 'error.http', { status: String(status) })
      : t(locale, 'error.httpUnknown');
  }
  const key =
    code !== undefined && Object.prototype.hasOwnProperty.call(ERROR_KEYS, code)
      ? ERROR_KEYS[code]
      : 'error.unknown';
  return t(locale, key as 'error.unknown');
}
