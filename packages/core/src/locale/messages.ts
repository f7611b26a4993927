/**
 * The shared UI strings of every widget, in both locales, and `t()` to look them up.
 * Keys are typed; so are the `{placeholders}` each message needs.
 */
import type { FeedError } from '../live/types.js';
import { formatNumber } from './format.js';
import type { SupportedLocale } from './resolve.js';

/** A message: plain text, or plural forms chosen by the `n` parameter (Intl.PluralRules). */
export type Message = string | PluralMessage;

/** Plural forms by `Intl.PluralRules` category; `other` is required and is the fallback. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const en = {
  loading: 'Loading safety data…',
  errorTitle: 'Could not load safety data',
  'error.network': 'The data could not be fetched. Check the connection, then try again.',
  'error.http': 'The data server answered with an error (HTTP {status}).',
  'error.httpUnknown': 'The data server answered with an error.',
  'error.parse': 'The data could not be read: it is not valid JSON.',
  'error.invalid': 'The data does not follow the safety feed format.',
  'error.too-large': 'The data file is too large to load.',
  'error.timeout': 'The data server took too long to answer.',
  'error.not-found': 'The data file was not found.',
  'error.config': 'This widget is not set up correctly.',
  'error.unknown': 'Something went wrong while loading the data.',
  retry: 'Retry',
  empty: 'There is no data to show.',
  stale: 'Data is {age} old',
  staleRefreshFailed: 'Data is {age} old: updates are failing',
  offline: 'Offline',
  offlineDetail: 'Showing the last data received.',
  'dropped.indicators': {
    one: '{n} indicator could not be shown because the feed had problems.',
    other: '{n} indicators could not be shown because the feed had problems.',
  },
  'dropped.grids': {
    one: '{n} grid cell could not be shown because the feed had problems.',
    other: '{n} grid cells could not be shown because the feed had problems.',
  },
  'dropped.events': {
    one: '{n} case could not be shown because the feed had problems.',
    other: '{n} cases could not be shown because the feed had problems.',
  },
  'dropped.items': {
    one: '{n} item could not be shown because the feed had problems.',
    other: '{n} items could not be shown because the feed had problems.',
  },
  droppedDetails: 'Show the problems',
  droppedMore: { one: '…and {n} more problem.', other: '…and {n} more problems.' },
  synthetic: 'Sample data, partly synthetic',
  noData: 'No data',
  updated: 'Updated {time}',
  source: 'Source: {name}',
  'status.good': 'Good',
  'status.fair': 'Fair',
  'status.poor': 'Poor',
  'status.met': 'Target met',
  'status.not-met': 'Target not met',
  'status.no-data': 'No data',
  'risk.red': 'Major risk',
  'risk.orange': 'Significant risk',
  'risk.yellow': 'Moderate risk',
  'risk.blue': 'Low risk',
  'table.download': 'Download CSV',
  'about.title': 'About this chart',
  'about.what': 'What it shows',
  'about.how': 'How it is computed',
  'about.data': 'Data and freshness',
  'about.keys': 'Keyboard',
  'about.asOf': 'Figures as of {time}.',
  'about.every': { one: 'Updated about every minute.', other: 'Updated about every {n} minutes.' },
} as const satisfies Record<string, Message>;

/** Every message key. */
export type MessageKey = keyof typeof en;

const zh: { readonly [K in MessageKey]: Message } = {
  loading: '正在加载安全数据…',
  errorTitle: '无法加载安全数据',
  'error.network': '无法获取数据。请检查网络连接后重试。',
  'error.http': '数据服务器返回了错误（HTTP {status}）。',
  'error.httpUnknown': '数据服务器返回了错误。',
  'error.parse': '无法读取数据：不是有效的 JSON。',
  'error.invalid': '数据不符合安全数据格式。',
  'error.too-large': '数据文件太大，无法加载。',
  'error.timeout': '数据服务器响应超时。',
  'error.not-found': '找不到数据文件。',
  'error.config': '此组件的配置不正确。',
  'error.unknown': '加载数据时出错。',
  retry: '重试',
  empty: '暂无可显示的数据。',
  stale: '数据已有{age}未更新',
  staleRefreshFailed: '数据已有{age}未更新：刷新失败',
  offline: '离线',
  offlineDetail: '显示的是最近一次收到的数据。',
  'dropped.indicators': '{n} 项指标因数据源存在问题而无法显示。',
  'dropped.grids': '{n} 个网格因数据源存在问题而无法显示。',
  'dropped.events': '{n} 个案件因数据源存在问题而无法显示。',
  'dropped.items': '{n} 项数据因数据源存在问题而无法显示。',
  droppedDetails: '查看问题',
  droppedMore: '……另有 {n} 个问题。',
  synthetic: '示例数据（部分为模拟）',
  noData: '无数据',
  updated: '更新于{time}',
  source: '来源：{name}',
  'status.good': '良好',
  'status.fair': '一般',
  'status.poor': '较差',
  'status.met': '达标',
  'status.not-met': '未达标',
  'status.no-data': '无数据',
  'risk.red': '重大风险',
  'risk.orange': '较大风险',
  'risk.yellow': '一般风险',
  'risk.blue': '低风险',
  'table.download': '下载 CSV',
  'about.title': '关于此图',
  'about.what': '显示内容',
  'about.how': '计算方法',
  'about.data': '数据来源与时效',
  'about.keys': '键盘操作',
  'about.asOf': '数据截至{time}。',
  'about.every': '约每 {n} 分钟更新一次。',
};

/** The whole catalogue, by locale. */
export const MESSAGES: { readonly [L in SupportedLocale]: { readonly [K in MessageKey]: Message } } =
  Object.freeze({
    en,
    'zh-CN': zh,
  });

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type TextsOf<M> = M extends string ? M : M[keyof M];

/** The `{placeholders}` of a message (from the English text). */
export type MessageParamNames<K extends MessageKey> = Placeholders<TextsOf<(typeof en)[K]>>;

/** The parameters a message needs: none, or an object with every placeholder. */
export type MessageParams<K extends MessageKey> = [MessageParamNames<K>] extends [never]
  ? []
  : [params: { readonly [P in MessageParamNames<K>]: string | number }];

const pluralRules = new Map<SupportedLocale, Intl.PluralRules>();
function pluralCategory(locale: SupportedLocale, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

/**
 * A message in `locale` with its `{placeholders}` filled in: the one helper behind every widget's
 * strings. Numbers are formatted for the locale; a plural message picks its form from `n` by the
 * locale's `Intl.PluralRules` (falling back to `other`). A placeholder with no value stays visible
 * as `{name}` rather than disappearing. Values are inserted as text.
 *
 * @example formatMessage('en', { one: '{n} case', other: '{n} cases' }, { n: 1 }) // '1 case'
 */
export function formatMessage(
  locale: SupportedLocale,
  message: Message,
  values: Readonly<Record<string, string | number>> = {},
): string {
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const n = values.n;
    text = (typeof n === 'number' ? message[pluralCategory(locale, n)] : undefined) ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}

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
  return formatMessage(locale, (MESSAGES[locale] ?? MESSAGES.en)[key], values);
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
