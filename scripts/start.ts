/**
 * `npm start`: builds the web client when it is missing or older than its sources, then
 * runs the server (embedded database, one port). Nothing else needs to be running.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const built = join(root, 'dist/client/index.html');

function newest(path: string): number {
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
await import('../src/server/main');
