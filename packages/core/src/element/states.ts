/**
 * The standard states every widget shows: loading, error, empty, and the stale,
 * offline, synthetic-data and dropped-items notes. Include `statesStyles` in the
 * widget's static styles (after `tokens` and `hostReset`).
 *
 * Feed and error text is only ever rendered through Lit expressions, which set it as
 * text: markup in a feed shows up as the characters it is made of.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ValidationIssue } from '../feed/types.js';
import type { FeedError } from '../live/types.js';
import { formatDuration } from '../locale/format.js';
import { explainError, t } from '../locale/messages.js';
import type { SupportedLocale } from '../locale/resolve.js';

/* Icons: 16 × 16, drawn in currentColor, hidden from assistive technology (the text says it all). */
const iconAlert = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path
    d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM7.25 4.5h1.5v4.5h-1.5Zm0 5.75h1.5v1.5h-1.5Z"
  ></path>
</svg>`;
const iconWarning = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M8 1 15.5 14.5H.5Zm0 3L3 13h10ZM7.25 6.5h1.5v3.5h-1.5Zm0 4.5h1.5v1.5h-1.5Z"></path>
</svg>`;
const iconClock = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path
    d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM7.25 4h1.5v3.69l2.28 2.28-1.06 1.06-2.72-2.72Z"
  ></path>
</svg>`;
const iconOffline = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path
    d="M1.7.64 15.36 14.3l-1.06 1.06-2.6-2.6H4a3.5 3.5 0 0 1-.86-6.9l-2.5-2.5Zm2.97 5.97H4a2 2 0 0 0 0 4h6.2ZM8 2.5a5 5 0 0 1 4.9 4.03A3.25 3.25 0 0 1 15 12.3l-1.1-1.1a1.75 1.75 0 0 0-1.4-3.2h-.75l-.1-.73A3.5 3.5 0 0 0 6.3 4.2L5.23 3.14A4.98 4.98 0 0 1 8 2.5Z"
  ></path>
</svg>`;
const iconInfo = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path
    d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM7.25 7h1.5v4.5h-1.5Zm0-2.75h1.5v1.5h-1.5Z"
  ></path>
