import { mulberry32 } from '@safety-widgets/sample-data/synthetic';
import { describe, expect, it } from 'vitest';
import { intersects, markBox, placeLabels, type MarkBox } from './label-placement.js';

const opts = { width: 390, height: 300 };

describe('placeLabels', () => {
  it('puts a lone label to the right of its mark', () => {
    const [p] = placeLabels([{ x: 100, y: 100, size: 10 }], [{ mark: 0, text: '3', priority: 0 }], opts);
    expect(p!.box.x0).toBeGreaterThanOrEqual(105);
    expect(p!.box.y0).toBeLessThan(100);
    expect(p!.box.y1).toBeGreaterThan(100);
  });

  it('moves a label away from a mark on its right, and from a label already placed', () => {
    const marks: MarkBox[] = [
      { x: 100, y: 100, size: 10 },
      { x: 116, y: 100, size: 10 },
    ];
    const placed = placeLabels(
      marks,
      [
        { mark: 0, text: '12', priority: 1 },
        { mark: 1, text: '4', priority: 0 },
      ],
      opts,
    );
    expect(placed).toHaveLength(2);
    for (const p of placed) for (const m of marks) expect(intersects(p.box, markBox(m))).toBe(false);
    expect(intersects(placed[0]!.box, placed[1]!.box)).toBe(false);
  });

  it('stays in view: a mark at the right edge gets its label on the left', () => {
    const [p] = placeLabels([{ x: 385, y: 50, size: 10 }], [{ mark: 0, text: '7', priority: 0 }], opts);
    expect(p!.box.x1).toBeLessThanOrEqual(390);
    expect(p!.box.x1).toBeLessThanOrEqual(380);
  });

  it('leaves out labels with nowhere to go, the least important first', () => {
    // A mark boxed in by eight others: its label has no free place.
    const marks: MarkBox[] = [{ x: 100, y: 100, size: 10 }];
    for (const dx of [-12, 0, 12])
      for (const dy of [-12, 0, 12]) if (dx || dy) marks.push({ x: 100 + dx, y: 100 + dy, size: 10 });
    const placed = placeLabels(marks, [{ mark: 0, text: '99', priority: 0 }], opts);
    expect(placed).toEqual([]);
    // Two labels competing for the one place between two walls: the higher priority wins.
    const walls: MarkBox[] = [
      { x: 50, y: 50, size: 10 },
      { x: 50, y: 50, size: 10 },
    ];
    const duel = placeLabels(
      walls,
      [
        { mark: 0, text: '1', priority: 1 },
        { mark: 1, text: '2', priority: 5 },
      ],
      { width: 70, height: 62 },
    );
    expect(duel.map((p) => p.request)).toContain(1);
  });

  it('never overlaps a mark or another label in a dense random field', () => {
    const rand = mulberry32(7);
    const marks: MarkBox[] = Array.from({ length: 150 }, () => ({
      x: rand() * 390,
      y: rand() * 300,
      size: 10,
    }));
    const requests = marks.map((_, i) => ({ mark: i, text: String(2 + (i % 9)), priority: i % 4 }));
    const placed = placeLabels(marks, requests, opts);
    expect(placed.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const p of placed) {
      marks.forEach((m, i) => intersects(p.box, markBox(m)) && problems.push(`${p.request} over mark ${i}`));
      for (const q of placed)
        if (q !== p && intersects(p.box, q.box)) problems.push(`${p.request} over ${q.request}`);
      if (p.box.x0 < 0 || p.box.x1 > 390 || p.box.y0 < 0 || p.box.y1 > 300) problems.push(`${p.request} out`);
    }
    expect(problems).toEqual([]);
  });

  it('copes with nothing, and with requests for marks that do not exist', () => {
    expect(placeLabels([], [], opts)).toEqual([]);
    expect(placeLabels([], [{ mark: 3, text: '2', priority: 0 }], opts)).toEqual([]);
  });
});
