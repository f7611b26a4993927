/**
 * Sharing the main thread between widgets: when many widgets update in one task (twenty of them
 * reading one `<safety-feed>` that just changed), each runs in the same task as the others until
 * the task has used its budget; the next ones wait for a new task, so the page can answer input and
 * paint between them and no task runs long. Every SafetyElement schedules its updates through
 * `waitForTurn()`.
 */

/** How long updates may run in one task before the next one yields (ms). */
export const TASK_BUDGET_MS = 30;

/** When the first update of the current task ran (ms), or -1 when none has since the last task ended. */
let taskStart = -1;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** A promise settled in a new task: `scheduler.yield()` where the browser has it, else a timeout. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield().catch(() => undefined);
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Starts a new task's window at `t` (ended by a timeout, which runs in a later task). */
function startTask(t: number): void {
  taskStart = t;
  setTimeout(() => {
    if (taskStart === t) taskStart = -1;
  }, 0);
}

/**
 * Marks the start of work that widget updates will follow in the same task (a new feed being
 * checked): the task's budget counts from here, so updates after a long check yield sooner.
 */
export function beginTurn(): void {
  if (taskStart < 0) startTask(now());
}

/**
 * Runs `update` now when the current task has time left; otherwise in a new task, returning the
 * promise of that (an update that had to wait runs first thing in its task, so waiting never loops).
 */
export function inTurn(update: () => void, budgetMs = TASK_BUDGET_MS): void | Promise<void> {
  const t = now();
  if (taskStart < 0) startTask(t);
  else if (t - taskStart >= budgetMs) {
    return nextTask().then(() => {
      startTask(now());
      update();
    });
  }
  update();
}
