// Copies the page next to the compiled scripts: dist/ is what the feed server serves at /embed/.
import { copyFileSync } from 'node:fs';
for (const file of ['index.html', 'frame.css']) copyFileSync(`src/${file}`, `dist/${file}`);
