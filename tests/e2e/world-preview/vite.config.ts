import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { agencySummaries } from '../../../scripts/agency-summaries.mjs';

/** `npx vite tests/e2e/world-preview --port 5190`: the world alone, with the app's public/ (fonts). */
const repo = fileURLToPath(new URL('../../..', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: `${repo}public`,
  plugins: [react(), agencySummaries()],
  server: { fs: { allow: [repo] }, strictPort: true },
});
