/**
 * The autoloader: one small script that defines each Safety Widgets tag when the tag first appears
 * in the document — at load, or inserted later — and downloads only that widget's files (its entry
 * and the shared chunks it needs, each once). Built to `dist/safety-autoloader.js`.
 *
 * Prefer an entry file (`safety-<widget>.js`, or `safety-widgets.js` for all four) when a framework
 * sets properties on the element before it could be defined (React sets `.data` at once): with the
 * autoloader the element is defined a network round trip after it appears. Tags inside another
 * component's shadow root are not seen by the document; call `discover(shadowRoot)` for them.
 */

const LOADERS: Readonly<Record<string, () => Promise<unknown>>> = {
  'safety-feed': () => import('./safety-feed.js'),
  'safety-score-gauge': () => import('./safety-score-gauge.js'),
  'safety-indicator-table': () => import('./safety-indicator-table.js'),
  'safety-grid-map': () => import('./safety-grid-map.js'),
  'safety-case-timeline': () => import('./safety-case-timeline.js'),
};

const requested = new Set<string>();

function load(tag: string): void {
  const loader = LOADERS[tag];
  if (!loader || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loader().catch((error: unknown) => {
    requested.delete(tag);
    console.error(
      `[safety-widgets] the autoloader could not load <${tag}>; check that the files next to safety-autoloader.js are reachable.`,
      error,
    );
  });
}

/** Loads every Safety Widgets tag in `root` (and `root` itself) that is not defined yet. */
export function discover(root: ParentNode): void {
  if (root instanceof Element && !root.matches(':defined')) load(root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) load(el.localName);
}

discover(document);
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }
}).observe(document.documentElement, { childList: true, subtree: true });
