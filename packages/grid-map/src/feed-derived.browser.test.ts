/// <reference types="@vitest/browser-playwright" />
/**
 * Several maps on one `<safety-feed>`: what they derive from a feed version is worked out once for
 * all of them, a version that changes nothing they use costs them no projection and no
 * classification, and every map still shows the right picture (the same as a map given that
 * version alone).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import '@safety-widgets/core/safety-feed.js';
import type { FeedInput } from '@safety-widgets/core';
import './safety-grid-map.js';
import type { SafetyGridMap } from './safety-grid-map.element.js';
import { derivationStats } from './feed-derived.js';
import { projectionStats } from './projection.js';
import { freshYantianInput } from '../test/fixtures.js';

const POLL = { timeout: 10_000, interval: 20 };

afterEach(() => {
  document.body.replaceChildren();
});

type GridInput = { id: string; properties: { metrics: Record<string, number | null> } };

const paths = (el: SafetyGridMap) => [...el.shadowRoot!.querySelectorAll<SVGPathElement>('path.grid')];
const classesOf = (el: SafetyGridMap) => paths(el).map((p) => p.getAttribute('class'));
const legend = (el: SafetyGridMap) =>
  [...el.shadowRoot!.querySelectorAll('.legend-block:first-child li')].map((li) =>
    li.textContent!.replace(/\s+/g, ' ').trim(),
  );
const drawn = (maps: readonly SafetyGridMap[], input: FeedInput) =>
  vi.waitFor(() => {
    for (const m of maps) {
      expect(m.getAttribute('status')).toBe('ready');
      expect(paths(m)).toHaveLength(30);
      // This version's figures are shown (the data table's source: the tooltip and table read them).
      expect(m.shadowRoot!.querySelector('.place')?.textContent).toBe(
        (input.place as { name: { en: string } }).name.en,
      );
    }
  }, POLL);

/** `count` maps (and one of Meisha alone) reading one `<safety-feed>` given `input`. */
function page(
  input: FeedInput,
  count: number,
): { feed: HTMLElement & { data?: unknown }; maps: SafetyGridMap[] } {
  const wrapper = document.createElement('div');
  wrapper.style.width = '600px';
  const feed = document.createElement('safety-feed') as HTMLElement & { data?: unknown };
  feed.data = input;
  const maps = Array.from({ length: count }, () => {
    const m = document.createElement('safety-grid-map');
    m.setAttribute('metric', 'cases');
    return m;
  });
  feed.append(...maps);
  wrapper.append(feed);
  document.body.append(wrapper);
  return { feed, maps };
}

/** A map given `input` alone (its own feed object): the picture every shared map must match. */
async function alone(input: FeedInput): Promise<SafetyGridMap> {
  const el = document.createElement('safety-grid-map');
  el.setAttribute('metric', 'cases');
  el.style.width = '600px';
  el.data = structuredClone(input);
  document.body.append(el);
  await vi.waitFor(() => expect(paths(el)).toHaveLength(30), POLL);
  await el.updateComplete;
  return el;
}

const delta = (before: typeof derivationStats) =>
  Object.fromEntries(
    Object.entries(derivationStats).map(([k, v]) => [k, v - before[k as keyof typeof derivationStats]]),
  );

describe('maps sharing one feed', () => {
  it('work out each feed version once between them, and only what changed', async () => {
    // One map alone on the page: what one version costs.
    const single = freshYantianInput();
    let before = { ...derivationStats };
    const one = page(single, 1);
    await drawn(one.maps, single);
    const perVersion = delta(before);
    expect(perVersion.models).toBe(1);
    expect(perVersion.classes).toBe(1);
    document.body.replaceChildren();

    // Five maps on one feed cost the same.
    const input = freshYantianInput();
    before = { ...derivationStats };
    const { feed, maps } = page(input, 5);
    await drawn(maps, input);
    expect(delta(before)).toEqual(perVersion);
    const nodes = maps.map(paths);
    const colours = classesOf(maps[0]!);
    for (const m of maps) expect(classesOf(m)).toEqual(colours);

    // A later version with the same outlines and figures: no projection, no classification, no
    // repaint of any grid.
    const later = { ...structuredClone(input), asOf: new Date(Date.now() + 1000).toISOString() };
    const shapes = projectionStats.shapes;
    before = { ...derivationStats };
    feed.data = later;
    await vi.waitFor(() => expect(delta(before).models).toBe(1), POLL);
    await Promise.all(maps.map((m) => m.updateComplete));
    expect(projectionStats.shapes).toBe(shapes);
    expect(delta(before)).toMatchObject({ models: 1, figures: 1, classes: 0, colors: 0 });
    maps.forEach((m, i) => {
      expect(paths(m)).toEqual(nodes[i]);
      expect(classesOf(m)).toEqual(colours);
    });

    // A version where one grid's figure changed: classified once for the five maps, and every
    // map shows what a map given that version alone shows.
    const changed = structuredClone(later);
    const grids = changed.grids!.features as GridInput[];
    const target = grids.findIndex((g) => (g.properties.metrics.cases ?? 0) > 60);
    grids[target]!.properties.metrics.cases = 1;
    before = { ...derivationStats };
    feed.data = changed;
    await vi.waitFor(() => expect(delta(before).models).toBe(1), POLL);
    await Promise.all(maps.map((m) => m.updateComplete));
    expect(projectionStats.shapes).toBe(shapes);
    expect(delta(before)).toMatchObject({ models: 1, figures: 1, classes: 1, colors: 1 });
    const reference = await alone(changed);
    expect(classesOf(reference)[target]).not.toBe(colours[target]);
    for (const m of maps) {
      expect(paths(m)).toEqual(nodes[maps.indexOf(m)]);
      expect(classesOf(m)).toEqual(classesOf(reference));
      expect(legend(m)).toEqual(legend(reference));
    }
  });

  it('draws a grid without data as "No data", never as zero, after a live update', async () => {
    const input = freshYantianInput();
    const { feed, maps } = page(input, 2);
    await drawn(maps, input);
    const changed = structuredClone(input);
    (changed.grids!.features[0] as GridInput).properties.metrics.cases = null;
    feed.data = changed;
    await vi.waitFor(() => {
      for (const m of maps) expect(paths(m)[0]!.getAttribute('class')).toBe('grid nd');
    }, POLL);
    for (const m of maps) expect(legend(m)).toContain('No data');
  });
});
