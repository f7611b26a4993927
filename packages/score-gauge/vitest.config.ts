import { defineConfig } from 'vitest/config';
import { browserProject, unitProject } from '../../vitest.shared.ts';

const unit = unitProject();

export default defineConfig({
  // Pre-bundle axe-core so a cold cache does not reload the browser run halfway.
  optimizeDeps: { include: ['axe-core'] },
  test: {
    projects: [
      // `vitest bench --run` runs the pure benches in Node and the rendering benches in Chromium.
      {
        ...unit,
        test: {
          ...unit.test,
          benchmark: { include: ['bench/**/*.bench.ts'], exclude: ['bench/**/*.browser.bench.ts'] },
        },
      },
      browserProject({ benchmark: { include: ['bench/**/*.browser.bench.ts'] } }),
    ],
  },
});
