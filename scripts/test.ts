/**
 * `npm test`: type-check, build the client (the browser tests load it), run every test
 * file, then print one closing line `tests: N passed, N failed, N skipped`.
 * Arguments are passed to vitest (e.g. `npm test -- tests/unit`).
 *
 * The type-check runs beside the build and the tests (it only reads the sources, and takes
 * minutes on two cores): its output is printed when it ends, and a type error fails the run
 * (stopping the tests at once).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (pkg: string, file: string) => join(root, 'node_modules', pkg, file);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const step = (label: string, args: string[]) => {
  console.log(`\n> ${label}`);
  const started = performance.now();
  const status = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
  console.log(`> ${label}: ${status === 0 ? 'done' : `failed (${status})`} in ${seconds(started)}`);
  return status;
};

let tests: ChildProcess | undefined;
let tscFailed = false;
console.log('\n> tsc --noEmit (beside the build and the tests)');
const tscStarted = performance.now();
const tsc = spawn(process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit', '-p', '.'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
let tscOutput = '';
tsc.stdout.on('data', (d) => (tscOutput += d));
tsc.stderr.on('data', (d) => (tscOutput += d));
const tscDone = new Promise<number>((resolveStatus) =>
  tsc.once('close', (code) => {
    const status = code ?? 1;
    console.log(`\n> tsc --noEmit: ${status === 0 ? 'done' : `failed (${status})`} in ${seconds(tscStarted)}${tscOutput ? `\n${tscOutput}` : ''}`);
    if (status !== 0) {
      tscFailed = true;
      tests?.kill('SIGTERM');
    }
    resolveStatus(status);
  }),
);

const finish = async (status: number): Promise<never> => {
  const tscStatus = await tscDone;
  process.exit(status !== 0 ? status : tscStatus !== 0 ? 1 : 0);
};

if (step('vite build', [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn']) !== 0) await finish(1);
if (tscFailed) await finish(1);
mkdirSync(join(root, '.tmp'), { recursive: true });
const report = join(root, '.tmp/vitest-report.json');
console.log('\n> vitest run');
const vitestStarted = performance.now();
tests = spawn(process.execPath, [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const status = await new Promise<number>((resolveStatus) => tests!.once('close', (code) => resolveStatus(code ?? 1)));
console.log(`> vitest run: ${status === 0 ? 'done' : `failed (${status})`} in ${seconds(vitestStarted)}`);
if (tscFailed) {
  console.log('\ntests: stopped, the type-check failed (above)');
  await finish(1);
}
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
await finish(status);
