/**
 * The first Intl formatter a page makes is slow (the browser loads the locale's data: 10–40 ms on
 * a 2-core machine), and a widget's first paint would wait for it. A widget connected before its
 * data arrives makes the formatters every widget needs in idle time meanwhile (while the feed is on
 * its way), once per locale per page; with data at once, they are made on first use, as before.
 */
import { whenIdle } from '../element/idle.js';
import { formatDateTime, formatNumber, formatPercent } from './format.js';
import { formatMessage } from './messages.js';
import type { SupportedLocale } from './resolve.js';

const warmed = new Set<SupportedLocale>();
/** Set once a widget draws data: from then on formatters are made on first use, in the paint's stead. */
let drawing = false;

/** Makes the locale's common formatters (numbers, percentages, dates, plural rules) when the page is idle. */
export function warmUpFormatters(locale: SupportedLocale): void {
  if (warmed.has(locale)) return;
  warmed.add(locale);
  whenIdle(
    () => {
      // Too late to be a head start: idle work now would only delay the frame after the first paint.
      if (drawing) return;
      try {
        formatNumber(1962.5, locale);
        formatPercent(0.5, locale);
        formatDateTime(0, locale, 'UTC');
        formatMessage(locale, { one: '{n}', other: '{n}' }, { n: 1 });
      } catch {
        // Only a head start: the formatters are made on first use anyway.
      }
    },
    { timeout: 2_000, minimum: 0 },
  );
}

/** Called when a widget draws data: pending warm-ups are dropped (they would fall inside its first paint). */
export function stopWarmUp(): void {
  drawing = true;
}
