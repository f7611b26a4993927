import { describe, expect, it } from 'vitest';
import { dayFromYmd, isoFromDay, parseIsoDay } from './dates.js';
import { buildTimelineData, windowSum } from './timeline-data.js';
import { rawMeisha, rawYantian, valid, yantianWithoutGridSeries } from '../test/feeds.js';

const d = (iso: string) => parseIsoDay(iso)!;
const yantian = valid(rawYantian());
/** The district feed as a publisher without grid series would send it: grids counted from events. */
const eventsOnly = valid(yantianWithoutGridSeries());
const slot = (id: string) => yantian.categories.findIndex((c) => c.id === id);

describe('buildTimelineData: the sample district', () => {
  const data = buildTimelineData(yantian);

  it('takes every category from its daily series, 2014-01-01 to 2017-11-30', () => {
    expect(data.categories.map((c) => c.id)).toEqual([
      'alerts-110',
      'criminal',
      'fraud',
      'fire',
      'dispute',
      'domestic',
    ]);
    expect(data.categories.every((c) => c.basis === 'series' && c.grain === 'day')).toBe(true);
    expect(isoFromDay(data.firstDay)).toBe('2014-01-01');
    expect(isoFromDay(data.endDay - 1)).toBe('2017-11-30');
    expect(data.timeZone).toBe('Asia/Shanghai');
    expect(isoFromDay(data.asOfDay)).toBe('2017-12-04');
    // The 61 days of incidents repeat days the series already counts: not counted twice.
    expect(data.eventsCounted).toBe(0);
    expect(data.synthetic).toBe(true);
  });

  it('adds up to the published totals', () => {
    const fraud = slot('fraud');
    const fire = slot('fire');
    expect(windowSum(data, fraud, d('2016-01-01'), d('2016-07-01'))).toBe(417);
    expect(windowSum(data, fraud, d('2017-01-01'), d('2017-07-01'))).toBe(225);
    expect(windowSum(data, fire, d('2016-01-01'), d('2016-12-01'))).toBe(53);
    expect(windowSum(data, fire, d('2017-01-01'), d('2017-12-01'))).toBe(41);
    // Outside the data there is nothing, not zero.
    expect(windowSum(data, fire, d('2013-01-01'), d('2014-01-01'))).toBeNaN();
  });

  it('lists the campaign annotations in date order', () => {
    expect(data.annotations).toHaveLength(17);
    expect(data.annotations[0]!.id).toBe('note-2014-spring-festival');
    expect(isoFromDay(data.annotations[0]!.day)).toBe('2014-01-24');
    const days = data.annotations.map((a) => a.day);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
  });
});

