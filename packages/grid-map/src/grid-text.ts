/**
 * The map's words for one grid, shared by the tooltip, the table, the live region and the
 * `safety-grid-select` event: its name (never a raw id), its sub-district, its figure ("No data",
 * never 0; "<3" for a small sensitive count), its layer counts, and the short sentence said as the
 * keyboard moves to it or selects it.
 */
import {
  RISK_CUES,
  RISK_LEVELS,
  formatNumber,
  localizedTextWithLang,
  type Feed,
  type LocalizedText,
  type RiskLevel,
  type SupportedLocale,
} from '@safety-widgets/core';
import { html } from 'lit';
import { msg, type MessageKey } from './messages.js';
import type { GridFigure, RateMode } from './metrics.js';
import { formatCount, type GridCounter } from './privacy.js';

/** Text and the language it is actually in (for `lang`). */
export interface Words {
  readonly text: string;
  readonly lang: SupportedLocale;
}

/** Rates per 10,000 residents: always one decimal, so that a column of them lines up. */
export const RATE_FORMAT: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

/**
 * A grid's name in `locale` (the other language when it has none in this one); a grid with no name
 * at all is "Unnamed grid 3" (its place in the feed), never its id.
 */
export function gridName(
  name: LocalizedText | null | undefined,
  index: number,
  locale: SupportedLocale,
): Words {
  const named = localizedTextWithLang(name, locale);
  return named.text.trim() ? named : { text: msg(locale, 'unnamedGrid', { n: index + 1 }), lang: locale };
}

/** A sub-district's name (or the district's, for grids directly under it); "Unknown sub-district" else. */
export function subdistrictName(feed: Feed, id: string, locale: SupportedLocale): Words {
  const sub = feed.subdistricts.find((s) => s.id === id);
  const named = sub
    ? localizedTextWithLang(sub.name, locale)
    : feed.place.id === id
      ? localizedTextWithLang(feed.place.name, locale)
      : undefined;
  return named?.text ? named : { text: msg(locale, 'unknownSubdistrict'), lang: locale };
}

/** A number or "No data" (never 0 for a missing value). */
export function plainValue(v: number | null | undefined, locale: SupportedLocale): string {
  return typeof v === 'number' && Number.isFinite(v) ? formatNumber(v, locale) : msg(locale, 'noData');
}

/** The figure as the map shows it: "<3" when suppressed, a rate with one decimal, or "No data". */
export function figureText(
  f: GridFigure,
  mode: RateMode,
  threshold: number,
  locale: SupportedLocale,
): string {
  if (f.suppressed) return formatCount(f.value, locale, true, threshold);
  if (mode === 'per-10k')
    return f.rate === null ? msg(locale, 'noData') : formatNumber(f.rate, locale, RATE_FORMAT);
  return plainValue(f.value, locale);
}

/** A counter's short name: the layer kind when the feed has one layer of it (layer names are long). */
export function counterName(feed: Feed, c: GridCounter, locale: SupportedLocale): Words {
  const kind = c.layerKind;
  const short = kind && kind !== 'other' && feed.layers.filter((l) => l.kind === kind).length === 1;
  return short
    ? { text: msg(locale, `kind.${kind}` as MessageKey), lang: locale }
    : localizedTextWithLang(c.name, locale);
}

/** A risk level's name ("Major risk" / "重大风险"). */
export function levelName(level: RiskLevel, locale: SupportedLocale): string {
  return locale === 'zh-CN' ? RISK_CUES[level].label.zh : RISK_CUES[level].label.en;
}

/** Layer counts (and sensitive category counts) of one grid, as tooltip lines. */
export function gridCounts(
  feed: Feed,
  counters: readonly GridCounter[],
  metricKey: string | undefined,
  id: string,
  threshold: number,
  locale: SupportedLocale,
): { label: string; value: string; lang: SupportedLocale }[] {
  const out: { label: string; value: string; lang: SupportedLocale }[] = [];
  for (const c of counters) {
    if (c.kind === 'category' && !c.sensitive) continue; // those are figures to colour by
    if (c.kind === 'category' && metricKey === c.key) continue; // already the figure above
    const name = counterName(feed, c, locale);
    const n = c.counts.get(id) ?? 0;
    let value = formatCount(n, locale, c.sensitive, threshold);
    const levels = c.byLevel?.get(id);
    if (levels && !c.sensitive && n > 0) {
      const parts = RISK_LEVELS.filter((l) => (levels[l] ?? 0) > 0).map(
        (l) => `${RISK_CUES[l].glyph}${formatNumber(levels[l] ?? 0, locale)}`,
      );
      value = `${value} (${parts.join(' ')})`;
    }
    out.push({ label: name.text, value, lang: name.lang });
  }
  return out;
}

/**
 * The table's cell for one grid and one shown layer: its count ("<3" when sensitive and small),
 * and for risk sources the count per level, glyphs for the eye and level names for the ear.
 */
export function layerCell(c: GridCounter, id: string, threshold: number, locale: SupportedLocale): unknown {
  const n = c.counts.get(id) ?? 0;
  const total = formatCount(n, locale, c.sensitive, threshold);
  const levels = c.sensitive || n === 0 ? undefined : c.byLevel?.get(id);
  if (!levels) return total;
  const parts = RISK_LEVELS.filter((l) => (levels[l] ?? 0) > 0);
  const count = (l: RiskLevel) => formatNumber(levels[l] ?? 0, locale);
  const glyphs = parts.map((l) => `${RISK_CUES[l].glyph}${count(l)}`).join(' ');
  const words = parts
    .map((l) => `${levelName(l, locale)} ${count(l)}`)
    .join(locale === 'zh-CN' ? '，' : ', ');
  return html`${total} <span aria-hidden="true">(${glyphs})</span
    ><span class="visually-hidden">(${words})</span>`;
}

/** What the live region says about a grid the keyboard moved to or selected: short, by name. */
export function gridAnnouncement(a: {
  readonly locale: SupportedLocale;
  readonly name: string;
  /** The sub-district's name, or undefined when only one sub-district is shown. */
  readonly subdistrict: string | undefined;
  readonly metric: string;
  readonly value: string;
  readonly rank: number | undefined;
  readonly ranked: number;
  readonly selected: boolean;
}): string {
  const { locale } = a;
  const place = a.subdistrict
    ? msg(locale, 'announcePlace', { name: a.name, subdistrict: a.subdistrict })
    : a.name;
  const head = a.selected
    ? msg(locale, 'announceSelected', { name: a.name })
    : `${place}${locale === 'zh-CN' ? '。' : '.'}`;
  const parts = [head];
  if (a.metric) parts.push(msg(locale, 'announceFigure', { metric: a.metric, value: a.value }));
  if (!a.selected && a.rank !== undefined)
    parts.push(msg(locale, 'announceRank', { rank: a.rank, n: a.ranked }));
  return parts.join(locale === 'zh-CN' ? '' : ' ');
}
