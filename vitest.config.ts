import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { agencySummaries } from './scripts/agency-summaries.mjs';

/**
 * The longest files first, so that the two workers end together: what the last run took when
 * vitest remembers it, otherwise browser files, then server files, then unit files, larger first
 * (a fresh checkout, as in CI, has no memory of a last run).
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const kind = (f: TestSpecification) => (f.moduleId.includes('/tests/e2e/') ? 0 : f.moduleId.includes('/tests/integration/') ? 1 : 2);
    const lastRun = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`)?.duration;
    const size = (f: TestSpecification) => statSync(f.moduleId).size;
    return [...files].sort((a, b) => {
      const [da, db] = [lastRun(a), lastRun(b)];
      if (da !== undefined && db !== undefined) return db - da;
      return kind(a) - kind(b) || size(b) - size(a);
    });
  }
}

export default defineConfig({
  // Client modules under test read the agency summaries as the build does.
  plugins: [agencySummaries()],
  // vitest remembers each file's last duration here (for LongestFirst): outside node_modules, so `npm ci` keeps it.
  cacheDir: '.tmp/vite',
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two files at a time on two cores. Three were no faster (local: 1131 s against about 1100 s with
    // two; the browser tests' software rendering keeps both cores busy) and left a reloaded 3D
    // staff page too little CPU to show its queue within 30 s in one CI run.
    maxWorkers: 2,
    pool: 'forks',
    // Each worker keeps the modules it imported for the next file (the server, PGlite, colyseus,
    // playwright): every file builds its own server, database and browser context, so nothing of
    // one file's state is shared. Integration and unit files alone: 160 s against 223 s isolated,
    // 3.3 against 6.3 CPU minutes (one run each on the two-core machine).
    isolate: false,
    // The PGlite template once, and one Chromium per worker for the whole run (launchBrowser connects to it).
    globalSetup: ['tests/helpers/globalSetup.ts'],
    sequence: { sequencer: LongestFirst },
  },
});
