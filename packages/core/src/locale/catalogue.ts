/**
 * Messages that load per language. Each package (core and every widget) keeps its UI strings in one
 * module per locale and registers them here with `defineMessages()`; a page downloads the strings of
 * its own language (started as soon as the package loads) and the other language only when a widget
 * switches to it. Widgets render only once the strings of their locale are in: `SafetyElement` waits
 * for `messagesReady(locale, books)` (core's book and the widget's own, its static `texts`) before
 * each update, so looking a string up stays synchronous.
 *
 * When a language's module cannot be loaded (a missing `chunks/` folder, a strict CSP), the other
 * language is loaded in its stead; when neither loads, `unloadedMessages()` names the package and the
 * widget says what to check instead of showing empty text.
 */
import { formatMessage, type Message } from './message-format.js';
import { normalizeLocale, browserLocale, SUPPORTED_LOCALES, type SupportedLocale } from './resolve.js';

/** One package's strings in one locale. */
export type Catalogue<K extends string = string> = { readonly [Key in K]: Message };

/** Loads one locale's module, whose default export is the catalogue (a dynamic `import()`). */
export type CatalogueLoader<K extends string> = () => Promise<{ readonly default: Catalogue<K> }>;

/** The strings of one package in every locale, loaded on demand. */
export interface MessageBook<K extends string> {
  /** The package the strings belong to (named in the message when they cannot be loaded). */
  readonly name: string;
  /**
   * `key` in `locale` with its `{placeholders}` filled in (see `formatMessage`): from the locale's
   * catalogue, else from the other locale's when only that one is loaded, else `''`.
   */
  text(locale: SupportedLocale, key: K, values?: Readonly<Record<string, string | number>>): string;
  /** The message itself (plain or plural), or undefined while no catalogue is loaded. */
  message(locale: SupportedLocale, key: K): Message | undefined;
  /** Whether `key` is one of the package's messages (in the loaded catalogues). */
  has(locale: SupportedLocale, key: string): key is K;
  /** Loads `locale` (the other locale when that fails); settles true when one of them is in. */
  load(locale: SupportedLocale): Promise<boolean>;
}

const OTHER: Readonly<Record<SupportedLocale, SupportedLocale>> = { en: 'zh-CN', 'zh-CN': 'en' };

class Book<K extends string> implements MessageBook<K> {
  private readonly catalogues = new Map<SupportedLocale, Catalogue<K>>();
  private readonly loading = new Map<SupportedLocale, Promise<boolean>>();
  /** Locales whose module failed to load (not retried before the page reloads). */
  private readonly failed = new Set<SupportedLocale>();

  constructor(
    readonly name: string,
    private readonly loaders: Readonly<Record<SupportedLocale, CatalogueLoader<K>>>,
  ) {}

  private catalogue(locale: SupportedLocale): Catalogue<K> | undefined {
    return this.catalogues.get(locale) ?? this.catalogues.get(OTHER[locale]);
  }

  message(locale: SupportedLocale, key: K): Message | undefined {
    return this.catalogue(locale)?.[key];
  }

  has(locale: SupportedLocale, key: string): key is K {
    const catalogue = this.catalogue(locale);
    return catalogue !== undefined && Object.prototype.hasOwnProperty.call(catalogue, key);
  }

  text(locale: SupportedLocale, key: K, values?: Readonly<Record<string, string | number>>): string {
    const message = this.message(locale, key);
    return message === undefined ? '' : formatMessage(locale, message, values);
  }

  /** Whether `locale` is in. */
  loaded(locale: SupportedLocale): boolean {
    return this.catalogues.has(locale);
  }

  /** Whether `locale` needs no more waiting: loaded, or failed with the other locale loaded or failed too. */
  settled(locale: SupportedLocale): boolean {
    const other = OTHER[locale];
    return (
      this.catalogues.has(locale) ||
      (this.failed.has(locale) && (this.catalogues.has(other) || this.failed.has(other)))
    );
  }

  /** Whether nothing can be shown in `locale`: neither it nor the other locale could be loaded. */
  missing(locale: SupportedLocale): boolean {
    return this.settled(locale) && this.catalogue(locale) === undefined;
  }

  load(locale: SupportedLocale): Promise<boolean> {
    if (this.catalogues.has(locale)) return Promise.resolve(true);
    if (this.failed.has(locale)) return this.fallBack(locale);
    let pending = this.loading.get(locale);
    if (!pending) {
      pending = this.loadOwn(locale).then((ok) => ok || this.fallBack(locale));
      this.loading.set(locale, pending);
    }
    return pending;
  }

  private async loadOwn(locale: SupportedLocale): Promise<boolean> {
    try {
      const module = await this.loaders[locale]();
      this.catalogues.set(locale, module.default);
      return true;
    } catch (error) {
      this.failed.add(locale);
      console.error(`[safety-widgets] The ${locale} texts of ${this.name} could not be loaded.`, error);
      return false;
    } finally {
      this.loading.delete(locale);
    }
  }

  private fallBack(locale: SupportedLocale): Promise<boolean> {
    const other = OTHER[locale];
    if (this.catalogues.has(other)) return Promise.resolve(true);
    if (this.failed.has(other)) return Promise.resolve(false);
    return this.load(other);
  }
}

const books: Book<string>[] = [];

/** The page's language, from `<html lang>` or the browser; undefined where there is no document. */
function pageLocale(): SupportedLocale | undefined {
  if (typeof document === 'undefined') return undefined;
  return normalizeLocale(document.documentElement?.getAttribute('lang')) ?? browserLocale();
}

/**
 * Registers a package's strings, one loader per locale (`() => import('./messages/en.js')`), and
 * starts loading the page's language at once so that it is in by the time a widget renders.
 *
 * @example
 * const book = defineMessages<Key>('score-gauge', {
 *   en: () => import('./messages/en.js'),
 *   'zh-CN': () => import('./messages/zh-CN.js'),
 * });
 * book.text('en', 'title'); // 'Safety index' (once loaded)
 */
export function defineMessages<K extends string>(
  name: string,
  loaders: Readonly<Record<SupportedLocale, CatalogueLoader<K>>>,
): MessageBook<K> {
  const book = new Book<K>(name, loaders);
  books.push(book as unknown as Book<string>);
  const locale = pageLocale();
  if (locale) void book.load(locale);
  return book;
}

/**
 * Undefined when the strings of `wanted` (a widget's books: core's and its own) in `locale` are ready
 * (loaded, or given up on), else a promise that settles when they are. Never rejects.
 */
export function messagesReady(
  locale: SupportedLocale,
  wanted: readonly MessageBook<string>[],
): Promise<void> | undefined {
  const waiting = (wanted as readonly Book<string>[]).filter((book) => !book.settled(locale));
  if (waiting.length === 0) return undefined;
  return Promise.all(waiting.map((book) => book.load(locale))).then(() => undefined);
}

/** The books of `wanted` that cannot be shown in `locale` at all (neither language could be loaded). */
export function unloadedMessages(locale: SupportedLocale, wanted: readonly MessageBook<string>[]): string[] {
  return (wanted as readonly Book<string>[]).filter((book) => book.missing(locale)).map((book) => book.name);
}

/**
 * Loads every registered package's strings in every locale (for tests, and for code outside a widget
 * that formats text in Node, such as a text summary on a server). Settles true when all loaded.
 */
export async function loadAllMessages(): Promise<boolean> {
  await Promise.all(books.flatMap((book) => SUPPORTED_LOCALES.map((locale) => book.load(locale))));
  return books.every((book) => SUPPORTED_LOCALES.every((locale) => book.loaded(locale)));
}
