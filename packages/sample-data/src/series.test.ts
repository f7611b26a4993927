import { describe, expect, it } from 'vitest';
import { CATEGORY_MODELS } from './categories.js';
import { SERIES_DAYS, addDays, seriesIndex, sumBetween } from './dates.js';
import { EVENTS_FIRST_DAY, EVENTS_LAST_DAY } from './events.js';
import { METRICS_FIRST_DAY, METRICS_LAST_DAY } from './grid-metrics.js';
import { buildFeeds } from './index.js';

const { district, subdistricts, world } = buildFeeds();
const seriesOf = (feed: typeof district, category: string) => {
  const s = feed.series?.find(
    (x) => x.category === category && x.interval === 'day' && x.subdistrict == null && x.grid == null,
  );
  if (!s) throw new Error(`${feed.id}: no daily ${category} series`);
  return s.counts.map((n) => n ?? 0);
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('series', () => {
  it('has at least 3 years of daily counts for every category, 2014-01-01 to 2017-11-30', () => {
    expect(SERIES_DAYS[0]).toBe('2014-01-01');
    expect(SERIES_DAYS[SERIES_DAYS.length - 1]).toBe('2017-11-30');
    expect(SERIES_DAYS.length).toBe(365 + 365 + 366 + 334);
    const categories = district.categories?.map((c) => c.id) ?? [];
    expect(categories).toEqual(CATEGORY_MODELS.map((c) => c.id));
    for (const feed of [district, ...subdistricts]) {
      for (const category of categories) {
        const s = feed.series?.find((x) => x.category === category && x.grid == null);
        expect(s?.interval).toBe('day');
        expect(s?.start).toBe('2014-01-01');
        expect(s?.counts.length).toBe(SERIES_DAYS.length);
        expect(s?.counts.length).toBeGreaterThanOrEqual(3 * 365);
        expect(s?.provenance).toBe('synthetic');
        expect(s?.counts.every((n) => Number.isInteger(n) && n! >= 0)).toBe(true);
      }
    }
  });

  it('hits the published fraud and fire totals exactly', () => {
    const fraud = seriesOf(district, 'fraud');
    expect(sumBetween(fraud, '2017-01-01', '2017-06-30')).toBe(225);
    expect(sumBetween(fraud, '2016-01-01', '2016-06-30')).toBe(417);
    const fires = seriesOf(district, 'fire');
    expect(sumBetween(fires, '2017-01-01', '2017-11-30')).toBe(41);
    expect(sumBetween(fires, '2016-01-01', '2016-11-30')).toBe(53);
  });

  it('follows the published trends: 110 and criminal alerts fall every year', () => {
    for (const category of ['alerts-110', 'criminal']) {
      const s = seriesOf(district, category);
      const y2014 = sumBetween(s, '2014-01-01', '2014-11-30');
      const y2015 = sumBetween(s, '2015-01-01', '2015-11-30');
      expect(y2015, category).toBeLessThan(y2014);
      const y2016 = sumBetween(s, '2016-01-01', '2016-11-30');
      const y2017 = sumBetween(s, '2017-01-01', '2017-11-30');
      expect(y2016, category).toBeLessThan(y2015);
      expect(y2017, category).toBeLessThan(y2016);
    }
  });

  it('dips at Chinese New Year and has a weekly rhythm', () => {
    const disputes = seriesOf(district, 'dispute');
    const around = (day: string) => sumBetween(disputes, addDays(day, -3), addDays(day, 10)) / 14;
    const year = sum(disputes.slice(seriesIndex('2016-01-01'), seriesIndex('2017-01-01'))) / 366;
    expect(around('2016-02-08')).toBeLessThan(year * 0.7);
    const weekday = SERIES_DAYS.reduce(
      (s, d, i) => s + (new Date(`${d}T00:00:00Z`).getUTCDay() === 2 ? disputes[i]! : 0),
      0,
    );
    const sunday = SERIES_DAYS.reduce(
      (s, d, i) => s + (new Date(`${d}T00:00:00Z`).getUTCDay() === 0 ? disputes[i]! : 0),
      0,
    );
    expect(sunday).toBeLessThan(weekday * 0.6);
  });

  it('has monthly series per grid that add up to the district, except for sensitive categories', () => {
    const sensitive = new Set(CATEGORY_MODELS.filter((c) => c.sensitive).map((c) => c.id));
    expect(sensitive.size).toBeGreaterThan(0);
    const grids = district.grids!.features.map((g) => g.id);
    const perGrid = district.series!.filter((x) => x.grid != null);
    expect(perGrid.length).toBe(grids.length * (CATEGORY_MODELS.length - sensitive.size));
    expect(perGrid.some((x) => sensitive.has(x.category as never))).toBe(false);
    for (const x of perGrid) {
      expect(x.interval).toBe('month');
      expect(x.start).toBe('2014-01-01');
      expect(x.counts.length).toBe(12 + 12 + 12 + 11);
      expect(x.subdistrict).toBe(
        district.grids!.features.find((g) => g.id === x.grid)!.properties.subdistrict,
      );
    }
    for (const category of CATEGORY_MODELS.filter((c) => !c.sensitive).map((c) => c.id)) {
      const daily = seriesOf(district, category);
      const grids = perGrid.filter((x) => x.category === category);
      // Every month of every grid, added up, is the district's days of that month.
      const months = grids[0]!.counts.map((_, m) => sum(grids.map((g) => g.counts[m]!)));
      expect(sum(months)).toBe(sum(daily));
      expect(months[0]).toBe(sum(daily.slice(0, 31)));
      expect(months[46]).toBe(sum(daily.slice(seriesIndex('2017-11-01'))));
    }
    // A sub-district feed carries its own grids' series, the same numbers.
    for (const feed of subdistricts) {
      const own = feed.series!.filter((x) => x.grid != null);
      expect(own.length).toBeGreaterThan(0);
      for (const x of own) {
        expect(x.subdistrict).toBe(feed.id);
        const same = perGrid.find((d) => d.grid === x.grid && d.category === x.category)!;
        expect(x.counts).toEqual(same.counts);
      }
    }
  });

  it('has sub-district series that add up to the district series, day by day', () => {
    for (const category of CATEGORY_MODELS.map((c) => c.id)) {
      const total = seriesOf(district, category);
      const parts = subdistricts.map((f) => seriesOf(f, category));
      total.forEach((n, day) => expect(sum(parts.map((p) => p[day]!)), `${category} day ${day}`).toBe(n));
    }
  });

  it('gives grid metrics that are the 12-month sums of the grid series and add up to the district', () => {
    const alerts = seriesOf(district, 'alerts-110');
    const grids = district.grids!.features;
    const gridSum = sum(grids.map((g) => g.properties.metrics?.alerts110 ?? 0));
    expect(gridSum).toBe(sumBetween(alerts, METRICS_FIRST_DAY, METRICS_LAST_DAY));
    const fires = sum(grids.map((g) => g.properties.metrics?.fires ?? 0));
    expect(fires).toBe(sumBetween(seriesOf(district, 'fire'), METRICS_FIRST_DAY, METRICS_LAST_DAY));
    expect(sum(grids.map((g) => g.properties.metrics?.enterprises ?? 0))).toBe(1962);
    expect(sum(grids.map((g) => g.properties.metrics?.threeSmallVenues ?? 0))).toBe(4729);
    expect(sum(grids.map((g) => g.properties.population ?? 0))).toBe(263_000);
    for (const feed of subdistricts) {
      const population = sum(feed.grids!.features.map((g) => g.properties.population ?? 0));
      expect(population, feed.id).toBe(feed.place.population);
    }
    expect(world.territory.grids).toHaveLength(30);
  });
});

describe('events', () => {
  const incidents = district.events!.filter((e) => (e.kind ?? 'incident') === 'incident');
  const annotations = district.events!.filter((e) => e.kind === 'annotation');

  it('has at least 2,000 incidents, sorted by time, with unique ids', () => {
    expect(incidents.length).toBeGreaterThanOrEqual(2000);
    const times = district.events!.map((e) => e.time);
    expect([...times].sort()).toEqual(times);
    expect(new Set(district.events!.map((e) => e.id)).size).toBe(district.events!.length);
  });

  it('expands the last 61 days of the series exactly, in Shanghai time', () => {
    expect(EVENTS_FIRST_DAY).toBe('2017-10-01');
    expect(EVENTS_LAST_DAY).toBe('2017-11-30');
    for (const category of CATEGORY_MODELS.map((c) => c.id)) {
      const s = seriesOf(district, category);
      for (let i = seriesIndex(EVENTS_FIRST_DAY); i <= seriesIndex(EVENTS_LAST_DAY); i++) {
        const day = SERIES_DAYS[i]!;
        const n = incidents.filter((e) => e.category === category && e.time.startsWith(day)).length;
        expect(n, `${category} ${day}`).toBe(s[i]);
      }
    }
    for (const e of incidents) expect(e.time).toMatch(/^2017-1[01]-\d\dT\d\d:\d\d:00\+08:00$/);
  });

  it('places each incident in a grid of its sub-district, with no title', () => {
    const gridSubdistrict = new Map(district.grids!.features.map((g) => [g.id, g.properties.subdistrict]));
    for (const e of incidents) {
      expect(e.provenance).toBe('synthetic');
      expect(e.title ?? null).toBeNull();
      expect(gridSubdistrict.get(e.grid!)).toBe(e.subdistrict);
    }
  });

  it('splits the incidents among the sub-district feeds', () => {
    const parts = subdistricts.map((f) => f.events!.filter((e) => (e.kind ?? 'incident') === 'incident'));
    expect(sum(parts.map((p) => p.length))).toBe(incidents.length);
    subdistricts.forEach((f, i) => expect(parts[i]!.every((e) => e.subdistrict === f.id)).toBe(true));
  });

  it('marks campaigns with synthetic-dated annotations in zh and en', () => {
    expect(annotations.length).toBeGreaterThanOrEqual(10);
    for (const a of annotations) {
      expect(a.provenance).toBe('synthetic');
      expect(a.title?.zh && a.title.en).toBeTruthy();
    }
    const titles = annotations.map((a) => a.title?.en ?? '');
    expect(titles.some((t) => /19th Party Congress/.test(t))).toBe(true);
    expect(titles.some((t) => /Spring Festival/.test(t))).toBe(true);
    expect(titles.some((t) => /Dameisha/.test(t))).toBe(true);
    const meisha = subdistricts.find((f) => f.id === 'meisha')!;
    const haishan = subdistricts.find((f) => f.id === 'haishan')!;
    expect(meisha.events!.some((e) => e.id === 'note-2017-dameisha-summer')).toBe(true);
    expect(haishan.events!.some((e) => e.id === 'note-2017-dameisha-summer')).toBe(false);
    expect(haishan.events!.some((e) => e.id === 'note-2017-19th-congress')).toBe(true);
  });
});
