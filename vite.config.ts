import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { agencySummaries } from './scripts/agency-summaries.mjs';

/** The dev server proxies the API and the realtime rooms to the Makaverse server (npm run dev starts both). */
const api = `http://127.0.0.1:${process.env.API_PORT ?? '8787'}`;

/**
 * The no-eval build of msgpackr (colyseus.js decodes room messages with it), made the way its
 * authors make theirs: `new Function` becomes `new BlockedFunction`, so its start-up probe for
 * eval fails quietly instead of breaking the app's Content-Security-Policy (no 'unsafe-eval').
 */
const msgpackrNoEval: Plugin = {
  name: 'msgpackr-no-eval',
  transform(code, id) {
    if (!/[\\/]@colyseus[\\/]msgpackr[\\/]/.test(id) || !code.includes('new Function')) return null;
    return { code: code.replaceAll('new Function(', 'new BlockedFunction('), map: null };
  },
};

export default defineConfig({
  plugins: [react(), msgpackrNoEval, agencySummaries()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      // The citizens' app, and the supervisors' figures dashboard as a page of its own.
      input: { main: 'index.html', dashboard: 'dashboard.html' },
    },
  },
  server: {
    proxy: {
      '/open311': api,
      '/api': api,
      '/rooms': { target: api, ws: true },
    },
  },
});
