/**
 * The gauge's data table (Chartability: every chart has a table): one row per area with its points
 * earned and possible, grade, share of the change and how many of its indicators have data. An area
 * none of whose indicators has data says "No data" for its points and grade, never 0. Pure: the
 * element hands the model to core's DataTableController, which sorts, renders and writes the CSV.
 */
import {
  localizedText,
  t,
  type DataColumn,
  type DataTableModel,
  type SupportedLocale,
} from '@safety-widgets/core';
import type { GaugeArea, GaugeModel } from './gauge-model.js';
import { comparedNote, formatChange, formatPoints, titleText } from './gauge-text.js';
import { gradeLabel } from './grades.js';
import { msg } from './messages.js';

/** Scored indicators of an area: those with data. */
export const withData = (a: GaugeArea): number => a.compared + a.notCompared;

/** The table of the areas behind the gauge (with `area`, the one area shown). */
export function areaTable(model: GaugeModel, locale: SupportedLocale): DataTableModel<GaugeArea> {
  const rows = model.areas.length > 0 ? model.areas : model.subtotal ? [model.subtotal] : [];
  const noData = t(locale, 'noData');
  const earned = (a: GaugeArea) => (a.index === null ? null : Math.round(a.score * 10) / 10);
  const change = model.change;
  const columns: DataColumn<GaugeArea>[] = [
    { key: 'area', label: msg(locale, 'colArea'), value: (a) => localizedText(a.name, locale) },
    {
      key: 'earned',
      label: msg(locale, 'colEarned'),
      numeric: true,
      value: earned,
      text: (a) => (a.index === null ? noData : formatPoints(a.score, locale)),
    },
    {
      key: 'possible',
      label: msg(locale, 'colPossible'),
      numeric: true,
      value: (a) => Math.round(a.max * 10) / 10,
      text: (a) => formatPoints(a.max, locale),
    },
    {
      key: 'grade',
      label: msg(locale, 'colGrade'),
      value: (a) => (a.grade === null ? null : gradeLabel(a.grade, locale)),
    },
    {
      key: 'change',
      label: msg(locale, 'colChange'),
      numeric: true,
      // Missing is never a change of 0: no earlier figure is said in words and sorts last.
      value: (a) => (change && a.contribution !== null ? Math.round(a.contribution * 10) / 10 : null),
      text: (a) =>
        change && a.contribution !== null ? formatChange(a.contribution, locale) : msg(locale, 'noEarlier'),
    },
    { key: 'with-data', label: msg(locale, 'colWithData'), numeric: true, value: withData },
    { key: 'indicators', label: msg(locale, 'colIndicators'), numeric: true, value: (a) => a.indicatorCount },
  ];
  const note = comparedNote(change, locale);
  return {
    caption: msg(locale, 'tableCaption', {
      title: titleText(model, locale),
      place: localizedText(model.place, locale),
    }),
    columns,
    rows,
    locale,
    fileName: ['safety-index-areas', model.placeId ?? '', model.area?.id ?? '', model.asOf.slice(0, 10)],
    ...(note ? { note } : {}),
  };
}
