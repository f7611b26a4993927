import { siteBuild } from '../demo-kit/src/site-build.ts';
import { defineConfig } from 'vite';

// src/index.html → dist/index.html, served at / by the feed server.
export default defineConfig(siteBuild({ appDir: import.meta.dirname, base: '/', pages: ['index.html'] }));
