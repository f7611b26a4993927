import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import './safety-feed.js';
import type { FeedState } from './live/types.js';

/** Shows what the `<safety-feed>` above it reports, as a page script would read it. */
function readout(event: CustomEvent<FeedState>): void {
  const feedEl = event.currentTarget as HTMLElement;
  const out = feedEl.parentElement?.querySelector('output');
  if (!out) return;
  const { status, feed, error, dropped } = event.detail;
  const lines = [
    `status: ${status}`,
    feed ? `place: ${feed.place.name.zh} / ${feed.place.name.en}` : '',
    feed ? `asOf: ${feed.asOf}` : '',
    feed
      ? `indicators: ${feed.indicators.length}, grids: ${feed.grids.features.length}, events: ${feed.events.length}`
      : '',
    Object.keys(dropped).length ? `dropped: ${JSON.stringify(dropped)}` : '',
    error ? `error (${error.code}): ${error.message}` : '',
  ];
  out.textContent = lines.filter(Boolean).join('\n');
}

type Args = { src?: string; interval?: number; data?: unknown };

/**
 * `<safety-feed>` loads one feed for the whole page and keeps it current; every widget on the page
 * with `feed="its id"` (or inside it) shares that one request. It draws nothing itself: this page
 * shows what it reports through its `status` attribute and `safety-feed-change` events.
 */
const meta: Meta<Args> = {
  title: 'Core/safety-feed',
  component: 'safety-feed',
  tags: ['autodocs'],
  render: (args) => html`
    <safety-feed
      id="district-feed"
      src=${args.src ?? ''}
      interval=${args.interval ?? ''}
      .data=${args.data}
      @safety-feed-change=${readout}
    ></safety-feed>
    <output
      aria-live="polite"
      style="display:block;white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace;padding:12px;border:1px solid currentColor;border-radius:6px"
      >status: loading</output
    >
  `,
};
export default meta;
type Story = StoryObj<Args>;

/** The Yantian sample feed (real published figures, synthetic grids and events, all labelled). */
export const SampleDistrictFeed: Story = {
  args: { src: 'feeds/yantian.json' },
  play: async ({ canvasElement }) => {
    const feed = canvasElement.querySelector('safety-feed')!;
    // The sample is dated 2017-12-04, so it is valid but overdue against its hourly cadence.
    await waitFor(() => expect(feed.getAttribute('status')).toBe('stale'), { timeout: 10_000 });
    await expect(canvasElement.querySelector('output')?.textContent).toContain('盐田区 / Yantian District');
  },
};

/** A sub-district feed: widgets on a street portal use one of these. */
export const SampleSubdistrictFeed: Story = { args: { src: 'feeds/meisha.json' } };

/** A URL that does not exist: the status is `error` and the message names the URL. */
export const MissingFeed: Story = {
  args: { src: 'feeds/no-such-feed.json' },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(canvasElement.querySelector('output')?.textContent).toContain('no-such-feed.json'),
      { timeout: 10_000 },
    );
  },
};

/** Data set from script that is not a feed of a version this library reads. */
export const InvalidData: Story = {
  args: { data: { format: 'safety-feed', version: 2, id: 'x' } },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('output')?.textContent).toContain(
        'reads format version 1, the feed says 2',
      ),
    );
  },
};
