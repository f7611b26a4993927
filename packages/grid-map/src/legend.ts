/**
 * The legend under the map: the figure's classes with their ranges in words (and "No data" and
 * hidden counts when they occur), the layer switches behind a "Map layers" disclosure, and the
 * privacy note. A template of a plain model; the element keeps the state and the handlers.
 */
import {
  RISK_LEVELS,
  formatNumber,
  localizedTextWithLang,
  type Feed,
  type RiskLevel,
  type SupportedLocale,
} from '@safety-widgets/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { rangeLabel, type Classes } from './classes.js';
import { levelName } from './grid-text.js';
import { shapeFor } from './mark-groups.js';
import { msg } from './messages.js';
import type { LayerKind } from './points.js';
import { sensitiveThings, type GridCounter } from './privacy.js';

export interface LegendModel {
  readonly locale: SupportedLocale;
  readonly feed: Feed;
  /** The figure as the legend names it. */
  readonly title: string;
  readonly classes: Classes | undefined;
  readonly hasNoData: boolean;
  readonly hasSuppressed: boolean;
  readonly threshold: number;
  /** The figure shown is itself sensitive (the privacy note then stays in sight). */
  readonly sensitiveFigure: boolean;
  /** Ids of the point layers shown. */
  readonly shown: ReadonlySet<string>;
  /** The counters of the grids shown, when one sub-district is shown alone (its own totals). */
  readonly counters: readonly GridCounter[] | undefined;
  readonly layersOpen: boolean;
  /** Points were merged into counted marks / so many counts found no place (the legend says so). */
  readonly merged: boolean;
  readonly unlabelled: number;
  readonly onLayersToggle: (event: Event) => void;
  readonly onLayer: (id: string, on: boolean) => void;
  /** Snapshot mode: the layers shown are listed as a key, with no switches, and the privacy note is in sight. */
  readonly still?: boolean;
}

/** One list format per locale (made on first use: making one costs more than using it). */
const listFormats = new Map<SupportedLocale, Intl.ListFormat>();

/** Items as a list in the locale ("a, b, and c"; "a、b和c"). */
export function listFormat(items: readonly string[], locale: SupportedLocale): string {
  try {
    let format = listFormats.get(locale);
    if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
    return format.format(items);
  } catch {
    return items.join(', ');
  }
}

const glyph = (kind: LayerKind, level?: RiskLevel) =>
  svg`<svg class="glyph mark ${kind} ${level ?? ''}" viewBox="0 0 16 16" aria-hidden="true"><path d=${shapeFor(kind, level)}></path></svg>`;

export function renderLegend(m: LegendModel): TemplateResult {
  const { locale, classes, feed } = m;
  const sensitive = sensitiveThings(feed);
  const privacy =
    sensitive.length > 0
      ? html`<p class="privacy" part="privacy-note">
          ${msg(locale, 'privacyNote', {
            names: listFormat(
              sensitive.map((s) => localizedTextWithLang(s, locale).text),
              locale,
            ),
            n: m.threshold,
          })}
        </p>`
      : nothing;
  // The note goes with the layer switches, unless what is shown is itself sensitive (or the feed
  // has no layers): then it stays in sight.
  const privacyOutside =
    m.still ||
    feed.layers.length === 0 ||
    m.sensitiveFigure ||
    feed.layers.some((l) => l.sensitive && m.shown.has(l.id));
  return html`<div class="legend" part="legend">
    <div class="legend-block">
      <p class="legend-title" id="legend-title">${m.title}</p>
      <ul aria-labelledby="legend-title">
        ${classes?.ranges.map(
          (r) =>
            html`<li>
              <span class="swatch c${r.color}" aria-hidden="true"></span>${rangeLabel(r, classes, locale)}
            </li>`,
        )}
        ${
          m.hasNoData || !classes
            ? html`<li><span class="swatch nd" aria-hidden="true"></span>${msg(locale, 'noData')}</li>`
            : nothing
        }
        ${
          m.hasSuppressed
            ? html`<li>
                <span class="swatch sup" aria-hidden="true"></span
                >${msg(locale, 'suppressed', { n: m.threshold })}
              </li>`
            : nothing
        }
      </ul>
    </div>
    ${renderLayerSwitches(m, privacy)} ${privacyOutside ? privacy : nothing}
  </div>`;
}

/**
 * The layer switches, behind a "Map layers" disclosure (open when the page shows layers, or once
 * the reader opens it): the map and its classes come first, and the widget's height does not
 * depend on the layers' names while it loads.
 */
function renderLayerSwitches(m: LegendModel, privacy: unknown): unknown {
  const { locale, shown, still } = m;
  // A still picture lists only the layers it shows, as a key.
  const layers = still ? m.feed.layers.filter((l) => shown.has(l.id)) : m.feed.layers;
  if (layers.length === 0) return nothing;
  return html`<details
    class="legend-block layers"
    .open=${m.layersOpen || !!still}
    @toggle=${m.onLayersToggle}
  >
    <summary>
      ${msg(locale, 'layers')}${shown.size > 0 ? ` (${formatNumber(shown.size, locale)})` : ''}
    </summary>
    <fieldset class="legend-block">
      <legend class="visually-hidden">${msg(locale, 'layers')}</legend>
      <ul>
        ${layers.map((layer) => {
          const name = localizedTextWithLang(layer.name, locale).text;
          // Shown alone, a sub-district counts its own points.
          const counted = m.counters?.find((c) => c.key === `layer:${layer.id}`);
          const total = counted
            ? [...counted.counts.values()].reduce((n, c) => n + c, 0)
            : layer.points.reduce((n, p) => n + (typeof p.count === 'number' ? p.count : 1), 0);
          return html`<li>
            <label
              >${
                still
                  ? nothing
                  : html`<input
                      type="checkbox"
                      .checked=${shown.has(layer.id)}
                      @change=${(e: Event) => m.onLayer(layer.id, (e.target as HTMLInputElement).checked)}
                    />`
              }${layer.kind === 'risk-source' ? nothing : glyph(layer.kind)}${
                layer.sensitive
                  ? msg(locale, 'layerPerGrid', { name })
                  : msg(locale, 'layerCount', { name, n: total })
              }</label
            >
          </li>`;
        })}
      </ul>
      ${
        layers.some((l) => l.kind === 'risk-source' && shown.has(l.id))
          ? html`<ul aria-label=${msg(locale, 'riskLevels')}>
              ${RISK_LEVELS.map((level) => html`<li>${glyph('risk-source', level)}${levelName(level, locale)}</li>`)}
            </ul>`
          : nothing
      }
      ${m.merged ? html`<p class="legend-hint">${msg(locale, 'clusters')}</p>` : nothing}
      ${
        m.unlabelled > 0
          ? html`<p class="legend-hint">${msg(locale, 'countsHidden', { n: m.unlabelled })}</p>`
          : nothing
      }
    </fieldset>
    ${still ? nothing : privacy}
  </details>`;
}
