// Plain JavaScript on purpose: `npm start` runs this with node itself, so no TypeScript
// transpiler starts (tsx costs a second process and most of a second on a slow laptop).
/**
 * Compiles the server (src/server + src/shared and the packages they use) into one file,
 * dist/server/main.js, with esbuild, only when it is missing or a file it was built from changed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const serverEntry = join(root, 'dist/server/main.js');
const metaFile = join(root, 'dist/server/meta.json');

/** True when dist/server is missing or older than one of the files it was built from. */
export function serverStale() {
  if (!existsSync(serverEntry) || !existsSync(metaFile)) return true;
  const builtAt = statSync(serverEntry).mtimeMs;
  let inputs;
  try {
    inputs = Object.keys(JSON.parse(readFileSync(metaFile, 'utf8')).inputs);
  } catch {
    return true;
  }
  // The metafile lists every source the bundle holds; tsconfig and the lock file change how it compiles.
  return [...inputs, 'tsconfig.json', 'package-lock.json'].some((file) => {
    const path = join(root, file);
    return !existsSync(path) || statSync(path).mtimeMs > builtAt;
  });
}

/** Builds dist/server when stale; returns true when it built. */
export async function buildServerIfStale() {
  if (!serverStale()) return false;
  const { build } = await import('esbuild');
  const { writeFileSync } = await import('node:fs');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/server/main.ts'],
    outfile: serverEntry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // One file instead of hundreds of package modules: Node resolves and compiles it much faster.
    // PGlite stays a package (it finds its .wasm and .data beside its own module); the rest are optional native add-ons.
    external: ['@electric-sql/pglite', 'pg-native', 'bufferutil', 'utf-8-validate'],
    // CommonJS packages call require(): give the ES module one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    metafile: true,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  // Our own sources; a package that changes changes package-lock.json, which is checked too.
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/')).map((f) => [f, {}]));
  writeFileSync(metaFile, JSON.stringify({ inputs }));
  return true;
}
