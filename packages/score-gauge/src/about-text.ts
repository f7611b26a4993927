/**
 * The words of the gauge's description block (core's renderAbout) and of its on-screen key hint:
 * what the index is, how it is computed (attainment, weights, grade bands), how much of it can be
 * compared with an earlier figure, and the keys of the ring. Pure, so every sentence is unit-tested.
 */
import { formatNumber, formatPercent, localizedText, type SupportedLocale } from '@safety-widgets/core';
import type { GaugeModel } from './gauge-model.js';
import { titleText } from './gauge-text.js';
import { gradeLabel } from './grades.js';
import { msg } from './messages.js';

export interface GaugeAbout {
  readonly what: string;
  readonly how: string;
  readonly keys: string;
}

/**
 * The description block's text. `interactive`: the ring is a row of controls (not in a small tile
 * or the compact layout, where it is a picture and there are no keys).
 */
export function gaugeAbout(model: GaugeModel, locale: SupportedLocale, interactive: boolean): GaugeAbout {
  const areas = model.areas.length > 0 ? model.areas : model.subtotal ? [model.subtotal] : [];
  const n = areas.reduce((sum, a) => sum + a.indicatorCount, 0);
  const params = {
    title: titleText(model, locale),
    place: localizedText(model.place, locale),
    n,
    areas: areas.length,
  };
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const sorted = [...model.bands].sort((a, b) => b.min - a.min);
  const bands = sorted
    .map((b, i) => {
      const grade = gradeLabel(b.name, locale);
      const above = sorted[i - 1];
      if (i < sorted.length - 1) return msg(locale, 'aboutBand', { grade, min: formatNumber(b.min, locale) });
      return above ? msg(locale, 'aboutBandLowest', { grade, max: formatNumber(above.min, locale) }) : grade;
    })
    .join(sep);
  const space = locale === 'zh-CN' ? '' : ' ';
  const how = [msg(locale, 'aboutHow', { bands })];
  if (model.coverage !== null && model.coverage < 1) {
    how.push(msg(locale, 'aboutCoverage', { share: formatPercent(model.coverage, locale) }));
  }
  const change = model.change;
  how.push(
    !change
      ? msg(locale, 'aboutNoEarlier')
      : change.notCompared > 0
        ? msg(locale, 'aboutCompared', { compared: change.compared, n: change.compared + change.notCompared })
        : msg(locale, 'aboutComparedAll'),
  );
  return {
    what: msg(locale, model.area ? 'aboutWhatArea' : 'aboutWhat', params),
    how: how.join(space),
    keys: msg(locale, interactive && model.areas.length > 0 ? 'aboutKeys' : 'aboutKeysNone'),
  };
}
