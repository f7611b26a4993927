import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { syntheticGridFeed } from '@safety-widgets/sample-data/synthetic';
import { feedWithGrids, freshYantianInput, squareRing, yantianInput } from '../test/fixtures.js';
import './safety-grid-map.js';

type Args = {
  src?: string;
  /** Id of a `<safety-feed>` on the page. */
  feed?: string;
  data?: unknown;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  metric?: string;
  rate?: 'count' | 'per-10k';
  subdistrict?: string;
  context?: boolean;
  layers?: string;
  privacyThreshold?: number;
  renderer?: 'auto' | 'svg' | 'canvas';
  list?: boolean;
  /** Width of the container in px. */
  width?: number;
};

/** One copy of the sample dated today, shared by the stories (widgets never change their data). */
const fresh = freshYantianInput();

const shadow = (canvas: HTMLElement) => canvas.querySelector('safety-grid-map')!.shadowRoot!;

/**
 * `<safety-grid-map>` draws a district's management grids as a choropleth of one figure (cases,
 * 110 alerts, fraud, fires, disputes… or the cases of one category in the feed), as counts or per
 * 10,000 residents, with the sub-district boundaries, the district outline, optional neighbouring
 * districts in grey, and point layers: fire stations, emergency points and risk sources graded
 * red/orange/yellow/blue with a shape per level. Sensitive layers (cameras) and categories
 * (domestic disputes) are never drawn at a point: they are counted per grid, small counts shown
 * as "<3". Hover or focus a grid for its figures; click or Enter selects it
 * (`safety-grid-select`). The map is one tab stop: arrow keys move between neighbouring grids,
 * `+`/`-`/`0` zoom (shown over the map while it has keyboard focus); ctrl + scroll or pinch zooms
 * too. "About this map" under the legend explains it; the "Ranked list of grids" button shows its
 * data table (sortable, downloadable as CSV). Past 1,500 grids it draws
 * to a canvas. Switch language and theme in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Grid map',
  component: 'safety-grid-map',
  tags: ['autodocs'],
  args: { width: 960 },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    metric: {
      control: 'select',
      options: [
        'cases',
        'alerts110',
        'fraud',
        'fires',
        'disputes',
        'cameras',
        'riskSources',
        'enterprises',
        'threeSmallVenues',
        'category:domestic',
      ],
    },
    rate: { control: 'inline-radio', options: ['count', 'per-10k'] },
    subdistrict: {
      control: 'select',
      options: ['', 'shatoujiao', 'haishan', 'yantian-subdistrict', 'meisha'],
    },
    renderer: { control: 'inline-radio', options: ['auto', 'svg', 'canvas'] },
    width: { control: { type: 'range', min: 280, max: 1400, step: 20 } },
    data: { control: false },
  },
  render: (args, context) =>
    html`<div style="max-width:${args.width ?? 960}px">
      <safety-grid-map
        src=${ifDefined(args.src)}
        feed=${ifDefined(args.feed)}
        .data=${context.loaded.data ?? args.data}
        lang=${ifDefined(args.lang)}
        theme=${args.theme ?? (context.globals.theme === 'dark' ? 'dark' : 'light')}
        metric=${ifDefined(args.metric)}
        rate=${ifDefined(args.rate)}
        subdistrict=${ifDefined(args.subdistrict || undefined)}
        ?context=${args.context ?? false}
        layers=${ifDefined(args.layers)}
        privacy-threshold=${ifDefined(args.privacyThreshold)}
        renderer=${ifDefined(args.renderer)}
        ?list=${args.list ?? false}
        @safety-grid-select=${(e: CustomEvent<{ id: string }>) => console.info('safety-grid-select', e.detail)}
      ></safety-grid-map>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The Yantian district sample, loaded from `src` like a page would (dated 2017, so marked stale). */
export const District: Story = {
  args: { src: 'feeds/yantian.json' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('path.grid')).toHaveLength(30), {
      timeout: 10_000,
    });
  },
};

/** The same figures dated today: the ready state, with the neighbouring districts for context. */
export const Ready: Story = { args: { data: fresh, context: true } };

/** One sub-district alone (`subdistrict="meisha"`). */
export const Subdistrict: Story = { args: { data: fresh, subdistrict: 'meisha' } };

/** A sub-district's own feed (Haishan), as a sub-district portal would embed it. */
export const SubdistrictFeed: Story = { args: { src: 'feeds/haishan.json' } };

/** 110 police alerts per grid. */
export const Alerts110: Story = { args: { data: fresh, metric: 'alerts110' } };

/** Fraud alerts per grid. */
export const Fraud: Story = { args: { data: fresh, metric: 'fraud' } };

/** Fires per grid. */
export const Fires: Story = { args: { data: fresh, metric: 'fires' } };

/** Disputes taken for mediation per grid. */
export const Disputes: Story = { args: { data: fresh, metric: 'disputes' } };

/** Supervised enterprises per grid (they add up to the published 1,962). */
export const Enterprises: Story = { args: { data: fresh, metric: 'enterprises', layers: '' } };

/** Criminal cases per 10,000 residents (`rate="per-10k"`). */
export const PerTenThousand: Story = { args: { data: fresh, rate: 'per-10k' } };

/** Only the risk sources, by level: red ▲, orange ◆, yellow ■, blue ●. */
export const RiskSourcesOnly: Story = { args: { data: fresh, layers: 'risk-source', metric: 'riskSources' } };

