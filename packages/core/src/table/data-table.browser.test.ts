/// <reference types="@vitest/browser-playwright" />
import axe from 'axe-core';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostReset, tokens } from '../theme/tokens.js';
import { DataTableController, dataTableStyles, tableCsv, type DataTableModel } from './data-table.js';

interface Row {
  name: string;
  score: number | null;
}

const rows: Row[] = [
  { name: '<img src=x onerror="window.__pwned=1">', score: 2 },
  { name: 'Fire safety', score: null },
  { name: 'Traffic', score: 11.5 },
];

@customElement('data-table-test')
class DataTableTest extends LitElement {
  static override styles = [tokens, hostReset, dataTableStyles];
  @property({ attribute: false }) rows: Row[] = rows;
  readonly table = new DataTableController<Row>(this);
  get model(): DataTableModel<Row> {
    return {
      caption: 'Areas and their points',
      locale: 'en',
      fileName: ['yantian', 'areas'],
      rows: this.rows,
      columns: [
        { key: 'name', label: 'Area', value: (r) => r.name },
        { key: 'score', label: 'Points', numeric: true, value: (r) => r.score },
      ],
    };
  }
  override render() {
    return html`${this.table.render(this.model)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'data-table-test': DataTableTest;
  }
}

let el: DataTableTest;
afterEach(() => el?.remove());

async function mount(): Promise<DataTableTest> {
  el = document.createElement('data-table-test');
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const bodyRows = (e: DataTableTest) =>
  [...e.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((c) => c.textContent!.trim().replace(/\s+/g, ' ')),
  );

describe('DataTableController', () => {
  it('renders a captioned table with row headers; feed text stays text; missing is "No data"', async () => {
    const e = await mount();
    const root = e.shadowRoot!;
    expect(root.querySelector('caption')!.textContent!.trim()).toBe('Areas and their points');
    expect(root.querySelector('[role="region"]')!.getAttribute('aria-label')).toBe('Areas and their points');
    expect(root.querySelectorAll('tbody th[scope="row"]')).toHaveLength(3);
    expect(bodyRows(e)).toEqual([
      ['<img src=x onerror="window.__pwned=1">', '2'],
      ['Fire safety', 'No data'],
      ['Traffic', '11.5'],
    ]);
    expect(root.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('sorts by a header button, ascending then descending, with aria-sort and missing values last', async () => {
    const e = await mount();
    const root = e.shadowRoot!;
    const pointsButton = root.querySelectorAll<HTMLButtonElement>('thead button')[1]!;
    expect(root.querySelector('th[aria-sort]')).toBeNull();
    pointsButton.click();
    await e.updateComplete;
    expect(root.querySelectorAll('thead th')[1]!.getAttribute('aria-sort')).toBe('ascending');
    expect(bodyRows(e).map((r) => r[1])).toEqual(['2', '11.5', 'No data']);
    pointsButton.click();
    await e.updateComplete;
    expect(root.querySelectorAll('thead th')[1]!.getAttribute('aria-sort')).toBe('descending');
    expect(bodyRows(e).map((r) => r[1])).toEqual(['11.5', '2', 'No data']);
    expect(root.querySelectorAll('th[aria-sort]')).toHaveLength(1);
  });

  it('downloads the rows as shown as CSV, with an empty field for missing values', async () => {
    const e = await mount();
    e.table.sortBy('score', 'desc');
    await e.updateComplete;
    expect(tableCsv(e.model, e.table.sort)).toBe(
      '\uFEFFArea,Points\r\nTraffic,11.5\r\n"<img src=x onerror=""window.__pwned=1"">",2\r\nFire safety,\r\n',
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('yantian-areas.csv');
      expect(this.getRootNode()).toBe(e.shadowRoot);
    });
    const button = e.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!;
    expect(button.textContent!.trim()).toBe('Download CSV');
    button.click();
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('sorts once per rows, sort and locale: a re-render of the same rows (a hover) does not sort again', async () => {
    const e = await mount();
    e.table.sortBy('score', 'asc');
    await e.updateComplete;
    const sort = vi.spyOn(Array.prototype, 'sort');
    e.requestUpdate();
    await e.updateComplete;
    expect(sort).not.toHaveBeenCalled();
    e.rows = [...rows];
    await e.updateComplete;
    expect(sort).toHaveBeenCalledTimes(1);
    sort.mockRestore();
    expect(bodyRows(e).map((r) => r[1])).toEqual(['2', '11.5', 'No data']);
  });

  it('has no serious or critical axe violations', async () => {
    const e = await mount();
    const result = await axe.run(e, { resultTypes: ['violations'] });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
