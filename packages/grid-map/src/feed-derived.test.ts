import { describe, expect, it } from 'vitest';
import type { FeedInput } from '@safety-widgets/core';
import {
  classesOf,
  colorsOf,
  countersOf,
  derivationStats,
  domainFiguresOf,
  figuresOf,
  mapModelOf,
  metricDefsOf,
  sameFigures,
} from './feed-derived.js';
import type { Classes } from './classes.js';
import type { MapModel } from './map-model.js';
import { resolveMetric, type GridFigure } from './metrics.js';
import { projectionStats } from './projection.js';
import { validated, yantianInput } from '../test/fixtures.js';

type GridInput = { id: string; properties: { metrics: Record<string, number | null> } };
const gridsOf = (input: FeedInput) => input.grids!.features as GridInput[];

interface Picture {
  readonly model: MapModel;
  readonly figures: readonly GridFigure[];
  readonly domain: readonly GridFigure[];
  readonly classes: Classes | undefined;
  readonly colors: Int8Array;
}

/** What a map shows for `feed` (as the element asks for it), after `last`. */
function picture(feed: ReturnType<typeof validated>, last?: Picture, subdistrict?: string): Picture {
  const model = mapModelOf(feed, subdistrict, last?.model);
  const params = { def: resolveMetric(metricDefsOf(feed), 'cases'), mode: 'count' as const, threshold: 3 };
  const figures = figuresOf(feed, model, params, last?.figures);
  const domain = model.subdistrict ? domainFiguresOf(feed, model, params, last?.domain) : figures;
  const { classes } = classesOf(figures, domain, { key: 'cases', perTenK: false });
  const colors = colorsOf(figures, classes, last?.colors);
  return { model, figures, domain, classes, colors };
}

const delta = (before: typeof derivationStats) =>
  Object.fromEntries(
    Object.entries(derivationStats).map(([k, v]) => [k, v - before[k as keyof typeof derivationStats]]),
  );

describe('what the map derives from a feed', () => {
  it('is worked out once per feed version, whichever maps ask', () => {
    const feed = validated(yantianInput());
    const before = { ...derivationStats };
    const a = picture(feed);
    const once = delta(before);
    const b = picture(feed);
    const c = picture(feed);
    expect(delta(before)).toEqual(once);
    expect(once).toMatchObject({ models: 1, defs: 1, figures: 1, classes: 1, colors: 1 });
    for (const other of [b, c]) {
      expect(other.model).toBe(a.model);
      expect(other.figures).toBe(a.figures);
      expect(other.classes).toBe(a.classes);
      expect(other.colors).toBe(a.colors);
    }
    // Counts per grid only when asked (a grid metric needs none), then once per model.
    expect(once.counters).toBe(0);
    expect(countersOf(feed, a.model)).toBe(countersOf(feed, b.model));
    expect(delta(before).counters).toBe(1);
  });

  it('keeps a sub-district apart from the district, with breaks from the whole feed', () => {
    const feed = validated(yantianInput());
    const district = picture(feed);
    const meisha = picture(feed, undefined, 'meisha');
    expect(meisha.model).not.toBe(district.model);
    expect(meisha.model.grids.every((g) => g.subdistrict === 'meisha')).toBe(true);
    expect(meisha.domain).toHaveLength(30);
    expect(meisha.classes?.ranges).toEqual(district.classes?.ranges);
  });

  it('projects nothing and classifies nothing again for a version whose geometry and values are the same', () => {
    const input = yantianInput();
    const first = picture(validated(input));
    const shapes = projectionStats.shapes;
    const before = { ...derivationStats };
    const next = picture(validated({ ...structuredClone(input), asOf: '2030-01-01T00:00:00+08:00' }), first);
    expect(projectionStats.shapes).toBe(shapes);
    expect(next.model).not.toBe(first.model);
    expect(next.model.index).toBe(first.model.index);
    expect(next.model.grids.map((g) => g.shape)).toEqual(first.model.grids.map((g) => g.shape));
    expect(next.figures).toBe(first.figures);
    expect(next.classes).toBe(first.classes);
    expect(next.colors).toBe(first.colors);
    expect(delta(before)).toMatchObject({ models: 1, classes: 0, colors: 0 });
  });

  it('classifies again once, and colours the changed grid, when a value changed', () => {
    const input = yantianInput();
    const first = picture(validated(input));
    const changed = structuredClone(input);
    const grid = gridsOf(changed)[3]!;
    grid.properties.metrics.cases = 0;
    const before = { ...derivationStats };
    const feed = validated(changed);
    const next = picture(feed, first);
    picture(feed, first);
    expect(delta(before)).toMatchObject({ models: 1, figures: 1, classes: 1 });
    expect(next.figures).not.toBe(first.figures);
    expect(next.figures[3]!.value).toBe(0);
    expect(next.colors[3]).toBe(next.classes!.colorOf(0));
    // Every other grid keeps its colour.
    for (let i = 0; i < 30; i++) if (i !== 3) expect(next.colors[i]).toBe(first.colors[i]);
  });

  it('tells missing values from zero when comparing versions', () => {
    const input = yantianInput();
    const zero = structuredClone(input);
    const missing = structuredClone(input);
    gridsOf(zero)[0]!.properties.metrics.cases = 0;
    gridsOf(missing)[0]!.properties.metrics.cases = null;
    const a = picture(validated(zero));
    const b = picture(validated(missing), a);
    expect(sameFigures(a.figures, b.figures)).toBe(false);
    expect(b.figures[0]!.shown).toBeNull();
    expect(b.colors[0]).toBe(-1);
    expect(a.colors[0]).not.toBe(-1);
  });
});
