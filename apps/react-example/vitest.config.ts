import { defineConfig } from 'vitest/config';
import { unitProject } from '../../vitest.shared.ts';

const unit = unitProject();

export default defineConfig({
  test: {
    projects: [
      {
        ...unit,
        test: {
          ...unit.test,
          include: ['test/**/*.test.ts'],
          // Each file installs an app with npm (from the registry or npm's cache), builds it and opens it.
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
