import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import yantian from '@safety-widgets/sample-data/feeds/yantian.json';
import './safety-case-timeline.js';
import type { EventColumns } from './bin-events.js';
import type { SafetyCaseTimeline } from './safety-case-timeline.element.js';
import { millionEvents, tenYearFeed } from '../test/synthetic.js';

type Args = {
  src?: string;
  data?: unknown;
  eventColumns?: EventColumns;
  interval?: 'day' | 'week' | 'month' | 'year';
  yoy?: boolean;
  start?: string;
  end?: string;
  subdistrict?: string;
  grid?: string;
  categories?: string;
  showTable?: boolean;
  smallBase?: number;
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
  feed?: string;
  /** Width of the box around the widget (CSS). */
  width?: string;
};

/** The sample feed, dated now, so it is current rather than stale. */
function current(): Record<string, unknown> {
  return { ...structuredClone(yantian), asOf: new Date().toISOString() };
}

/** A sample feed with the problems real feeds have. */
function badFeed(): Record<string, unknown> {
  const raw = current() as { events: Record<string, unknown>[]; series: Record<string, unknown>[] };
  raw.events.reverse();
  const incident = raw.events.find((e) => e.kind === 'incident')!;
  raw.events.push(
    { ...incident },
    {
      id: 'future',
      time: '2031-01-01T00:00:00+08:00',
      category: 'fire',
      kind: 'incident',
      provenance: 'synthetic',
    },
    {
      id: 'old',
      time: '1950-01-01T00:00:00+08:00',
      category: 'fire',
      kind: 'incident',
      provenance: 'synthetic',
    },
    {
      id: 'ufo',
      time: '2017-11-02T00:00:00+08:00',
      category: 'ufo-sightings',
      kind: 'incident',
      provenance: 'synthetic',
    },
    {
      id: 'markup',
      time: '2017-11-20T09:00:00+08:00',
      category: 'fire',
      kind: 'annotation',
      title: { zh: '<b>标注</b><script>alert(1)</script>', en: '<img src=x onerror=alert(1)> shown as text' },
      provenance: 'synthetic',
    },
  );
  raw.series.push({
    category: 'fire',
    interval: 'week',
    start: '2016-01-04',
    counts: [1, -3, 2],
    provenance: 'synthetic',
  });
  return raw;
}

const timeline = (args: Args, theme: string | undefined) =>
  html`<safety-case-timeline
    src=${ifDefined(args.src)}
    feed=${ifDefined(args.feed)}
    .data=${args.data}
    .eventColumns=${args.eventColumns}
    interval=${ifDefined(args.interval)}
    ?yoy=${args.yoy}
    start=${ifDefined(args.start)}
    end=${ifDefined(args.end)}
    subdistrict=${ifDefined(args.subdistrict)}
    grid=${ifDefined(args.grid)}
    categories=${ifDefined(args.categories)}
    ?show-table=${args.showTable}
    small-base=${ifDefined(args.smallBase)}
    theme=${ifDefined(args.theme ?? theme)}
    lang=${ifDefined(args.lang)}
  ></safety-case-timeline>`;

/**
 * How case counts move over time — 110 alerts, criminal cases, fraud alerts, fires, disputes —
 * per day, week, month or year, with the same period a year earlier (dashed), campaign markers
 * on the time axis (▲), a date range, a keyboard cursor with announced values, a text summary
 * and a data-table twin. Drawn with Chart.js (line chart on a linear axis, decimated).
 *
 * The sample is Yantian District (盐田区), Shenzhen: daily series 2014-01-01 – 2017-11-30 (the
 * fraud and fire totals are the published ones; the rest is synthetic), incidents of the last
 * 61 days with their grid, and campaign annotations. Switch locale and theme in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Case timeline',
  component: 'safety-case-timeline',
  tags: ['autodocs'],
  args: { src: 'feeds/yantian.json', width: '100%' },
  argTypes: {
    interval: { control: 'inline-radio', options: ['day', 'week', 'month', 'year'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    yoy: { control: 'boolean' },
    showTable: { control: 'boolean' },
    data: { control: false },
    eventColumns: { control: false },
  },
  render: (args, { globals }) =>
    html`<div style="max-width:${args.width ?? '100%'}">
      ${timeline(args, globals.theme as string | undefined)}
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

function widget(canvasElement: HTMLElement): SafetyCaseTimeline {
  return canvasElement.querySelector('safety-case-timeline')!;
}

async function ready(el: SafetyCaseTimeline): Promise<ShadowRoot> {
  await waitFor(() => expect(['ready', 'stale']).toContain(el.status), { timeout: 10_000 });
  await waitFor(() => expect(el.shadowRoot!.querySelector('canvas')!.width).toBeGreaterThan(0));
  return el.shadowRoot!;
}

/**
 * The sample district, current: every category by month. Try the legend (click, or Tab and
 * Space), the interval, the comparison and the dates; focus the chart and use the arrow keys.
 * The play function toggles a category with the keyboard and walks the cursor.
 */
