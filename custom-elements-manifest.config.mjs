// Generates each package's custom-elements.json from the JSDoc on its elements
// (run from the package folder). Storybook autodocs, editors and framework wrappers read it.
import { defineHelperCalls, inheritFromDependencies } from './scripts/cem-plugins.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [
    // Widgets extend core's SafetyElement: take its attributes, properties, parts and custom
    // properties from core's manifest.
    inheritFromDependencies(),
    // Tags are registered with core's guarded defineElement(tag, Class, version), not with
    // customElements.define: record those calls as custom-element-definition exports.
    defineHelperCalls({ helpers: ['defineElement'] }),
  ],
};
