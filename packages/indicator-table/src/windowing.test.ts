import { describe, expect, it } from 'vitest';
import { computeOffsets, lineAt, windowSlots, type WindowSlot } from './windowing.js';

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
