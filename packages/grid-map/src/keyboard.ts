/**
 * The map's keys as commands: arrows move to the neighbouring grid, Enter or Space selects,
 * Escape clears, + and − zoom, 0 resets the view. The same keys are written in the on-screen hint
 * and the description block (messages `keyHint` and `mapHelp`). Also where the keys start and
 * where a command goes, on the map model.
 */
import type { MapModel } from './map-model.js';
import { directionOfKey, stepInDirection, type Direction } from './navigation.js';
import { toFrame, type View } from './view.js';

export type KeyCommand =
  | { readonly kind: 'move'; readonly direction: Direction }
  | { readonly kind: 'select' }
  | { readonly kind: 'clear' }
  | { readonly kind: 'zoom'; readonly by: 'in' | 'out' | 'reset' };

/** The command of a key press, or undefined for keys the map leaves to the browser (Tab, Ctrl+…). */
export function keyCommand(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>,
): KeyCommand | undefined {
  if (e.altKey || e.ctrlKey || e.metaKey) return undefined;
  const direction = directionOfKey(e.key);
  if (direction) return { kind: 'move', direction };
  switch (e.key) {
    case 'Enter':
    case ' ':
      return { kind: 'select' };
    case 'Escape':
      return { kind: 'clear' };
    case '+':
    case '=':
      return { kind: 'zoom', by: 'in' };
    case '-':
    case '_':
      return { kind: 'zoom', by: 'out' };
    case '0':
      return { kind: 'zoom', by: 'reset' };
    default:
      return undefined;
  }
}

/** What moving with the keys needs of the map model (./map-model.ts). */
type KeyModel = Pick<MapModel, 'grids' | 'byId' | 'index'>;

/**
 * Where keyboard navigation starts: the first of `candidates` (the selected grid, the last one
 * visited) that is drawn, else the grid at the middle of the `width` × `height` box in `view`, else
 * the one nearest to it, else the first grid.
 */
export function startGrid(
  model: KeyModel,
  view: View,
  width: number,
  height: number,
  candidates: readonly (string | null | undefined)[],
): string | undefined {
  for (const id of candidates) if (id != null && model.byId.has(id)) return id;
  if (!(view.k > 0)) return model.grids[0]?.id;
  const [x, y] = toFrame(view, width / 2, height / 2);
  const i = model.index.at(x, y);
  if (i >= 0) return model.grids[i]!.id;
  const near = model.index.nearest(x, y, 1);
  return near[0] !== undefined ? model.grids[near[0]]!.id : model.grids[0]?.id;
}

/**
 * The grid a move or select command goes to. `active` is the grid the keys are on and `focused`
 * whether its tooltip shows: without both, any key starts at `start()`; a move steps to the
 * neighbour in its direction (staying put at the edge); a select takes the grid the keys are on.
 */
export function keyTarget(
  model: KeyModel,
  command: Extract<KeyCommand, { kind: 'move' | 'select' }>,
  active: string | undefined,
  focused: boolean,
  start: () => string | undefined,
): string | undefined {
  const current = active !== undefined ? model.byId.get(active) : undefined;
  if (current === undefined || !focused) return start();
  if (command.kind === 'select') return active;
  const j = stepInDirection(model.index, current, command.direction);
  return j === undefined ? active : model.grids[j]!.id;
}
