import { validateFeed, type Feed } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { sampleFeed } from '../test/feeds.js';
import { gaugeModel, type GaugeModel } from './gauge-model.js';
import { activeArea, buildGaugeViewModel, type RingPointer } from './gauge-view-model.js';
import { ARC_FRAME, RING_FRAME } from './geometry.js';

function valid(feed: unknown): Feed {
  const result = validateFeed(feed);
  if (!result.ok) throw new Error('invalid');
  return result.feed;
}

function model(area: string | null = null): GaugeModel {
  const result = gaugeModel(valid(sampleFeed()), { area });
  if (!result.ok) throw new Error(`unknown area ${result.area}`);
  return result.model;
}

const still: RingPointer = { tabStop: null, focused: null, hovered: null, dismissed: false };
const composite = model();

describe('activeArea', () => {
  const [first, second] = composite.areas;

  it('is the area pointed at, else the one focused, else none', () => {
    expect(activeArea(composite.areas, still)).toBeNull();
    expect(activeArea(composite.areas, { ...still, focused: first!.id })).toBe(first);
    expect(activeArea(composite.areas, { ...still, focused: first!.id, hovered: second!.id })).toBe(second);
    expect(activeArea(composite.areas, { ...still, hovered: 'not-an-area' })).toBeNull();
  });

  it('is none while Escape has hidden the detail', () => {
    expect(activeArea(composite.areas, { ...still, hovered: first!.id, dismissed: true })).toBeNull();
  });
});

describe('buildGaugeViewModel', () => {
  const base = { model: composite, compact: false, base: 16, pointer: still };

  it('makes the ring a set of controls, with the facts inside the arc, from a card up', () => {
    const vm = buildGaugeViewModel({ ...base, width: 400 });
    expect(vm).toMatchObject({
      size: 'md',
      interactive: true,
      inside: true,
      active: null,
      frame: RING_FRAME,
    });
    expect(buildGaugeViewModel({ ...base, width: undefined }).size).toBe('md');
  });

  it('draws a picture in a small tile or the compact layout, with the facts outside', () => {
    expect(buildGaugeViewModel({ ...base, width: 150 })).toMatchObject({
      size: 'xs',
      interactive: false,
      inside: false,
    });
    expect(buildGaugeViewModel({ ...base, width: 400, compact: true })).toMatchObject({
      interactive: false,
      inside: false,
    });
  });

  it('puts the facts under the dial for a large default font size', () => {
    expect(buildGaugeViewModel({ ...base, width: 600, base: 32 })).toMatchObject({
      size: 'lg',
      interactive: true,
      inside: false,
    });
  });

  it('passes the pointer on and uses the arc frame for one area', () => {
    const id = composite.areas[1]!.id;
    const vm = buildGaugeViewModel({ ...base, width: 400, pointer: { ...still, tabStop: id, hovered: id } });
    expect([vm.tabStop, vm.hovered, vm.active?.id]).toEqual([id, id, id]);
    const area = model(id);
    expect(area.areas).toHaveLength(0);
    expect(buildGaugeViewModel({ ...base, model: area, width: 400 }).frame).toBe(ARC_FRAME);
  });
});
