import { sortedRows, tableCsv } from '@safety-widgets/core';
import { describe, expect, it } from 'vitest';
import { classesFromBounds } from './classes.js';
import type { GridFigure } from './metrics.js';
import type { GridCounter } from './privacy.js';
import { rankGrids } from './ranking.js';
import { gridTableModel, tablePage, type GridTableInput } from './table.js';

const fig = (value: number | null, extra: Partial<GridFigure> = {}): GridFigure => ({
  value,
  rate: null,
  suppressed: false,
  shown: value,
  ...extra,
});

function input(over: Partial<GridTableInput> = {}): GridTableInput {
  const figures = [fig(120), fig(null), fig(40), fig(2, { suppressed: true, shown: null }), fig(120)];
  const names = ['Haishan Grid 01', 'Haishan Grid 02', 'Meisha Grid 01', 'Meisha Grid 02', 'Yantian Grid 01'];
  const cameras: GridCounter = {
    key: 'layer:cameras',
    kind: 'layer',
    id: 'cameras',
    name: { zh: '摄像头', en: 'Cameras' },
    sensitive: true,
    counts: new Map([
      ['g1', 5],
      ['g3', 1],
    ]),
  };
  return {
    locale: 'en',
    place: 'Yantian District',
    metric: 'Criminal cases',
    ids: ['g1', 'g2', 'g3', 'g4', 'g5'],
    names: names.map((text) => ({ text, lang: 'en' as const })),
    subdistricts: ['Haishan', 'Haishan', 'Meisha', 'Meisha', 'Yantian'].map((text) => ({
      text: `${text} Subdistrict`,
      lang: 'en' as const,
    })),
    figures,
    mode: 'count',
    threshold: 3,
    classes: classesFromBounds([0, 50, 100, 150, 200], [120, 40]),
    ranking: rankGrids(figures, names, 'en'),
    layers: [{ counter: cameras, name: { text: 'Cameras', lang: 'en' } }],
    subdistrictColumn: true,
    fileName: ['yantian', 'cases', '2025-06-30'],
    ...over,
  };
}

const cells = (model: ReturnType<typeof gridTableModel>) =>
  model.rows.map((row) => model.columns.map((c) => String(c.text ? c.text(row) : c.value(row))));

describe('the data table of grids', () => {
  it('lists every grid by name with its figure, class and rank, in ranked order', () => {
    const model = gridTableModel(input());
    expect(model.caption).toBe('Grids of Yantian District ranked by Criminal cases');
    expect(model.columns.map((c) => c.label)).toEqual([
      'Grid',
      'Sub-district',
      'Criminal cases',
      'Class',
      'Rank',
      'Cameras',
    ]);
    expect(cells(model)).toEqual([
      ['Haishan Grid 01', 'Haishan Subdistrict', '120', '100–149', '1', '5'],
      ['Yantian Grid 01', 'Yantian Subdistrict', '120', '100–149', '1', '<3'],
      ['Meisha Grid 01', 'Meisha Subdistrict', '40', '0–49', '3', '<3'],
      ['Meisha Grid 02', 'Meisha Subdistrict', '<3', 'Fewer than 3 (not shown)', 'Not ranked', '<3'],
      ['Haishan Grid 02', 'Haishan Subdistrict', 'No data', 'null', 'Not ranked', '<3'],
    ]);
  });

  it('never writes a missing figure as 0, nor a hidden count as its number', () => {
    const model = gridTableModel(input());
    const csv = tableCsv(model, null).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Grid,Sub-district,Criminal cases,Class,Rank,Cameras');
    // No data: empty cells, not 0; the suppressed count of 2 is "<3", never 2.
    expect(lines[5]).toBe('Haishan Grid 02,Haishan Subdistrict,,,,<3');
    expect(lines[4]).toBe('Meisha Grid 02,Meisha Subdistrict,<3,Fewer than 3 (not shown),,<3');
  });

  it('sorts by any column, missing values last both ways', () => {
    const model = gridTableModel(input());
    const byFigure = (dir: 'asc' | 'desc') =>
      sortedRows(model, { key: 'figure', dir }).map((r) => r.name.text);
    expect(byFigure('asc')).toEqual([
      'Meisha Grid 02',
      'Meisha Grid 01',
      'Haishan Grid 01',
      'Yantian Grid 01',
      'Haishan Grid 02',
    ]);
    expect(byFigure('desc').at(-1)).toBe('Haishan Grid 02');
    expect(sortedRows(model, { key: 'class', dir: 'asc' }).map((r) => r.cls)).toEqual([
      '0–49',
      '100–149',
      '100–149',
      'Fewer than 3 (not shown)',
      null,
    ]);
    expect(sortedRows(model, { key: 'grid', dir: 'desc' })[0]!.name.text).toBe('Yantian Grid 01');
  });

  it('writes rates with one decimal, and leaves the sub-district out when there is one', () => {
    const figures = [fig(82, { rate: 63.37, shown: 63.37 }), fig(10, { rate: 60, shown: 60 })];
    const model = gridTableModel(
      input({
        figures,
        ids: ['a', 'b'],
        names: [
          { text: 'A', lang: 'en' },
          { text: 'B', lang: 'en' },
        ],
        ranking: rankGrids(figures, ['A', 'B'], 'en'),
        mode: 'per-10k',
        metric: 'Criminal cases, per 10,000 residents',
        subdistrictColumn: false,
        layers: [],
        classes: classesFromBounds([0, 20, 40, 60, 80, 100], [63.37, 60]),
      }),
    );
    expect(model.columns.map((c) => c.key)).toEqual(['grid', 'figure', 'class', 'rank']);
    expect(cells(model)).toEqual([
      ['A', '63.4', '60–80', '1'],
      ['B', '60.0', '60–80', '2'],
    ]);
    expect(model.rows.map((r) => r.value)).toEqual([63.4, 60]);
  });

  it('speaks Chinese', () => {
    const model = gridTableModel(input({ locale: 'zh-CN', place: '盐田区', metric: '刑事立案' }));
    expect(model.caption).toBe('盐田区各网格刑事立案排名');
    expect(model.columns.map((c) => c.label).slice(3, 5)).toEqual(['分级', '排名']);
    expect(cells(model)[4]!.slice(2, 5)).toEqual(['无数据', 'null', '未排名']);
  });

  it('shows a page of the sorted rows of a large table, saying so', () => {
    const model = gridTableModel(input());
    expect(tablePage(model, null, 10)).toBe(model);
    const page = tablePage(model, { key: 'figure', dir: 'asc' }, 2);
    expect(page.rows.map((r) => r.name.text)).toEqual(['Meisha Grid 02', 'Meisha Grid 01']);
    expect(page.note).toBe('Showing 2 of 5 grids; the CSV file has all of them.');
    expect(tableCsv(model, null).trim().split(/\r?\n/)).toHaveLength(6);
  });
});
