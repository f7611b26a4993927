import type { StorybookConfig } from '@storybook/web-components-vite';

/** The docs app for designers and web developers: every package's stories in one place. */
const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // The sample feeds, served at /feeds/ so stories can load them like a page would.
  staticDirs: [{ from: '../packages/sample-data/dist/feeds', to: '/feeds' }],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  docs: {},
};
export default config;
