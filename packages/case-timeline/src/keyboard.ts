/**
 * The chart's keys: Left/Right move the cursor a period, Page Up/Page Down ten, Home/End to the
 * first/last period shown, Escape hides the cursor. Pure; the element moves the cursor and says
 * where it is.
 */

/** What a key does to the cursor: move it to period `k`, hide it, or nothing (the key is not the chart's). */
export type CursorKeyResult = { move: number } | 'hide' | undefined;

/** How many periods Page Up and Page Down move. */
export const PAGE_PERIODS = 10;

/**
 * The cursor's new period after `key`, kept inside the periods shown `[k0, k1]`. A cursor outside
 * them (none yet, or one left from other dates) starts from the last period shown.
 */
export function cursorKey(key: string, cursor: number, k0: number, k1: number): CursorKeyResult {
  let k = cursor < k0 || cursor > k1 ? k1 : cursor;
  switch (key) {
    case 'ArrowLeft':
      k -= 1;
      break;
    case 'ArrowRight':
      k += 1;
      break;
    case 'Home':
      k = k0;
      break;
    case 'End':
      k = k1;
      break;
    case 'PageUp':
      k -= PAGE_PERIODS;
      break;
    case 'PageDown':
      k += PAGE_PERIODS;
      break;
    case 'Escape':
      return 'hide';
    default:
      return undefined;
  }
  return { move: Math.min(Math.max(k, k0), k1) };
}
