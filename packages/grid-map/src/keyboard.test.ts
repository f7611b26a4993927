import { describe, expect, it } from 'vitest';
import { keyCommand, keyTarget, startGrid } from './keyboard.js';
import { buildMapModel } from './map-model.js';
import { ShapeCache } from './projection.js';
import { fitView, toScreen } from './view.js';
import { yantian } from '../test/fixtures.js';

const model = buildMapModel(yantian(), undefined, new ShapeCache());
const view = fitView(model.viewBox, 600, 400, 12);

describe('keyCommand', () => {
  it('reads the map keys and leaves the browser its own', () => {
    const key = (k: string, mod: Partial<KeyboardEvent> = {}) =>
      keyCommand({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mod });
    expect(key('ArrowUp')).toEqual({ kind: 'move', direction: 'up' });
    expect(key(' ')).toEqual({ kind: 'select' });
    expect(key('Escape')).toEqual({ kind: 'clear' });
    expect(key('=')).toEqual({ kind: 'zoom', by: 'in' });
    expect(key('0')).toEqual({ kind: 'zoom', by: 'reset' });
    expect(key('Tab')).toBeUndefined();
    expect(key('+', { ctrlKey: true })).toBeUndefined();
  });
});

describe('startGrid', () => {
  it('starts at the first candidate that is drawn', () => {
    const [a, b] = [model.grids[3]!.id, model.grids[7]!.id];
    expect(startGrid(model, view, 600, 400, [null, 'nowhere', a, b])).toBe(a);
    expect(startGrid(model, view, 600, 400, [undefined, b])).toBe(b);
  });

  it('else at the grid in the middle of the box, or the one nearest to it', () => {
    const middle = startGrid(model, view, 600, 400, []);
    expect(middle).toBeDefined();
    // Centre the view on grid 5: it is the one in the middle.
    const label = model.grids[5]!.shape.label;
    const [x, y] = toScreen(view, label[0], label[1]);
    const centred = { k: view.k, x: view.x + 300 - x, y: view.y + 200 - y };
    expect(startGrid(model, centred, 600, 400, [])).toBe(model.grids[5]!.id);
    // Far off the map: the nearest grid, never none.
    expect(startGrid(model, { k: view.k, x: view.x + 5000, y: view.y }, 600, 400, [])).toBeDefined();
  });

  it('takes the first grid when the box has no size', () => {
    expect(startGrid(model, { k: 0, x: 0, y: 0 }, 0, 0, [])).toBe(model.grids[0]!.id);
  });
});

describe('keyTarget', () => {
  const start = () => 'start';
  const id = model.grids[4]!.id;

  it('starts anywhere when the keys are not on a grid or its tooltip is hidden', () => {
    expect(keyTarget(model, { kind: 'select' }, undefined, true, start)).toBe('start');
    expect(keyTarget(model, { kind: 'move', direction: 'left' }, id, false, start)).toBe('start');
    expect(keyTarget(model, { kind: 'select' }, 'gone', true, start)).toBe('start');
  });

  it('selects the grid the keys are on, and steps to a neighbour (staying at the edge)', () => {
    expect(keyTarget(model, { kind: 'select' }, id, true, start)).toBe(id);
    const moved = (['left', 'right', 'up', 'down'] as const).map((direction) =>
      keyTarget(model, { kind: 'move', direction }, id, true, start),
    );
    expect(moved.every((m) => m !== undefined && m !== 'start' && model.byId.has(m))).toBe(true);
    expect(moved.some((m) => m !== id)).toBe(true);
  });
});