describe('buildTimelineData: narrowing', () => {
  it('counts a sub-district from the events when the feed has no series for it', () => {
    const data = buildTimelineData(yantian, { subdistrict: 'meisha' });
    const alerts = yantian.events.filter(
      (e) => e.kind !== 'annotation' && e.subdistrict === 'meisha' && e.category === 'alerts-110',
    );
    expect(alerts.length).toBeGreaterThan(0);
    expect(data.categories[slot('alerts-110')]!.basis).toBe('events');
    expect(isoFromDay(data.firstDay)).toBe('2017-10-01');
    expect(isoFromDay(data.endDay - 1)).toBe('2017-11-30');
    expect(windowSum(data, slot('alerts-110'), data.firstDay, data.endDay)).toBe(alerts.length);
    // Annotations: district-wide ones and Meisha's own, not the Yantian sub-district's.
    const ids = data.annotations.map((a) => a.id);
    expect(ids).toContain('note-2017-dameisha-summer');
    expect(ids).not.toContain('note-2014-yantian-upgrade');
  });

  it('counts a grid from its events, with zeros on quiet days', () => {
    const data = buildTimelineData(eventsOnly, { grid: 'haishan-g07' });
    // Domestic disputes are sensitive: withheld in a grid (next test).
    const mine = yantian.events.filter(
      (e) => e.kind !== 'annotation' && e.grid === 'haishan-g07' && e.category !== 'domestic',
    );
    let total = 0;
    data.categories.forEach((_, c) => (total += windowSum(data, c, data.firstDay, data.endDay) || 0));
    expect(total).toBe(mine.length);
    expect(data.eventsCounted).toBe(mine.length);
    const fire = slot('fire');
    const fires = mine.filter((e) => e.category === 'fire').length;
    expect(windowSum(data, fire, data.firstDay, data.endDay)).toBe(fires);
  });

  it('counts a grid from its monthly series when the feed has them', () => {
    const data = buildTimelineData(yantian, { grid: 'haishan-g07' });
    const fire = slot('fire');
    const series = yantian.series.find((s) => s.grid === 'haishan-g07' && s.category === 'fire')!;
    expect(series.interval).toBe('month');
    expect(data.categories[fire]).toMatchObject({ basis: 'series', grain: 'month', withheld: false });
    expect(isoFromDay(data.firstDay)).toBe('2014-01-01');
    expect(windowSum(data, fire, data.firstDay, data.endDay)).toBe(
      series.counts.reduce((a: number, b) => a + (b ?? 0), 0),
    );
    expect(data.categories[slot('domestic')]).toMatchObject({ withheld: true, basis: 'none' });
  });

  it('withholds a sensitive category in a grid, where hiding only small counts would not be enough', () => {
    const domestic = slot('domestic');
    expect(yantian.categories[domestic]!.sensitive).toBe(true);
    const inGrid = eventsOnly.events.filter(
      (e) => e.kind === 'incident' && e.grid === 'haishan-g07' && e.category === 'domestic',
    );
    // 4 in October and 1 in November 2017: "<3" for November would be undone by the total of 5.
    expect(inGrid.map((e) => e.time.slice(0, 7))).toEqual([
      '2017-10',
      '2017-10',
      '2017-10',
      '2017-10',
      '2017-11',
    ]);
    const grid = buildTimelineData(eventsOnly, { grid: 'haishan-g07' });
    const cat = grid.categories[domestic]!;
    expect(cat).toMatchObject({ withheld: true, basis: 'none', events: 0 });
    expect(windowSum(grid, domestic, grid.firstDay, grid.endDay)).toBeNaN();
    expect(grid.categories.filter((c) => c.withheld).map((c) => c.id)).toEqual(['domestic']);
    expect(grid.scope).toBe('grid');
    // Its sub-district and the place show it.
    const sd = buildTimelineData(yantian, { subdistrict: 'haishan' });
    expect(sd.categories[domestic]).toMatchObject({ withheld: false, basis: 'events' });
    expect(sd.scope).toBe('subdistrict');
    expect(buildTimelineData(yantian).categories[domestic]).toMatchObject({
      withheld: false,
      basis: 'series',
    });
    // A grid series of a sensitive category and raw events in a grid are withheld too.
    const raw = yantianWithoutGridSeries();
    raw.series.push({
      category: 'domestic',
      interval: 'month',
      start: '2017-01-01',
      grid: 'haishan-g07',
      counts: [1, 0, 2],
      provenance: 'synthetic',
    });
    const t = Date.parse('2017-11-30T10:00:00+08:00');
    const withColumns = buildTimelineData(
      valid(raw),
      { grid: 'haishan-g07' },
      {
        time: Float64Array.of(t, t),
        category: Uint8Array.of(0, 1),
        categories: ['domestic', 'fire'],
        grid: Uint8Array.of(0, 0),
        grids: ['haishan-g07'],
      },
    );
    expect(withColumns.categories[domestic]).toMatchObject({ withheld: true, basis: 'none' });
    expect(windowSum(withColumns, slot('fire'), d('2017-11-30'), d('2017-12-01'))).toBeGreaterThanOrEqual(1);
  });

  it('uses a sub-district feed’s own series when the sub-district is the feed’s place', () => {
    const meisha = valid(rawMeisha());
    const data = buildTimelineData(meisha, { subdistrict: 'meisha' });
    expect(data.categories.every((c) => c.basis === 'series')).toBe(true);
    expect(isoFromDay(data.firstDay)).toBe('2014-01-01');
  });

  it('has no data for an unknown sub-district or grid', () => {
    for (const scope of [{ subdistrict: 'nowhere' }, { grid: 'no-such-grid' }]) {
      const data = buildTimelineData(yantian, scope);
      // The event log still spans its days (zeros), but none of its events is in scope.
      expect(data.eventsCounted).toBe(0);
    }
  });
});

