/**
 * Embed scripts load in any order: widgets may be upgraded before `<safety-feed>` is defined.
 * This file defines `<safety-feed>` only halfway through (each browser test file has its own page).
 */
import { LitElement } from 'lit';
import { expect, it } from 'vitest';
import { scenarioUrl, serverStats, uniqueKey } from '../../test/server/client.js';
import { FeedController } from './feed-controller.js';

class LateWidget extends LitElement {
  static override properties = { feed: { type: String } };
  declare feed?: string;
  readonly controller = new FeedController(this, { lookupTimeoutMs: 10_000 });
}
customElements.define('late-widget', LateWidget);

it('widgets find a <safety-feed> that is upgraded after them, by id and by nesting', async () => {
  const key = uniqueKey('late');
  const url = scenarioUrl('/feed/ok', { key });
  const byId = document.createElement('late-widget') as LateWidget;
  byId.setAttribute('feed', 'late');
  const named = document.createElement('safety-feed');
  named.id = 'late';
  named.setAttribute('src', url);
  const wrapper = document.createElement('safety-feed');
  wrapper.setAttribute('src', url);
  const nested = document.createElement('late-widget') as LateWidget;
  wrapper.append(nested);
  document.body.append(byId, named, wrapper);

  await byId.updateComplete;
  expect(customElements.get('safety-feed')).toBeUndefined();
  expect(byId.controller.state.status).toBe('loading');
  expect(nested.controller.state.status).toBe('loading');

  await import('../safety-feed.js');
  await expect.poll(() => byId.controller.state.status, { timeout: 15_000 }).toBe('ready');
  await expect.poll(() => nested.controller.state.status, { timeout: 15_000 }).toBe('ready');
  expect(nested.controller.state).toBe((wrapper as unknown as { state: unknown }).state);
  expect((await serverStats(key)).requests).toBe(1);
  document.body.replaceChildren();
});
