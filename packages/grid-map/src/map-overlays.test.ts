import { describe, expect, it } from 'vitest';
import { mapModelOf } from './feed-derived.js';
import type { Outline } from './map-model.js';
import { contextLabels, countPills, labelFontSize, MAX_COUNT_LABELS } from './map-overlays.js';
import { mapViewModel } from './map-view-model.js';
import { Memos } from './memos.js';
import { yantian } from '../test/fixtures.js';

/** A neighbour whose box is [x0, y0, x1, y1] in frame units, labelled at `label`. */
const neighbour = (name: string, bbox: number[], label: number[]) =>
  ({
    id: name,
    name: { en: name, 'zh-CN': name },
    cached: { shape: { bbox, label } },
  }) as unknown as Outline;
const identity = { k: 1, x: 0, y: 0 };

describe('labelFontSize', () => {
  it('follows the measured text size, never below 12 px', () => {
    expect(labelFontSize(16)).toBe(16);
    expect(labelFontSize(10)).toBe(12);
    expect(labelFontSize(0)).toBe(12);
  });
});

describe('contextLabels', () => {
  it('writes a name at its label point when it fits in the part of the neighbour in view', () => {
    const [label] = contextLabels(
      [neighbour('Luohu', [0, 0, 300, 200], [150, 100])],
      identity,
      600,
      400,
      1,
      'en',
    );
    expect(label).toEqual({ x: 150, y: 100, text: 'Luohu', lang: 'en' });
  });

  it('moves it inside the view, and leaves out a neighbour with no room or no outline', () => {
    const [clamped, tooSmall, none] = contextLabels(
      [
        // Mostly off the left edge: the name moves right, into the part in view.
        neighbour('Luohu', [-500, 0, 200, 200], [-200, 100]),
        neighbour('Longgang', [0, 0, 20, 10], [10, 5]),
        { id: 'x', name: { en: 'X' }, cached: { shape: undefined } } as unknown as Outline,
      ],
      identity,
      600,
      400,
      1,
      'en',
    );
    const half = (5 * 6.5 + 8) / 2;
    expect(clamped).toEqual({ x: half, y: 100, text: 'Luohu', lang: 'en' });
    expect(tooSmall).toBeUndefined();
    expect(none).toBeUndefined();
  });

  it('counts CJK characters twice as wide, and scales with the text size', () => {
    const box = [0, 0, 60, 200];
    const [latin] = contextLabels([neighbour('Abcde', box, [30, 100])], identity, 600, 400, 1, 'en');
    const [cjk] = contextLabels([neighbour('罗湖区东门', box, [30, 100])], identity, 600, 400, 1, 'en');
    const [big] = contextLabels([neighbour('Abcde', box, [30, 100])], identity, 600, 400, 2, 'en');
    expect(latin).toBeDefined();
    expect(cjk).toBeUndefined();
    expect(big).toBeUndefined();
  });
});

describe('countPills', () => {
  const feed = yantian();
  const vm = mapViewModel(
    {
      feed,
      model: mapModelOf(feed, undefined),
      metric: 'cases',
      mode: 'count',
      threshold: 3,
      bounds: undefined,
      locale: 'en',
      width: 600,
      height: 400,
      zoom: identity,
      renderer: 'auto',
      canvasThreshold: 1500,
      last: undefined,
    },
    new Memos(),
  );
  const sensitive = feed.layers.find((l) => l.sensitive)!;

  it('draws nothing unless a sensitive layer is shown', () => {
    expect(countPills(vm, undefined, 1, 'en')).toEqual([]);
    const open = feed.layers.find((l) => !l.sensitive)!;
    expect(countPills(vm, open.id, 1, 'en')).toEqual([]);
  });

  it('writes each grid’s count under its label point, small counts as "<n"', () => {
    const [row, more] = countPills(vm, sensitive.id, 1, 'en');
    expect(more).toBeUndefined();
    expect(row).toHaveLength(vm.model.grids.length);
    for (const pill of row!) {
      expect(pill.text).toMatch(/^(<3|\d+)$/);
      expect(pill.w).toBe(8 + pill.text.length * 7);
      expect(pill.h).toBe(16);
    }
    const g = vm.model.grids[0]!;
    expect(row![0]!.x).toBeCloseTo(g.shape.label[0] * vm.view.k + vm.view.x);
    expect(row![0]!.y).toBeCloseTo(g.shape.label[1] * vm.view.k + vm.view.y + 12);
    const [twice] = countPills(vm, sensitive.id, 2, 'en');
    expect(twice![0]!.h).toBe(32);
  });

  it(`draws none past ${MAX_COUNT_LABELS} grids`, () => {
    const many = {
      ...vm,
      model: { ...vm.model, grids: Array.from({ length: 301 }, () => vm.model.grids[0]!) },
    };
    expect(countPills(many, sensitive.id, 1, 'en')).toEqual([]);
  });
});
