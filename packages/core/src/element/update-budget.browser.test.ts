/**
 * Twenty widgets reading one `<safety-feed>` that changes: their updates are spread over several
 * tasks instead of one long one, and every widget still draws the new feed.
 */
import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import type { Feed } from '../feed/types.js';
import '../safety-feed.js';
import type { SafetyFeedElement } from '../live/safety-feed.element.js';
import { SafetyElement } from './safety-element.js';
import { TASK_BUDGET_MS } from './update-budget.js';

/** A widget whose drawing takes `WORK_MS` of the main thread, as a heavy chart would. */
const WORK_MS = 12;
/** Which task a drawing runs in, and what to do with it; set by the test while it watches. */
let taskOfRender = () => 0;
let rendered: (task: number) => void = () => undefined;

class TestSlowWidget extends SafetyElement {
  protected override renderContent(feed: Feed) {
    rendered(taskOfRender());
    const until = performance.now() + WORK_MS;
    while (performance.now() < until) {
      // Busy, like a chart laying out thousands of marks.
    }
    return html`<p>${feed.asOf}</p>`;
  }
}
customElements.define('test-slow-widget', TestSlowWidget);

const current = (asOf: string) => ({ ...makeFeed(), asOf });

afterEach(() => document.body.replaceChildren());

describe('updates share the main thread', () => {
  it('twenty widgets updating together are spread over several tasks, and all draw the change', async () => {
    const feed = document.createElement('safety-feed') as SafetyFeedElement;
    feed.data = current('2017-12-04T09:00:00+08:00');
    for (let i = 0; i < 20; i++) feed.append(document.createElement('test-slow-widget'));
    document.body.append(feed);
    const widgets = [...feed.querySelectorAll('test-slow-widget')];
    await vi.waitFor(() => widgets.forEach((w) => expect(w.shadowRoot?.textContent).toContain('09:00:00')), {
      timeout: 15_000,
    });

    // Number the tasks: every update that has to wait for a new task gets it from
    // `scheduler.yield()`, so each settled yield starts the next task's run of updates.
    const scheduler = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
    expect(typeof scheduler.yield, 'this Chromium has scheduler.yield()').toBe('function');
    let task = 0;
    const yieldToBrowser = scheduler.yield;
    scheduler.yield = () => yieldToBrowser.call(scheduler).then(() => void task++);
    taskOfRender = () => task;
    const perTask = new Map<number, number>();
    rendered = (n) => perTask.set(n, (perTask.get(n) ?? 0) + 1);
    try {
      feed.data = current('2017-12-04T09:05:00+08:00');
      await vi.waitFor(
        () => widgets.forEach((w) => expect(w.shadowRoot?.textContent).toContain('09:05:00')),
        { timeout: 15_000 },
      );
    } finally {
      scheduler.yield = yieldToBrowser;
      rendered = () => undefined;
    }
    // Every widget drew once, in more than one task; each drawing takes at least WORK_MS, so a task
    // stops taking widgets once TASK_BUDGET_MS is used: none holds more than the budget allows.
    const counts = [...perTask.values()];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(perTask.size).toBeGreaterThan(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(Math.ceil(TASK_BUDGET_MS / WORK_MS));
  });
});
