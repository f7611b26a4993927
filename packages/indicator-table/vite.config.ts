import { defineConfig } from 'vite';
import { widgetBundle } from '../../vite.bundle.ts';

export default defineConfig(
  widgetBundle(import.meta.dirname, 'src/safety-indicator-table.ts', 'safety-indicator-table.js'),
);
