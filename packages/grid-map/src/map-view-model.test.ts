import { describe, expect, it } from 'vitest';
import { mapModelOf } from './feed-derived.js';
import { drawsToCanvas, mapViewModel, metricText, sameWords, type MapViewInput } from './map-view-model.js';
import { Memos } from './memos.js';
import { yantian } from '../test/fixtures.js';

const feed = yantian();
const input = (over: Partial<MapViewInput> = {}): MapViewInput => ({
  feed,
  model: mapModelOf(feed, undefined),
  metric: 'cases',
  mode: 'count',
  threshold: 3,
  bounds: undefined,
  locale: 'en',
  width: 600,
  height: 400,
  zoom: { k: 1, x: 0, y: 0 },
  renderer: 'auto',
  canvasThreshold: 1500,
  last: undefined,
  ...over,
});

describe('drawsToCanvas', () => {
  it('draws to a canvas past the threshold with auto, always with canvas, never with svg', () => {
    expect(drawsToCanvas('auto', 1500, 1500)).toBe(false);
    expect(drawsToCanvas('auto', 1501, 1500)).toBe(true);
    expect(drawsToCanvas('auto', 20, '10')).toBe(true);
    expect(drawsToCanvas('auto', 1501, 'many')).toBe(true);
    expect(drawsToCanvas('auto', 1499, 0)).toBe(false);
    expect(drawsToCanvas('canvas', 1, 1500)).toBe(true);
    expect(drawsToCanvas('svg', 100_000, 1500)).toBe(false);
  });
});

describe('mapViewModel', () => {
  it('fits the view to the box, then applies the zoom', () => {
    const memos = new Memos();
    const plain = mapViewModel(input(), memos);
    expect(plain.view.k).toBeGreaterThan(0);
    const zoomed = mapViewModel(input({ zoom: { k: 2, x: 10, y: -5 } }), memos);
    expect(zoomed.view.k).toBeCloseTo(plain.view.k * 2);
    expect(zoomed.view.x).toBeCloseTo(plain.view.x * 2 + 10);
    expect(zoomed.view.y).toBeCloseTo(plain.view.y * 2 - 5);
    expect(mapViewModel(input({ width: 0 }), memos).view.k).toBe(0);
  });

  it('keeps the names and the ranking of the last render while they are the same', () => {
    const memos = new Memos();
    const first = mapViewModel(input(), memos);
    const names = first.names;
    const ranking = first.ranking;
    expect(names).toHaveLength(first.model.grids.length);
    expect(names.every((n) => n.text.length > 0)).toBe(true);
    const again = mapViewModel(input({ last: first, zoom: { k: 1.5, x: 0, y: 0 } }), memos);
    expect(again.figures).toBe(first.figures);
    expect(again.names).toBe(names);
    expect(again.ranking).toBe(ranking);
    const zh = mapViewModel(input({ last: again, locale: 'zh-CN' }), memos);
    expect(sameWords(zh.names, names)).toBe(false);
  });

  it('names the figure as the legend does', () => {
    const vm = mapViewModel(input({ mode: 'per-10k' }), new Memos());
    expect(metricText(vm, 'en')).toMatch(/10,000/);
    expect(metricText({ def: undefined, mode: 'count' }, 'en')).toBe('');
  });
});
