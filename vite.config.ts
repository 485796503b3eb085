import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The dev server proxies the API and the realtime rooms to the Makaverse server (npm run dev starts both). */
const api = `http://127.0.0.1:${process.env.API_PORT ?? '8787'}`;

export default defineConfig({
  plugins: [react()],
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
