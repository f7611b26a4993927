/**
 * Theme tokens and the host reset shared by every widget.
 *
 * A widget includes both in its static styles: `static styles = [tokens, hostReset, …]`.
 * Widgets read only the private `--_*` properties; a host page themes widgets by
 * setting the public `--safety-*` properties anywhere above them (custom properties
 * inherit into shadow roots), e.g. `body { --safety-color-text: #222 }`.
 */
import { css } from 'lit';

/** Light colours; every one reads a public `--safety-color-*` override first. */
const lightColors = css`
  --_color-scheme: light;
  --_fg: var(--safety-color-text, #1b1f24);
  --_muted: var(--safety-color-muted, #57606a);
  --_surface: var(--safety-color-surface, #ffffff);
  --_surface-alt: var(--safety-color-surface-alt, #f6f8fa);
  --_border: var(--safety-color-border, #d0d7de);
  --_border-strong: var(--safety-color-border-strong, #6e7781);
  --_focus: var(--safety-color-focus, #0969da);
  --_accent: var(--safety-color-accent, #0969da);
  --_skeleton: var(--safety-color-skeleton, #e6e9ed);
  --_good: var(--safety-color-good, #1a7f37);
  --_fair: var(--safety-color-fair, #9a6700);
  --_poor: var(--safety-color-poor, #cf222e);
  --_met: var(--safety-color-met, var(--_good));
  --_not-met: var(--safety-color-not-met, var(--_poor));
  --_no-data: var(--safety-color-no-data, #6e7781);
  --_error: var(--safety-color-error, var(--_poor));
  --_warning: var(--safety-color-warning, var(--_fair));
  --_risk-red: var(--safety-color-risk-red, #c8161d);
  --_risk-orange: var(--safety-color-risk-orange, #f47920);
  --_risk-yellow: var(--safety-color-risk-yellow, #f5c400);
  --_risk-blue: var(--safety-color-risk-blue, #1c64d1);
  --_on-risk-red: var(--safety-color-on-risk-red, #ffffff);
  --_on-risk-orange: var(--safety-color-on-risk-orange, #1b1f24);
  --_on-risk-yellow: var(--safety-color-on-risk-yellow, #1b1f24);
  --_on-risk-blue: var(--safety-color-on-risk-blue, #ffffff);
  --_risk-outline: var(--safety-color-risk-outline, var(--_fg));
`;

/** Dark colours: the same public overrides, dark defaults. */
const darkColors = css`
  --_color-scheme: dark;
  --_fg: var(--safety-color-text, #e6edf3);
  --_muted: var(--safety-color-muted, #9da7b3);
  --_surface: var(--safety-color-surface, #0d1117);
  --_surface-alt: var(--safety-color-surface-alt, #161b22);
  --_border: var(--safety-color-border, #30363d);
  --_border-strong: var(--safety-color-border-strong, #6e7681);
  --_focus: var(--safety-color-focus, #4493f8);
  --_accent: var(--safety-color-accent, #4493f8);
  --_skeleton: var(--safety-color-skeleton, #21262d);
  --_good: var(--safety-color-good, #3fb950);
  --_fair: var(--safety-color-fair, #d29922);
  --_poor: var(--safety-color-poor, #f85149);
  --_no-data: var(--safety-color-no-data, #8b949e);
  --_risk-red: var(--safety-color-risk-red, #ff6b6b);
  --_risk-orange: var(--safety-color-risk-orange, #f47920);
  --_risk-yellow: var(--safety-color-risk-yellow, #f5c400);
  --_risk-blue: var(--safety-color-risk-blue, #6cb6ff);
  --_on-risk-red: var(--safety-color-on-risk-red, #0d1117);
  --_on-risk-orange: var(--safety-color-on-risk-orange, #0d1117);
  --_on-risk-yellow: var(--safety-color-on-risk-yellow, #0d1117);
  --_on-risk-blue: var(--safety-color-on-risk-blue, #0d1117);
`;

