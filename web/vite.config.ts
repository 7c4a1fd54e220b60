/**
 * Builds the dashboard into web/dist, which `retain serve` serves at /. In
 * `vite dev` the API is proxied to a `retain serve` on port 3000, so the
 * session cookie stays same-origin as in production.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite reads the config's default export; this is the one default export in web/.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts is most of the bundle: it gets a chunk of its own, loaded by the pages with charts
    // and cached while the pages change, and the size warning allows for it.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
