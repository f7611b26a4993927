import { defineConfig } from 'vitest/config';
import { browserProject, unitProject } from '../../vitest.shared.ts';

export default defineConfig({
  // Pre-bundle axe-core so a cold cache does not reload the browser run halfway.
  optimizeDeps: { include: ['axe-core'] },
  test: {
    projects: [unitProject(), browserProject()],
  },
});
