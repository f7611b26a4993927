import { defineConfig } from 'vitest/config';
import { unitProject } from '../../vitest.shared.ts';

export default defineConfig({ test: { projects: [unitProject()] } });