describe('buildTimelineData: new events and bad data', () => {
  it('new events after the series’ last day extend the timeline', () => {
    const raw = rawYantian();
    raw.asOf = '2017-12-01T18:00:00+08:00';
    for (let i = 0; i < 5; i++) {
      raw.events.push({
        id: `new-${i}`,
        time: `2017-12-01T0${i}:15:00+08:00`,
        category: 'fraud',
        kind: 'incident',
        grid: 'meisha-g01',
        subdistrict: 'meisha',
        provenance: 'synthetic',
      });
    }
    const data = buildTimelineData(valid(raw));
    expect(isoFromDay(data.endDay - 1)).toBe('2017-12-01');
    expect(data.categories[slot('fraud')]!.basis).toBe('series+events');
    expect(windowSum(data, slot('fraud'), d('2017-12-01'), d('2017-12-02'))).toBe(5);
    // A quiet category counts zero on the new day: it is inside the event log.
    expect(windowSum(data, slot('fire'), d('2017-12-01'), d('2017-12-02'))).toBe(0);
    expect(data.eventsCounted).toBe(5);
  });

  it('leaves out (and counts) events after the feed’s date or before 1970, in any order', () => {
    const raw = rawYantian();
    raw.events.reverse();
    raw.events.push(
      {
        id: 'future',
        time: '2099-01-01T00:00:00+08:00',
        category: 'fire',
        kind: 'incident',
        provenance: 'synthetic',
      },
      {
        id: 'ancient',
        time: '1901-01-01T00:00:00+08:00',
        category: 'fire',
        kind: 'incident',
        provenance: 'synthetic',
      },
    );
    const data = buildTimelineData(valid(raw));
    expect(data.notes.outOfRange).toBe(2);
    expect(isoFromDay(data.firstDay)).toBe('2014-01-01');
    expect(isoFromDay(data.endDay - 1)).toBe('2017-11-30');
  });

  it('keeps series counts only up to the feed’s date', () => {
    const raw = rawYantian();
    raw.asOf = '2017-11-20T09:00:00+08:00';
    const data = buildTimelineData(valid(raw));
    expect(isoFromDay(data.endDay - 1)).toBe('2017-11-20');
    // 10 days × 6 series, and the events of 21–30 November.
    expect(data.notes.outOfRange).toBeGreaterThanOrEqual(60);
  });

  it('works from monthly series, and for feeds with no category list', () => {
    const data = buildTimelineData(
      valid({
        ...rawYantian(),
        categories: [],
        series: [
          {
            category: 'thefts',
            interval: 'month',
            start: '2016-01-01',
            counts: [3, null, 5],
            provenance: 'synthetic',
          },
        ],
        events: [],
      }),
    );
    expect(data.categories.map((c) => [c.id, c.basis, c.grain])).toEqual([['thefts', 'series', 'month']]);
    expect(isoFromDay(data.endDay)).toBe('2016-04-01');
    expect(windowSum(data, 0, d('2016-01-01'), d('2016-02-01'))).toBe(3);
    expect(windowSum(data, 0, d('2016-03-01'), d('2016-04-01'))).toBe(5);
    expect(windowSum(data, 0, d('2016-02-01'), d('2016-03-01'))).toBeNaN();
    // February has no data, so a total over the quarter would count it as zero: there is none.
    expect(windowSum(data, 0, d('2016-01-01'), d('2016-04-01'))).toBeNaN();
  });

  it('takes raw events from columns, narrowed by grid, reporting unknown categories', () => {
    const t = Date.parse('2017-12-02T10:00:00+08:00');
    const raw = rawYantian();
    raw.asOf = '2017-12-03T09:00:00+08:00';
    const data = buildTimelineData(
      valid(raw),
      { subdistrict: 'meisha' },
      {
        time: Float64Array.from([t, t, t, t]),
        category: Uint8Array.from([0, 1, 2, 0]),
        categories: ['fire', 'martian-invasions', 'fraud'],
        grid: Uint8Array.from([0, 0, 1, 1]),
        grids: ['meisha-g01', 'haishan-g01'],
      },
    );
    expect(data.notes.unknownCategory).toBe(1);
    expect(windowSum(data, slot('fire'), d('2017-12-02'), d('2017-12-03'))).toBe(1);
    expect(windowSum(data, slot('fraud'), d('2017-12-02'), d('2017-12-03'))).toBe(0);
  });

  it('an empty feed has an empty span', () => {
    const data = buildTimelineData(valid({ ...rawYantian(), series: [], events: [] }));
    expect(data.endDay).toBe(data.firstDay);
    expect(data.categories.every((c) => c.basis === 'none')).toBe(true);
  });

  it('dayFromYmd agrees with the feed’s dates', () => {
    expect(dayFromYmd(2014, 1, 1)).toBe(d('2014-01-01'));
  });
});