/**
 * The design tokens, as private `--_*` custom properties on `:host`:
 *
 * - type: `--_font` (the page's typeface, see page-font.ts), `--_font-size` (body text: 0.875 of the reader's
 *   default size, 14px by default, see text-size.ts), `--_font-size-xs|sm|lg|xl|xxl` (`xs` and `sm` never under
 *   12px), `--_line-height`;
 * - shape: `--_radius`, `--_space-xs|sm|md|lg|xl`, `--_focus-width`;
 * - colour: `--_fg`, `--_muted`, `--_surface`, `--_surface-alt`, `--_border`, `--_border-strong`,
 *   `--_focus`, `--_accent`, `--_skeleton`, `--_error`, `--_warning`;
 * - status: `--_good`, `--_fair`, `--_poor`, `--_met`, `--_not-met`, `--_no-data`;
 * - risk: `--_risk-red|orange|yellow|blue` (fills), `--_on-risk-*` (text on a fill, ≥ 4.5:1),
 *   `--_risk-outline` (draw every risk mark with this outline: light orange and yellow fills
 *   are below 3:1 against a light surface on their own);
 * - motion: `--_motion` (a duration; `0ms` under `prefers-reduced-motion: reduce`).
 *
 * Each reads the public `--safety-*` property of the same name first (`--_fg` reads
 * `--safety-color-text`), so the page can override any of them. Dark values apply with
 * `theme="dark"`, or `theme="auto"` when the system prefers dark, on screen (print is always light). Under
 * `forced-colors: active` every colour becomes a system colour.
 */
export const tokens = css`
  :host {
    /* The page's own typeface (--_page-font, read when the widget is connected; see page-font.ts),
       else system UI fonts; then Chinese fonts, so that CJK text never falls back to a serif. */
    --_font: var(
      --safety-font-family,
      var(--_page-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial),
      'PingFang SC',
      'Hiragino Sans GB',
      'Noto Sans CJK SC',
      'Source Han Sans SC',
      'Microsoft YaHei',
      sans-serif
    );
    /* The reader's default size (see text-size.ts): 14px body text at the browser's default 16px. */
    --_base: 1em;
    --_font-size: var(--safety-font-size, calc(var(--_base) * 0.875));
    /* Small print is never under 12px (WCAG legibility on phones; Lighthouse counts < 12px as illegible). */
    --_font-size-xs: max(12px, calc(var(--_font-size) * 11 / 14));
    --_font-size-sm: max(12px, calc(var(--_font-size) * 6 / 7));
    --_font-size-lg: calc(var(--_font-size) * 1.143);
    --_font-size-xl: calc(var(--_font-size) * 1.429);
    --_font-size-xxl: calc(var(--_font-size) * 2.286);
    --_line-height: var(--safety-line-height, 1.5);
    --_radius: var(--safety-radius, 6px);
    --_space-xs: var(--safety-space-xs, 4px);
    --_space-sm: var(--safety-space-sm, 8px);
    --_space-md: var(--safety-space-md, 12px);
    --_space-lg: var(--safety-space-lg, 16px);
    --_space-xl: var(--safety-space-xl, 24px);
    --_focus-width: var(--safety-focus-width, 2px);
    --_motion: var(--safety-motion-duration, 200ms);
    ${lightColors}
  }

  /* Chinese pages with no typeface of their own: Chinese fonts first, so that a Latin system font does
     not draw the Chinese punctuation. A page's own font is kept as it is. */
  :host(:lang(zh)) {
    --_font: var(
      --safety-font-family,
      var(
        --_page-font,
        'PingFang SC',
        'Hiragino Sans GB',
        'Noto Sans CJK SC',
        'Source Han Sans SC',
        'Microsoft YaHei',
        system-ui,
        -apple-system,
        'Segoe UI',
        Roboto,
        Arial
      ),
      'PingFang SC',
      'Hiragino Sans GB',
      'Noto Sans CJK SC',
      'Source Han Sans SC',
      'Microsoft YaHei',
      sans-serif
    );
  }

  /* Dark on screen only: a printed widget is dark text on white paper whatever its theme. */
  @media screen {
    :host([theme='dark']) {
      ${darkColors}
    }
  }

  @media screen and (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkColors}
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_motion: 0ms;
    }
  }

  /* A reader who asks for more contrast: secondary text as strong as body text, every border strong. */
  @media (prefers-contrast: more) {
    :host,
    :host([theme]) {
      --_muted: var(--_fg);
      --_border: var(--_border-strong);
    }
  }

  @media (forced-colors: active) {
    :host,
    :host([theme]) {
      --_fg: CanvasText;
      --_muted: CanvasText;
      --_surface: Canvas;
      --_surface-alt: Canvas;
      --_border: CanvasText;
      --_border-strong: CanvasText;
      --_focus: Highlight;
      --_accent: LinkText;
      --_skeleton: GrayText;
      --_good: CanvasText;
      --_fair: CanvasText;
      --_poor: CanvasText;
      --_met: CanvasText;
      --_not-met: CanvasText;
      --_no-data: GrayText;
      --_error: CanvasText;
      --_warning: CanvasText;
      --_risk-red: CanvasText;
      --_risk-orange: CanvasText;
      --_risk-yellow: CanvasText;
      --_risk-blue: CanvasText;
      --_on-risk-red: Canvas;
      --_on-risk-orange: Canvas;
      --_on-risk-yellow: Canvas;
      --_on-risk-blue: Canvas;
      --_risk-outline: CanvasText;
    }
  }
`;

