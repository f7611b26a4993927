/**
 * The longest main-thread task in a window of a Chromium trace. The window is bounded by two
 * `performance.mark()` calls in the page (trace category `blink.user_timing`); tasks are the
 * renderer main thread's `ThreadControllerImpl::RunTask` slices (category `toplevel`), each task
 * the browser ran on that thread, whatever it did (scripts, style, layout, paint, garbage
 * collection). A task counts when it overlaps the window, and counts whole.
 */
import type { Browser, Page } from 'playwright';

/** The trace categories the window and the tasks need; light enough to leave on while timing. */
export const TASK_CATEGORIES = ['toplevel', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
}

export type Trace = readonly TraceEvent[];

/** Parses what `browser.stopTracing()` returns. */
export function parseTrace(buffer: Buffer): Trace {
  const parsed = JSON.parse(buffer.toString('utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * The longest task (ms) on the thread that recorded mark `from`, among tasks overlapping the time
 * between marks `from` and `to`; 0 when no task overlaps. Throws when a mark is missing.
 */
export function longestTask(trace: Trace, from: string, to: string): number {
  const mark = (name: string) => {
    const found = trace.find((e) => e.name === name && (e.ph === 'I' || e.ph === 'R' || e.ph === 'n'));
    if (!found) throw new Error(`the trace has no mark ${name}`);
    return found;
  };
  const start = mark(from);
  const end = mark(to);
  let longest = 0;
  for (const e of trace) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || e.dur === undefined) continue;
    if (e.pid !== start.pid || e.tid !== start.tid) continue;
    if (e.ts + e.dur < start.ts || e.ts > end.ts) continue;
    longest = Math.max(longest, e.dur / 1000);
  }
  return longest;
}

/** Runs `body` with Chromium tracing the task categories on, and returns its result and the trace. */
export async function traced<T>(browser: Browser, page: Page, body: () => Promise<T>): Promise<[T, Trace]> {
  await browser.startTracing(page, { categories: TASK_CATEGORIES });
  let result: T;
  try {
    result = await body();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  return [result, parseTrace(await browser.stopTracing())];
}
