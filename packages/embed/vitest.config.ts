import { defineConfig } from 'vitest/config';
import { browserProject, unitProject } from '../../vitest.shared.ts';

export default defineConfig({
  test: { projects: [unitProject(), browserProject()] },
});
