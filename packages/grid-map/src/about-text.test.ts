import { describe, expect, it } from 'vitest';
import { mapAbout, type MapAboutInput } from './about-text.js';

const base: MapAboutInput = {
  locale: 'en',
  place: 'Yantian District',
  metric: 'Criminal cases',
  grids: 30,
  ranges: ['0–49', '50–99', '100–149', '150–200'],
  rule: 'auto',
  perTenK: false,
  hasNoData: false,
  hasSuppressed: false,
  threshold: 3,
  layers: [],
  tableButton: 'Ranked list of grids',
  list: (items) => items.join(', '),
};

describe('the map’s description block', () => {
  it('says what the map shows: the figure, its classes and their ranges', () => {
    const about = mapAbout(base);
    expect(about.what).toBe(
      'Each of the 30 grids of Yantian District is coloured by Criminal cases, in 4 classes: 0–49, 50–99, 100–149, 150–200. Classes further from the map’s background hold higher values; the legend names each range beside its colour.',
    );
    expect(about.how).toMatch(/^The breaks run in equal steps from zero to a round number/);
    expect(about.how).toContain('Rank 1 is the highest value');
    expect(about.how).toContain('“Ranked list of grids” lists every grid');
    expect(about.how).not.toContain('Per 10,000');
    expect(about.keys).toMatch(
      /^The map is one stop of the Tab key\. Arrow keys move between neighbouring grids, Enter selects/,
    );
  });

  it('explains no data, hidden counts, rates and point layers only when they occur', () => {
    const about = mapAbout({
      ...base,
      hasNoData: true,
      hasSuppressed: true,
      perTenK: true,
      rule: 'page',
      layers: ['Fire stations', 'Risk sources'],
    });
    expect(about.what).toContain(
      'A grid without this figure is dotted (“No data”): it is never a class, never counted as zero',
    );
    expect(about.what).toContain('Sensitive counts below 3 are hatched and shown as “<3”');
    expect(about.what).toContain(
      'Point layers, switched on under “Map layers”: Fire stations, Risk sources.',
    );
    expect(about.how).toMatch(
      /^The class breaks are set by this page\. Per 10,000 residents is the figure divided/,
    );
  });

  it('without any class (no grid has the figure) says only that there is no data', () => {
    const about = mapAbout({ ...base, ranges: [], grids: 1 });
    expect(about.what).toBe(
      'A grid without this figure is dotted (“No data”): it is never a class, never counted as zero and not ranked.',
    );
  });

  it('uses the singular for one grid and one class', () => {
    expect(mapAbout({ ...base, grids: 1, ranges: ['0'] }).what).toMatch(
      /^The grid of Yantian District is coloured by Criminal cases, in 1 class: 0\./,
    );
  });

  it('speaks Chinese', () => {
    const about = mapAbout({
      ...base,
      locale: 'zh-CN',
      place: '盐田区',
      metric: '刑事立案',
      rule: 'known',
      list: (i) => i.join('、'),
    });
    expect(about.what).toMatch(/^盐田区的30个网格按刑事立案着色，分为4级：0–49、50–99、100–149、150–200。/);
    expect(about.how).toMatch(/^得分或百分比一律按0–20–40–60–80–100分级。排名第1/);
    expect(about.keys).toMatch(/^地图在Tab键顺序中只占一站。方向键/);
  });
});
