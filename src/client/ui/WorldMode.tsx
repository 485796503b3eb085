import { Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { useAppStore } from '../state';
import { ActivePanel } from './ActivePanel';
import { useLiveCounters } from './live/useLiveCounters';
import { LoadingOverlay } from './LoadingOverlay';
import { MainRegion } from './MainRegion';
import { NearPrompt } from './NearPrompt';
import { useWorldBubbles } from './useWorldBubbles';
import { WorldErrorBoundary } from './WorldErrorBoundary';
import { loadWorld, type LoadProgress, type WorldProps } from './worldLoader';

const PHONE_QUERY = '(max-width: 640px)';
const subscribePhone = (onChange: () => void) => {
  const query = matchMedia(PHONE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const isPhone = () => matchMedia(PHONE_QUERY).matches;

/** The walkable hall with its DOM overlays: loading bar, counter prompt, panels. */
export function WorldMode() {
  const t = useT();
  const { lang, avatar, panel, near, lastTickets, setNear, openCounter, openTracker, setMode, staff, consoleOpen } = useAppStore(
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
      staff: s.staff,
      consoleOpen: s.consoleOpen,
    })),
  );
  const [World, setWorld] = useState<ComponentType<WorldProps> | null>(null);
  const [progress, setProgress] = useState<LoadProgress>({ phase: 'code', loaded: 0, total: null });
  const [ready, setReady] = useState(false);
  const bubbles = useWorldBubbles();
  const { statuses, officerNames, serving } = useLiveCounters();
  const queueDisplay = useMemo(() => ({ ...lastTickets, ...serving }), [lastTickets, serving]);
  const phone = useSyncExternalStore(subscribePhone, isPhone);
  // Which side a DOM panel covers, so the camera keeps the avatar in the visible part. On wide
  // screens the staff console sits beside the canvas (the canvas narrows), not over it.
  const covered = panel !== null || (staff !== null && consoleOpen && phone);
  const panelOpen: 'right' | 'bottom' | null = covered ? (phone ? 'bottom' : 'right') : null;

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
                officerNames={officerNames}
                panelOpen={panelOpen}
                bubbles={bubbles}
                queueDisplay={queueDisplay}
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
