import { Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { holdIdle } from '../kiosk/idleClock';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n';
import { useAppStore, type Intent } from '../state';
import { ActivePanel } from './ActivePanel';
import { useTypingSheet } from '../components/useTypingSheet';
import { counterDirectory, type DirectoryEntry } from '../wayfinding/counterDirectory';
import { useLiveCounters } from '../live/useLiveCounters';
import { LoadingOverlay } from './LoadingOverlay';
import { LazyFirstVisitGuide } from '../guide/LazyFirstVisitGuide';
import { MainRegion } from './MainRegion';
import { NearPrompt } from '../counter/NearPrompt';
import { deskName } from '../wayfinding/deskName';
import { TakeMeTo } from '../wayfinding/TakeMeTo';
import { useFirstVisitGuide } from '../guide/useFirstVisitGuide';
import { useWorldBubbles } from './useWorldBubbles';
import { WorldErrorBoundary } from './WorldErrorBoundary';
import { useWorldComponent } from './useWorldComponent';
import type { WalkToRequest } from '../world/movement/useWalkTo';

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
  const { World, progress } = useWorldComponent(true, fail);

  const interact = useCallback(
    (code: string) => {
      if (code === 'info') openTracker();
      else openCounter(code);
    },
    [openCounter, openTracker],
  );

  const onReady = useCallback(() => setReady(true), []);

  // First-visit guide and "take me to…": the hall ignores movement keys while either is open.
  const guide = useFirstVisitGuide();
  const [menuOpen, setMenuOpen] = useState(false);
  const [walkTo, setWalkTo] = useState<WalkToRequest | null>(null);
  const announce = useAppStore((s) => s.announce);
  const takeMeTo = useCallback(
    (entry: DirectoryEntry) => {
      setWalkTo((w) => ({ code: entry.code, seq: (w?.seq ?? 0) + 1 }));
      announce(t('announceWalking', { name: deskName(entry, lang, t) }));
    },
    [announce, t, lang],
  );
  // A kiosk's idle clock stands still while the hall loads and while the avatar walks (at most
  // 30 s a walk, so a walk that never arrives cannot keep a kiosk from resetting).
  useEffect(() => {
    holdIdle('hall-loading', !ready);
    return () => holdIdle('hall-loading', false);
  }, [ready]);
  useEffect(() => {
    if (!walkTo || panel) return;
    holdIdle('walking', true);
    const stop = setTimeout(() => holdIdle('walking', false), 30_000);
    return () => {
      clearTimeout(stop);
      holdIdle('walking', false);
    };
  }, [walkTo, panel]);
  // The citizen's own words chose a counter: walk there; the form opens on arrival.
  const setIntent = useAppStore((s) => s.setIntent);
  const walkForIntent = useCallback(
    (intent: Intent) => {
      const entry = counterDirectory().find((d) => d.code === intent.agency);
      setIntent(intent);
      if (entry) takeMeTo(entry);
      else openCounter(intent.agency);
    },
    [setIntent, takeMeTo, openCounter],
  );

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
                controlsEnabled={panel === null && !guide.open && !menuOpen}
                walkTo={walkTo}
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
      {ready && !panel && <TakeMeTo variant="3d" className="take-me-to-button--hud" onPick={takeMeTo} onIntent={walkForIntent} onOpenChange={setMenuOpen} />}
      {guide.open && <LazyFirstVisitGuide variant="3d" onDone={guide.done} />}
      {panel && (
        <WorldPanel />
      )}
    </MainRegion>
  );
}

/** The open panel over the hall: a bottom sheet on phones, which the form being filled gets whole (useTypingSheet). */
function WorldPanel() {
  const sheet = useRef<HTMLDivElement>(null);
  useTypingSheet(sheet, 'world-panel--typing');
  return (
    <div className="world-panel" ref={sheet}>
      <ActivePanel variant="sheet" />
    </div>
  );
}
