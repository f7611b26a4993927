import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { currentFeed, sampleFeed, withValue, type FeedJson } from '../test/feeds.js';
import './safety-score-gauge.js';
import type { SafetyScoreGauge } from './safety-score-gauge.js';

interface Args {
  data?: unknown;
  src?: string;
  /** Id of a `<safety-feed>` on the page. */
  feed?: string;
  area?: string;
  grades?: string;
  compact?: boolean;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  /** Width of the box around the gauge (the gauge follows it). */
  width?: string;
}

/** A feed whose every indicator has no value: nothing to score. */
function emptyFeed(): FeedJson {
  const feed = currentFeed();
  for (const indicator of feed.indicators) (indicator as { value: number | null }).value = null;
  return feed;
}

/** A feed with three broken indicators: they are dropped and counted, the rest is scored. */
function badFeed(): FeedJson {
  const feed = currentFeed();
  (feed.indicators[3] as { value: unknown }).value = '98%';
  (feed.indicators[17] as { area: unknown }).area = 'saftey';
  (feed.indicators[40] as { weight: unknown }).weight = -5;
  return feed;
}

const gauge = (args: Args, theme: string | undefined) =>
  html`<div style=${args.width ? `width:${args.width};max-width:100%` : nothing}>
    <safety-score-gauge
      .data=${args.data}
      src=${ifDefined(args.src)}
      feed=${ifDefined(args.feed)}
      area=${ifDefined(args.area)}
      grades=${ifDefined(args.grades)}
      lang=${ifDefined(args.lang)}
      theme=${ifDefined(args.theme ?? theme)}
      ?compact=${args.compact ?? false}
    ></safety-score-gauge>
  </div>`;