describe('buildTimelineData: missing is never zero', () => {
  const incident = (id: string, time: string, category = 'fraud') => ({
    id,
    time,
    category,
    kind: 'incident',
    grid: 'meisha-g01',
    subdistrict: 'meisha',
    provenance: 'synthetic',
  });

  /** The sample district, current at the end of 2026, with one fraud incident a day in December 2026. */
  const withDecember2026 = () => {
    const raw = rawYantian();
    raw.asOf = '2026-12-31T23:00:00+08:00';
    for (let day = 1; day <= 31; day++)
      raw.events.push(incident(`dec-${day}`, `2026-12-${String(day).padStart(2, '0')}T12:00:00+08:00`));
    return buildTimelineData(valid(raw));
  };

  it('ends the chart where the counts end when a live feed adds a few incidents years later', () => {
    const raw = rawYantian();
    raw.asOf = '2026-12-07T10:00:00+08:00';
    for (let i = 0; i < 7; i++) raw.events.push(incident(`today-${i}`, `2026-12-07T0${i}:30:00+08:00`));
    const data = buildTimelineData(valid(raw));
    // The series and the sample's event log end on 30 November 2017; nothing after is a count.
    expect(isoFromDay(data.endDay - 1)).toBe('2017-11-30');
    expect(data.notes.recordedSince).toBe(7);
    // None of them is in the chart: its counts are the series alone.
    expect(data.categories[slot('fraud')]!.basis).toBe('series');
    expect(data.eventsCounted).toBe(buildTimelineData(yantian).eventsCounted);
    const fraud = slot('fraud');
    expect(windowSum(data, fraud, d('2017-11-01'), d('2017-12-01'))).toBeGreaterThan(0);
    expect(windowSum(data, fraud, d('2018-01-01'), d('2019-01-01'))).toBeNaN();
    expect(windowSum(data, fraud, d('2017-11-01'), d('2017-12-02'))).toBeNaN();
  });

  it('charts a month of new incidents after the gap, with the years between left empty', () => {
    const data = withDecember2026();
    expect(isoFromDay(data.endDay - 1)).toBe('2026-12-31');
    expect(data.notes.recordedSince).toBe(0);
    const fraud = slot('fraud');
    expect(windowSum(data, fraud, d('2026-12-01'), d('2027-01-01'))).toBe(31);
    // A quiet category inside the new stretch of the log is a zero…
    expect(windowSum(data, slot('fire'), d('2026-12-01'), d('2027-01-01'))).toBe(0);
    // …but the nine years without a log are no data, not nine years of zeros.
    expect(windowSum(data, slot('fire'), d('2020-01-01'), d('2020-01-02'))).toBeNaN();
    expect(windowSum(data, fraud, d('2025-12-01'), d('2026-01-01'))).toBeNaN();
  });

  it('treats a long silence in an events-only log as a gap, and quiet days inside a stretch as zeros', () => {
    const raw = rawYantian();
    raw.series = [];
    raw.asOf = '2017-12-31T12:00:00+08:00';
    raw.events = [
      ...Array.from({ length: 40 }, (_, i) =>
        incident(`a-${i}`, `2017-01-${String((i % 20) + 1).padStart(2, '0')}T09:00:00+08:00`),
      ),
      incident('b-1', '2017-05-01T09:00:00+08:00'),
      incident('b-2', '2017-05-10T09:00:00+08:00', 'fire'),
      incident('b-3', '2017-05-20T09:00:00+08:00'),
    ];
    const data = buildTimelineData(valid(raw));
    const fraud = slot('fraud');
    // 1–20 January: a stretch; 20 January to 1 May is a silence of 101 days: a gap.
    expect(windowSum(data, fraud, d('2017-01-01'), d('2017-01-21'))).toBe(40);
    expect(windowSum(data, fraud, d('2017-02-01'), d('2017-03-01'))).toBeNaN();
    // 1–20 May: incidents at most 10 days apart, so the quiet days between are zeros.
    expect(windowSum(data, fraud, d('2017-05-01'), d('2017-05-21'))).toBe(2);
    expect(windowSum(data, slot('fire'), d('2017-05-02'), d('2017-05-10'))).toBe(0);
    // Neither stretch is four weeks long: the charted span ends with the last one.
    expect(isoFromDay(data.endDay - 1)).toBe('2017-05-20');
    expect(data.notes.recordedSince).toBe(0);
  });

  it('has no year-earlier comparison where the year before is a gap', () => {
    const data = withDecember2026();
    expect(windowSum(data, slot('fraud'), d('2025-12-01'), d('2026-01-01'))).toBeNaN();
  });
});
