// Plain JavaScript so vite.config.ts and vitest.config.ts import it by its full name (Vite's
// config loader warns about extensionless imports, and TypeScript refuses a '.ts' one here).
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const CATALOG_MODULE = fileURLToPath(new URL('../src/shared/catalog.ts', import.meta.url));
/** @type {Promise<typeof import('../src/shared/catalog')> | null} */
let catalogModule = null;

/**
 * `scenes/agencies/<file>.json?summary`: the agency file as agencySummarySchema keeps it (no
 * service forms), validated at build time. The citizens' app starts with these
 * (src/client/catalog.ts) and loads the full files only with a form.
 * @returns {import('vite').Plugin}
 */
export function agencySummaries() {
  return {
    name: 'agency-summaries',
    // The schema is read again after an edit under src/shared (dev server, watch mode).
    watchChange(id) {
      if (/[\\/]src[\\/]shared[\\/]/.test(id)) catalogModule = null;
    },
    async load(id) {
      const [file, query = ''] = id.split('?');
      if (!new URLSearchParams(query).has('summary') || !/[\\/]scenes[\\/]agencies[\\/][^\\/]+\.json$/.test(file)) return null;
      this.addWatchFile(file);
      // The schema through Vite's own module runner: the config stays free of the app's modules.
      catalogModule ??= runnerImport(CATALOG_MODULE, { configFile: false }).then(
        (r) => r.module,
        (error) => {
          catalogModule = null;
          throw error;
        },
      );
      const { agencySummarySchema, parseSceneFile } = await catalogModule;
      const summary = parseSceneFile(agencySummarySchema, relative(process.cwd(), file), JSON.parse(await readFile(file, 'utf8')));
      return { code: `export default ${JSON.stringify(summary)};`, moduleType: 'js' };
    },
  };
}
