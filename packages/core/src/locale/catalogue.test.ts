/** Messages loaded per language: loading on demand, falling back, and saying when nothing loads. */
import { describe, expect, it, vi } from 'vitest';
import { defineMessages, messagesReady, unloadedMessages, type Catalogue } from './catalogue.js';
import { deferredCatalogue } from '../../test/deferred-catalogue.js';

type Key = 'hello' | 'cases';

const EN: Catalogue<Key> = { hello: 'Hello {name}', cases: { one: '{n} case', other: '{n} cases' } };
const ZH: Catalogue<Key> = { hello: '你好，{name}', cases: '{n} 个案件' };

const deferred = deferredCatalogue<Key>;

describe('defineMessages', () => {
  it('loads nothing in Node until asked, then only the locale asked for', async () => {
    const en = deferred(EN);
    const zh = deferred(ZH);
    const book = defineMessages<Key>('test-on-demand', { en: en.loader, 'zh-CN': zh.loader });
    expect(en.loader).not.toHaveBeenCalled();
    expect(book.text('en', 'hello', { name: 'Ann' })).toBe('');

    const ready = messagesReady('en', [book]);
    expect(ready).toBeInstanceOf(Promise);
    expect(en.loader).toHaveBeenCalledTimes(1);
    expect(zh.loader).not.toHaveBeenCalled();
    en.resolve();
    await ready;

    expect(messagesReady('en', [book])).toBeUndefined();
    expect(book.text('en', 'hello', { name: 'Ann' })).toBe('Hello Ann');
    expect(book.text('en', 'cases', { n: 1 })).toBe('1 case');
    expect(book.text('en', 'cases', { n: 1200 })).toBe('1,200 cases');
    expect(book.has('en', 'hello')).toBe(true);
    expect(book.has('en', 'goodbye')).toBe(false);
    // Chinese is not loaded yet: its text falls back to the loaded English meanwhile.
    expect(zh.loader).not.toHaveBeenCalled();
    expect(book.text('zh-CN', 'hello', { name: '安' })).toBe('Hello 安');

    const zhReady = messagesReady('zh-CN', [book]);
    expect(zh.loader).toHaveBeenCalledTimes(1);
    zh.resolve();
    await zhReady;
    expect(book.text('zh-CN', 'hello', { name: '安' })).toBe('你好，安');
    expect(book.text('zh-CN', 'cases', { n: 3 })).toBe('3 个案件');
    // Asking again loads nothing again.
    await book.load('zh-CN');
    expect(zh.loader).toHaveBeenCalledTimes(1);
  });

  it("falls back to the other language when a language's module cannot be loaded", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const en = deferred(EN);
    const zh = deferred(ZH);
    const book = defineMessages<Key>('test-fallback', { en: en.loader, 'zh-CN': zh.loader });
    const ready = book.load('zh-CN');
    zh.reject();
    await vi.waitFor(() => expect(en.loader).toHaveBeenCalledTimes(1));
    en.resolve();
    expect(await ready).toBe(true);
    expect(book.text('zh-CN', 'hello', { name: '安' })).toBe('Hello 安');
    expect(unloadedMessages('zh-CN', [book])).not.toContain('test-fallback');
    expect(messagesReady('zh-CN', [book])).toBeUndefined();
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('The zh-CN texts of test-fallback could not be loaded'),
      expect.any(Error),
    );
    error.mockRestore();
  });

  it('names the package when neither language loads, and never rejects', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const en = deferred(EN);
    const zh = deferred(ZH);
    const book = defineMessages<Key>('test-broken', { en: en.loader, 'zh-CN': zh.loader });
    expect(unloadedMessages('en', [book])).not.toContain('test-broken');
    const ready = messagesReady('en', [book]);
    en.reject();
    await vi.waitFor(() => expect(zh.loader).toHaveBeenCalledTimes(1));
    zh.reject();
    await expect(ready).resolves.toBeUndefined();
    expect(unloadedMessages('en', [book])).toContain('test-broken');
    expect(unloadedMessages('zh-CN', [book])).toContain('test-broken');
    expect(book.text('en', 'hello')).toBe('');
    // Settled: widgets do not wait (or retry) in a loop.
    expect(messagesReady('en', [book])).toBeUndefined();
    expect(await book.load('en')).toBe(false);
    expect(en.loader).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
