/**
 * `<ShareImage of={Stories.Ready} />`: a doc block for a widget's Guide page, under its Canvas. It
 * offers the widget of that story as an image from the feed service, for the options chosen right
 * now (the story's current args, which the Controls change, and the toolbar's locale and theme):
 * "Copy image link" (the PNG), "Copy WeChat/newsletter snippet" (an `<img>` with its text
 * alternative and a source line, as rich text and as HTML source) and links that open the image and
 * its text alternative. The text alternative is the live story widget's `summary`, read when copying;
 * while the widget has none yet, a sentence naming the widget and its feed.
 *
 * The feed the image hangs from is editable (a designer pastes their own). Served by the reference
 * feed service (`pnpm start` puts the docs at /docs/), it starts as that service's own feed of the
 * story's sample, so "Open image" shows a real picture; elsewhere, as the example feed of the snippets.
 *
 * React, as Storybook's doc blocks are (the docs app resolves `react` to the one it ships).
 */
import React, { useContext, useEffect, useId, useRef, useState } from 'react';
import { DocsContext, useOf, type Of } from '@storybook/addon-docs/blocks';
import { GLOBALS_UPDATED, STORY_ARGS_UPDATED } from 'storybook/internal/core-events';
import { elements } from '../embed-info.ts';
import {
  imageAlt,
  imageLang,
  noScriptSnippet,
  snapshotFeedBase,
  snapshotUrl,
  storyWidth,
  type SnapshotOptions,
} from '../snapshot-link.ts';
import { feedUrl, isWidget } from '../widget-args.ts';

/** The feed the image starts from: this feed service's own when it serves the docs at /docs/. */
function startingFeed(args: Record<string, unknown>): string {
  const example = snapshotFeedBase(feedUrl(args.src))!;
  if (typeof location === 'undefined' || !/^\/docs\/(iframe\.html)?$/.test(location.pathname)) return example;
  return `${location.origin}/api/feeds/${example.slice(example.lastIndexOf('/') + 1)}`;
}

/** The story's widget on this page (the docs render stories inline), for its `summary`. */
function liveSummary(storyId: string, tagName: string): string {
  const block =
    document.getElementById(`story--${storyId}`) ?? document.getElementById(`story--${storyId}--primary`);
  const summary = (block?.querySelector(tagName) as { summary?: unknown } | null)?.summary;
  return typeof summary === 'string' ? summary : '';
}

/** Writes `text` (and `html` as rich text, for pasting into an editor) to the clipboard. */
async function copy(text: string, html?: string): Promise<void> {
  if (html && typeof ClipboardItem === 'function' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(text);
}

/** The docs' own type (the block is unstyled, so that the docs' styles do not reach its controls). */
const FONT =
  '"Nunito Sans", -apple-system, ".SFNSText-Regular", "San Francisco", BlinkMacSystemFont, "Segoe UI", "Helvetica Neue", Helvetica, Arial, sans-serif';

const box: React.CSSProperties = {
  fontFamily: FONT,
  fontSize: 14,
  lineHeight: 1.5,
  margin: '16px 0 24px',
  padding: '12px 16px',
  border: '1px solid #d0d7de',
  borderRadius: 6,
  background: '#f6f8fa',
  color: '#1b1f24',
};
const button: React.CSSProperties = {
  font: 'inherit',
  padding: '6px 12px',
  border: '1px solid #0a58ca',
  borderRadius: 6,
  background: '#0a58ca',
  color: '#ffffff',
  cursor: 'pointer',
};
const row: React.CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'center' };

