// Plain JavaScript on purpose: see build-server.mjs.
/**
 * `npm start`: builds the web client when it is missing or older than its sources, compiles
 * the server when stale, then runs the compiled server (embedded database, one port).
 * Nothing else needs to be running.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServerIfStale, root, serverEntry } from './build-server.mjs';

const built = join(root, 'dist/client/index.html');

/** @param {string} path */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const sources = ['index.html', 'vite.config.ts', 'src/client', 'src/shared', 'scenes', 'public', 'package-lock.json'];
const stale = !existsSync(built) || sources.some((s) => newest(join(root, s)) > statSync(built).mtimeMs);
if (stale) {
  console.log('Membangun klien web / building the web client (vite build)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('vite build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
try {
  if (await buildServerIfStale()) console.log('Server dikompilasi / server compiled (dist/server)');
} catch (error) {
  console.error(`compiling the server failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
await import(pathToFileURL(serverEntry).href);
