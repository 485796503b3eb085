import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, runnerImport, type Plugin } from 'vite';

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

type CatalogModule = typeof import('./src/shared/catalog');
const CATALOG_MODULE = fileURLToPath(new URL('./src/shared/catalog.ts', import.meta.url));
let catalogModule: Promise<CatalogModule> | null = null;

/**
 * `scenes/agencies/<file>.json?summary`: the agency file as agencySummarySchema keeps it (no
 * service forms), validated at build time. The citizens' app starts with these
 * (src/client/catalog.ts) and loads the full files only with a form.
 */
export function agencySummaries(): Plugin {
  return {
    name: 'agency-summaries',
    async load(id) {
      const [file, query = ''] = id.split('?');
      if (!new URLSearchParams(query).has('summary') || !/[\\/]scenes[\\/]agencies[\\/][^\\/]+\.json$/.test(file)) return null;
      this.addWatchFile(file);
      // The schema through Vite's own module runner: the config itself stays free of the app's modules.
      catalogModule ??= runnerImport<CatalogModule>(CATALOG_MODULE, { configFile: false }).then((r) => r.module);
      const { agencySummarySchema, parseSceneFile } = await catalogModule;
      const summary = parseSceneFile(agencySummarySchema, relative(process.cwd(), file), JSON.parse(await readFile(file, 'utf8')));
      return { code: `export default ${JSON.stringify(summary)};`, moduleType: 'js' };
    },
  };
}

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