/** No point layers, as by default (`layers=""` says so explicitly): the choropleth alone. */
export const LayersOff: Story = { args: { data: fresh, layers: '' } };

/**
 * Privacy: domestic dispute alerts (a sensitive category) as the figure, and the camera layer
 * (sensitive) switched on. Neither is drawn at a point; both are counted per grid and counts below
 * 3 show as "<3" (hatched on the map, unranked in the list). The note under the legend says so.
 */
export const PrivacyNote: Story = {
  args: {
    data: fresh,
    metric: 'category:domestic',
    layers: 'camera,risk-source',
    subdistrict: 'haishan',
    list: true,
  },
};

/** 20,000 synthetic grid cells with 500 risk sources: drawn to a canvas, hit-tested with a spatial index. */
export const TwentyThousandGrids: Story = {
  // Kept out of story tests: 20,000 synthetic cells take seconds to generate and validate on a
  // loaded 2-core machine, more under axe; the grid-map benches and browser tests cover the scale.
  tags: ['skip-story-test'],
  loaders: [async () => ({ data: syntheticGridFeed(fresh, { cells: 20_000, points: 500 }) })],
  args: { layers: 'risk-source' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('canvas.paint')).not.toBeNull(), {
      timeout: 20_000,
    });
    // No element per grid: the DOM holds the controls, the marks and the first 100 rows of the table.
    await expect(shadow(canvasElement).querySelectorAll('path.grid')).toHaveLength(0);
    await expect(shadow(canvasElement).querySelectorAll('*').length).toBeLessThan(3000);
  },
};

/** Dark theme. */
export const Dark: Story = { args: { data: fresh, theme: 'dark', context: true } };

/** In Chinese. */
export const Chinese: Story = { args: { data: fresh, lang: 'zh-CN' } };

/** In English. */
export const English: Story = { args: { data: fresh, lang: 'en' } };

/** A 360 px container, as on a phone. */
export const PhoneWidth: Story = { args: { data: fresh, width: 360 } };

/** The data table shown (`list`): every grid's figure, class and rank; sortable, downloadable. */
export const RankedList: Story = { args: { data: fresh, list: true, metric: 'alerts110', rate: 'per-10k' } };

/** Data older than twice its update interval: a stale badge says how old. */
export const Stale: Story = { args: { data: yantianInput() } };

/** The feed cannot be loaded: an error with a retry button. */
export const LoadError: Story = { args: { src: 'feeds/missing.json' } };

/** Loading: the skeleton while the feed's first response is awaited (here: forever; `<sw-pending-feed>` is the docs app's never-answering feed). */
export const Loading: Story = {
  args: { feed: 'pending-feed' },
  render: (args, context) =>
    html`<sw-pending-feed id="pending-feed"></sw-pending-feed>${meta.render!(args, context)}`,
};

/** A 600 px container, as on a tablet or in a page's side column. */
export const TabletWidth: Story = { args: { data: fresh, width: 600, list: true } };

/** A feed with no grids: the empty state. */
export const Empty: Story = { args: { data: feedWithGrids([]) } };

/**
 * Bad geometry: an unclosed ring, an empty polygon and a position out of range are dropped by
 * validation (counted in a note); a polygon wound the RFC 7946 way is corrected; a bow tie is
 * drawn as given and reported; a ring without area is left out and reported.
 */
export const BadData: Story = {
  args: {
    data: feedWithGrids([
      { id: 'ok', coordinates: [squareRing(114.22, 22.58, 0.012)], metrics: { cases: 12 } },
      { id: 'rfc-7946', coordinates: [squareRing(114.3, 22.6, 0.012).reverse()], metrics: { cases: 30 } },
      { id: 'unclosed', coordinates: [squareRing(114.25, 22.6, 0.01).slice(0, 4)] },
      { id: 'empty', coordinates: [] },
      {
        id: 'out-of-range',
        coordinates: [
          [
            [200, 22],
            [201, 22],
            [201, 95],
            [200, 22],
          ],
        ],
      },
      {
        id: 'flat',
        coordinates: [
          [
            [114.25, 22.6],
            [114.26, 22.6],
            [114.27, 22.6],
            [114.25, 22.6],
          ],
        ],
      },
      {
        id: 'bow-tie',
        coordinates: [
          [
            [114.25, 22.63],
            [114.28, 22.6],
            [114.28, 22.63],
            [114.25, 22.6],
            [114.25, 22.63],
          ],
        ],
        metrics: { cases: 20 },
        name: { zh: '<b>自相交</b>网格', en: '<b>Self-crossing</b> grid' },
      },
    ]),
    list: true,
  },
};

/** Keyboard: Tab to the map, arrows to a neighbour, Enter selects, Escape clears. */
export const KeyboardNavigation: Story = {
  args: { data: fresh },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('safety-grid-map')!;
    const root = shadow(canvasElement);
    await waitFor(() => expect(root.querySelectorAll('path.grid')).toHaveLength(30), { timeout: 10_000 });
    const map = root.querySelector<HTMLElement>('[role="application"]')!;
    map.focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(root.querySelector('.tooltip')).not.toBeNull());
    const first = root.querySelector<HTMLElement>('.tooltip')!.dataset.grid;
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(root.querySelector<HTMLElement>('.tooltip')!.dataset.grid).not.toBe(first));
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(el.getAttribute('selected')).toBe(root.querySelector<HTMLElement>('.tooltip')!.dataset.grid),
    );
    await userEvent.keyboard('{ArrowDown}');
  },
};