export function ShareImage({ of }: { of: Of }): React.ReactElement | null {
  const { story } = useOf(of, ['story']);
  const context = useContext(DocsContext);
  const [args, setArgs] = useState<Record<string, unknown>>(() => context.getStoryContext(story).args);
  const [globals, setGlobals] = useState<Record<string, unknown>>(
    () => context.getStoryContext(story).globals,
  );
  const [feed, setFeed] = useState(() => startingFeed(context.getStoryContext(story).args));
  const [message, setMessage] = useState('');
  const [manual, setManual] = useState('');
  const manualRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  // Follow the Controls (the story's args) and the toolbar (locale, theme), as the Controls block does.
  useEffect(() => {
    const onArgs = (changed: { storyId: string; args: Record<string, unknown> }) => {
      if (changed.storyId === story.id) setArgs(changed.args);
    };
    const onGlobals = (changed: { globals: Record<string, unknown> }) => setGlobals(changed.globals);
    context.channel.on(STORY_ARGS_UPDATED, onArgs);
    context.channel.on(GLOBALS_UPDATED, onGlobals);
    return () => {
      context.channel.off(STORY_ARGS_UPDATED, onArgs);
      context.channel.off(GLOBALS_UPDATED, onGlobals);
    };
  }, [context.channel, story.id]);

  useEffect(() => {
    if (manual) manualRef.current?.select();
  }, [manual]);

  const tagName = typeof story.component === 'string' ? story.component : undefined;
  if (!isWidget(tagName)) return null;
  const feedOk = snapshotFeedBase(feed) !== undefined;
  const options: SnapshotOptions = {
    elements,
    globals,
    width: storyWidth(args.width),
    ...(feedOk ? { feed } : {}),
  };
  const png = snapshotUrl(tagName, args, options, 'png')!;
  const txt = snapshotUrl(tagName, args, options, 'txt')!;
  const lang = imageLang(args, globals);

  /** Says `text` in the live region (emptied first, so the same words are said again). */
  const say = (text: string) => {
    setMessage('');
    requestAnimationFrame(() => setMessage(text));
  };
  const run = (what: string, text: string, html?: string) => {
    setManual('');
    copy(text, html).then(
      () => say(`Copied: ${what}.`),
      () => {
        say(
          `The browser did not let the page copy. The ${what} is selected below: copy it with Ctrl+C or ⌘C.`,
        );
        setManual(text);
      },
    );
  };
  const copyLink = () => run('image link', png);
  const copySnippet = () => {
    const alt = imageAlt(tagName, args, { ...options, alt: liveSummary(story.id, tagName) });
    const html = noScriptSnippet(tagName, args, { ...options, alt })!;
    run('WeChat/newsletter snippet', html, html);
  };

  return (
    <div className="sb-unstyled" style={box}>
      <p style={{ margin: '0 0 8px' }}>
        <label htmlFor={`${id}-feed`} style={{ fontWeight: 600 }}>
          Feed URL
        </label>{' '}
        <span id={`${id}-feed-hint`} style={{ color: '#57606a' }}>
          (yours: <code>…/api/feeds/&lt;id&gt;</code>)
        </span>
      </p>
      <input
        id={`${id}-feed`}
        type="url"
        value={feed}
        onChange={(event) => setFeed(event.target.value)}
        aria-describedby={`${id}-feed-hint${feedOk ? '' : ` ${id}-feed-error`}`}
        aria-invalid={!feedOk}
        spellCheck={false}
        style={{
          font: 'inherit',
          width: '100%',
          boxSizing: 'border-box',
          padding: '4px 8px',
          marginBottom: 8,
        }}
      />
      {feedOk ? null : (
        <p id={`${id}-feed-error`} style={{ margin: '0 0 8px', color: '#b42318' }}>
          Not an http(s) URL: the links below use the example feed until it is one.
        </p>
      )}
      <div style={row}>
        <button type="button" style={button} onClick={copyLink}>
          Copy image link
        </button>
        <button type="button" style={button} onClick={copySnippet}>
          Copy WeChat/newsletter snippet
        </button>
        <a href={png} target="_blank" rel="noopener noreferrer" hrefLang={lang}>
          Open image
        </a>
        <a href={txt} target="_blank" rel="noopener noreferrer" hrefLang={lang}>
          Open text alternative (.txt)
        </a>
      </div>
      <p role="status" aria-live="polite" style={{ margin: '8px 0 0', minHeight: '1.5em', fontWeight: 600 }}>
        {message}
      </p>
      {manual ? (
        <textarea
          ref={manualRef}
          readOnly
          value={manual}
          aria-label="Text to copy"
          rows={4}
          style={{ font: '13px monospace', width: '100%', boxSizing: 'border-box' }}
        />
      ) : null}
      <p style={{ margin: '4px 0 0', fontSize: 13, color: '#57606a', overflowWrap: 'anywhere' }}>
        Image: <code>{png}</code>
      </p>
    </div>
  );
}
