/// <reference lib="dom" />
/**
 * End to end in real Chromium: the district page served at / embeds the widget bundle from /cdn/
 * against the live feed; a POSTed indicator change reaches the page on its live stream and shows
 * in its score gauge. The bundles and the page come from `pnpm build` (turbo builds them before
 * this test).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeedText, scoreFeed } from '@safety-widgets/core';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vitest.shared.js';
import { INDICATOR, call, post, startTestServer, waitUntil, type TestServer } from './helpers.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  const executablePath = chromiumPath();
  browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The composite as the gauge shows it in aria-valuenow: one decimal. */
const shown = (composite: number): string => String(Math.round(composite * 10) / 10);

/** The score the gauge shows for the served feed, and for it with INDICATOR set to `value`. */
async function expectedScores(feedId: string, value: number): Promise<[string, string]> {
  const feed = parseFeedText((await call(`${server.url}/api/feeds/${feedId}`)).text).feed!;
  const changed = {
    ...feed,
    indicators: feed.indicators.map((i) => (i.id === INDICATOR ? { ...i, value } : i)),
  };
  return [shown(scoreFeed(feed).composite!), shown(scoreFeed(changed).composite!)];
}

/** Waits until the page's score gauge reads `value` (its meter's aria-valuenow). */
async function meterShows(page: Page, value: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector('safety-score-gauge')
        ?.shadowRoot?.querySelector('[role="meter"]')
        ?.getAttribute('aria-valuenow') === expected,
    value,
    { timeout },
  );
}

it('pushes a POSTed indicator change to the district page at / and shows it in its score gauge', async () => {
  for (const built of ['packages/embed/dist/safety-widgets.js', 'apps/district-site/dist/index.html']) {
    const file = join(server.config.workspaceRoot, built);
    expect(existsSync(file), `${file}: run pnpm build first`).toBe(true);
  }

  const page = await browser.newPage();
  const problems: string[] = [];
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    else problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // Every `changed` event the page's live streams receive (the widgets share one).
  await page.addInitScript(() => {
    const changes: { id: string; data: unknown }[] = [];
    (window as unknown as { __changes: typeof changes }).__changes = changes;
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('changed', (event) => {
          const { lastEventId, data } = event as MessageEvent<string>;
          changes.push({ id: lastEventId, data: JSON.parse(data) });
        });
      }
    };
  });
  const changesSeen = () =>
    page.evaluate(() => (window as unknown as { __changes: { id: string; data: unknown }[] }).__changes);
  // The district page at /, all four widgets on one shared feed (apps/district-site, built by turbo first).
  await page.goto(`${server.url}/`);

  const valueNow = () =>
    page.evaluate(
      () =>
        document
          .querySelector('safety-score-gauge')
          ?.shadowRoot?.querySelector('[role="meter"]')
          ?.getAttribute('aria-valuenow') ?? null,
    );
  const [before, after] = await expectedScores('yantian', 1_000_000);
  expect(after).not.toBe(before);
  await meterShows(page, before, 30_000);
  // The widgets share one live source, which has opened its stream to this server.
  await waitUntil(() => server.hub.size >= 1, 'the page to open the feed stream', 30_000);

  expect(await changesSeen()).toEqual([]);
  const reply = await post(server, '/api/feeds/yantian/indicators', {
    indicators: [{ id: INDICATOR, value: 1_000_000 }],
  });
  expect(reply.status).toBe(200);
  const { changeId } = reply.json() as { changeId: number };
  await meterShows(page, after, 30_000);
  expect(await valueNow()).toBe(after);
  // It came on the live stream: one change, this one, to this feed's indicator.
  expect(await changesSeen()).toEqual([
    { id: String(changeId), data: expect.objectContaining({ feed: 'yantian', ids: [INDICATOR] }) },
  ]);
  // No script error and no failed request on the page.
  expect(problems).toEqual([]);
  // The demo pages send a strict CSP (no inline script or style); the widgets draw without breaking it.
  expect(cspViolations).toEqual([]);
  await page.close();
});

it('the iframe embed shows the widget its query names and the parent helper sizes the frame to it', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const embed = `${server.url}/embed/`;
  // A host page on an ordinary origin (an about:blank page may not frame a loopback address).
  await page.goto(`${server.url}/api/feeds`);
  await page.setContent(`<!doctype html><html><body>
    <iframe data-safety-embed title="Safety index" style="width: 420px; height: 50px; border: 0"
      src="${embed}?widget=safety-score-gauge&src=/api/feeds/meisha&lang=en&frame=gauge"></iframe>
    <iframe data-safety-embed title="Broken" style="width: 420px; height: 50px; border: 0"
      src="${embed}?widget=%3Cscript%3E"></iframe>
    <script src="${embed}parent.js"></script>
  </body></html>`);
  const gauge = page.frames().find((f) => f.url().includes('frame=gauge'))!;
  await gauge.waitForFunction(
    () =>
      document
        .querySelector('safety-score-gauge')
        ?.shadowRoot?.querySelector('[role="meter"]')
        ?.getAttribute('aria-valuetext')
        ?.includes('of 100') === true,
    undefined,
    { timeout: 30_000 },
  );
  expect(await gauge.evaluate(() => document.documentElement.lang)).toBe('en');
  // The parent helper applied the height the frame reported: its whole content, not the 50 px it started with.
  await page.waitForFunction(
    () => parseFloat(document.querySelector<HTMLIFrameElement>('iframe')!.style.height) > 150,
    undefined,
    { timeout: 10_000 },
  );
  const [frameHeight, contentHeight] = await Promise.all([
    page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height),
    gauge.evaluate(() => document.documentElement.getBoundingClientRect().height),
  ]);
  expect(Math.abs(frameHeight - Math.ceil(contentHeight))).toBeLessThanOrEqual(1);

  const broken = page.frames().find((f) => f.url().includes('%3Cscript%3E'))!;
  await broken.waitForSelector('[role="alert"]');
  expect(await broken.textContent('[role="alert"]')).toBe(
    'Unknown widget "<script>". Use widget=safety-score-gauge, safety-indicator-table, safety-grid-map, safety-case-timeline.',
  );
  expect(problems).toEqual([]);
  await page.close();
});
