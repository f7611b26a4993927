import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
type Manifest = { schemaVersion: string; modules: unknown[] };
/** One manifest for autodocs, merged from each package's custom-elements.json (written by `pnpm build`). */
const manifests = Object.values(
  import.meta.glob<Manifest>('../packages/*/custom-elements.json', { eager: true, import: 'default' }),
);
setCustomElementsManifest({
  schemaVersion: manifests[0]?.schemaVersion ?? '1.0.0',
  modules: manifests.flatMap((m) => m.modules),
});

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
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'light' },
  decorators: [
    (story, context) => {
      const dark = context.globals.theme === 'dark';
      return html`<div
        lang=${context.globals.locale ?? 'zh-CN'}
        data-theme=${dark ? 'dark' : 'light'}
        style="padding:16px;min-height:100%;background:${dark ? '#0f1419' : '#ffffff'};color:${dark ? '#e6e9ee' : '#1b1f24'}"
      >
        ${story()}
      </div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};
export default preview;
