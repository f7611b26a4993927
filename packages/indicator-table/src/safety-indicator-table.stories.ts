import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { currentYantian, largeFeed, yantianFeed } from '../test/large-feed.js';
import './safety-indicator-table.js';

/** Feeds the stories set as `.data`, made on first use (not when the stories module loads). */
const DATASETS = {
  /** The Yantian sample dated now (ready, not stale). */
  current: () => currentYantian(),
  /** The sample as published, dated 2017 (stale). */
  published: () => structuredClone(yantianFeed),
  /** 5,000 synthetic indicators. */
  large: () => largeFeed(5000),
  /** No indicators. */
  empty: () => ({ ...currentYantian(), indicators: [] }),
  /** Two broken indicators among 56. */
  bad: () => {
    const feed = currentYantian() as unknown as { indicators: Record<string, unknown>[] };
    feed.indicators[3]!.value = '98%';
    feed.indicators[20]!.area = 'no-such-area';
    return feed;
  },
  /** HTML and script in the names, units and notes of the fire-safety indicators. */
  hostile: () => {
    const feed = currentYantian();
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    for (const indicator of feed.indicators.filter((i) => i.area === 'fire')) {
      indicator.name = { zh: `${evil} ${indicator.name.zh}`, en: `${evil} ${indicator.name.en}` };
      indicator.unit = { zh: '<b>起</b>', en: '<b>cases</b>' };
      indicator.note = { zh: evil, en: evil };
    }
    return feed;
  },
} as const;
type Dataset = keyof typeof DATASETS;
const made = new Map<Dataset, unknown>();
function dataset(name: Dataset | undefined): unknown {
  if (!name) return undefined;
  if (!made.has(name)) made.set(name, DATASETS[name]());
  return made.get(name);
}

type Args = {
  src?: string;
  /** Id of a `<safety-feed>` on the page. */
  feed?: string;
  /** A feed set as `.data` (see DATASETS). */
  dataset?: Dataset;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  sort?: string;
  area?: string;
  statusFilter?: string;
  query?: string;
  compact?: boolean;
  /** Width of the container in px (the card layout starts below 480). */
  width?: number;
};

/** The element inside a container of `width`, so the story can show the card layout on any screen. */
const shadow = (canvas: HTMLElement) => canvas.querySelector('safety-indicator-table')!.shadowRoot!;

/**
 * `<safety-indicator-table>` lists every indicator of a district's feed, grouped by area with the
 * area's subtotal: value with its unit, target, city average, score out of the weight, a trend
 * sparkline and the status (met, not met, no data) as icon and text as well as colour. Sort by any
 * column, filter by area and status, search by Chinese or English name, download what is shown as
 * CSV. In a container narrower than 480 px the rows become cards (whatever the screen width); more
 * than 300 rows are windowed (up to 300 the rows flow with the page). Switch language and theme in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Indicator table',
  component: 'safety-indicator-table',
  tags: ['autodocs'],
  args: { width: 1000 },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    sort: { control: 'text' },
    area: {
      control: 'select',
      options: [
        '',
        'stability',
        'public-order',
        'fire',
        'work-safety',
        'food-drug',
        'disputes',
        'community',
        'emergency',
      ],
    },
    statusFilter: { control: 'select', options: ['', 'met', 'not-met', 'no-data', 'no-target'] },
    width: { control: { type: 'range', min: 280, max: 1400, step: 20 } },
    dataset: { control: 'select', options: [undefined, ...Object.keys(DATASETS)] },
  },
  render: (args, context) =>
    html`<div style="max-width:${args.width ?? 1000}px">
      <safety-indicator-table
        src=${ifDefined(args.src)}
        feed=${ifDefined(args.feed)}
        .data=${dataset(args.dataset)}
        lang=${ifDefined(args.lang)}
        theme=${args.theme ?? (context.globals.theme === 'dark' ? 'dark' : 'light')}
        sort=${ifDefined(args.sort)}
        area=${ifDefined(args.area)}
        status-filter=${ifDefined(args.statusFilter)}
        query=${ifDefined(args.query)}
        ?compact=${args.compact ?? false}
        @safety-indicator-select=${(e: CustomEvent<{ id: string }>) => console.info('safety-indicator-select', e.detail)}
      ></safety-indicator-table>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The Yantian district sample, loaded from `src` like a page would (dated 2017, so marked stale). */
export const District: Story = {
  args: { src: 'feeds/yantian.json' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('tbody tr.row')).toHaveLength(56), {
      timeout: 10_000,
    });
  },
};

/** The same figures dated today: the ready state, no stale badge. */
export const Ready: Story = { args: { dataset: 'current' } };

/** A sub-district feed (Yantian Subdistrict). */
export const Subdistrict: Story = { args: { src: 'feeds/yantian-subdistrict.json' } };

/** Preselected area filter (`area="fire"`). */
export const FilteredByArea: Story = { args: { dataset: 'current', area: 'fire' } };

/** Sorted by score, highest first, within each area (`sort="score:desc"`). */
export const Sorted: Story = { args: { dataset: 'current', sort: 'score:desc' } };

/** Only the targets not met (`status-filter="not-met"`). */
export const NotMet: Story = { args: { dataset: 'current', statusFilter: 'not-met' } };

/** A search that matches nothing: the message and a button to clear the filters (not the empty state). */
export const NoMatch: Story = { args: { dataset: 'current', area: 'fire', query: 'no such indicator' } };

/** A 360 px container (a sidebar on a wide page): rows become cards with visible labels. */
export const CardLayout: Story = { args: { dataset: 'current', width: 360 } };

/** A wide container, compact rows. */
export const WideCompact: Story = { args: { dataset: 'current', width: 1400, compact: true } };