export const SampleDistrict: Story = {
  args: { src: undefined, data: current() },
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    const root = await ready(el);
    const fire = root.querySelector<HTMLButtonElement>('.legend button[data-category="fire"]')!;
    fire.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(fire.getAttribute('aria-pressed')).toBe('false'));
    await userEvent.keyboard(' ');
    await waitFor(() => expect(fire.getAttribute('aria-pressed')).toBe('true'));
    const plot = root.querySelector<HTMLElement>('.plot')!;
    plot.focus();
    await userEvent.keyboard('{ArrowLeft}');
    const live = root.querySelector('[role="status"][aria-live="polite"]')!;
    await waitFor(() => expect(live.textContent).toMatch(/^(October 2017|2017年10月)/));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(live.textContent).toMatch(/^(January 2014|2014年1月)/));
  },
};

/** Loaded with `src` from the sample feeds: the sample is dated 2017-12-04, so it is stale. */
export const Stale: Story = {};

/** Fraud alerts in the first half of 2017 against 2016: 225 against 417, down 46% (published). */
export const Range: Story = {
  args: { categories: 'fraud', start: '2017-01-01', end: '2017-06-30', yoy: true, interval: 'week' },
  play: async ({ canvasElement }) => {
    const root = await ready(widget(canvasElement));
    await waitFor(() => expect(root.querySelector('.summary')!.textContent).toMatch(/225/));
  },
};

/** Same period a year earlier as dashed lines; the changes are in the tooltip and the table. */
export const YearOnYear: Story = { args: { categories: 'fraud,fire,dispute', yoy: true } };

/** Without the comparison (the default). */
export const YearOnYearOff: Story = { args: { categories: 'fraud,fire,dispute', yoy: false } };

/** By day: the last three months, with the year-earlier lines. */
export const ByDay: Story = { args: { interval: 'day', start: '2017-09-01', yoy: true } };

/** By ISO week (from Monday): the first and the current week are partial and say so. */
export const ByWeek: Story = { args: { interval: 'week', categories: 'criminal,fraud,dispute' } };

/** By month (the default). */
export const ByMonth: Story = { args: { interval: 'month' } };

/** By year: 2017 holds January–November only and is compared with January–November 2016 (hollow marker). */
export const ByYear: Story = {
  args: { interval: 'year', yoy: true, categories: 'criminal,fraud,fire,dispute' },
};

/** Campaigns and operations marked on the time axis (▲); their titles are in the tooltip and the list. */
export const Annotations: Story = {
  args: { categories: 'alerts-110,fraud', start: '2016-01-01' },
  play: async ({ canvasElement }) => {
    const root = await ready(widget(canvasElement));
    root.querySelector<HTMLDetailsElement>('details.events')!.open = true;
  },
};

/** A sub-district of the district feed: counted from the feed's incidents (October–November 2017). */
export const SubdistrictFromEvents: Story = { args: { subdistrict: 'meisha', interval: 'day' } };

/** A sub-district's own feed, with its own series. */
export const SubdistrictFeed: Story = { args: { src: 'feeds/meisha.json', subdistrict: 'meisha' } };

/** One management grid (as `safety-grid-select` from the grid map would set it), by week. */
export const Grid: Story = { args: { grid: 'haishan-g07', interval: 'week', showTable: true } };

/** The data table twin shown (it is always there for screen readers). */
export const WithTable: Story = {
  args: { showTable: true, categories: 'fraud,fire', yoy: true, start: '2016-01-01' },
};

