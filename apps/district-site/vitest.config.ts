import { defineConfig } from 'vitest/config';
import { browserProject, unitProject } from '../../vitest.shared.ts';

// Pure functions in Node; the page's share links (src/*.browser.test.ts) in Chromium.
export default defineConfig({ test: { projects: [unitProject(), browserProject()] } });
