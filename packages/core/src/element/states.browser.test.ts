import axe from 'axe-core';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ValidationIssue } from '../feed/types.js';
import type { FeedError } from '../live/types.js';
import { LocaleController } from '../locale/controller.js';
import { hostReset, tokens } from '../theme/tokens.js';
import {
  renderDroppedNote,
  renderEmpty,
  renderError,
  renderLoading,
  renderOfflineBadge,
  renderStaleBadge,
  renderSyntheticBadge,
  statesStyles,
} from './states.js';

type Kind = 'loading' | 'error' | 'empty' | 'stale' | 'offline' | 'synthetic' | 'dropped';
const KINDS: readonly Kind[] = ['loading', 'error', 'empty', 'stale', 'offline', 'synthetic', 'dropped'];

const HOSTILE = '<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script>';

/** A minimal widget that shows one state, the way real widgets do. */
@customElement('states-test-widget')
class StatesTestWidget extends LitElement {
  static override styles = [tokens, hostReset, statesStyles];

  @property() kind: Kind = 'loading';
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  @property({ attribute: false }) error: FeedError = {
    code: 'http',
    httpStatus: 503,
    message: 'GET https://example.org/feed.json answered 503 Service Unavailable',
  };
  @property({ attribute: false }) issues: ValidationIssue[] = [];
  @property({ attribute: false }) emptyMessage: string | undefined;
  @property({ attribute: false }) onRetry: ((e: Event) => void) | undefined;

  private readonly i18n = new LocaleController(this);

