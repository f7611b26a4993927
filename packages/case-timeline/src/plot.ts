/**
 * The chart's box: the focusable plot (a group named for what is counted, by what, over which
 * dates) holding the canvas Chart.js draws on, the colour probe and the tooltip, with the keyboard
 * instructions shown while it has keyboard focus. Template of the model.
 */
import { renderKeyHint } from '@safety-widgets/core';
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from './messages.js';
import { describeRange } from './text.js';
import type { TimelineViewModel } from './timeline-view-model.js';

/** What the plot calls: the keyboard and focus (the cursor) and the pointer (hover and brush). */
export interface PlotHandlers {
  keydown: (e: KeyboardEvent) => void;
  focus: (e: FocusEvent) => void;
  blur: (e: FocusEvent) => void;
  pointerdown: (e: PointerEvent) => void;
  pointermove: (e: PointerEvent) => void;
  pointerup: (e: PointerEvent) => void;
  pointercancel: (e: PointerEvent) => void;
  pointerleave: (e: PointerEvent) => void;
}

/** The plot with `tooltip` inside it; `still` (snapshot mode): a picture, not in the tab order. */
export function renderPlot(
  f: TimelineViewModel,
  tooltip: unknown,
  on: PlotHandlers,
  still = false,
): TemplateResult {
  const locale = f.locale;
  return html`<div class="plot-box">
    <div
      class="plot"
      part="chart"
      tabindex=${still ? nothing : '0'}
      role="group"
      aria-roledescription=${msg(locale, 'chart')}
      aria-label=${msg(locale, 'chartName', {
        interval: msg(locale, `unit.${f.view.interval}`),
        range: describeRange(f.a, f.b + 1, locale),
      })}
      aria-describedby="keys"
      @keydown=${on.keydown}
      @focus=${on.focus}
      @blur=${on.blur}
      @pointerdown=${on.pointerdown}
      @pointermove=${on.pointermove}
      @pointerup=${on.pointerup}
      @pointercancel=${on.pointercancel}
      @pointerleave=${on.pointerleave}
    >
      <canvas aria-hidden="true"></canvas>
      <span class="probe" aria-hidden="true"></span>
      ${tooltip}
    </div>
    ${renderKeyHint(msg(locale, 'keyHint'))}
    <span id="keys" hidden>${msg(locale, 'keysShort')}</span>
  </div>`;
}
