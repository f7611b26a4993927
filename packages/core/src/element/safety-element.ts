/**
 * SafetyElement: the base class of every Safety Widget.
 *
 * It owns what all widgets share, so none of them copies it: where the data comes from
 * (`data`, `src`, `feed`, or the `<safety-feed>` around it, through FeedController), the
 * locale (LocaleController), the theme attribute, the `status` attribute, and the standard
 * loading, error, empty, stale, offline and dropped-items states. A widget implements
 * `renderContent()` and, when it draws only part of a feed, `isEmpty()`.
 */
import {
  LitElement,
  html,
  nothing,
  type CSSResultGroup,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { property } from 'lit/decorators.js';
import type { Feed } from '../feed/types.js';
import { FeedController } from '../live/feed-controller.js';
import type { FeedState, FeedStatus } from '../live/types.js';
import { messagesReady, unloadedMessages, type MessageBook } from '../locale/catalogue.js';
import { LocaleController } from '../locale/controller.js';
import { CORE_TEXTS, t } from '../locale/messages.js';
import type { SupportedLocale } from '../locale/resolve.js';
import { stopWarmUp, warmUpFormatters } from '../locale/warm-up.js';
import { adoptPageFont } from '../theme/page-font.js';
import { registerTextSize } from '../theme/text-size.js';
import { hostReset, tokens } from '../theme/tokens.js';
import { Announcer } from './announcer.js';
import { plainText, renderFooter, snapshotStyles } from './snapshot.js';
import { inTurn } from './update-budget.js';
import {
  renderDroppedNote,
  renderEmpty,
  renderError,
  renderLiveBadges,
  renderLoading,
  renderOfflineBadge,
  renderStaleBadge,
  statesStyles,
  type DroppedKind,
  renderTextsMissing,
} from './states.js';

/** Colour theme of a widget: `light`, `dark`, or `auto` (follows the system). */
export type SafetyTheme = 'light' | 'dark' | 'auto';

/** The page's `print` media query, made on first use and shared by every widget. */
let printMedia: MediaQueryList | undefined;
function printQuery(): MediaQueryList | undefined {
  if (!printMedia && typeof matchMedia === 'function') printMedia = matchMedia('print');
  return printMedia;
}

/** How many items each collection lost in validation, summed for the kinds a widget shows. */
function droppedCount(state: FeedState, kinds: readonly (keyof FeedState['dropped'])[]): number {
  return kinds.reduce((n, kind) => n + (state.dropped[kind] ?? 0), 0);
}

/**
 * Base class of every Safety Widget. Not registered as an element itself.
 *
 * @attr feed - Id of a `<safety-feed>` on the page to take data from.
 * @attr src - URL of a feed, when the page has no `<safety-feed>`; widgets with the same `src` share one request.
 * @attr lang - Language (`zh-CN` or `en`); defaults to the nearest `lang` up the page.
 * @attr theme - `light` (default), `dark` or `auto` (follows the system setting).
 * @attr status - Reflected, read-only: `loading`, `ready`, `stale`, `error`, `empty` or `offline`.
 * @attr announce - `off` silences the spoken announcements of live data changes (for pages that announce
 *   changes themselves); by default a widget says what a live update changed, at most once per 5 s.
 * @attr snapshot - Reflected boolean: draw the widget as a still picture of itself with the same options, for an
 *   image or print: no controls, tooltips, key hints, stale or offline badges, animations or scroll boxes (the
 *   table shows every row, the map its legend), and a footer line with the source and time of the data
 *   (`Source: … · Data as of …` / `来源：… · 数据截至 …`). Printing applies the same rules, in light colours.
 *
 * @csspart state - Any standard state (loading, error, empty).
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error state; it holds a `role="alert"` message.
 * @csspart error-detail - The developer-facing error message.
 * @csspart retry - The retry button of the error state.
 * @csspart empty - The empty state.
 * @csspart badge - A stale, offline or synthetic-data badge.
 * @csspart stale - The stale badge (also `badge`): how old the data is, and whether updates are failing.
 * @csspart offline - The offline badge (also `badge`): the browser is offline and the last data received is shown.
 * @csspart synthetic - The sample-data badge (also `badge`): the data is a sample, partly synthetic.
 * @csspart live-badges - The top corner the stale and offline badges are laid over (they take no space).
 * @csspart announcer - The visually hidden polite live region that says what a live update changed.
 * @csspart note - A note under the widget, such as the count of items dropped from a bad feed.
 * @csspart dropped - The note counting the items dropped from a bad feed (also `note`).
 * @csspart footer - The source and time of the data under the widget, shown only in snapshot mode and in print.
 *
 * @cssprop --safety-display - The host's `display` (default `block`; `none`, `inline-block`, `contents`…). Set it rather than `display`, which the widget holds against hostile page CSS.
 * @cssprop --safety-font-family - Font stack (default: the page's own, read when the widget is connected, then Chinese fonts).
 * @cssprop --safety-font-size - Body text size (default 0.875 of the reader's default font size: 14px at the browser's default 16px, 28px for a reader who set 32px; the page's `rem` does not apply).
 * @cssprop --safety-letter-spacing - Letter spacing (default `normal`; a reader's own user style sheet applies too).
 * @cssprop --safety-word-spacing - Word spacing (default `normal`).
 * @cssprop --safety-line-height - Line height of body text (default 1.5).
 * @cssprop --safety-color-text - Text colour.
 * @cssprop --safety-color-muted - Secondary text: labels, units, dates.
 * @cssprop --safety-color-surface - Background colour.
 * @cssprop --safety-color-surface-alt - Background of headers, tracks and buttons.
 * @cssprop --safety-color-border - Border colour.
 * @cssprop --safety-color-border-strong - Borders that must stand out (at least 3:1 against the surface; keep it so), and all borders when the reader asks for more contrast.
 * @cssprop --safety-color-focus - Focus ring colour.
 * @cssprop --safety-color-accent - Accent colour: links, sparklines, selection.
 * @cssprop --safety-color-skeleton - Fill of the loading placeholder.
 * @cssprop --safety-color-good - Colour for a good score.
 * @cssprop --safety-color-fair - Colour for a fair score.
 * @cssprop --safety-color-poor - Colour for a poor score.
 * @cssprop --safety-color-met - Status colour of a met target (default: the good colour).
 * @cssprop --safety-color-not-met - Status colour of a missed target (default: the poor colour).
 * @cssprop --safety-color-no-data - Colour of "no data" and "no target".
 * @cssprop --safety-color-error - Colour of the error state (default: the poor colour).
 * @cssprop --safety-color-warning - Colour of warnings and notes (default: the fair colour).
 * @cssprop --safety-color-risk-red - Major risk (always shown with a triangle and a label too).
 * @cssprop --safety-color-risk-orange - Significant risk (diamond).
 * @cssprop --safety-color-risk-yellow - Moderate risk (square).
 * @cssprop --safety-color-risk-blue - Low risk (circle).
 * @cssprop --safety-color-on-risk-red - Text on a major-risk fill (keep it at least 4.5:1 against the fill).
 * @cssprop --safety-color-on-risk-orange - Text on a significant-risk fill (at least 4.5:1).
 * @cssprop --safety-color-on-risk-yellow - Text on a moderate-risk fill (at least 4.5:1).
 * @cssprop --safety-color-on-risk-blue - Text on a low-risk fill (at least 4.5:1).
 * @cssprop --safety-color-risk-outline - Outline of every risk mark (default: the text colour; light orange and yellow fills need it against a light surface).
 * @cssprop --safety-radius - Corner radius (default 6px).
 * @cssprop --safety-space-xs - Smallest spacing step (default 4px).
 * @cssprop --safety-space-sm - Small spacing step (default 8px).
 * @cssprop --safety-space-md - Medium spacing step (default 12px).
 * @cssprop --safety-space-lg - Large spacing step (default 16px).
 * @cssprop --safety-space-xl - Largest spacing step (default 24px).
 * @cssprop --safety-focus-width - Width of focus rings (default 2px).
 * @cssprop --safety-motion-duration - Length of transitions (default 200ms; none when the reader prefers reduced motion).
 */
export abstract class SafetyElement extends LitElement {
  static override styles: CSSResultGroup = [hostReset, tokens, statesStyles, snapshotStyles];

  /** Id of a `<safety-feed>` on the page to take data from. */
  @property() feed?: string;

  /** URL of a feed (used when `data` is not set). */
  @property() src?: string;

  /** A feed object (or its JSON text) set from script; wins over `src` and `feed`. */
  @property({ attribute: false }) data?: unknown;

  /** `light` (default), `dark` or `auto`. */
  @property({ reflect: true }) theme?: SafetyTheme;

  /**
   * The widget's status, reflected in the `status` attribute so host pages and tests can react:
   * `loading`, `ready`, `stale`, `error`, `empty` or `offline`. Set by the widget; read it, do not write it.
   */
  @property({ reflect: true }) status: FeedStatus = 'loading';

  /**
   * `off` silences the spoken announcements of live data changes; by default a widget says in words
   * what a live update changed (at most once per 5 s, through a polite live region).
   */
  @property() announce?: 'off' | 'polite';

  /**
   * A still picture of the widget with the same options, for an image or print (reflected as the
   * `snapshot` attribute): no controls, tooltips, key hints, live badges, animations or scroll boxes,
   * and a footer line with the source and time of the data. See ./snapshot.ts.
   */
  @property({ type: Boolean, reflect: true }) snapshot = false;

  /**
   * The widget's text alternative: what a screen reader is told of it (its score, its highest and
   * lowest grids, its range and totals, its indicators by status), as plain text in the widget's
   * language; `''` until its data and texts are in, or when it shows an error. A figure the feed does
   * not have is "no data", never 0; feed text is kept as the characters it is (never markup).
   */
  get summary(): string {
    const feed = this.state.feed;
    const books = this.textBooks();
    if (!feed || this.status === 'error' || messagesReady(this.locale, books)) return '';
    if (unloadedMessages(this.locale, books).length > 0) return '';
    const text = this.safely(() => this.summaryText(feed), '');
    const empty = this.status === 'empty' ? (this.emptyMessage() ?? t(this.locale, 'empty')) : '';
    return plainText(text || empty);
  }

  /** Says what a live update changed (see `describeLiveChange`), throttled. */
  protected readonly announcer = new Announcer(this);

  /** The feed last drawn, to tell a live update from the first data. */
  private announcedFeed: Feed | undefined;

  /** Where the data comes from; `state` is its current FeedState. */
  protected readonly feedController = new FeedController(this);
  private readonly localeController = new LocaleController(this);

  /**
   * The widget's own texts (its `defineMessages` book), loaded per language: the widget renders once
   * they and core's are in for its locale.
   */
  protected static texts: readonly MessageBook<string>[] = [];

  private textBooks(): readonly MessageBook<string>[] {
    return [CORE_TEXTS, ...(this.constructor as typeof SafetyElement).texts];
  }

  /** What validation dropped that this widget would have shown: counted in a visible note. */
  protected droppedKinds: readonly (keyof FeedState['dropped'])[] = ['indicators'];
  protected droppedLabel: DroppedKind = 'indicators';

  /** The resolved locale (`zh-CN` or `en`). */
  get locale(): SupportedLocale {
    return this.localeController.locale;
  }

  /** The current data state: status, last good feed, issues, error. */
  get state(): FeedState {
    return this.feedController.state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Text follows the reader's default font size (see theme/text-size.ts).
    registerTextSize();
    // Set in the page's typeface, read from where the widget sits (see theme/page-font.ts).
    adoptPageFont(this);
    // The first formatters of a page are slow to make: make them while the feed is on its way.
    warmUpFormatters(this.locale);
    printQuery()?.addEventListener('change', this.onPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    printQuery()?.removeEventListener('change', this.onPrint);
  }

  /** Loads the data again now (for a `src` or a `<safety-feed>`). */
  refresh(): void {
    this.feedController.refresh();
  }

  /** True when the feed holds nothing this widget draws; the widget then shows its empty state. */
  protected isEmpty(_feed: Feed): boolean {
    return false;
  }

  /** Text for the empty state (defaults to the shared "No data to show"). */
  protected emptyMessage(): string | undefined {
    return undefined;
  }

  /** Lines in the loading skeleton. */
  protected skeletonLines(): number {
    return 3;
  }

  /**
   * What a live update from `previous` to `next` changed, in words a screen reader can say ("Safety
   * index 95.2, up 0.1"), or undefined when nothing the reader could perceive changed. Widgets override it.
   */
  protected describeLiveChange(_previous: Feed, _next: Feed): string | undefined {
    return undefined;
  }

  /**
   * The widget's text alternative for `feed` (see `summary`), from the same words its screen-reader
   * text is made of. Widgets override it; `''` gives the empty state's message when there is nothing to show.
   */
  protected summaryText(_feed: Feed): string {
    return '';
  }

  /** Whether the page is being printed (the `print` media query). */
  protected get printing(): boolean {
    return printQuery()?.matches === true;
  }

  /**
   * Called as the page starts or stops printing, before the printed page is laid out: a widget
   * that paints a canvas paints it again in the printed colours; one that leaves rows out draws them.
   */
  protected printChanged(): void {}

  private readonly onPrint = (): void => this.safely(() => this.printChanged(), undefined);

  /** The widget's own drawing, given a valid feed. */
  protected abstract renderContent(feed: Feed, state: FeedState): unknown;

  /** The status this widget shows: the feed's status, with `empty` when nothing here has data. */
  protected widgetStatus(state: FeedState): FeedStatus {
    const feed = state.feed;
    if (!feed) return state.status;
    if (state.status === 'ready' || state.status === 'empty') {
      return this.safely(() => this.isEmpty(feed), false) ? 'empty' : 'ready';
    }
    return state.status;
  }

  /**
   * Updates share the main thread: when many widgets update in one task, the ones after the task's
   * budget wait for a new task (see ./update-budget.ts), so that no task runs long.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    // The texts of the widget's language load per language (../locale/catalogue.ts): the page's own
    // language is on its way since the scripts loaded; another one starts loading here. A widget with
    // data waits for them (nothing is drawn, summarised or cached with texts missing); one without
    // data yet draws its loading skeleton at once, so that it holds its place on the page and nothing
    // shifts when the texts and the data come, and draws again when the texts are in.
    const texts = messagesReady(this.locale, this.textBooks());
    if (texts) {
      if (this.state.feed !== undefined || (this.data !== undefined && this.data !== null)) {
        return texts.then(() => inTurn(() => void super.scheduleUpdate()));
      }
      void texts.then(() => this.requestUpdate());
    }
    return inTurn(() => void super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Take up a new `data` (or `src`, `feed`) before the status is worked out: the controller's
    // hostUpdate comes after willUpdate, and the status would lag one update behind the render.
    this.feedController.sync();
    super.willUpdate(changed);
    const status = this.widgetStatus(this.state);
    if (status !== this.status) this.status = status;
    const feed = this.state.feed;
    if (feed) stopWarmUp();
    if (feed && feed !== this.announcedFeed) {
      const previous = this.announcedFeed;
      this.announcedFeed = feed;
      if (previous) {
        const words = this.safely(() => this.describeLiveChange(previous, feed), undefined);
        if (words) this.announcer.announce(words);
      }
    }
  }

  protected override render(): unknown {
    const state = this.state;
    const locale = this.locale;
    const missingTexts = unloadedMessages(locale, this.textBooks());
    if (missingTexts.length > 0) return renderTextsMissing(missingTexts);
    const feed = state.feed;
    if (!feed) {
      if (state.status === 'error' || state.error) {
        return renderError(state.error, locale, () => this.refresh());
      }
      const skeleton = renderLoading(locale, this.skeletonLines());
      if (state.status === 'offline') return html`${renderLiveBadges(renderOfflineBadge(locale))}${skeleton}`;
      return skeleton;
    }
    // A stale or offline feed keeps its status (and badge), but with nothing here to draw it shows
    // the empty state too rather than an empty drawing.
    const empty =
      this.status === 'empty' ||
      ((state.status === 'stale' || state.status === 'offline') &&
        this.safely(() => this.isEmpty(feed), false));
    this.liveBadgePlaced = false;
    const body = empty
      ? renderEmpty(locale, this.emptyMessage())
      : this.safely(() => this.renderContent(feed, state), undefined);
    if (body === undefined) {
      return renderError(
        {
          code: 'invalid',
          message: `${this.localName} could not draw this feed; see the console for details.`,
        },
        locale,
      );
    }
    const overlay = this.liveBadgePlaced ? nothing : this.renderBadges(state, locale);
    return html`${overlay}${body}${this.announcer.render()}${renderDroppedNote(
      droppedCount(state, this.droppedKinds),
      locale,
      state.issues,
      { kind: this.droppedLabel },
    )}${renderFooter(feed, locale)}`;
  }

  /** Set while rendering when the widget placed the stale/offline badge itself (`liveBadge()`). */
  private liveBadgePlaced = false;

  /**
   * The stale or offline badge for the current state, or nothing. A widget calls this from
   * `renderContent()` to put the badge in a line it already has (beside its "as of" date or its
   * sample-data badge), where it covers nothing and takes no new line; a widget that does not is
   * given the badge laid over its top corner instead.
   */
  protected liveBadge(): TemplateResult | typeof nothing {
    this.liveBadgePlaced = true;
    return this.statusBadge(this.state, this.locale);
  }

  private statusBadge(state: FeedState, locale: SupportedLocale): TemplateResult | typeof nothing {
    if (state.status === 'offline') return renderOfflineBadge(locale);
    if (state.status !== 'stale' || !state.feed) return nothing;
    const asOf = Date.parse(state.feed.asOf);
    const age = Number.isFinite(asOf) ? Math.max(0, Date.now() - asOf) : 0;
    return renderStaleBadge(age, locale, state.staleReason);
  }

  /** The stale and offline badges laid over the widget's top corner, for a widget that does not place them. */
  protected renderBadges(state: FeedState, locale: SupportedLocale): TemplateResult | typeof nothing {
    const badge = this.statusBadge(state, locale);
    return badge === nothing ? nothing : renderLiveBadges(badge);
  }

  /**
   * Runs widget code that reads feed data; a bug there becomes the error state and one console
   * error, never an exception in the host page.
   */
  protected safely<T, F>(fn: () => T, fallback: F): T | F {
    try {
      return fn();
    } catch (error) {
      console.error(`[safety-widgets] <${this.localName}> failed while drawing its data:`, error);
      return fallback;
    }
  }
}
