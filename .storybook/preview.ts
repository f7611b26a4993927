import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { elements, embedManifest } from './embed-info.ts';
import { HIGH_CONTRAST_CSS, cssDeclarations, embedSnippet } from './embed-snippet.ts';
import { storyWidth } from './snapshot-link.ts';
import './pending-feed.ts';

setCustomElementsManifest(elements);

/** True inside `pnpm test:stories` (the Vitest plugin sets this variable), false in the docs app. */
const STORY_TESTS = import.meta.env.VITEST_STORYBOOK !== undefined;

/** Wrapper colours per toolbar theme: page background and text around the widgets. */
const SURROUND = {
  light: 'background:#ffffff;color:#1b1f24',
  dark: 'background:#0f1419;color:#e6e9ee',
  // High contrast is only the documented --safety-* custom properties, set on the wrapper and
  // inherited into every widget's shadow root (plus a black page with white text around them).
  'high-contrast': `background:#000000;color:#ffffff;${cssDeclarations(HIGH_CONTRAST_CSS, ';')}`,
} as const;
type ThemeName = keyof typeof SURROUND;

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '中文 (zh-CN)' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme of the widgets',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'high-contrast', title: 'High contrast (--safety-* properties)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'light' },
  decorators: [
    (story, context) => {
      const theme: ThemeName = context.globals.theme in SURROUND ? context.globals.theme : 'light';
      return html`<div
        lang=${context.globals.locale ?? 'zh-CN'}
        data-theme=${theme}
        style="padding:16px;min-height:100%;${SURROUND[theme]}"
      >
        ${story()}
      </div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    // Story tests (pnpm test:stories) run axe after every story's render and play function and
    // fail on violations of serious or critical impact; moderate and minor ones show in the
    // Accessibility panel only. In the test run axe details only the violations (not every passing
    // node, whose selectors cost most of axe's time on the big tables), which keeps the run short.
    a11y: {
      test: 'error',
      options: {
        impactLevels: ['serious', 'critical'],
        ...(STORY_TESTS ? { resultTypes: ['violations'] } : {}),
      },
    },
    // Storybook's built-in viewport toolbar: the three widths the widgets are designed for.
    viewport: {
      options: {
        phone: { name: 'Phone (390 px)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        tablet: { name: 'Tablet (768 px)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
        desktop: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
    docs: {
      source: {
        // "Show code" on a widget's Canvas is the embed snippet for the current controls (its no-script
        // image as wide as the story's box, like the Guide's "Copy image link").
        transform: (code: string, context: { component?: unknown; args: Record<string, unknown> }) =>
          embedSnippet(typeof context.component === 'string' ? context.component : undefined, context.args, {
            embed: embedManifest,
            elements,
            globals: (context as { globals?: Record<string, unknown> }).globals ?? {},
            width: storyWidth(context.args.width),
          }) ?? code,
      },
    },
  },
};
export default preview;
