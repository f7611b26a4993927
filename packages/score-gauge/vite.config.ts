import { defineConfig } from 'vite';
import { widgetBundle } from '../../vite.bundle.ts';

export default defineConfig(
  widgetBundle(import.meta.dirname, 'src/safety-score-gauge.ts', 'safety-score-gauge.js'),
);
