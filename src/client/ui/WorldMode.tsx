import { Suspense, useCallback, useEffect, useState, type ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { catalog } from '../catalog';
import { useT } from '../i18n';
import { useAppStore } from '../state';
import { ActivePanel } from './ActivePanel';
import { counterStatuses } from './counterStatus';
import { LoadingOverlay } from './LoadingOverlay';
import { MainRegion } from './MainRegion';
import { NearPrompt } from './NearPrompt';
import { useWorldBubbles } from './useWorldBubbles';
import { WorldErrorBoundary } from './WorldErrorBoundary';
import { loadWorld, type LoadProgress, type WorldProps } from './worldLoader';

const statuses = counterStatuses(catalog);

/** The walkable hall with its DOM overlays: loading bar, counter prompt, panels. */
export function WorldMode() {
  const t = useT();
  const { lang, avatar, panel, near, lastTickets, setNear, openCounter, openTracker, setMode } = useAppStore(
    useShallow((s) => ({
      lang: s.lang,
      avatar: s.avatar,
      panel: s.panel,
      near: s.nearCounter,
      lastTickets: s.lastTickets,
      setNear: s.setNearCounter,
      openCounter: s.openCounter,
      openTracker: s.openTracker,
      setMode: s.setMode,
    })),
  );
  const [World, setWorld] = useState<ComponentType<WorldProps> | null>(null);
  const [progress, setProgress] = useState<LoadProgress>({ phase: 'code', loaded: 0, total: null });
  const [ready, setReady] = useState(false);
  const bubbles = useWorldBubbles();

  const fail = useCallback(() => setMode('2d', 'load_failed'), [setMode]);

  useEffect(() => {
    let live = true;
    loadWorld((p) => live && setProgress(p))
      .then((component) => live && setWorld(() => component))
      .catch(() => live && fail());
    return () => {
      live = false;
    };
  }, [fail]);

  const interact = useCallback(
    (code: string) => {
      if (code === 'info') openTracker();
      else openCounter(code);
    },
    [openCounter, openTracker],
  );

  const onReady = useCallback(() => setReady(true), []);

  return (
    <MainRegion className="world-mode">
      <h1 className="sr-only" tabIndex={-1}>
        {t('appTagline')}
      </h1>
      {World && (
        <div className="world-canvas" data-ready={ready || undefined}>
          <WorldErrorBoundary onError={fail}>
            <Suspense fallback={null}>
              <World
                lang={lang}
                avatar={avatar}
                counterStatus={statuses}
                bubbles={bubbles}
                queueDisplay={lastTickets}
                controlsEnabled={panel === null}
                onNearCounter={setNear}
                onInteract={interact}
                onReady={onReady}
              />
            </Suspense>
          </WorldErrorBoundary>
        </div>
      )}
      {!ready && <LoadingOverlay progress={progress} />}
      {ready && !panel && (
        <p className="hud-help">{t('hudHelp')}</p>
      )}
      {ready && near && !panel && <NearPrompt code={near} onInteract={interact} />}
      {panel && (
        <div className="world-panel">
          <ActivePanel variant="sheet" />
        </div>
      )}
    </MainRegion>
  );
}
