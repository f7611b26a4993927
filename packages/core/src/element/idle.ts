/**
 * Work that can wait until the page is idle (a widget's hidden data table, its spatial index, the
 * first Intl formatters): `requestIdleCallback` in an idle period long enough for it, or at
 * `timeout` at the latest; a timer where the browser has no idle callbacks (Safari). With
 * `afterPaint`, the wait starts once the next frame is painted and the one after it has begun, so
 * the work delays neither the first picture nor the frame after it. Every widget uses this one.
 */

/** Options of `whenIdle`. */
export interface IdleOptions {
  /** Run at the latest this many ms after the call, idle or not (default 2000). */
  timeout?: number;
  /**
   * The shortest idle period to run in (default 20 ms): a shorter one is skipped, not overrun. Idle
   * periods between animation frames are shorter than a frame, so the default waits for a page with
   * no frame pending (after the first paint and anything animating), or for the timeout.
   */
  minimum?: number;
  /** Start waiting only once the next frame is painted (two animation frames). Default false. */
  afterPaint?: boolean;
}

/** Runs `task` once when the page is idle; returns a function that cancels it. Never throws. */
export function whenIdle(task: () => void, options: IdleOptions = {}): () => void {
  const timeout = options.timeout ?? 2000;
  const minimum = options.minimum ?? 20;
  const deadline = performance.now() + timeout;
  let cancelled = false;
  let frame: number | undefined;
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (!cancelled) task();
  };
  const wait = () => {
    if (cancelled) return;
    if (typeof requestIdleCallback !== 'function') {
      timer = setTimeout(run, Math.min(Math.max(0, deadline - performance.now()), 200));
      return;
    }
    idle = requestIdleCallback(
      (period) => {
        if (period.didTimeout || period.timeRemaining() >= minimum || performance.now() >= deadline) run();
        else wait();
      },
      { timeout: Math.max(1, deadline - performance.now()) },
    );
  };
  if (options.afterPaint && typeof requestAnimationFrame === 'function') {
    // The first callback runs as the next frame is prepared, the second as the one after it is.
    frame = requestAnimationFrame(() => {
      if (!cancelled) frame = requestAnimationFrame(wait);
    });
  } else {
    wait();
  }
  return () => {
    cancelled = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}
