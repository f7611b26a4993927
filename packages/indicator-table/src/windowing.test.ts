import { describe, expect, it } from 'vitest';
import {
  computeOffsets,
  defaultLineHeight,
  estimateLineHeight,
  lineAt,
  spanMoved,
  visibleSpan,
  windowSlots,
  type WindowSlot,
} from './windowing.js';

const total = (slots: WindowSlot[], heightOf: (i: number) => number) =>
  slots.reduce((n, s) => n + (s.kind === 'spacer' ? s.height : heightOf(s.index)), 0);
const lines = (slots: WindowSlot[]) => slots.filter((s) => s.kind === 'line').map((s) => s.index);

describe('computeOffsets / lineAt', () => {
  it('adds heights up, ignoring bad ones', () => {
    const offsets = computeOffsets(4, (i) => [10, Number.NaN, -5, 20][i]!);
    expect([...offsets]).toEqual([0, 10, 10, 10, 30]);
  });

  it('finds the line at a y', () => {
    const offsets = computeOffsets(5, () => 10);
    expect(lineAt(offsets, 0)).toBe(0);
    expect(lineAt(offsets, 9.9)).toBe(0);
    expect(lineAt(offsets, 10)).toBe(1);
    expect(lineAt(offsets, 45)).toBe(4);
    expect(lineAt(offsets, 1e9)).toBe(4);
    expect(lineAt(offsets, -5)).toBe(0);
    expect(
      lineAt(
        computeOffsets(0, () => 1),
        5,
      ),
    ).toBe(0);
  });
});

describe('windowSlots', () => {
  const height = (i: number) => (i % 10 === 0 ? 30 : 40);
  const offsets = computeOffsets(5000, height);

  it('draws the lines in view plus overscan, and spacers keep the total height', () => {
    const slots = windowSlots({ offsets, viewTop: 40_000, viewBottom: 40_600, overscan: 200 });
    const drawn = lines(slots);
    expect(drawn.length).toBeLessThan(40);
    expect(drawn[0]).toBe(lineAt(offsets, 39_800));
    expect(drawn.at(-1)).toBe(lineAt(offsets, 40_799));
    expect(total(slots, height)).toBeCloseTo(offsets[5000]!);
    expect(slots[0]).toMatchObject({ kind: 'spacer', from: 0 });
    expect(slots.at(-1)).toMatchObject({ kind: 'spacer', to: 5000 });
  });

  it('keeps the focused line and each drawn line’s group header, with spacers between', () => {
    const slots = windowSlots({
      offsets,
      viewTop: 40_000,
      viewBottom: 40_600,
      overscan: 0,
      keep: [3, -1, 99_999],
      headerOf: (i) => i - (i % 10),
    });
    const drawn = lines(slots);
    expect(drawn).toContain(0);
    expect(drawn).toContain(3);
    const firstInView = lineAt(offsets, 40_000);
    expect(drawn).toContain(firstInView - (firstInView % 10));
    expect(total(slots, height)).toBeCloseTo(offsets[5000]!);
    // No two spacers in a row, no empty spacer.
    slots.forEach((s, i) => {
      if (s.kind === 'spacer') {
        expect(s.height).toBeGreaterThan(0);
        expect(slots[i + 1]?.kind).not.toBe('spacer');
      }
    });
  });

  it('draws everything of a short list, and at least one line when out of view', () => {
    const short = computeOffsets(5, () => 10);
    expect(lines(windowSlots({ offsets: short, viewTop: 0, viewBottom: 500, overscan: 0 }))).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(lines(windowSlots({ offsets: short, viewTop: 900, viewBottom: 800, overscan: 0 }))).toEqual([4]);
    expect(
      windowSlots({ offsets: computeOffsets(0, () => 1), viewTop: 0, viewBottom: 1, overscan: 0 }),
    ).toEqual([]);
  });
});

describe('estimateLineHeight', () => {
  const table = { cards: false, compact: false };

  it('assumes a height for the layout while nothing of that kind is measured', () => {
    expect(estimateLineHeight(new Map(), 'row', table)).toBe(44);
    expect(estimateLineHeight(new Map(), 'row', { cards: false, compact: true })).toBe(32);
    expect(estimateLineHeight(new Map(), 'row', { cards: true, compact: true })).toBe(170);
    expect(estimateLineHeight(new Map([['r:a', 40]]), 'group', table)).toBe(
      defaultLineHeight('group', table),
    );
    expect(defaultLineHeight('group', { cards: true, compact: false })).toBe(56);
  });

  it('takes the median of the measured lines of its kind, which one outlier does not move', () => {
    const heights = new Map([
      ['g:area', 60],
      ['r:a', 40],
      ['r:b', 400],
      ['r:c', 42],
    ]);
    expect(estimateLineHeight(heights, 'row', table)).toBe(42);
    expect(estimateLineHeight(heights, 'group', table)).toBe(60);
  });

  it('looks at the first 101 measured lines only', () => {
    const heights = new Map<string, number>();
    // 60 short lines, then 400 tall ones: the median of all would be tall, of the first 101 short.
    for (let i = 0; i < 60; i++) heights.set(`r:${i}`, 30);
    for (let i = 60; i < 460; i++) heights.set(`r:${i}`, 90);
    expect(estimateLineHeight(heights, 'row', table)).toBe(30);
  });
});

describe('visibleSpan / spanMoved', () => {
  it('is the part of the lines inside both the scroll box and the viewport, below the header', () => {
    // Box from 100 to 700 px, header 40 px, viewport 500 px, first line at 140 px.
    expect(visibleSpan({ top: 100, bottom: 700 }, 40, 500, 140)).toEqual({ top: 0, bottom: 360 });
    // Scrolled: the first line is 1,000 px above the viewport, the box starts above it too.
    expect(visibleSpan({ top: -200, bottom: 900 }, 0, 800, -1000)).toEqual({ top: 1000, bottom: 1800 });
    // Unknown viewport height: the box's bottom.
    expect(visibleSpan({ top: 0, bottom: 300 }, 0, 0, 0)).toEqual({ top: 0, bottom: 300 });
    // The box is below the viewport: an empty span, never a negative one.
    expect(visibleSpan({ top: 900, bottom: 1200 }, 0, 800, 900)).toEqual({ top: 0, bottom: 0 });
  });

  it('moved only when an end moved more than the tolerance', () => {
    const from = { top: 0, bottom: 800 };
    expect(spanMoved(from, { top: 120, bottom: 920 }, 120)).toBe(false);
    expect(spanMoved(from, { top: 0, bottom: 921 }, 120)).toBe(true);
    expect(spanMoved(from, { top: -121, bottom: 800 }, 120)).toBe(true);
    expect(spanMoved(from, { top: Number.NaN, bottom: 800 }, 120)).toBe(true);
  });
});
