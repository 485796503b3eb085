/**
 * `npm test`: type-check, build the client (the browser tests load it), run every test
 * file, then print one closing line `tests: N passed, N failed, N skipped`.
 * Arguments are passed to vitest (e.g. `npm test -- tests/unit`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (pkg: string, file: string) => join(root, 'node_modules', pkg, file);
const step = (label: string, args: string[]) => {
  console.log(`\n> ${label}`);
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
};

if (step('tsc --noEmit', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', '.']) !== 0) process.exit(1);
if (step('vite build', [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
mkdirSync(join(root, '.tmp'), { recursive: true });
const report = join(root, '.tmp/vitest-report.json');
const status = step('vitest run', [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);
try {
  const r = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  // A file can fail with every test passed (an error in a before/after hook): say so.
  const suites = r.numFailedTests === 0 && r.numFailedTestSuites > 0 ? ` (${r.numFailedTestSuites} test file(s) failed outside a test)` : '';
  const failed = r.numFailedTests === 0 && status !== 0 ? Math.max(1, r.numFailedTestSuites) : r.numFailedTests;
  console.log(`\ntests: ${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped${suites}`);
} catch {
  console.log('\ntests: 0 passed, 1 failed (no report: vitest did not finish)');
}
process.exit(status);
