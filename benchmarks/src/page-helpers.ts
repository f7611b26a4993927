/**
 * Helpers installed in every benchmark page (as `window.bench`) before its scripts run, so that
 * each measurement in render.ts, interaction.ts and memory.ts reads the same way.
 *
 * "work" is from the change to the widget drawn (its Lit update done, the map or chart drawn)
 * plus a forced style and layout pass: the main-thread time the change costs.
 * "painted" is from the change to the second requestAnimationFrame after it is drawn: by then
 * the frame holding the change has been painted. It includes waiting for the frame, so it is at
 * least one frame interval (16.7 ms at 60 Hz) whatever the widget does.
 */

export interface WidgetElement extends HTMLElement {
  data?: unknown;
  updateComplete: Promise<boolean>;
}

export interface Timing {
  work: number;
  painted: number;
}

export interface BenchHelpers {
  frame(): Promise<void>;
  twoFrames(): Promise<void>;
  tick(): Promise<void>;
  /** True when the widget shows data (status ready or stale, and its drawing is in the DOM). */
  drawn(el: Element): boolean;
  /** Waits until `el` is drawn and has no update pending. */
  untilDrawn(el: WidgetElement): Promise<void>;
  /** Forces style and layout of the widget's shadow tree. */
  layout(el: Element): void;
  /** Runs `change` and times it to drawn (work) and to painted. */
  time(el: WidgetElement, change: () => void): Promise<Timing>;
  /** Imports a script served at `path` and waits until `tag` is defined. */
  load(path: string, tag?: string): Promise<unknown>;
  /** Fetches JSON served at `path`. */
  json(path: string): Promise<unknown>;
}

declare global {
  interface Window {
    bench: BenchHelpers;
  }
}

/** Installed with page.addInitScript: keep it self-contained (it runs in the page). */
export function installHelpers(): void {
  const ok = (el: Element) => /^(ready|stale)$/.test(el.getAttribute('status') ?? '');
  const has = (el: Element, selector: string) => el.shadowRoot?.querySelector(selector) != null;
  const DRAWN: Record<string, (el: Element) => boolean> = {
    'safety-score-gauge': (el) => has(el, '[role="meter"][aria-valuenow]'),
    'safety-indicator-table': (el) => has(el, 'tr.row'),
    'safety-grid-map': (el) => has(el, 'path.grid') || has(el, 'canvas.paint'),
    'safety-case-timeline': (el) => has(el, 'canvas'),
  };
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  const bench: BenchHelpers = {
    frame: () => new Promise((resolve) => requestAnimationFrame(() => resolve())),
    twoFrames: async () => {
      await bench.frame();
      await bench.frame();
    },
    tick: () =>
      new Promise((resolve) => {
        queue.push(resolve);
        channel.port2.postMessage(0);
      }),
    drawn: (el) => ok(el) && (DRAWN[el.localName]?.(el) ?? true),
    async untilDrawn(el) {
      const deadline = performance.now() + 60_000;
      for (;;) {
        await el.updateComplete;
        if (bench.drawn(el)) break;
        if (performance.now() > deadline) throw new Error(`${el.localName} not drawn after 60 s`);
        await bench.tick();
      }
      await el.updateComplete;
    },
    layout(el) {
      void el.getBoundingClientRect();
      for (const child of Array.from(el.shadowRoot?.children ?? [])) void child.getBoundingClientRect();
    },
    async time(el, change) {
      const t0 = performance.now();
      change();
      await bench.untilDrawn(el);
      bench.layout(el);
      const work = performance.now() - t0;
      await bench.twoFrames();
      return { work, painted: performance.now() - t0 };
    },
    async load(path, tag) {
      const module: unknown = await import(path);
      if (tag) await customElements.whenDefined(tag);
      return module;
    },
    json: async (path) => (await fetch(path)).json(),
  };
  window.bench = bench;
}
