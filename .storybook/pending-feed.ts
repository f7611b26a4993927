/**
 * `<sw-pending-feed>`: a docs-app stand-in for a `<safety-feed>` whose first response never
 * comes. It reports `loading` and nothing else, so a widget given `feed="<its id>"` keeps its
 * skeleton on screen (the Loading stories). It speaks the feed-store protocol through the same
 * global symbol as core, as a feed element from another copy of core would.
 */
const FEED_STORE = Symbol.for('safety-widgets:feed-store');

class PendingFeed extends HTMLElement {
  readonly [FEED_STORE] = true;
  readonly state = { status: 'loading', issues: [], dropped: {} } as const;
  subscribe(listener: (state: unknown) => void): () => void {
    listener(this.state);
    return () => undefined;
  }
  refresh(): void {}
}

if (!customElements.get('sw-pending-feed')) customElements.define('sw-pending-feed', PendingFeed);
