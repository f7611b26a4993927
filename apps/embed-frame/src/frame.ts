/**
 * The embed page's script: builds `<safety-feed>` and the widget from the query string (see
 * params.ts), then reports the page's height to the parent whenever it changes. A bad query shows
 * a message saying what to fix; nothing throws.
 */
import { HEIGHT_MESSAGE, frameTitle, parseEmbedQuery, type HeightMessage } from './params.js';

const root = document.getElementById('frame')!;
const parsed = parseEmbedQuery(location.search, location.href);

if (parsed.ok) {
  const { widget, src, attributes } = parsed.request;
  const feed = document.createElement('safety-feed');
  feed.id = 'feed';
  feed.setAttribute('src', src);
  const element = document.createElement(widget);
  element.setAttribute('feed', 'feed');
  for (const [name, value] of attributes) element.setAttribute(name, value);
  feed.append(element);
  root.append(feed);
  const lang = attributes.find(([name]) => name === 'lang')?.[1];
  if (lang) document.documentElement.lang = lang;
  document.title = frameTitle(widget, document.documentElement.lang);
} else {
  document.title = frameTitle('', document.documentElement.lang);
  const message = document.createElement('p');
  message.className = 'embed-error';
  message.setAttribute('role', 'alert');
  message.textContent = parsed.message;
  root.append(message);
}

// Tell the parent page how tall the content is, whenever that changes.
const frame = parsed.ok ? parsed.request.frame : '';
let last = -1;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  const message: HeightMessage = { type: HEIGHT_MESSAGE, frame, height };
  window.parent.postMessage(message, '*');
};
new ResizeObserver(report).observe(document.documentElement);
report();
