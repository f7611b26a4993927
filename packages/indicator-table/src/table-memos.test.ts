import { validateFeed, type Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { currentYantian, yantianFeed } from '../test/large-feed.js';
import { TableMemos } from './table-memos.js';

function valid(input: unknown): Feed {
  const r = validateFeed(input);
  if (!r.ok) throw new Error('invalid sample');
  return r.feed;
}

describe('TableMemos', () => {
  const feed = valid(yantianFeed);

  it('keeps the model for a feed and the view while the options do not change', () => {
    const memos = new TableMemos();
    expect(memos.lastView).toBeUndefined();
    const model = memos.model(feed);
    expect(memos.model(feed)).toBe(model);
    const view = memos.view(feed, 'en', { sort: 'score:asc', statusFilter: 'met' });
    expect(view.model).toBe(model);
    expect(memos.lastView).toBe(view);
    // The same sort written another way, unset options as empty ones: the same view.
    expect(memos.view(feed, 'en', { sort: 'score', statusFilter: 'met', area: '' })).toBe(view);
  });

  it('makes a new view for other options, another language or another feed', () => {
    const memos = new TableMemos();
    const view = memos.view(feed, 'en', {});
    const filtered = memos.view(feed, 'en', { query: 'fire' });
    expect(filtered).not.toBe(view);
    expect(filtered.shown).toBeLessThan(view.shown);
    expect(memos.view(feed, 'zh-CN', { query: 'fire' })).not.toBe(filtered);
    const next = valid(currentYantian());
    const other = memos.view(next, 'zh-CN', { query: 'fire' });
    expect(other.model).not.toBe(view.model);
    expect(memos.lastView).toBe(other);
  });

  it('sorts by name in the language shown', () => {
    const memos = new TableMemos();
    const names = (locale: 'en' | 'zh-CN') =>
      memos.view(feed, locale, { sort: 'name' }).groups[0]!.rows.map((r) => r.name.en);
    const en = names('en');
    expect(en).toEqual([...en].sort((a, b) => a.localeCompare(b, 'en')));
    expect(names('zh-CN')).not.toEqual(en);
  });

  it('makes the texts of a row once per row and language', () => {
    const memos = new TableMemos();
    const row = memos.model(feed).rows[0]!;
    const en = memos.display(row, 'en');
    expect(memos.display(row, 'en')).toBe(en);
    expect(memos.display(row, 'zh-CN')).not.toBe(en);
  });
});
