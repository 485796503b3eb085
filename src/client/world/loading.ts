import type { ComponentType } from 'react';
import type { WorldProps } from './World';

// The world's loading, a small lazy chunk of its own (the shell's first download stays small):
// shell/worldLoader.ts imports it when the app mounts (its prefetch then waits for an idle
// moment), on "Masuk" or when the hall mounts.

export interface LoadProgress {
  phase: 'code' | 'start';
  loaded: number;
  /** Bytes expected; null when the server did not say (compressed or chunked). */
  total: number | null;
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

/** Downloads a file counting its bytes, so the bar moves with the real transfer; true once all came. */
async function download(url: string, onBytes: (loaded: number, total: number | null) => void): Promise<boolean> {
  const response = await fetch(url);
  if (!response.ok || !response.body) return false;
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
  return true;
}

type WorldModule = { default: ComponentType<WorldProps>; signFontReady?: () => Promise<void> };

let latest: LoadProgress = { phase: 'code', loaded: 0, total: null };
const listeners = new Set<(p: LoadProgress) => void>();
function report(p: LoadProgress): void {
  latest = p;
  for (const listener of listeners) listener(p);
}

/**
 * The counted download of the world chunk, once: true when all its bytes came (the import then
 * finds them in the browser's cache, or in the service worker's; the server asks for
 * revalidation, so without the service worker a connection lost between the two still fails
 * the import), false when it failed or its URL is unknown (the dev server: no prefetch there).
 * A failed download is forgotten, and its progress too, so a later load starts afresh.
 */
let bytes: Promise<boolean> | null = null;
function fetchBytes(loader: () => unknown): Promise<boolean> {
  const url = chunkUrl(loader);
  if (!url) return Promise.resolve(false);
  if (!bytes) {
    const mine: Promise<boolean> = download(url, (loaded, total) => report({ phase: 'code', loaded, total }))
      .catch(() => false)
      .then((ok) => {
        if (!ok && bytes === mine) {
          bytes = null;
          latest = { phase: 'code', loaded: 0, total: null };
        }
        return ok;
      });
    bytes = mine;
  }
  return bytes;
}

let world: Promise<ComponentType<WorldProps>> | null = null;

/**
 * Loads the world chunk: first a counted download (the browser keeps it in its cache), then
 * the module import, which the cache answers; the sign font is started then. One load for all callers:
 * the welcome page starts it when idle (prefetchWorld), else "Masuk" does (startWorld); the hall joins it.
 * A failed load is forgotten. The welcome page's prefetch imports only after a complete
 * download (see prefetchWorldLoad for why).
 */
export function loadWorld(loader: () => Promise<WorldModule>, onProgress: (p: LoadProgress) => void): Promise<ComponentType<WorldProps>> {
  listeners.add(onProgress);
  onProgress(latest);
  world ??= (async () => {
    performance.mark('world:load');
    await fetchBytes(loader);
    performance.mark('world:downloaded');
    const mod = await loader();
    performance.mark('world:imported');
    report({ phase: 'start', loaded: 1, total: 1 });
    // The sign font comes while the hall mounts (a text set before it came is painted when it
    // comes, signs/SignTextMesh.ts).
    mod.signFontReady?.().then(
      () => performance.mark('world:font'),
      () => undefined,
    );
    return mod.default;
  })();
  const mine = world;
  mine.catch(() => {
    if (world === mine) world = null;
  });
  return mine.finally(() => listeners.delete(onProgress));
}

/**
 * The welcome page's load ahead: the chunk's bytes first, and the import (with the font) only
 * once they all came. A browser keeps a failed module import for the page's life, so an import
 * tried while the connection was down would leave "Masuk" with no hall until a reload (on a
 * kiosk, for every visitor after); a failed byte download is simply tried again on "Masuk".
 */
export async function prefetchWorldLoad(loader: () => Promise<WorldModule>): Promise<void> {
  if (world || !(await fetchBytes(loader))) return;
  await loadWorld(loader, () => undefined);
}
