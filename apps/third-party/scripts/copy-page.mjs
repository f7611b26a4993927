// Copies the page into dist/, what the feed server serves at /third-party/. No script of its own:
// the page loads only the classic embed script /cdn/safety-widgets.iife.js.
import { copyFileSync, mkdirSync } from 'node:fs';
mkdirSync('dist', { recursive: true });
for (const file of ['index.html', 'newsletter.css']) copyFileSync(`src/${file}`, `dist/${file}`);