/**
 * Makes a widget immune to the host page's CSS, except text spacing, which is the reader's (WCAG
 * 1.4.12: letter and word spacing set on the widget's element reach its text). `all: initial` drops
 * everything the page would otherwise pass down (custom properties are not affected by `all`, so
 * `--safety-*` overrides still arrive). Typography, colour and box-sizing are then set
 * with `!important`: an `!important` declaration in a shadow tree beats the page's, even
 * `* { all: unset }` or `!important`, so the page can change them only through the
 * `--safety-*` properties. So are `display` (through `--safety-display`, default `block`) and
 * the background (`--safety-color-surface`). Size, margin, position and visibility stay the
 * page's to set. The `hidden` attribute always hides.
 */
export const hostReset = css`
  :host {
    all: initial;
    /* Important, so that page CSS such as \`* { all: unset }\` cannot make the host inline (a
       ResizeObserver sees no size on an inline box). Pages choose the display with
       --safety-display (custom properties survive \`all\`) or hide the widget with [hidden]. */
    display: var(--safety-display, block) !important;
    contain: content;
    color-scheme: var(--_color-scheme, light);
    font-family: var(--_font) !important;
    /* The reader's default size; the shadow root's own elements get --_font-size (below). */
    font-size: medium !important;
    font-weight: 400 !important;
    font-style: normal !important;
    font-variant: normal !important;
    font-stretch: normal !important;
    line-height: var(--_line-height) !important;
    color: var(--_fg) !important;
    /* Widgets paint their own surface, so a dark widget stays legible on a light page
       (set --safety-color-surface: transparent to let the page show through). */
    background-color: var(--_surface) !important;
    /* Text spacing is the reader's (WCAG 1.4.12): not important, so spacing that a reader's tool or the
       page puts on every element (\`* { letter-spacing: 0.12em !important }\`) reaches the widget, and a
       user style sheet too; the page can also set it for widgets alone with these properties. */
    letter-spacing: var(--safety-letter-spacing, normal);
    word-spacing: var(--safety-word-spacing, normal);
    text-transform: none !important;
    text-indent: 0 !important;
    text-align: start !important;
    text-shadow: none !important;
    white-space: normal !important;
    overflow-wrap: break-word !important;
    box-sizing: border-box !important;
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }

  /* Body text for everything in the shadow root (the host itself holds the reader's default size). */
  :host > * {
    font-size: var(--_font-size);
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
  }

  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