/** Ten years of synthetic daily counts for six categories, drawn by day with decimation. */
export const TenYearsDaily: Story = {
  args: { src: undefined, data: { ...tenYearFeed(), asOf: new Date().toISOString() }, interval: 'day' },
};

/** A million raw events (typed arrays in `eventColumns`) counted in the page and drawn by day. */
export const MillionEvents: Story = {
  // Kept out of story tests: it builds and bins a million raw events in the page, a benchmark
  // rather than a behaviour test (see the case-timeline benches).
  tags: ['skip-story-test'],
  args: { src: undefined, interval: 'day' },
  render: (args, { globals }) => {
    const shell = { ...tenYearFeed({ series: false }), asOf: new Date().toISOString() };
    return html`<div style="max-width:${args.width ?? '100%'}">
      ${timeline({ ...args, data: shell, eventColumns: millionEvents(1_000_000) }, globals.theme as string | undefined)}
    </div>`;
  },
};

/**
 * Created inside a hidden container (zero size): no chart is made until it is shown, then it is
 * sized from the host. The play function presses the button.
 */
export const HiddenThenShown: Story = {
  render: (args, { globals }) =>
    html`<button
        type="button"
        @click=${(e: Event) => {
          const box = (e.target as HTMLElement).nextElementSibling as HTMLElement;
          box.hidden = !box.hidden;
        }}
      >
        Show / hide the timeline
      </button>
      <div hidden style="margin-top:12px">${timeline(args, globals.theme as string | undefined)}</div>`,
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await waitFor(() => expect(['ready', 'stale']).toContain(el.status), { timeout: 10_000 });
    await userEvent.click(canvasElement.querySelector('button')!);
    await waitFor(() => expect(el.shadowRoot!.querySelector('canvas')!.width).toBeGreaterThan(0));
  },
};

/** Dark theme (whatever the toolbar says). */
export const Dark: Story = { args: { theme: 'dark', yoy: true, categories: 'criminal,fraud,fire' } };

/** Chinese, whatever the toolbar says. */
export const Chinese: Story = {
  args: { lang: 'zh-CN', categories: 'fraud', start: '2017-01-01', end: '2017-06-30' },
};

/** English, whatever the toolbar says. */
export const English: Story = {
  args: { lang: 'en', categories: 'fraud', start: '2017-01-01', end: '2017-06-30' },
};

/** A phone-width column. */
export const Phone: Story = { args: { width: '360px', categories: 'fraud,fire' } };

/** A wide page. */
export const Wide: Story = { args: { width: '1400px', yoy: true } };

/** Loading: the skeleton while the feed's first response is awaited (here: forever; `<sw-pending-feed>` is the docs app's never-answering feed). */
export const Loading: Story = {
  args: { src: undefined, feed: 'pending-feed' },
  render: (args, { globals }) =>
    html`<sw-pending-feed id="pending-feed"></sw-pending-feed
      >${timeline(args, globals.theme as string | undefined)}`,
};

/** The feed cannot be loaded: a `role="alert"` message that says what went wrong, and Retry. */
export const ErrorState: Story = { args: { src: 'feeds/missing.json' } };

/** A valid feed with no case counts. */
export const Empty: Story = {
  args: { src: undefined, data: { ...current(), series: [], events: [] } },
};

/**
 * Bad data: unsorted events, a duplicate id (counted once), events dated after the feed's date
 * and before 1970, an unknown category, a series with a negative count, and markup in a title
 * (shown as text). Nothing throws; the notes say what was left out.
 */
export const BadData: Story = {
  args: { src: undefined, data: badFeed(), categories: 'fire,fraud', start: '2017-10-01', showTable: true },
};

/** Nothing to show for an unknown grid. */
export const UnknownGrid: Story = { args: { src: undefined, data: current(), grid: 'nowhere-g99' } };

/** `small-base="0"`: every change as a percentage, even 2 → 4 (+100%) — compare with the default of 10. */
export const SmallBaseOff: Story = {
  args: {
    categories: 'fire',
    interval: 'month',
    yoy: true,
    showTable: true,
    smallBase: 0,
    start: '2017-01-01',
  },
};
