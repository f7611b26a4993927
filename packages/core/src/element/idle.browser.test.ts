/** The one idle scheduler every widget uses for work the first picture does not need. */
import { describe, expect, it } from 'vitest';
import { whenIdle } from './idle.js';

describe('whenIdle', () => {
  it('runs a task once when the page is idle, or at the timeout; a cancelled one never', async () => {
    let ran = 0;
    whenIdle(() => (ran += 1));
    expect(ran).toBe(0);
    await expect.poll(() => ran).toBe(1);
    // Frames requested back to back leave only short idle periods: the timeout runs it.
    let animating = true;
    const spin = () => animating && requestAnimationFrame(spin);
    spin();
    let late = 0;
    const start = performance.now();
    whenIdle(() => (late = performance.now() - start), { timeout: 300, minimum: 1000 });
    await expect.poll(() => late, { timeout: 3000 }).toBeGreaterThan(0);
    animating = false;
    expect(late).toBeGreaterThanOrEqual(290);
    // A cancelled task never runs: a task queued after it with the same options has run, so the
    // cancelled one would have run first.
    const order: string[] = [];
    const cancel = whenIdle(() => order.push('cancelled'), { timeout: 50, minimum: 0 });
    whenIdle(() => order.push('after it'), { timeout: 50, minimum: 0 });
    cancel();
    await expect.poll(() => order.length).toBeGreaterThan(0);
    expect(order).toEqual(['after it']);
  });

  it('with afterPaint, waits for the next frame to be painted first', async () => {
    const order: string[] = [];
    whenIdle(() => order.push('idle'), { afterPaint: true, minimum: 0 });
    requestAnimationFrame(() => order.push('frame'));
    await expect.poll(() => order.length).toBe(2);
    expect(order).toEqual(['frame', 'idle']);
  });
});
