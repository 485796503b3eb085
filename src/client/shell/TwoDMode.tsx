import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { catalog } from '../catalog';
import { useT } from '../i18n';
import { useAppStore } from '../state';
import { ActivePanel } from './ActivePanel';
import type { DirectoryEntry } from '../wayfinding/counterDirectory';
import { LazyFirstVisitGuide } from '../guide/LazyFirstVisitGuide';
import { MainRegion } from './MainRegion';
import { TakeMeTo } from '../wayfinding/TakeMeTo';
import { TwoDCounterList } from '../counter/TwoDCounterList';
import { useFirstVisitGuide } from '../guide/useFirstVisitGuide';

/** The whole app without a canvas: every counter as a button, its panel beside the list. */
export function TwoDMode() {
  const t = useT();
  const { panel, openCounter, openTracker } = useAppStore(
    useShallow((s) => ({ panel: s.panel, openCounter: s.openCounter, openTracker: s.openTracker })),
  );
  const guide = useFirstVisitGuide();
  // "Take me to…" without a hall: focus that counter in the list (Escape returns there) and open it.
  const takeMeTo = (entry: DirectoryEntry) => {
    if (entry.loket === null) {
      openTracker();
      return;
    }
    document.querySelector<HTMLElement>(`.counter-list [data-counter="${entry.code}"]`)?.focus();
    openCounter(entry.code);
  };
  // The general counter first: "no wrong door" for citizens who do not know the agency.
  const agencies = useMemo(() => [...catalog.agencies].sort((a, b) => Number(b.general) - Number(a.general)), []);
  return (
    <MainRegion className="twod">
      <div className="twod-intro">
        <h1 tabIndex={-1}>{t('countersTitle')}</h1>
        <p className="lead">{t('countersLead')}</p>
        <TakeMeTo variant="2d" onPick={takeMeTo} />
      </div>
      <div className={`twod-layout${panel ? ' twod-layout--open' : ''}`}>
        <TwoDCounterList agencies={agencies} />
        {panel && (
          <div className="twod-panel">
            <ActivePanel variant="region" />
          </div>
        )}
      </div>
      {guide.open && <LazyFirstVisitGuide variant="2d" onDone={guide.done} />}
    </MainRegion>
  );
}
