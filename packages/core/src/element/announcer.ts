/**
 * The live-change announcer every widget shares: one polite live region per widget that says in
 * words what a live update changed ("Safety index 95.2, up 0.1"), at most once per interval
 * (5 s by default, as Highcharts does), so a feed that changes every second does not talk over the
 * reader. The latest change waiting when the interval ends is the one said; changes the reader could
 * not perceive are never announced (the widget passes no text for them). A page that announces
 * changes itself turns it off with `announce="off"` on the widget.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** The least time between two announcements of one widget, in ms. */
export const ANNOUNCE_INTERVAL_MS = 5_000;

export interface AnnouncerHost extends ReactiveControllerHost {
  /** `off` silences the announcements of live changes. */
  announce?: string | undefined;
}

export class Announcer implements ReactiveController {
  /** What the live region says now. */
  private text = '';
  private lastAt = Number.NEGATIVE_INFINITY;
  private waiting: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: AnnouncerHost,
    private readonly intervalMs = ANNOUNCE_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    host.addController(this);
  }

  /** The current text of the live region (for tests and for widgets that show it). */
  get current(): string {
    return this.text;
  }

  /**
   * Announces a live data change, throttled: said at once when the last announcement is older than
   * the interval, else kept (replacing any change still waiting) and said when the interval ends.
   */
  announce(text: string): void {
    const words = text.trim();
    if (words === '' || this.host.announce === 'off') return;
    const wait = this.lastAt + this.intervalMs - this.now();
    if (wait <= 0) {
      this.say(words);
      return;
    }
    this.waiting = words;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const next = this.waiting;
      this.waiting = undefined;
      if (next !== undefined && this.host.announce !== 'off') this.say(next);
    }, wait);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = undefined;
  }

  /** The polite live region; render it once, anywhere in the widget's shadow root. */
  render(): TemplateResult {
    return html`<p
      class="visually-hidden"
      part="announcer"
      role="status"
      aria-live="polite"
      aria-atomic="true"
    >
      ${this.text}
    </p>`;
  }

  private say(words: string): void {
    this.lastAt = this.now();
    // The same words again would not be read: a trailing no-break space makes them new text.
    this.text = words === this.text.trim() && !this.text.endsWith('\u00a0') ? `${words}\u00a0` : words;
    this.host.requestUpdate();
  }
}