</svg>`;

/** Text of any value, for values that reached us from a feed or a script and may not be strings. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/**
 * The loading state: a skeleton (`aria-busy="true"`, `part="state skeleton"`) with
 * "Loading safety data…" for screen readers. `lines` sets how many grey bars it shows.
 */
export function renderLoading(locale: SupportedLocale, lines = 3): TemplateResult {
  const bars = Array.from({ length: Math.max(1, Math.min(12, Math.floor(lines) || 1)) }, (_, i) => i);
  return html`<div class="state skeleton" part="state skeleton" aria-busy="true">
    <span class="visually-hidden" role="status">${t(locale, 'loading')}</span>
    ${bars.map((i) => html`<span class="bone ${i === 0 ? 'bone-title' : ''}" aria-hidden="true"></span>`)}
  </div>`;
}

/**
 * The error state: inside `role="alert"`, "Could not load safety data", what the error
 * means for the reader (`explainError`) and the developer's `message` (`part="error-detail"`,
 * marked `lang="en"`; hide it with `::part(error-detail)` if you must). With `onRetry`, a
 * Retry button (`part="retry"`).
 */
export function renderError(
  error: Pick<FeedError, 'code' | 'message' | 'httpStatus'> | null | undefined,
  locale: SupportedLocale,
  onRetry?: (event: Event) => void,
): TemplateResult {
  const detail = asText(error?.message).trim();
  return html`<div class="state error" part="state error">
    <div class="alert" role="alert">
      ${iconAlert}
      <div class="text">
        <p class="title">${t(locale, 'errorTitle')}</p>
        <p class="explanation">${explainError(error, locale)}</p>
        ${detail ? html`<p class="detail" part="error-detail" lang="en">${detail}</p>` : nothing}
      </div>
    </div>
    ${
      onRetry
        ? html`<button type="button" class="retry" part="retry" data-interactive @click=${onRetry}>
            ${t(locale, 'retry')}
          </button>`
        : nothing
    }
  </div>`;
}

/**
 * The error shown when a widget's texts could not be loaded in either language (see
 * ../locale/catalogue.ts): with no catalogue to draw from it says so in both languages, naming the
 * packages whose texts are missing and what to check.
 */
export function renderTextsMissing(packages: readonly string[]): TemplateResult {
  return html`<div class="state error" part="state error">
    <div class="alert" role="alert">
      ${iconAlert}
      <div class="text">
        <p class="title" lang="en">This widget's texts could not be loaded.</p>
        <p class="title" lang="zh-CN">组件的文字无法加载。</p>
        <p class="detail" part="error-detail" lang="en">
          Missing: the texts of ${packages.join(', ')}. Check that the chunks/ folder is served next to the
          widget's script and allowed by the page's Content-Security-Policy, then reload the page.
        </p>
      </div>
    </div>
  </div>`;
}

/** The empty state: "There is no data to show", or `message` (shown as text). */
export function renderEmpty(locale: SupportedLocale, message?: string): TemplateResult {
  const text = asText(message).trim() || t(locale, 'empty');
  return html`<div class="state empty" part="state empty" role="status">
    ${iconInfo}
    <p>${text}</p>
  </div>`;
}

/**
 * A badge saying how old the data is ("Data is 3 hours old", clock icon,
 * `part="badge stale"`). With `reason: 'refresh-failed'` it also says updates are failing.
 */
export function renderStaleBadge(
  ageMs: number,
  locale: SupportedLocale,
  reason?: 'age' | 'refresh-failed',
): TemplateResult {
  const age = formatDuration(Math.max(0, ageMs), locale);
  const text =
    reason === 'refresh-failed' ? t(locale, 'staleRefreshFailed', { age }) : t(locale, 'stale', { age });
  return html`<span class="badge stale" part="badge stale" data-interactive
    >${iconClock}<span>${text}</span></span
  >`;
}

/** A badge saying the browser is offline and the last data received is shown (`part="badge offline"`). */
export function renderOfflineBadge(locale: SupportedLocale): TemplateResult {
  return html`<span class="badge offline" part="badge offline" data-interactive
    >${iconOffline}<span>${t(locale, 'offline')}</span
    ><span class="visually-hidden">${t(locale, 'offlineDetail')}</span></span
  >`;
}

/**
 * Where the stale and offline badges go: laid over the widget's top inline-end corner
 * (`part="live-badges"`), so that a feed going stale or offline never moves the widget or the page
 * around it. The host's layout containment makes it the containing block.
 */
export function renderLiveBadges(badge: TemplateResult): TemplateResult {
  return html`<div class="live-badges" part="live-badges" data-interactive>${badge}</div>`;
}

/** A badge saying the data is a sample, partly synthetic (`part="badge synthetic"`). */
export function renderSyntheticBadge(locale: SupportedLocale): TemplateResult {
  return html`<span class="badge synthetic" part="badge synthetic"
    >${iconInfo}<span>${t(locale, 'synthetic')}</span></span
  >`;
}

/** What was dropped, for the wording of `renderDroppedNote`. */
export type DroppedKind = 'indicators' | 'grids' | 'events' | 'items';

/** Options of `renderDroppedNote`. */
export interface DroppedNoteOptions {
  /** What was dropped (default `indicators`). */
  kind?: DroppedKind;
  /** How many issues to list (default 5); the rest are counted. */
  maxIssues?: number;
}

function issueText(issue: ValidationIssue): string {
  const message = asText(issue.message).trim();
  const path = asText(issue.path).trim();
  if (!message) return path;
  return path && path !== '$' && !message.startsWith(path) ? `${path}: ${message}` : message;
}

/**
 * "3 indicators could not be shown because the feed had problems." (`part="note dropped"`),
 * with a collapsed list of the first issues' messages (they are written for the feed's
 * producer, in English). Renders nothing for a count of 0.
 */
export function renderDroppedNote(
  count: number,
  locale: SupportedLocale,
  issues: readonly ValidationIssue[] = [],
  options: DroppedNoteOptions = {},
): TemplateResult | typeof nothing {
  if (!Number.isFinite(count) || count <= 0) return nothing;
  const max = Math.max(1, Math.floor(options.maxIssues ?? 5));
  const listed = issues.slice(0, max);
  const more = issues.length - listed.length;
  return html`<div class="note dropped" part="note dropped">
    ${iconWarning}
    <div class="text">
      <p>${t(locale, `dropped.${options.kind ?? 'indicators'}`, { n: Math.round(count) })}</p>
      ${
        listed.length > 0
          ? html`<details>
              <summary>${t(locale, 'droppedDetails')}</summary>
              <ul>
                ${listed.map((issue) => html`<li lang="en">${issueText(issue)}</li>`)}
              </ul>
              ${more > 0 ? html`<p>${t(locale, 'droppedMore', { n: more })}</p>` : nothing}
            </details>`
          : nothing
      }
    </div>
  </div>`;
}

/**
 * Styles of the states. Parts: `state` (every state box) with `skeleton`, `error` or
 * `empty`; `error-detail`; `retry`; `badge` with `stale`, `offline` or `synthetic`; `live-badges`
 * (the corner the stale and offline badges sit in);
 * `note` with `dropped`. Also the `.visually-hidden` utility.
 */
export const statesStyles = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  .icon {
    flex: none;
    width: 1em;
    height: 1em;
    fill: currentColor;
    vertical-align: -0.125em;
  }

  .state {
    display: flex;
    gap: var(--_space-sm);
    padding: var(--_space-lg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
  }

  .state p,
  .note p {
    margin: 0;
  }

  .skeleton {
    position: relative;
    flex-direction: column;
    min-height: 6em;
  }

  .bone {
    display: block;
    height: 0.9em;
    width: 100%;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
    animation: safety-pulse 1.4s ease-in-out infinite alternate;
  }

  .bone:nth-of-type(3n + 2) {
    width: 80%;
  }

  .bone:nth-of-type(3n) {
    width: 60%;
  }

  .bone-title {
    height: 1.6em;
    width: 40%;
  }

  @keyframes safety-pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.45;
    }
  }

  .error {
    flex-direction: column;
    align-items: flex-start;
    border-color: var(--_error);
    border-inline-start-width: 4px;
  }

  .alert {
    display: flex;
    gap: var(--_space-sm);
  }

  .alert > .icon {
    color: var(--_error);
    margin-top: 0.2em;
  }

  .text {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    min-width: 0;
  }

  .title {
    font-weight: 600;
  }

  .detail {
    color: var(--_muted);
    font-size: var(--_font-size-sm);
    overflow-wrap: anywhere;
  }

  .retry {
    min-height: 32px;
    padding: var(--_space-xs) var(--_space-md);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_fg);
    cursor: pointer;
  }

  .retry:hover {
    border-color: var(--_fg);
  }

  .empty {
    align-items: center;
    color: var(--_muted);
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: 2px var(--_space-sm);
    border: 1px solid var(--_border-strong);
    border-radius: 999px;
    background: var(--_surface-alt);
    color: var(--_fg);
    font-size: var(--_font-size-sm);
    line-height: 1.4;
  }

  .live-badges {
    position: absolute;
    inset-block-start: var(--_space-xs);
    inset-inline-end: var(--_space-xs);
    z-index: 2;
    max-inline-size: calc(100% - 2 * var(--_space-xs));
    pointer-events: none;
  }

  .live-badges > .badge {
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.2);
  }

  .stale > .icon {
    color: var(--_warning);
  }

  .note {
    display: flex;
    gap: var(--_space-sm);
    padding: var(--_space-sm) var(--_space-md);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_warning);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_fg);
    font-size: var(--_font-size-sm);
  }

  .note > .icon {
    color: var(--_warning);
    margin-top: 0.2em;
  }

  .note summary {
    cursor: pointer;
    color: var(--_accent);
  }

  .note ul {
    margin: var(--_space-xs) 0;
    padding-inline-start: 1.25em;
    overflow-wrap: anywhere;
  }

  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .state,
    .badge,
    .note,
    .retry {
      border: 1px solid CanvasText;
    }

    .bone {
      forced-color-adjust: none;
      background: GrayText;
    }

    .icon {
      fill: CanvasText;
    }
  }
`;
