/**
 * Work that the first picture does not need (the description block's text, the spatial index),
 * done once the picture is painted: in the browser's idle time after it, and at the latest after
 * `timeout` ms, so that it is there soon whatever the page does.
 */

/** A handle to cancel what `afterPaint` scheduled. */
export type Cancel = () => void;

/**
 * Runs `work` in idle time once the next frame is painted and the one after it has begun (so that
 * it delays neither the first picture nor the frame after it), with at least `slice` ms of idle
 * time ahead when it can wait for that; a timer where the browser has no idle callback.
 */
export function afterPaint(work: () => void, timeout = 1000, slice = 10): Cancel {
  let cancelled = false;
  let raf: number | undefined;
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = Date.now();
  const run = (deadline?: IdleDeadline) => {
    if (cancelled) return;
    const waited = Date.now() - started;
    if (deadline && !deadline.didTimeout && deadline.timeRemaining() < slice && waited < timeout) {
      idle = requestIdleCallback(run, { timeout: Math.max(1, timeout - waited) });
      return;
    }
    work();
  };
  const whenIdle = () => {
    if (cancelled) return;
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout });
    else timer = setTimeout(run, 1);
  };
  if (typeof requestAnimationFrame === 'function') {
    // The first callback runs as the next frame is prepared, the second as the one after it is.
    raf = requestAnimationFrame(() => {
      if (!cancelled) raf = requestAnimationFrame(whenIdle);
    });
  } else {
    whenIdle();
  }
  return () => {
    cancelled = true;
    if (raf !== undefined) cancelAnimationFrame(raf);
    if (idle !== undefined) cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}
