import type { ComponentType } from 'react';

// Type-only: erased from the shell's bundle, the world itself stays in its lazy chunk.
export type { WorldProps } from '../world/World';
import type { WorldProps } from '../world/World';
import { check3dSupport } from './capability';

export interface LoadProgress {
  phase: 'code' | 'start';
  loaded: number;
  /** Bytes expected; null when the server did not say (compressed or chunked). */
  total: number | null;
}

// A glob, not a plain import(): the world chunk is optional while it is being written,
// and the loader's source tells us the chunk's URL for a byte-counted download.
const loaders = import.meta.glob<{ default: ComponentType<WorldProps> }>('../world/World.tsx');

export function worldAvailable(): boolean {
  return Object.keys(loaders).length > 0;
}

/** Why this page cannot show the 3D hall (no world chunk, no WebGL, a weak device), or null when it can. */
export function worldProblem(): ReturnType<typeof check3dSupport> | 'no_webgl' {
  return worldAvailable() ? check3dSupport() : 'no_webgl';
}

/** The built chunk's URL, read from the loader Vite generated (`import("./World-hash.js")`). */
function chunkUrl(loader: () => unknown): string | null {
  const m = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/.exec(loader.toString());
  if (!m) return null;
  try {
    return new URL(m[1], import.meta.url).toString();
  } catch {
    return null;
  }
}

/** Downloads a file counting its bytes, so the bar moves with the real transfer. */
async function download(url: string, onBytes: (loaded: number, total: number | null) => void): Promise<void> {
  const response = await fetch(url);
  if (!response.ok || !response.body) return;
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 && !response.headers.get('content-encoding') ? length : null;
  const reader = response.body.getReader();
  let loaded = 0;
  onBytes(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    onBytes(loaded, total);
  }
}

/**
 * Loads the world chunk: first a counted download (the browser keeps it in its cache),
 * then the module import, which the cache answers.
 */
export async function loadWorld(onProgress: (p: LoadProgress) => void): Promise<ComponentType<WorldProps>> {
  const loader = Object.values(loaders)[0];
  if (!loader) throw new Error('the 3D world is not part of this build');
  const url = chunkUrl(loader);
  if (url) {
    try {
      await download(url, (loaded, total) => onProgress({ phase: 'code', loaded, total }));
    } catch {
      // The import below fetches it again and reports its own failure.
    }
  }
  const mod = await loader();
  onProgress({ phase: 'start', loaded: 1, total: 1 });
  return mod.default;
}
