/**
 * The React components in a real React 19 root: props reach the elements as properties, the
 * typed `on…` props receive the widgets' events, and unmounting leaves nothing behind.
 */
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';
import yantian from '../../sample-data/dist/feeds/yantian.json' with { type: 'json' };
import {
  SafetyCaseTimeline,
  SafetyFeed,
  SafetyGridMap,
  SafetyIndicatorTable,
  SafetyScoreGauge,
} from './index.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

function mount(...children: ReactElement[]): HTMLElement {
  container = document.createElement('div');
  container.style.width = '900px';
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(createElement('div', null, ...children)));
  return container;
}

const feed = () => structuredClone(yantian);

it('renders every widget from a `data` prop and reports their status', async () => {
  const host = mount(
    createElement(SafetyScoreGauge, { data: feed(), lang: 'en' }),
    createElement(SafetyIndicatorTable, { data: feed(), lang: 'en' }),
    createElement(SafetyGridMap, { data: feed(), lang: 'en' }),
    createElement(SafetyCaseTimeline, { data: feed(), lang: 'en' }),
  );
  const tags = ['safety-score-gauge', 'safety-indicator-table', 'safety-grid-map', 'safety-case-timeline'];
  await vi.waitFor(
    () =>
      tags.forEach((tag) =>
        expect(host.querySelector(tag)!.getAttribute('status'), tag).toMatch(/ready|stale/),
      ),
    { timeout: 20_000 },
  );
  const meter = host.querySelector('safety-score-gauge')!.shadowRoot!.querySelector('[role="meter"]')!;
  expect(meter.getAttribute('aria-valuetext')).toMatch(/of 100/);
});

it('passes the widgets’ events to the typed on… props', async () => {
  const onAreaSelect = vi.fn();
  const onIndicatorSelect = vi.fn();
  const host = mount(
    createElement(SafetyScoreGauge, { data: feed(), lang: 'en', onAreaSelect }),
    createElement(SafetyIndicatorTable, { data: feed(), lang: 'en', onIndicatorSelect }),
  );
  const gauge = host.querySelector('safety-score-gauge')!;
  await vi.waitFor(() => expect(gauge.shadowRoot!.querySelector('[data-area]')).not.toBeNull(), {
    timeout: 20_000,
  });
  // An SVG segment: clicked as a pointer would.
  gauge
    .shadowRoot!.querySelector('[data-area]')!
    .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  expect(onAreaSelect).toHaveBeenCalledTimes(1);
  expect(onAreaSelect.mock.calls[0]![0].detail.area).toMatch(/^[a-z-]+$/);

  const table = host.querySelector('safety-indicator-table')!;
  await vi.waitFor(() => expect(table.shadowRoot!.querySelector('tbody tr.row')).not.toBeNull(), {
    timeout: 20_000,
  });
  table.dispatchEvent(
    new CustomEvent('safety-indicator-select', { detail: { id: 'x' }, bubbles: true, composed: true }),
  );
  expect(onIndicatorSelect.mock.calls[0]![0].detail).toEqual({ id: 'x' });
});

it('a <SafetyFeed> feeds the widgets inside it and reports its state', async () => {
  const onFeedChange = vi.fn();
  const url = new URL('../../sample-data/dist/feeds/yantian.json', import.meta.url).href;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root!.render(
      createElement(
        SafetyFeed,
        { id: 'district', src: url, onFeedChange },
        createElement(SafetyScoreGauge, { lang: 'en' }),
      ),
    ),
  );
  const gauge = container.querySelector('safety-score-gauge')!;
  await vi.waitFor(() => expect(gauge.getAttribute('status')).toMatch(/ready|stale/), { timeout: 20_000 });
  expect(onFeedChange).toHaveBeenCalled();
  expect(onFeedChange.mock.calls.at(-1)![0].detail.status).toMatch(/ready|stale/);
});
