/**
 * Image options: the widget and format of a path, each parameter's form, what the options name
 * in the feed, and the canonical form the cache key is made of. The options come from the
 * widgets' built manifests (run `pnpm build` first; turbo does before `test`).
 */
import { createRequire } from 'node:module';
import type { Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { vocabularyOf } from './feed-vocabulary.js';
import {
  canonicalOptions,
  checkAgainstFeed,
  parametersOf,
  parseSnapshotFile,
  parseSnapshotQuery,
  type SnapshotRequest,
} from './options.js';
import { VALUE_RULES } from './value-rules.js';
import { WIDGET_IDS, widgetSpecs, type WidgetId } from './widgets.js';

const sampleDistrict = createRequire(import.meta.url)(
  '@safety-widgets/sample-data/feeds/yantian.json',
) as Feed;
const vocabulary = vocabularyOf(sampleDistrict);
const spec = (id: WidgetId) => widgetSpecs().get(id)!;

function parse(id: WidgetId, query: Record<string, unknown>, format: 'png' | 'svg' | 'txt' = 'png') {
  return parseSnapshotQuery('yantian', spec(id), format, query);
}

function request(id: WidgetId, query: Record<string, unknown>, format: 'png' | 'svg' | 'txt' = 'png') {
  const parsed = parse(id, query, format);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return checkAgainstFeed(parsed.value, vocabulary);
}

const problemsOf = (outcome: { ok: boolean; problems?: { path: string; message: string }[] }) =>
  outcome.ok ? [] : outcome.problems!;

describe('the widgets and their options', () => {
  it("reads each widget's tag and own attributes from its manifest, without its base class's", () => {
    expect([...widgetSpecs().values()].map((w) => w.tag)).toEqual(WIDGET_IDS.map((id) => `safety-${id}`));
    expect(parametersOf(spec('grid-map'))).toEqual(
      expect.arrayContaining([
        'lang',
        'theme',
        'width',
        'scale',
        'metric',
        'subdistrict',
        'selected',
        'privacy-threshold',
      ]),
    );
    expect(parametersOf(spec('case-timeline'))).toEqual(
      expect.arrayContaining(['interval', 'start', 'end', 'subdistrict', 'grid', 'categories']),
    );
    for (const widget of widgetSpecs().values()) {
      for (const inherited of ['feed', 'src', 'status', 'announce', 'snapshot'])
        expect(parametersOf(widget)).not.toContain(inherited);
    }
  });

  it('names only attributes some widget has in its value rules', () => {
    const names = new Set([...widgetSpecs().values()].flatMap((w) => w.attributes.map((a) => a.name)));
    expect(Object.keys(VALUE_RULES).filter((name) => !names.has(name))).toEqual([]);
  });
});

describe('the path', () => {
  it('takes each widget as png and txt, and svg only for the two drawn in SVG', () => {
    for (const id of WIDGET_IDS) {
      expect(parseSnapshotFile(`${id}.png`).ok).toBe(true);
      expect(parseSnapshotFile(`${id}.txt`).ok).toBe(true);
    }
    expect(parseSnapshotFile('score-gauge.svg').ok).toBe(true);
    expect(parseSnapshotFile('grid-map.svg').ok).toBe(true);
    for (const id of ['case-timeline', 'indicator-table']) {
      const refused = parseSnapshotFile(`${id}.svg`);
      expect(refused).toMatchObject({ ok: false });
      expect(refused.ok ? '' : refused.detail).toContain(`use ${id}.png`);
    }
  });

  it('refuses unknown widgets and formats, naming what there is, markup escaped', () => {
    const widget = parseSnapshotFile('<script>.png');
    expect(widget.ok ? '' : widget.detail).toContain('score-gauge, grid-map, case-timeline, indicator-table');
    expect(widget.ok ? '' : widget.detail).not.toContain('<script>');
    expect(widget.ok ? '' : widget.detail).toContain('\\u003cscript\\u003e');
    const format = parseSnapshotFile('score-gauge.jpg');
    expect(format.ok ? '' : format.detail).toContain('.png, .svg, .txt');
    expect(parseSnapshotFile('score-gauge').ok).toBe(false);
  });
});

describe('the query', () => {
  it('fills in the defaults: en, light, the widget width, scale 2', () => {
    const r = request('score-gauge', {});
    expect(r).toMatchObject({
      ok: true,
      value: { lang: 'en', theme: 'light', width: 360, scale: 2, attributes: [] },
    });
    expect(request('indicator-table', {})).toMatchObject({ value: { width: 960 } });
  });

  it('refuses an unknown parameter, naming it and what the widget takes', () => {
    const [problem] = problemsOf(parse('score-gauge', { colour: 'red' }));
    expect(problem!.path).toBe('colour');
    expect(problem!.message).toContain('unknown parameter "colour"');
    expect(problem!.message).toContain('lang, theme, width, scale, area, grades, compact');
  });

  it.each([
    ['lang', 'fr', 'en, zh-CN'],
    ['theme', 'auto', 'light, dark'],
    ['width', '279', 'from 280 to 1600'],
    ['width', '1601', 'from 280 to 1600'],
    ['width', '400.5', 'whole number'],
    ['scale', '4', '1, 2, 3'],
    ['scale', '1.5', '1, 2, 3'],
  ])('refuses %s=%s, saying what it may be', (name, value, allowed) => {
    const problems = problemsOf(parse('score-gauge', { [name]: value }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe(name);
    expect(problems[0]!.message).toContain(allowed);
  });

  it('refuses a parameter given twice', () => {
    expect(problemsOf(parse('score-gauge', { lang: ['en', 'zh-CN'] }))[0]!.message).toContain(
      'more than once',
    );
  });

  it.each([
    ['case-timeline', 'interval', 'hour', 'day, week, month, year'],
    ['case-timeline', 'start', '2017-02-30', 'YYYY-MM-DD'],
    ['case-timeline', 'end', '31/01/2017', 'YYYY-MM-DD'],
    ['grid-map', 'rate', 'per-100', 'count, per-10k'],
    ['grid-map', 'breaks', '10,5', 'increase'],
    ['grid-map', 'privacy-threshold', '1', 'from 3 to 1000'],
    ['grid-map', 'renderer', 'webgl', 'auto, svg, canvas'],
    ['indicator-table', 'status-filter', 'all', 'met, not-met, no-data, no-target'],
    ['indicator-table', 'sort', 'colour:desc', 'name, value, target, city-average, score, trend, status'],
    ['indicator-table', 'compact', 'maybe', 'true, false'],
    ['score-gauge', 'grades', 'good:high', 'number'],
  ] as const)('%s: refuses %s=%s, saying what it may be', (widget, name, value, allowed) => {
    const problems = problemsOf(parse(widget, { [name]: value }));
    expect(problems.map((p) => p.path)).toEqual([name]);
    expect(problems[0]!.message).toContain(allowed);
  });

  it('refuses an end before the start', () => {
    const problems = problemsOf(parse('case-timeline', { start: '2017-06-01', end: '2017-01-01' }));
    expect(problems.map((p) => p.path)).toEqual(['end']);
  });

  it('never echoes markup from a value', () => {
    const problems = problemsOf(parse('case-timeline', { interval: '<img src=x onerror=alert(1)>' }));
    expect(problems[0]!.message).not.toMatch(/[<>]/);
    expect(problems[0]!.message).toContain('\\u003cimg');
  });
});

describe('options against the feed', () => {
  it.each([
    ['score-gauge', 'area', 'crime', 'stability'],
    ['grid-map', 'metric', 'murders', 'cases'],
    ['grid-map', 'subdistrict', 'nowhere', 'haishan'],
    ['grid-map', 'selected', 'g-999', 'haishan-g03'],
    ['grid-map', 'layers', 'fire-station,ufo', 'fire-station'],
    ['case-timeline', 'grid', 'nowhere', 'haishan-g03'],
    ['case-timeline', 'categories', 'fraud,arson', 'fraud'],
  ] as const)('%s: refuses %s=%s, listing what the feed has', (widget, name, value, listed) => {
    const parsed = parse(widget, { [name]: value });
    expect(parsed.ok).toBe(true);
    const checked = checkAgainstFeed((parsed as { value: SnapshotRequest }).value, vocabulary);
    const problems = problemsOf(checked);
    expect(problems.map((p) => p.path)).toEqual([name]);
    expect(problems[0]!.message).toContain('of feed yantian');
    expect(problems[0]!.message).toContain(listed);
  });

  it('takes what the feed has, in canonical form', () => {
    const r = request('grid-map', {
      metric: 'criminal',
      subdistrict: 'haishan',
      layers: 'fire-station, fire-station',
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        attributes: [
          ['layers', 'fire-station'],
          ['metric', 'category:criminal'],
          ['subdistrict', 'haishan'],
        ],
      },
    });
  });

  it('reads an empty layers as no point layers, as the widget does (not as the default)', () => {
    expect(request('grid-map', { layers: '' })).toMatchObject({
      ok: true,
      value: { attributes: [['layers', '']] },
    });
    expect(request('grid-map', {})).toMatchObject({ ok: true, value: { attributes: [] } });
  });
});

describe('the canonical options', () => {
  const key = (id: WidgetId, query: Record<string, unknown>, format: 'png' | 'svg' | 'txt' = 'png') => {
    const r = request(id, query, format);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return canonicalOptions(r.value);
  };

  it('is the same for equal options however they are written, defaults left out', () => {
    expect(key('case-timeline', { interval: 'month', yoy: 'false' })).toBe(key('case-timeline', {}));
    expect(key('case-timeline', { yoy: '', start: '2016-01-01' })).toBe(
      key('case-timeline', { start: '2016-01-01', yoy: 'true' }),
    );
    expect(key('indicator-table', { sort: 'Score' })).toBe(key('indicator-table', { sort: 'score:asc' }));
    expect(key('score-gauge', { scale: '2', width: '360', lang: 'en', theme: 'light' })).toBe(
      key('score-gauge', {}),
    );
  });

  it('differs for options that change the picture', () => {
    expect(key('score-gauge', { theme: 'dark' })).not.toBe(key('score-gauge', {}));
    expect(key('score-gauge', { scale: '3' })).not.toBe(key('score-gauge', {}));
    expect(key('score-gauge', { compact: '' })).not.toBe(key('score-gauge', {}));
  });

  it('leaves out what a format does not depend on', () => {
    expect(key('score-gauge', { theme: 'dark', width: '600', scale: '3' }, 'txt')).toBe(
      key('score-gauge', {}, 'txt'),
    );
    expect(key('score-gauge', { scale: '3' }, 'svg')).toBe(key('score-gauge', {}, 'svg'));
    expect(key('score-gauge', { lang: 'zh-CN' }, 'txt')).not.toBe(key('score-gauge', {}, 'txt'));
  });
});
