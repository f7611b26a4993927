import { defineConfig } from 'vite';

// `pnpm --filter @safety-widgets/react-example dev`: the example with the sample feeds at /feeds/.
export default defineConfig({
  publicDir: '../../packages/sample-data/dist',
  // One React for the app and @safety-widgets/react, however the packages are linked.
  resolve: { dedupe: ['react', 'react-dom'] },
});
