/**
 * Events: the last 61 days of the daily series (1 October – 30 November 2017) expanded into
 * single timestamped incidents, each in the grid the count was allocated to, so events and
 * series agree exactly over that window. Incidents carry no title and nothing about any person.
 *
 * Plus annotation events marking campaigns and operations on the timeline. Their dates are
 * synthetic (the article names the campaigns, not the days), and so is every incident.
 */
import type { CategoryId } from './categories.js';
import { SERIES_DAYS, UTC_OFFSET, seriesIndex } from './dates.js';
import type { LocalizedName, SubdistrictId } from './places.js';
import { rng } from './random.js';
import type { CategoryCounts } from './series.js';
import type { Grid } from './territory.js';

/** First and last day expanded into incident events. */
export const EVENTS_FIRST_DAY = '2017-10-01';
export const EVENTS_LAST_DAY = SERIES_DAYS[SERIES_DAYS.length - 1]!;

export interface EventData {
  id: string;
  time: string;
  category: CategoryId;
  kind: 'incident' | 'annotation';
  grid?: string;
  subdistrict?: SubdistrictId;
  title?: LocalizedName;
  provenance: 'synthetic';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Incident events for the window, sorted by time; ids `ev-00001`… in that order. */
export function buildIncidentEvents(
  grids: readonly Grid[],
  counts: ReadonlyMap<CategoryId, CategoryCounts>,
  seed?: number,
): EventData[] {
  const random = rng('events', seed);
  const rows: { time: string; category: CategoryId; grid: Grid; order: number }[] = [];
  const first = seriesIndex(EVENTS_FIRST_DAY);
  const last = seriesIndex(EVENTS_LAST_DAY);
  for (const { model, byGrid } of counts.values()) {
    for (let d = first; d <= last; d++) {
      const day = SERIES_DAYS[d]!;
      grids.forEach((grid, g) => {
        for (let k = 0; k < byGrid[g]![d]!; k++) {
          const hour = random.weighted(model.hours);
          const minute = random.int(0, 59);
          rows.push({
            time: `${day}T${pad2(hour)}:${pad2(minute)}:00${UTC_OFFSET}`,
            category: model.id,
            grid,
            order: rows.length,
          });
        }
      });
    }
  }
  rows.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.order - b.order));
  return rows.map((row, i) => ({
    id: `ev-${String(i + 1).padStart(5, '0')}`,
    time: row.time,
    category: row.category,
    kind: 'incident',
    grid: row.grid.id,
    subdistrict: row.grid.subdistrict,
    provenance: 'synthetic',
  }));
}

interface AnnotationDef {
  id: string;
  date: string;
  category: CategoryId;
  subdistrict?: SubdistrictId;
  title: LocalizedName;
}

/**
 * Campaigns and operations. What happened comes from the article or is routine for a Chinese
 * district (holiday security operations); every date is synthetic.
 */
// prettier-ignore
const ANNOTATIONS: readonly AnnotationDef[] = [
  { id: 'note-2014-spring-festival', date: '2014-01-24', category: 'alerts-110', title: { zh: '2014年春节安保行动', en: '2014 Spring Festival security operation' } },
  { id: 'note-2014-yantian-upgrade', date: '2014-03-01', category: 'alerts-110', subdistrict: 'yantian-subdistrict', title: { zh: '盐田街道片区三年综合提升行动启动（区政府一号文件）', en: 'Three-year upgrade of the Yantian Subdistrict area begins (district document No. 1)' } },
  { id: 'note-2015-spring-festival', date: '2015-02-10', category: 'alerts-110', title: { zh: '2015年春节安保行动', en: '2015 Spring Festival security operation' } },
  { id: 'note-2015-micro-fire-stations', date: '2015-05-01', category: 'fire', title: { zh: '微型消防站和应急消防点投入使用', en: 'Micro fire stations and emergency fire points in service' } },
  { id: 'note-2016-spring-festival', date: '2016-01-30', category: 'alerts-110', title: { zh: '2016年春节安保行动', en: '2016 Spring Festival security operation' } },
  { id: 'note-2016-model-district', date: '2016-06-20', category: 'alerts-110', title: { zh: '区第五次党代会提出率先创建平安建设示范区', en: 'District Party congress sets the goal of a model safe district' } },
  { id: 'note-2016-anti-fraud', date: '2016-09-01', category: 'fraud', title: { zh: '反电信诈骗"蓝马甲"宣传队组建', en: 'Anti-telecom-fraud "Blue Vest" publicity team formed' } },
  { id: 'note-2017-spring-festival', date: '2017-01-20', category: 'alerts-110', title: { zh: '2017年春节安保行动', en: '2017 Spring Festival security operation' } },
  { id: 'note-2017-anti-fraud-month', date: '2017-03-15', category: 'fraud', title: { zh: '反电信诈骗宣传月', en: 'Anti-telecom-fraud publicity month' } },
  { id: 'note-2017-work-safety', date: '2017-04-10', category: 'fire', title: { zh: '安全生产12项整治行动和"拉网排雷"', en: 'Twelve work-safety campaigns and hazard sweep' } },
  { id: 'note-2017-labour-conference', date: '2017-06-16', category: 'dispute', title: { zh: '全国构建和谐劳动关系综合试验区经验交流会在盐田召开', en: 'National conference on harmonious labour relations held in Yantian' } },
  { id: 'note-2017-dameisha-summer', date: '2017-07-01', category: 'alerts-110', subdistrict: 'meisha', title: { zh: '大梅沙暑期海滨安保行动', en: 'Dameisha summer beach security operation' } },
  { id: 'note-2017-national-day', date: '2017-09-28', category: 'alerts-110', title: { zh: '国庆中秋安保行动', en: 'National Day and Mid-Autumn security operation' } },
  { id: 'note-2017-19th-congress', date: '2017-10-10', category: 'alerts-110', title: { zh: '党的十九大安保维稳', en: 'Security period for the 19th Party Congress' } },
  { id: 'note-2017-fire-campaign', date: '2017-11-01', category: 'fire', title: { zh: '冬季火灾防控专项行动', en: 'Winter fire-prevention campaign' } },
  { id: 'note-2017-safe-community', date: '2017-11-15', category: 'alerts-110', title: { zh: '安全文明小区、社区、街道创建验收', en: 'Safe community acceptance inspections' } },
  { id: 'note-2017-national-award', date: '2017-11-28', category: 'alerts-110', title: { zh: '获评"全国平安建设先进区"', en: 'Named a national advanced district for safety building' } },
];

/** Annotation events, 09:00 on their (synthetic) dates. */
export function buildAnnotationEvents(): EventData[] {
  return ANNOTATIONS.map((a) => ({
    id: a.id,
    time: `${a.date}T09:00:00${UTC_OFFSET}`,
    category: a.category,
    kind: 'annotation',
    ...(a.subdistrict ? { subdistrict: a.subdistrict } : {}),
    title: a.title,
    provenance: 'synthetic',
  }));
}

/** Days of the event window, for tests and docs. */
export function eventWindowDays(): number {
  return seriesIndex(EVENTS_LAST_DAY) - seriesIndex(EVENTS_FIRST_DAY) + 1;
}
