import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { catalog } from '../catalog';
import { useT } from '../i18n';
import { useAppStore } from '../state';
import { ActivePanel } from './ActivePanel';
import { MainRegion } from './MainRegion';
import { TwoDCounterList } from './TwoDCounterList';

/** The whole app without a canvas: every counter as a button, its panel beside the list. */
export function TwoDMode() {
  const t = useT();
  const { panel } = useAppStore(useShallow((s) => ({ panel: s.panel })));
  // The general counter first: "no wrong door" for citizens who do not know the agency.
  const agencies = useMemo(() => [...catalog.agencies].sort((a, b) => Number(b.general) - Number(a.general)), []);
  return (
    <MainRegion className="twod">
      <div className="twod-intro">
        <h1 tabIndex={-1}>{t('countersTitle')}</h1>
        <p className="lead">{t('countersLead')}</p>
      </div>
      <div className={`twod-layout${panel ? ' twod-layout--open' : ''}`}>
        <TwoDCounterList agencies={agencies} />
        {panel && (
          <div className="twod-panel">
            <ActivePanel variant="region" />
          </div>
        )}
      </div>
    </MainRegion>
  );
}
