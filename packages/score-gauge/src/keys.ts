/**
 * The ring's keys as a pure function: which area a key moves to (arrows wrap, Home and End go to
 * the ends), or that it selects the focused one. Everything else is left to the page.
 */

/** What a key does on the ring: move to the area at `index`, select the focused one, or nothing. */
export type RingKeyAction = { move: number } | 'select' | null;

export function ringKey(key: string, index: number, count: number): RingKeyAction {
  if (count <= 0 || index < 0 || index >= count) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { move: (index + 1) % count };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { move: (index - 1 + count) % count };
    case 'Home':
      return { move: 0 };
    case 'End':
      return { move: count - 1 };
    case 'Enter':
    case ' ':
      return 'select';
    default:
      return null;
  }
}
