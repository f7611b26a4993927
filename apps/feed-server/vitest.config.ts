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
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          // A throwaway PostgreSQL cluster for the storage contract (test/postgres/).
          globalSetup: ['test/postgres/global-setup.ts'],
          // Each file starts its own servers on random ports with temp databases: files may run in parallel.
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
