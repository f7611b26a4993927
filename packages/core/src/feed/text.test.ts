/**
 * Text fields are untrusted but valid as they are: HTML and script in them are kept
 * verbatim, for widgets to render as text only.
 */
import { describe, expect, it } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { forEachLocalizedText, getAt, setAt } from '../../test/fixtures/edit.js';
import { validateFeed } from './validate.js';

const PAYLOADS = [
  '<script>alert("zh")</script>',
  '<img src=x onerror="alert(1)">',
  '</textarea><svg onload=alert(2)>',
  '{{constructor.constructor("alert(3)")()}}',
  '<b>粗体</b> &amp; &lt;',
  "javascript:alert('x') ${x} `y`",
];

/** makeFeed() with every kind of text field filled in, so none goes untested. */
function feedWithEveryTextField() {
  const feed = makeFeed();
  setAt(feed, 'source.note', { zh: '注', en: 'note' });
  setAt(feed, 'indicators[1].note', { zh: '注', en: 'note' });
  setAt(feed, 'layers[0].points[0].name', { zh: '站', en: 'station' });
  setAt(feed, 'neighbours', [
    { id: 'futian', name: { zh: '福田', en: 'Futian' }, geometry: getAt(feed, 'place.outline') },
  ]);
  return feed;
}

describe('text fields', () => {
  it('keeps HTML and <script> verbatim in every kind of text field', () => {
    const input = feedWithEveryTextField();
    const paths: string[] = [];
    let n = 0;
    forEachLocalizedText(input, (text, path) => {
      text.zh = PAYLOADS[n++ % PAYLOADS.length];
      text.en = PAYLOADS[n++ % PAYLOADS.length];
      paths.push(path);
    });
    // Names, titles, units, notes and the source, at every level.
    for (const expected of [
      '$.place.name',
      '$.place.parent.name',
      '$.source.name',
      '$.source.note',
      '$.areas[0].name',
      '$.indicators[0].name',
      '$.indicators[0].unit',
      '$.indicators[1].note',
      '$.subdistricts[0].name',
      '$.neighbours[0].name',
      '$.grids.features[0].properties.name',
      '$.layers[0].name',
      '$.layers[0].points[0].name',
      '$.categories[0].name',
      '$.events[1].title',
    ]) {
      expect(paths).toContain(expected);
    }

    const result = validateFeed(input);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);

    const kept: string[] = [];
    forEachLocalizedText(result.feed, (text, path) =>
      kept.push(`${path} ${String(text.zh)} ${String(text.en)}`),
    );
    const given: string[] = [];
    forEachLocalizedText(input, (text, path) => given.push(`${path} ${String(text.zh)} ${String(text.en)}`));
    expect(kept.sort()).toEqual(given.sort());
    expect(result.feed?.events[1]?.title?.zh).toBe(getAt(input, 'events[1].title.zh'));
  });

  it('keeps markup in the source name and URL-like text verbatim', () => {
    const result = validateFeed(
      setAt(makeFeed(), 'source.name.en', '<a href="javascript:alert(1)">source</a>'),
    );
    expect(result.ok).toBe(true);
    expect(result.feed?.source.name.en).toBe('<a href="javascript:alert(1)">source</a>');
  });

  it('keeps text of exactly 500 characters and drops 501', () => {
    expect(validateFeed(setAt(makeFeed(), 'areas[0].name.zh', '测'.repeat(500))).issues).toEqual([]);
    const result = validateFeed(setAt(makeFeed(), 'areas[0].name.zh', '<'.repeat(501)));
    expect(result.issues[0]?.message).toBe(
      `areas[0].name.zh: text may be at most 500 characters, got "${'<'.repeat(40)}…" (501 characters)`,
    );
  });
});
