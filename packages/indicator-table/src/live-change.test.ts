import { validateFeed, type Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { yantianFeed } from '../test/large-feed.js';
import { liveChangeText } from './live-change.js';

function feedWith(values: Record<string, number | null>): Feed {
  const input = structuredClone(yantianFeed) as { indicators: { id: string; value: number | null }[] };
  for (const i of input.indicators) if (i.id in values) i.value = values[i.id]!;
  const result = validateFeed(input);
  if (!result.ok) throw new Error('invalid');
  return result.feed;
}

describe('liveChangeText', () => {
  const before = feedWith({});
  const all = new Set(before.indicators.map((i) => i.id));

  it('says one changed indicator with its value and unit, in both languages', () => {
    const after = feedWith({ 'alerts-110-per-10k': 530 });
    expect(liveChangeText(before, after, 'en', all)).toBe(
      '110 alerts per 10,000 residents (last 12 months) now 530 per 10,000 residents.',
    );
    expect(liveChangeText(before, after, 'zh-CN', all)).toBe('110警情万人发警率（近12个月）现为530起/万人。');
  });

  it('counts several and names the first; a value gone missing is "no data", never 0', () => {
    const after = feedWith({ 'alerts-110-per-10k': null, 'eight-major-cases': 14 });
    expect(liveChangeText(before, after, 'en', all)).toBe(
      '2 indicators changed, among them 110 alerts per 10,000 residents (last 12 months), now no data.',
    );
  });

  it('says nothing when no shown value changed (same values, or only rows filtered out)', () => {
    expect(liveChangeText(before, feedWith({}), 'en', all)).toBeUndefined();
    const after = feedWith({ 'eight-major-cases': 14 });
    expect(liveChangeText(before, after, 'en', new Set(['alerts-110-per-10k']))).toBeUndefined();
  });
});
