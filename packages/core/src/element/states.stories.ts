import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LitElement, css, html } from 'lit';
import { expect } from 'storybook/test';
import { hostReset, tokens } from '../theme/tokens.js';
import { loadAllMessages } from '../locale/catalogue.js';
import { resolveLocale } from '../locale/resolve.js';
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

/** Story-only host: every shared state, as every widget shows it, in the current locale and theme. */
class StatesGallery extends LitElement {
  static override properties = { theme: { reflect: true } };
  declare theme?: string;
  static override styles = [
    hostReset,
    tokens,
    statesStyles,
    css`
      section {
        margin-block-end: 20px;
      }
      h3 {
        font-size: 13px;
        margin: 0 0 6px;
        color: var(--_muted);
      }
    `,
  ];
  override render() {
    const locale = resolveLocale(this);
    const issues = [
      {
        severity: 'warning' as const,
        path: 'indicators[12].value',
        message: 'indicators[12].value: expected a number, got "98%"',
      },
      {
        severity: 'warning' as const,
        path: 'indicators[30].area',
        message: 'indicators[30].area: unknown area "saftey"; dropped',
      },
    ];
    return html`
      <section>
        <h3>loading</h3>
        ${renderLoading(locale)}
      </section>
      <section>
        <h3>error</h3>
        ${renderError(
          {
            code: 'not-found',
            httpStatus: 404,
            message:
              'The feed at https://example.org/feeds/yantian.json was not found (HTTP 404). Check the src URL.',
          },
          locale,
          () => {},
        )}
      </section>
      <section>
        <h3>empty</h3>
        ${renderEmpty(locale)}
      </section>
      <section>
        <h3>badges</h3>
        ${renderStaleBadge(3 * 3600_000, locale)} ${renderOfflineBadge(locale)}
        ${renderSyntheticBadge(locale)}
      </section>
      <section>
        <h3>dropped items</h3>
        ${renderDroppedNote(2, locale, issues)}
      </section>
    `;
  }
}
if (!customElements.get('sw-states-gallery')) customElements.define('sw-states-gallery', StatesGallery);

/**
 * The states every widget shares, drawn by `@safety-widgets/core`: loading skeleton, error with a
 * message a web developer can act on, empty, stale/offline/sample-data badges and the note that
 * counts items dropped from a bad feed. Switch locale and theme in the toolbar.
 */
const meta: Meta<{ theme: string }> = {
  title: 'Core/Shared states',
  args: { theme: 'light' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  // The gallery draws core's state templates directly, outside a widget (which would wait for its
  // texts itself): load the texts first.
  loaders: [() => loadAllMessages()],
  render: (args) => html`<sw-states-gallery theme=${args.theme}></sw-states-gallery>`,
};
export default meta;
type Story = StoryObj<{ theme: string }>;

export const Light: Story = {
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('sw-states-gallery')!.shadowRoot!;
    await expect(root.querySelector('[role="alert"]')?.textContent).toContain('HTTP 404');
    await expect(root.querySelector('[aria-busy="true"]')).not.toBeNull();
  },
};
export const Dark: Story = { args: { theme: 'dark' } };
