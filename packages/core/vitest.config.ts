import { defineConfig } from 'vitest/config';
import { browserProject, unitProject } from '../../vitest.shared.ts';

// Every locale's texts are loaded before each test file, so pure functions can format text at once
// (widgets wait for their texts themselves; core's catalogue tests cover the waiting).
const setupFiles = ['./test/load-messages.ts'];

export default defineConfig({
  // Pre-bundle axe-core so a cold cache does not reload the browser run halfway.
  optimizeDeps: { include: ['axe-core'] },
  test: {
    projects: [
      unitProject({ setupFiles }),
      browserProject({ setupFiles, globalSetup: ['./test/test-server.global.ts'] }),
    ],
  },
});
