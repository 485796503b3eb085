import { lazy, Suspense } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../state';
import { AvatarDialog } from '../welcome/AvatarDialog';

// The counter (forms) and the tracker are chunks of their own, fetched as soon as the app has
// mounted (see prefetchPanels), so they are there before the first tap and offline after that. Not
// on an idle callback: a connection lost before it ran would fail the fetch for good (a browser
// keeps a failed module import), and the counter or tracker could then never open.
const loadCounter = () => import('../counter/CounterPanel');
const loadTracker = () => import('../tracker/TrackerPanel');
const CounterPanel = lazy(() => loadCounter().then((m) => ({ default: m.CounterPanel })));
const TrackerPanel = lazy(() => loadTracker().then((m) => ({ default: m.TrackerPanel })));

/** Fetches the panels' chunks now (called once the app has mounted). */
export function prefetchPanels(): void {
  void Promise.all([loadCounter(), loadTracker()]).catch(() => {});
}

/** Whichever panel is open: a counter, the tracker, or the avatar set-up. */
export function ActivePanel({ variant }: { variant: 'sheet' | 'region' }) {
  const t = useT();
  const panel = useAppStore((s) => s.panel);
  if (!panel) return null;
  const loading = <progress className="submit-progress" aria-label={t('loadingPanel')} />;
  switch (panel.kind) {
    case 'counter':
      return (
        <Suspense fallback={loading}>
          <CounterPanel key={`counter-${panel.agency}`} agencyCode={panel.agency} variant={variant} />
        </Suspense>
      );
    case 'tracker':
      return (
        <Suspense fallback={loading}>
          <TrackerPanel key={`tracker-${panel.ticket ?? ''}`} ticket={panel.ticket} variant={variant} />
        </Suspense>
      );
    case 'avatar':
      return <AvatarDialog key="avatar" variant={variant} />;
  }
}
