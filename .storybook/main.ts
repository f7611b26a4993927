import type { StorybookConfig } from '@storybook/web-components-vite';

/** The docs app for designers and web developers: every package's stories in one place. */
const config: StorybookConfig = {
  // Hand-written pages first (Getting started, one page per widget), then every package's stories.
  stories: ['./docs/**/*.mdx', '../packages/*/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // The sample feeds, served at /feeds/ so stories can load them like a page would, and the feed
  // format's JSON Schema at /schema/ (linked from the getting-started page).
  staticDirs: [
    { from: '../packages/sample-data/dist/feeds', to: '/feeds' },
    { from: '../packages/core/dist/schema', to: '/schema' },
  ],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // Each widget has a hand-written "Guide" (for designers) beside the generated page, named for what
  // it is: every attribute, property, event, part and custom property from custom-elements.json.
  docs: { defaultName: 'API reference' },
};
export default config;
