import type { ComponentType } from 'react';

// Type-only: erased from the shell's bundle, the world itself stays in its lazy chunk.
export type { WorldProps } from '../world/World';
import type { WorldProps } from '../world/World';
import { check3dSupport } from './capability';
import { whenIdle } from '../whenIdle';

export type { LoadProgress } from '../world/loading';
import type { LoadProgress } from '../world/loading';

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

const loading = () => import('../world/loading');
const worldLoader = () => Object.values(loaders)[0] as (() => Promise<{ default: ComponentType<WorldProps> }>) | undefined;

/**
 * Loads the world chunk (a counted download, then the import, then the sign font): one load
 * for all callers, see world/loading.ts.
 */
export async function loadWorld(onProgress: (p: LoadProgress) => void): Promise<ComponentType<WorldProps>> {
  const loader = worldLoader();
  if (!loader) throw new Error('the 3D world is not part of this build');
  return (await loading()).loadWorld(loader, onProgress);
}

/** Starts loading the world now (the citizen is choosing an avatar); the hall joins this load. */
export function startWorld(): void {
  loadWorld(() => undefined).catch(() => undefined);
}

/**
 * Loads the world ahead while the welcome page is read, once the page is idle, on devices that
 * can show the hall and did not ask to save data: its chunk's bytes, then (only if they all
 * came, see world/loading.ts prefetchWorldLoad) the module and the sign font. "Masuk" then
 * finds the hall ready to mount. Every page that may show the hall runs it: the welcome page,
 * the staff console and the projector.
 */
export function prefetchWorld(): void {
  const nav = navigator as Navigator & { connection?: { saveData?: boolean } };
  if (nav.connection?.saveData) return;
  const loader = worldLoader();
  if (!loader) return;
  // The small loading chunk at once (a failed import would stay failed), the rest when idle.
  loading()
    .then((l) =>
      whenIdle(() => {
        if (!worldProblem()) l.prefetchWorldLoad(loader).catch(() => undefined);
      }),
    )
    .catch(() => undefined);
}
