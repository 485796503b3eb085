import { useEffect, useState, type ComponentType } from 'react';
import { loadWorld, type LoadProgress, type WorldProps } from './worldLoader';

const START: LoadProgress = { phase: 'code', loaded: 0, total: null };

/**
 * Loads the 3D world's lazy chunk while `enabled`, with its download progress; `onFail`
 * is called once if it cannot be loaded (keep it stable, e.g. with useCallback).
 */
export function useWorldComponent(enabled: boolean, onFail: () => void): { World: ComponentType<WorldProps> | null; progress: LoadProgress } {
  const [World, setWorld] = useState<ComponentType<WorldProps> | null>(null);
  const [progress, setProgress] = useState<LoadProgress>(START);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    loadWorld((p) => live && setProgress(p))
      .then((component) => live && setWorld(() => component))
      .catch(() => live && onFail());
    return () => {
      live = false;
    };
  }, [enabled, onFail]);
  return { World, progress };
}