const meta: Meta<Args> = {
  title: 'Widgets/Score gauge',
  component: 'safety-score-gauge',
  tags: ['autodocs'],
  render: (args, { globals }) => gauge(args, globals.theme === 'dark' ? 'dark' : undefined),
  argTypes: {
    data: { control: false, description: 'A feed object (set as the `.data` property).' },
    src: { control: 'text' },
    area: { control: 'text' },
    grades: { control: 'text' },
    compact: { control: 'boolean' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    width: { control: 'text', description: 'Width of the box around the gauge (story only).' },
  },
  args: { width: '420px' },
  parameters: {
    docs: {
      description: {
        component:
          'The composite 0–100 safety index as an arc gauge: grade, change against the previous period, time of the data, and a ring of the eight areas (point at or focus one for its points; arrow keys move between them). The sample feed is Yantian District, Shenzhen, with `asOf` set to now so that it is current.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The district sample, current. */
export const Ready: Story = { args: { data: currentFeed() } };

/** Tab into the ring, move with the arrow keys and End, Escape hides the detail, point at an area. */
export const KeyboardAndPointer: Story = {
  args: { data: currentFeed() },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<SafetyScoreGauge>('safety-score-gauge')!;
    await waitFor(() => expect(el.shadowRoot?.querySelector('[role="meter"]')).toBeTruthy());
    const root = el.shadowRoot!;
    const area = (id: string) => root.querySelector<SVGGElement>(`[data-area="${id}"]`)!;
    const detail = root.querySelector<HTMLElement>('[part="detail"]')!;
    await expect(root.querySelectorAll('[role="button"][data-area]')).toHaveLength(8);

    area('stability').focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await waitFor(() => expect(root.activeElement?.getAttribute('data-area')).toBe('fire'));
    await waitFor(() => expect(detail.hidden).toBe(false));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(root.activeElement?.getAttribute('data-area')).toBe('emergency'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(detail.hidden).toBe(true));

    await userEvent.hover(area('public-order'));
    await waitFor(() => expect(detail.hidden).toBe(false));
    await expect(detail.textContent).toMatch(/17\.7/);
  },
};

/** A sub-district: Meisha (梅沙街道), all synthetic. */
export const SubDistrict: Story = { args: { data: currentFeed('meisha') } };

/** One area alone: `area="fire"` shows fire safety's own 0–100 index and its points. */
export const FireArea: Story = { args: { data: currentFeed(), area: 'fire' } };

/** `compact`, for narrow sidebars: a small dial with the words beside it. */
export const Compact: Story = { args: { data: currentFeed(), compact: true, width: '280px' } };

/** The smallest size: a 120 px tile. */
export const Tile120: Story = { name: 'Tile (120 px)', args: { data: currentFeed(), width: '120px' } };

/** A 300 px card. */
export const Card300: Story = { name: 'Card (300 px)', args: { data: currentFeed(), width: '300px' } };

/** A 600 px hero. */
export const Hero600: Story = { name: 'Hero (600 px)', args: { data: currentFeed(), width: '600px' } };

/** Custom grade bands from the `grades` attribute. */
export const CustomGrades: Story = {
  args: { data: currentFeed(), grades: 'top:99,high:95,middle:80,low:0' },
};

/** An invalid `grades` attribute: a note says so and the default grades are used. */
export const InvalidGrades: Story = { args: { data: currentFeed(), grades: 'excellent:ninety,good:75' } };

/** Dark theme (`theme="dark"`). */
export const Dark: Story = { args: { data: currentFeed(), theme: 'dark' } };

/** Chinese, whatever the toolbar says. */
export const ZhCN: Story = { name: 'zh-CN', args: { data: currentFeed(), lang: 'zh-CN' } };

/** English, whatever the toolbar says. */
export const En: Story = { name: 'en', args: { data: currentFeed(), lang: 'en' } };

/** The sample as published (as of 4 December 2017), loaded with `src`: stale by age, with a badge. */
export const Stale: Story = { args: { src: 'feeds/yantian.json' } };

/** The same sample given as data, unchanged: also stale. */
export const StaleData: Story = { args: { data: sampleFeed() } };

/** A `src` that does not exist: the error state, with Retry. */
export const ErrorState: Story = { name: 'Error', args: { src: 'feeds/missing.json' } };

/** An area id the feed does not have: an error naming the valid ids. */
export const UnknownArea: Story = { args: { data: currentFeed(), area: 'fyre' } };

/** Some indicators are invalid: they are dropped and counted in a note; the rest is scored. */
export const BadData: Story = { args: { data: badFeed() } };

/** No indicator has a value: nothing to score. */
export const Empty: Story = { args: { data: emptyFeed() } };

/** Loading: the skeleton while the feed's first response is awaited (here: forever; `<sw-pending-feed>` is the docs app's never-answering feed). */
export const Loading: Story = {
  args: { feed: 'pending-feed' },
  render: (args, { globals }) =>
    html`<sw-pending-feed id="pending-feed"></sw-pending-feed>${gauge(
        args,
        globals.theme === 'dark' ? 'dark' : undefined,
      )}`,
};

/** Dark and narrow: `compact` in a 260 px dark sidebar. */
export const DarkCompact: Story = {
  args: { data: currentFeed(), theme: 'dark', compact: true, width: '260px' },
};

/** Chinese at hero size (600 px). */
export const ZhCNHero: Story = {
  name: 'zh-CN hero (600 px)',
  args: { data: currentFeed(), lang: 'zh-CN', width: '600px' },
};

/**
 * A live update: new data arrives while a keyboard user is on the fire-safety segment. The reading
 * and the ring change in place; the focused segment and the meter stay the same nodes.
 */
export const LiveUpdate: Story = {
  args: { data: currentFeed(), lang: 'en' },
  play: async ({ canvasElement, args }) => {
    const el = canvasElement.querySelector<SafetyScoreGauge>('safety-score-gauge')!;
    await waitFor(() => expect(el.shadowRoot?.querySelector('[role="meter"]')).toBeTruthy());
    const root = el.shadowRoot!;
    const meter = root.querySelector('[role="meter"]')!;
    const before = meter.getAttribute('aria-valuenow');
    const fire = root.querySelector<SVGGElement>('[data-area="fire"]')!;
    fire.focus();
    await waitFor(() => expect(root.querySelector<HTMLElement>('[part="detail"]')?.hidden).toBe(false));
    el.data = withValue(args.data as FeedJson, 'fires', 75);
    await waitFor(() => expect(meter.getAttribute('aria-valuenow')).not.toBe(before));
    await expect(root.querySelector('[role="meter"]')).toBe(meter);
    await expect(root.activeElement).toBe(fire);
    await expect(fire.getAttribute('aria-label')).not.toBe('Fire safety: 12 of 12 points');
  },
};
