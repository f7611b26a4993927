/**
 * The map's keys as commands: arrows move to the neighbouring grid, Enter or Space selects,
 * Escape clears, + and − zoom, 0 resets the view. The same keys are written in the on-screen hint
 * and the description block (messages `keyHint` and `mapHelp`).
 */
import { directionOfKey, type Direction } from './navigation.js';

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
