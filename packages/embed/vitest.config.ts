import { defineConfig } from 'vitest/config';
import { browserProject, unitProject } from '../../vitest.shared.ts';

export default defineConfig({
  // The built files are served as they are (Vite's public folder: no transform), at the test
  // server's root, so test pages load exactly what a host page would: entries, chunks and all.
  publicDir: 'dist',
  test: { projects: [unitProject(), browserProject()] },
});
