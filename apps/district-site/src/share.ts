/**
 * Keeps each "分享 / Share" link (`<a data-share="<widget tag>">`) pointing at the image of its widget
 * as the reader sees it now (share-link.ts): after every view event the widgets fire, a grid selected
 * or cleared, a change of language, of the system's colour scheme or of the page's width, and once
 * more as the link is activated (click, Enter), so that what opens is always the current view.
 */
import { SHARE_WIDGETS, shareUrl, viewOptions } from './share-link.js';

/** The view events the page listens to (documented by the widgets). */
const VIEW_EVENTS = [
  'safety-metric-change',
  'safety-grid-select',
  'safety-view-change',
  'safety-table-view-change',
];

export interface ShareEnvironment {
  /** The page's query string, where it keeps the reader's view (default: `location.search`). */
  search?: () => string;
  /** Whether the system asks for dark colours (default: the `prefers-color-scheme` media query). */
  prefersDark?: () => boolean;
}

/** Wires every share link of `doc`; returns the function that brings them up to date. */
export function setupShare(doc: Document, env: ShareEnvironment = {}): () => void {
  const win = doc.defaultView!;
  const darkQuery = win.matchMedia?.('(prefers-color-scheme: dark)');
  const search = env.search ?? (() => win.location.search);
  const prefersDark = env.prefersDark ?? (() => darkQuery?.matches === true);
  const links = [...doc.querySelectorAll<HTMLAnchorElement>('a[data-share]')];

  const update = (link: HTMLAnchorElement) => {
    const widget = SHARE_WIDGETS.find((w) => w.selector === link.dataset.share);
    const el = widget ? doc.querySelector(widget.selector) : null;
    if (!widget || !el) return;
    const feedId = el.getAttribute('feed');
    const feedSrc =
      (feedId ? doc.getElementById(feedId)?.getAttribute('src') : null) ?? el.getAttribute('src');
    const theme = el.getAttribute('theme');
    const url = shareUrl({
      widget,
      feedSrc,
      pageUrl: win.location.href,
      options: viewOptions(widget, (name) => el.getAttribute(name), search()),
      lang: doc.documentElement.lang,
      dark: theme === 'dark' || (theme === 'auto' && prefersDark()),
      width: el.getBoundingClientRect().width,
    });
    if (url && link.href !== url) link.href = url;
  };
  const refresh = () => links.forEach(update);

  // After the page's own listeners (and the widgets' reflected attributes) have caught up.
  let pending = false;
  const soon = () => {
    if (pending) return;
    pending = true;
    win.setTimeout(() => {
      pending = false;
      refresh();
    }, 0);
  };
  for (const type of VIEW_EVENTS) doc.addEventListener(type, soon);
  darkQuery?.addEventListener?.('change', soon);
  win.addEventListener('resize', soon);
  for (const link of links) {
    for (const type of ['pointerenter', 'focus', 'click'] as const)
      link.addEventListener(type, () => update(link));
  }
  refresh();
  return refresh;
}
