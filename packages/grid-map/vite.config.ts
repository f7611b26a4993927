import { defineConfig } from 'vite';
import { widgetBundle } from '../../vite.bundle.ts';

export default defineConfig(
  widgetBundle(import.meta.dirname, 'src/safety-grid-map.ts', 'safety-grid-map.js'),
);
