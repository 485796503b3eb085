import { lazy, Suspense, useEffect } from 'react';
import { useT } from './i18n';
import { useAppStore } from './state';
import { urlTicket, urlWants2d, urlWantsProjector, urlWantsStaff } from './shell/capability';
import { FOLLOWUP_PAGE } from '../shared/caseLoop';

/** The private follow-up link's page (/ikuti#secret) stands on its own: no hall, no welcome. */
const isFollowupPage = () => location.pathname === FOLLOWUP_PAGE;
import { Header } from './shell/Header';
import { prefetchPanels } from './shell/ActivePanel';
import { prefetchWorld } from './shell/worldLoader';
import { useHallConnection } from './live/useHallConnection';
import { startOutbox } from './forms/reports';
import { TwoDMode } from './shell/TwoDMode';
import { Welcome } from './welcome/Welcome';
import { WorldMode } from './shell/WorldMode';
import { useHall } from './net/hallStore';

// Staff pages are a lazy chunk: citizens never download them.
const StaffLogin = lazy(() => import('./staff/StaffLogin').then((m) => ({ default: m.StaffLogin })));
const StaffConsole = lazy(() => import('./staff/StaffConsole').then((m) => ({ default: m.StaffConsole })));
// The citizen's private follow-up page (issue 12): only holders of a private link open it.
const FollowupPage = lazy(() => import('./followup/FollowupPage').then((m) => ({ default: m.FollowupPage })));
// The projector view too: only big screens at events open it.
const ProjectorMode = lazy(() => import('./projector/ProjectorMode').then((m) => ({ default: m.ProjectorMode })));
// Voice (issue 14) only matters in a conversation with an officer, which the counter panel's
// chunk (with the call controls) has already loaded: the bar is fetched then, not at start.
const CallBar = lazy(() => import('./voice/CallBar').then((m) => ({ default: m.CallBar })));

/** The DOM shell: the header, then the welcome page, the 2D counters or the 3D hall (with the staff console for staff). */
export function App() {
  const t = useT();
  const mode = useAppStore((s) => s.mode);
  const lang = useAppStore((s) => s.lang);
  const staff = useAppStore((s) => s.staff);
  const inConversation = useHall((s) => s.conversation !== null);
  useHallConnection();

  useEffect(() => {
    startOutbox();
    prefetchPanels();
    // The private follow-up page never shows the hall: nothing of it is loaded there.
    if (!urlWants2d() && !isFollowupPage()) prefetchWorld();
    const { setMode, openTracker } = useAppStore.getState();
    if (urlWantsStaff()) {
      setMode('staffLogin');
      return;
    }
    if (urlWantsProjector()) {
      setMode('projector');
      return;
    }
    if (urlWants2d()) setMode('2d');
    const ticket = urlTicket();
    if (ticket) openTracker(ticket);
  }, []);

  useEffect(() => {
    // Only a choice is remembered (setLang); showing a language stores nothing.
    document.documentElement.lang = lang;
    document.title = `${t('appName')} — ${t('appTagline')}`;
  }, [lang, t]);

  const inHall = mode === '3d' || mode === '2d';
  if (isFollowupPage()) {
    return (
      <>
        <Header />
        <Suspense fallback={null}>
          <FollowupPage />
        </Suspense>
      </>
    );
  }
  return (
    <>
      <Header />
      {mode === 'welcome' && <Welcome />}
      {mode === '2d' && <TwoDMode />}
      {mode === '3d' && <WorldMode />}
      {mode === 'projector' && (
        <Suspense fallback={null}>
          <ProjectorMode />
        </Suspense>
      )}
      {mode === 'staffLogin' && (
        <Suspense fallback={null}>
          <StaffLogin />
        </Suspense>
      )}
      {staff && inHall && (
        <Suspense fallback={null}>
          <StaffConsole />
        </Suspense>
      )}
      {inHall && inConversation && (
        <Suspense fallback={null}>
          <CallBar />
        </Suspense>
      )}
    </>
  );
}