  override render() {
    const locale = this.i18n.locale;
    switch (this.kind) {
      case 'loading':
        return renderLoading(locale);
      case 'error':
        return renderError(this.error, locale, this.onRetry);
      case 'empty':
        return renderEmpty(locale, this.emptyMessage);
      case 'stale':
        return html`<p>${renderStaleBadge(3 * 3_600_000 + 5 * 60_000, locale)}</p>`;
      case 'offline':
        return html`<p>${renderOfflineBadge(locale)}</p>`;
      case 'synthetic':
        return html`<p>${renderSyntheticBadge(locale)}</p>`;
      case 'dropped':
        return renderDroppedNote(3, locale, this.issues);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'states-test-widget': StatesTestWidget;
  }
}

const fixtures: Element[] = [];
afterEach(() => {
  for (const el of fixtures.splice(0)) el.remove();
  vi.restoreAllMocks();
});

async function mount(
  props: Partial<Pick<StatesTestWidget, 'kind' | 'theme' | 'error' | 'issues' | 'emptyMessage' | 'onRetry'>>,
  lang = 'en',
) {
  const container = document.createElement('main');
  container.setAttribute('lang', lang);
  const el = document.createElement('states-test-widget');
  Object.assign(el, props);
  container.append(el);
  document.body.append(container);
  fixtures.push(container);
  await el.updateComplete;
  return { container, el, root: el.shadowRoot! };
}

describe('state templates', () => {
  it('loading: a skeleton with aria-busy and hidden loading text', async () => {
    const { root } = await mount({ kind: 'loading' });
    const skeleton = root.querySelector('[part~="skeleton"]')!;
    expect(skeleton.getAttribute('aria-busy')).toBe('true');
    expect(skeleton.getAttribute('part')).toBe('state skeleton');
    const hidden = root.querySelector('.visually-hidden')!;
    expect(hidden.textContent).toBe('Loading safety data…');
    expect(hidden.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(root.querySelectorAll('.bone').length).toBe(3);
  });

  it('loading in Chinese', async () => {
    const { root } = await mount({ kind: 'loading' }, 'zh-CN');
    expect(root.querySelector('.visually-hidden')!.textContent).toBe('正在加载安全数据…');
  });

  it('error: role=alert with the explanation and the developer message, and a Retry button', async () => {
    const onRetry = vi.fn();
    const { root } = await mount({ kind: 'error', onRetry });
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Could not load safety data');
    expect(alert.textContent).toContain('The data server answered with an error (HTTP 503).');
    expect(alert.textContent).toContain('GET https://example.org/feed.json answered 503 Service Unavailable');
    expect(root.querySelector('[part~="error-detail"]')!.getAttribute('lang')).toBe('en');
    const retry = root.querySelector<HTMLButtonElement>('button[part~="retry"]')!;
    expect(retry.textContent!.trim()).toBe('Retry');
    expect(retry.type).toBe('button');
    retry.click();
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('error without onRetry has no button; Chinese explanation', async () => {
    const { root } = await mount(
      { kind: 'error', error: { code: 'timeout', message: 'took 30 s' } },
      'zh-CN',
    );
    expect(root.querySelector('button')).toBeNull();
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('无法加载安全数据');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('数据服务器响应超时。');
  });

  it('empty: the default text or a given message', async () => {
    expect((await mount({ kind: 'empty' })).root.textContent).toContain('There is no data to show.');
    expect((await mount({ kind: 'empty', emptyMessage: 'No cases this month.' })).root.textContent).toContain(
      'No cases this month.',
    );
  });

  it('stale badge: age as text with an icon', async () => {
    const { root } = await mount({ kind: 'stale' });
    const badge = root.querySelector('[part~="badge"][part~="stale"]')!;
    expect(badge.textContent!.trim()).toBe('Data is 3 hours old');
    expect(badge.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    const zh = await mount({ kind: 'stale' }, 'zh-CN');
    expect(zh.root.querySelector('[part~="stale"]')!.textContent!.trim()).toBe('数据已有3小时未更新');
  });

  it('offline and synthetic badges', async () => {
    const offline = await mount({ kind: 'offline' });
    expect(offline.root.querySelector('[part~="offline"]')!.textContent).toContain('Offline');
    const synthetic = await mount({ kind: 'synthetic' }, 'zh-CN');
    expect(synthetic.root.querySelector('[part~="synthetic"]')!.textContent!.trim()).toBe(
      '示例数据（部分为模拟）',
    );
  });

  it('dropped note: count sentence and the first issues as text', async () => {
    const issues: ValidationIssue[] = Array.from({ length: 7 }, (_, i) => ({
      severity: 'warning',
      path: `indicators[${i}].value`,
      message: `indicators[${i}].value: expected a number, got "98%"`,
    }));
    const { root } = await mount({ kind: 'dropped', issues });
    const note = root.querySelector('[part~="dropped"]')!;
    expect(note.querySelector('p')!.textContent).toBe(
      '3 indicators could not be shown because the feed had problems.',
    );
    expect(note.querySelector('summary')!.textContent).toBe('Show the problems');
    const items = [...note.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(5);
    expect(items[0]).toBe('indicators[0].value: expected a number, got "98%"');
    expect(note.textContent).toContain('…and 2 more problems.');
  });

  it('dropped note renders nothing for zero', async () => {
    const { render } = await import('lit');
    const div = document.createElement('div');
    render(renderDroppedNote(0, 'en'), div);
    expect(div.textContent).toBe('');
  });

  it('renders hostile feed text as literal text', async () => {
    const flags = window as unknown as { __pwned?: boolean; __parsed?: boolean };
    flags.__pwned = false;
    flags.__parsed = false;
    const error = await mount({ kind: 'error', error: { code: 'invalid', message: HOSTILE } });
    const dropped = await mount({
      kind: 'dropped',
      issues: [{ severity: 'warning', path: '$', message: HOSTILE }],
    });
    const empty = await mount({ kind: 'empty', emptyMessage: HOSTILE });
    for (const { root } of [error, dropped, empty]) {
      expect(root.textContent).toContain(HOSTILE);
      expect(root.querySelector('img')).toBeNull();
      expect(root.querySelector('script')).toBeNull();
    }
    // The same markup parsed as HTML after the widgets rendered: once its image has failed and its
    // handler has run, the handler of any image the widgets had made would have run too.
    const parsed = document.createElement('div');
    parsed.innerHTML = HOSTILE.replaceAll('__pwned', '__parsed');
    fixtures.push(parsed);
    document.body.append(parsed);
    await expect.poll(() => flags.__parsed).toBe(true);
    expect(flags.__pwned).toBe(false);
  });
});

describe('accessibility (axe-core)', () => {
  it('axe sees inside shadow roots (a guard for the checks below)', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(
      Object.assign(document.createElement('p'), {
        textContent: 'faint',
        style: 'color:#eee;background:#fff',
      }),
    );
    document.body.append(host);
    fixtures.push(host);
    const result = await axe.run(host, { runOnly: ['color-contrast'] });
    expect(result.violations.map((v) => v.id)).toEqual(['color-contrast']);
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'zh-CN']) {
      it(`every state has no serious or critical violations (${theme}, ${lang})`, async () => {
        for (const kind of KINDS) {
          const { container } = await mount(
            {
              kind,
              theme,
              onRetry: () => {},
              issues: [{ severity: 'warning', path: 'indicators[0]', message: 'expected a number' }],
            },
            lang,
          );
          const result = await axe.run(container, { resultTypes: ['violations'] });
          const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          expect(
            bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join(' | ')}`),
            `${kind}`,
          ).toEqual([]);
        }
      });
    }
  }
});
