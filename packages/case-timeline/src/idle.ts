/**
 * Work that can wait until the page is idle (the data-table twin): `requestIdleCallback`, in an idle
 * period long enough for it, or after `timeout` at the latest; a timer where the browser has no idle
 * callbacks (Safari).
 */

/** Options of `whenIdle`. */
export interface IdleOptions {
  /** Run at the latest this many ms later, idle or not (default 2000). */
  timeout?: number;
  /**
   * The shortest idle period to run in (default 20 ms): a shorter one is skipped, not overrun. Idle
   * periods between animation frames are shorter than a frame, so the default waits for a page with
   * no frame pending (after the first paint and anything animating), or for the timeout.
   */
  minimum?: number;
}

/** Runs `task` once when the page is idle; returns a function that cancels it. Never throws. */
export function whenIdle(task: () => void, options: IdleOptions = {}): () => void {
  const timeout = options.timeout ?? 2000;
  const minimum = options.minimum ?? 20;
  let cancelled = false;
  let handle: number | ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (!cancelled) task();
  };
  if (typeof requestIdleCallback === 'function') {
    const deadline = performance.now() + timeout;
    const request = () => {
      const left = Math.max(0, deadline - performance.now());
      handle = requestIdleCallback(
        (idle) => {
          if (idle.didTimeout || idle.timeRemaining() >= minimum || performance.now() >= deadline) run();
          else request();
        },
        { timeout: left },
      );
    };
    request();
    return () => {
      cancelled = true;
      if (handle !== undefined) cancelIdleCallback(handle as number);
    };
  }
  handle = setTimeout(run, Math.min(timeout, 200));
  return () => {
    cancelled = true;
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  };
}