/** 5,000 synthetic indicators: only the rows in view are rendered; scroll, sort and filter stay smooth. */
export const FiveThousandRows: Story = {
  args: { dataset: 'large' },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await waitFor(() => expect(root.querySelectorAll('tbody tr.row').length).toBeGreaterThan(5));
    await expect(root.querySelectorAll('tbody tr.row').length).toBeLessThan(300);
  },
};

/** Dark theme. */
export const Dark: Story = { args: { dataset: 'current', theme: 'dark' } };

/** Chinese, whatever the toolbar says. */
export const Chinese: Story = { args: { dataset: 'current', lang: 'zh-CN' } };

/** English, whatever the toolbar says. */
export const English: Story = { args: { dataset: 'current', lang: 'en' } };

/** The sample as published (asOf 2017-12-04): a stale badge says how old the data is. */
export const Stale: Story = { args: { dataset: 'published' } };

/** A feed URL that does not exist: an alert with the reason and a retry button. */
export const LoadError: Story = {
  args: { src: 'feeds/missing.json' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[role="alert"]')).not.toBeNull(), {
      timeout: 10_000,
    });
  },
};

/** A valid feed with no indicators. */
export const Empty: Story = { args: { dataset: 'empty' } };

/** Loading: the skeleton while the feed's first response is awaited (here: forever; `<sw-pending-feed>` is the docs app's never-answering feed). */
export const Loading: Story = {
  args: { feed: 'pending-feed' },
  render: (args, context) =>
    html`<sw-pending-feed id="pending-feed"></sw-pending-feed>${meta.render!(args, context)}`,
};

/** A feed with two broken indicators: the other 54 are shown and a note counts the two dropped. */
export const BadData: Story = { args: { dataset: 'bad' } };

/** Keyboard and mouse: sort by score, filter to one area, search in English and in Chinese. */
export const SortFilterSearch: Story = {
  args: { dataset: 'current' },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await waitFor(() => expect(root.querySelectorAll('tbody tr.row')).toHaveLength(56));
    const score = root.querySelector<HTMLButtonElement>('button[data-sort="score"]')!;
    await userEvent.click(score);
    await waitFor(() => expect(score.closest('th')?.getAttribute('aria-sort')).toBe('ascending'));
    await userEvent.click(score);
    await waitFor(() => expect(score.closest('th')?.getAttribute('aria-sort')).toBe('descending'));
    await userEvent.selectOptions(root.querySelector('select[part~="area-filter"]')!, 'public-order');
    await waitFor(() => expect(root.querySelectorAll('tbody tr.row')).toHaveLength(9));
    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    await userEvent.type(search, 'fraud');
    await waitFor(() => expect(root.querySelectorAll('tbody tr.row')).toHaveLength(1));
    // Delete what was typed, key by key (userEvent.clear cannot focus an input inside a shadow root).
    await userEvent.type(search, '{Backspace}'.repeat('fraud'.length));
    await waitFor(() => expect(root.querySelectorAll('tbody tr.row')).toHaveLength(9));
    await userEvent.type(search, '诈骗');
    await waitFor(() => expect(root.querySelectorAll('tbody tr.row')).toHaveLength(1));
    await expect(root.querySelector('tbody tr.row')?.getAttribute('data-id')).toBe('fraud-alerts');
  },
};

/** Dark and narrow, in Chinese: the card layout in a 360 px dark sidebar. */
export const DarkCardsChinese: Story = {
  args: { dataset: 'current', theme: 'dark', lang: 'zh-CN', width: 360 },
};

/** Feed text with HTML and script in names, units and notes: shown as text, never run. */
export const HostileText: Story = { args: { dataset: 'hostile', area: 'fire' } };

/** Keyboard: Tab to the first row, ↓ to the next, Enter fires `safety-indicator-select`. */
export const RowActivation: Story = {
  args: { dataset: 'current', lang: 'en' },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await waitFor(() => expect(root.querySelectorAll('tbody tr.row')).toHaveLength(56));
    const selected: string[] = [];
    canvasElement.addEventListener('safety-indicator-select', (e) =>
      selected.push((e as CustomEvent<{ id: string }>).detail.id),
    );
    root.querySelector<HTMLElement>('tbody tr.row[tabindex="0"]')!.focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect((root.activeElement as HTMLElement | null)?.dataset.id).toBeDefined());
    const id = (root.activeElement as HTMLElement).dataset.id!;
    await userEvent.keyboard('{Enter}');
    await expect(selected).toEqual([id]);
  },
};

/**
 * A live update while the reader has sorted, filtered and focused a row: the row changes in place,
 * keeps focus, and the sort and filter stay.
 */
export const LiveUpdate: Story = {
  args: { dataset: 'current', lang: 'en', sort: 'score:desc', area: 'public-order' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('safety-indicator-table')!;
    const root = el.shadowRoot!;
    const row = () => root.querySelector<HTMLElement>('tr.row[data-id="fraud-alerts"]');
    await waitFor(() => expect(row()).not.toBeNull());
    const fraud = row()!;
    fraud.focus();
    const next = structuredClone(dataset('current')) as ReturnType<typeof currentYantian>;
    next.indicators.find((i) => i.id === 'fraud-alerts')!.value = 400;
    el.data = next;
    await waitFor(() => expect(fraud.querySelector('[part~="value-cell"]')?.textContent).toContain('400'));
    await expect(row()).toBe(fraud);
    await expect(root.activeElement).toBe(fraud);
    await expect(el.sort).toBe('score:desc');
    await expect(root.querySelectorAll('tbody[part~="group"]')).toHaveLength(1);
  },
};
