import { lazy, Suspense } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../state';
import { AvatarDialog } from '../welcome/AvatarDialog';

// The counter (forms) and the tracker are chunks of their own, fetched while the page is idle
// right after the first paint (see prefetchPanels), so they are there before the first tap and
// offline after that.
const loadCounter = () => import('../counter/CounterPanel');
const loadTracker = () => import('../tracker/TrackerPanel');
const CounterPanel = lazy(() => loadCounter().then((m) => ({ default: m.CounterPanel })));
const TrackerPanel = lazy(() => loadTracker().then((m) => ({ default: m.TrackerPanel })));

/** Fetches the panels' chunks once the page is idle. */
export function prefetchPanels(): void {
  const go = () => void Promise.all([loadCounter(), loadTracker()]).catch(() => {});
  if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 2000 });
  else setTimeout(go, 500);
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
