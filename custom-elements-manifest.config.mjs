// Generates each package's custom-elements.json from the JSDoc on its elements
// (run from the package folder). Storybook autodocs and the React wrappers read it.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
