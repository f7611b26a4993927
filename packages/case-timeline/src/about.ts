/**
 * The timeline's description block (core's renderAbout): what is counted, how the year-earlier
 * comparison and small bases work, the events marked, where the data comes from and how fresh it
 * is, and the keyboard instructions. Pure template.
 */
import { aboutData, renderAbout, type Feed, type SupportedLocale } from '@safety-widgets/core';
import type { TemplateResult } from 'lit';
import type { Interval } from './dates.js';
import { msg } from './messages.js';

export function renderTimelineAbout(
  feed: Feed,
  place: string,
  interval: Interval,
  smallBase: number,
  locale: SupportedLocale,
): TemplateResult {
  return renderAbout({
    locale,
    what: msg(locale, 'aboutWhat', { place, interval: msg(locale, `unit.${interval}`) }),
    how: msg(locale, 'aboutHow', { smallBase }),
    data: aboutData(feed, locale),
    keys: msg(locale, 'aboutKeys'),
  });
}
